// Debian's Prometheus and nginx-prometheus-exporter (packages prometheus and
// prometheus-nginx-exporter), started natively for the stack tests on free ports, each ready
// before it is returned (polled, never slept for), and stopped by stopAll like the rest.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort, start, until } from "./stack.mjs";

async function answers200(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await response.arrayBuffer();
  return response.status === 200;
}

/** The exporter turning the stub_status page at `statusUrl` into Prometheus metrics (nginx_*). */
export async function startNginxExporter(work, statusUrl) {
  const port = await freePort();
  const log = join(work, "nginx-exporter.log");
  const child = start("prometheus-nginx-exporter",
    [`-nginx.scrape-uri=${statusUrl}`, `-web.listen-address=127.0.0.1:${port}`], { log });
  await until(`nginx-prometheus-exporter on port ${port} (log: ${log})`, () => answers200(`http://127.0.0.1:${port}/metrics`));
  return { child, address: `127.0.0.1:${port}` };
}

/**
 * Prometheus scraping `jobs` ({ job name: ["host:port", ...] }, each at /metrics) every second, so
 * that a test sees a change within seconds, with its data in a folder of its own.
 */
export async function startPrometheus(work, jobs) {
  const port = await freePort();
  const folder = join(work, "prometheus");
  mkdirSync(join(folder, "data"), { recursive: true });
  const config = {
    // A scrape may take as long as the interval, not the default 10 s.
    global: { scrape_interval: "1s", scrape_timeout: "1s" },
    scrape_configs: Object.entries(jobs).map(([job, targets]) => ({
      job_name: job, metrics_path: "/metrics", static_configs: [{ targets }],
    })),
  };
  // JSON is YAML: Prometheus reads it as its configuration file.
  writeFileSync(join(folder, "prometheus.yml"), JSON.stringify(config, null, 2));
  const log = join(folder, "prometheus.log");
  const child = start("prometheus", [
    `--config.file=${join(folder, "prometheus.yml")}`, `--storage.tsdb.path=${join(folder, "data")}`,
    `--web.listen-address=127.0.0.1:${port}`,
  ], { log });
  const url = `http://127.0.0.1:${port}`;
  await until(`Prometheus on port ${port} ready (log: ${log})`, () => {
    if (child.exitCode !== null) throw new Error(`it stopped (exit code ${child.exitCode})`);
    return answers200(`${url}/-/ready`);
  });
  return { child, url, query: (expr) => query(url, expr) };
}

/** The instant vector of `expr` (PromQL) now: [{ metric: {labels}, value: number }]. */
async function query(url, expr) {
  const response = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query: expr })}`);
  const body = await response.json();
  if (body.status !== "success") throw new Error(`${expr}: ${body.errorType} ${body.error}`);
  const number = (text) => ({ "+Inf": Infinity, "-Inf": -Infinity })[text] ?? Number(text);
  return body.data.result.map(({ metric, value }) => ({ metric, value: number(value[1]) }));
}
