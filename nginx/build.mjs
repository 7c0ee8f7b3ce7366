// Builds the page into web/dist, the folder Nginx serves (no bundler: the sources are plain ES
// modules). Assets go to dist/assets/<hash of all assets>/ so that they can be cached for a year;
// index.html names that folder and is never cached. Each asset also gets a .gz for gzip_static.
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, "web/src");
const dist = join(here, "web/dist");
const modules = join(here, "node_modules");

// name in the asset folder -> source file
const assets = {
  "app.js": join(src, "app.js"),
  "api.js": join(src, "api.js"),
  "sign-in.js": join(src, "sign-in.js"),
  "zone.js": join(src, "zone.js"),
  "session-form.js": join(src, "session-form.js"),
  "dom.js": join(src, "dom.js"),
  "units.js": join(src, "units.js"),
  "activity-files.js": join(src, "activity-files.js"),
  "plot.js": join(src, "plot.js"),
  "samples.js": join(src, "samples.js"),
  "records.js": join(src, "records.js"),
  "imports.js": join(src, "imports.js"),
  "records-table.js": join(src, "records-table.js"),
  "session-detail.js": join(src, "session-detail.js"),
  "style.css": join(src, "style.css"),
  "api-docs.js": join(src, "api-docs/api-docs.js"),
  "api-docs.css": join(src, "api-docs/api-docs.css"),
  "chart.umd.min.js": join(modules, "chart.js/dist/chart.umd.min.js"),
  "swagger-ui-bundle.js": join(modules, "swagger-ui-dist/swagger-ui-bundle.js"),
  "swagger-ui.css": join(modules, "swagger-ui-dist/swagger-ui.css"),
};
const pages = { "index.html": join(src, "index.html"), "api/docs/index.html": join(src, "api-docs/index.html") };
const plain = { "favicon.svg": join(src, "favicon.svg") };

// The source maps of the libraries are not shipped: no reference to them either.
const read = (file) => readFileSync(file, "utf8").replace(/\n\/[/*]# sourceMappingURL=\S+(\s*\*\/)?\s*$/, "\n");

const contents = Object.fromEntries(Object.entries(assets).map(([name, file]) => [name, read(file)]));
const hash = createHash("sha256");
for (const name of Object.keys(contents).sort()) hash.update(name).update("\0").update(contents[name]).update("\0");
const version = hash.digest("hex").slice(0, 12);

rmSync(dist, { recursive: true, force: true });
const folder = join(dist, "assets", version);
mkdirSync(folder, { recursive: true });
for (const [name, text] of Object.entries(contents)) {
  writeFileSync(join(folder, name), text);
  writeFileSync(join(folder, `${name}.gz`), gzipSync(text, { level: 9 }));
}
for (const [name, file] of Object.entries(pages)) {
  mkdirSync(dirname(join(dist, name)), { recursive: true });
  writeFileSync(join(dist, name), readFileSync(file, "utf8").replaceAll("@ASSETS@", version));
}
for (const [name, file] of Object.entries(plain)) copyFileSync(file, join(dist, name));
console.log(`build: web/dist with assets/${version}/ (${Object.keys(assets).length} assets)`);
