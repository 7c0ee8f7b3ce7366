// Importing activity files: chosen with the file input or dropped on its zone, each file is sent
// on its own (one after the other: a few MiB each, no need to share the line) with the media type
// of its name, and its outcome is listed — created, already imported, or refused with the server's
// problem detail. The list of sessions is refreshed once something was stored.
import { ApiError, importFile } from "./api.js";
import { ACCEPT, contentTypeOf, refusal } from "./activity-files.js";
import { $, element } from "./dom.js";

let hooks; // {userId(), when(iso), imported(), signInEnded(error)}
let busy = false;

const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes("Files");

/** Wires the input and the drop zone; `given` as `hooks` above. */
export function startImports(given) {
  hooks = given;
  const input = $("import-files");
  input.accept = ACCEPT;
  input.addEventListener("change", () => {
    const files = [...input.files];
    input.value = ""; // the same file chosen again is a change again
    send(files);
  });
  const zone = $("drop-zone");
  for (const type of ["dragenter", "dragover"]) {
    zone.addEventListener(type, (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault(); // allows the drop
      event.dataTransfer.dropEffect = "copy";
      zone.classList.add("dragging");
    });
  }
  zone.addEventListener("dragleave", (event) => {
    if (!zone.contains(event.relatedTarget)) zone.classList.remove("dragging");
  });
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    send([...event.dataTransfer.files]);
  });
  // A file dropped beside the zone would make the browser leave the page to show it.
  for (const type of ["dragover", "drop"]) {
    window.addEventListener(type, (event) => { if (hasFiles(event)) event.preventDefault(); });
  }
}

/** Forgets the outcomes shown (signing out). */
export function clearImports() {
  $("import-results").replaceChildren();
}

function describe(session) {
  const samples = session.source ? `, ${session.source.samples} samples from ${session.source.format.toUpperCase()}` : "";
  return `the ${session.activity} session of ${hooks.when(session.startedAt)}${samples}`;
}

/** What became of one file: {outcome: created | existing | refused, text, session?, ended?}. */
async function importOne(file) {
  const refused = refusal(file);
  if (refused) return { outcome: "refused", text: `not sent: ${refused}` };
  const activity = $("import-activity").value || undefined; // empty: the file's own sport
  try {
    const { created, session } = await importFile(file, contentTypeOf(file.name), { userId: hooks.userId(), activity });
    return created ? { outcome: "created", text: `imported as ${describe(session)}`, session }
      : { outcome: "existing", text: `already imported, as ${describe(session)}`, session };
  } catch (error) {
    if (hooks.signInEnded(error)) return { outcome: "refused", text: "not sent: the sign-in has ended", ended: true };
    if (error instanceof ApiError) return { outcome: "refused", text: `refused: ${error.message}` };
    return { outcome: "refused", text: `not sent: Stride could not be reached (${error.message})` };
  }
}

async function send(files) {
  if (!files.length || busy || !hooks.userId()) return;
  busy = true;
  $("import-files").disabled = true;
  const list = $("import-results");
  list.replaceChildren();
  let stored = 0;
  try {
    for (const file of files) {
      const status = element("span", { class: "outcome", text: "sending…" });
      const item = element("li", { "data-outcome": "sending" }, element("strong", { text: file.name }), ": ", status);
      list.append(item);
      const result = await importOne(file);
      if (result.ended) return; // the view is cleared; the rest would be refused too
      item.dataset.outcome = result.outcome;
      status.textContent = result.text;
      if (result.session) {
        item.dataset.id = result.session.id;
        item.append(" ", element("a", { href: `#session/${result.session.id}`, text: "Details" }));
      }
      if (result.outcome === "created") stored++;
    }
    $("import-summary").textContent = `${files.length} ${files.length === 1 ? "file" : "files"}: ${stored} imported, `
      + `${list.querySelectorAll("[data-outcome=existing]").length} already there, `
      + `${list.querySelectorAll("[data-outcome=refused]").length} refused.`;
  } finally {
    busy = false;
    $("import-files").disabled = false;
  }
  if (stored) hooks.imported();
}
