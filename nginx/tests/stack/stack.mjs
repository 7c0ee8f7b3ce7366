// Starts what the stack tests need: Stride backends (payara/launch.sh, each with its own port
// and Payara root folder, on the database that DB_* name) and Nginx in front of them (rendered by
// nginx/render.sh into a run folder), and stops them again. Waits by polling, never by sleeping
// a fixed time.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const nginxDir = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const top = join(nginxDir, "..");

const children = new Set();

/** Whether 127.0.0.1:port can be listened on now (0: any port); the port, or null. */
function listenable(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.on("error", () => resolve(null));
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address();
      server.close(() => resolve(bound));
    });
  });
}

// STRIDE_TEST_PORTS=FIRST-LAST keeps every port of the suite in that range (a machine shared with
// others); otherwise the OS picks them. A port is handed out once.
const range = /^(\d+)-(\d+)$/.exec(process.env.STRIDE_TEST_PORTS || "");
const handedOut = new Set();

/** A TCP port that nothing listens on right now. */
export async function freePort() {
  if (!range) return listenable(0);
  for (let port = Number(range[1]); port <= Number(range[2]); port++) {
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    if (await listenable(port)) return port;
  }
  throw new Error(`no free port left in STRIDE_TEST_PORTS=${process.env.STRIDE_TEST_PORTS}`);
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `every` ms until it returns true; throws after `seconds`. */
export async function until(what, check, { seconds = 30, every = 250 } = {}) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    let last;
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not after ${seconds} s${last ? ` (${last.message})` : ""}`);
    await pause(every);
  }
}

async function answers(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await response.arrayBuffer();
  return response.status === 200;
}

/** A child process with its output in `log`, stopped by stopAll; `exited` resolves when it ends. */
export function start(command, args, { env = {}, log }) {
  const out = createWriteStream(log);
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  child.exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(signal || code)));
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

/** A secret of the shape of Stride's tokens: stride_ and 43 URL-safe base64 characters. */
export const newSecret = () => `stride_${randomBytes(32).toString("base64url")}`;

/**
 * Payara Micro with the built WAR on 127.0.0.1:port, ready (/health/ready UP), with `adminToken`
 * as its first admin token (STRIDE_ADMIN_TOKEN).
 */
export async function startBackend(work, port, adminToken) {
  const root = join(work, `payara-${port}`);
  const log = join(work, `payara-${port}.log`);
  const child = start(join(top, "payara/launch.sh"), [], {
    env: { HTTP_PORT: String(port), PAYARA_ROOT_DIR: root, STRIDE_ADMIN_TOKEN: adminToken }, log,
  });
  let exited = false;
  child.exited.then(() => { exited = true; });
  await until(`Stride on port ${port} ready (log: ${log})`, async () => {
    if (exited) throw new Error(`it stopped: ${readFileSync(log, "utf8").split("\n").slice(-15).join("\n")}`);
    return answers(`http://127.0.0.1:${port}/health/ready`);
  }, { seconds: 300, every: 500 });
  return { port, address: `127.0.0.1:${port}`, child, log, root };
}

/**
 * Starts a killed backend again on its port, in a fresh Payara root folder (Payara Micro would
 * first redeploy what it deployed there last time); `backend` then describes the new process.
 */
export async function restartBackend(work, backend, adminToken) {
  await kill(backend.child);
  rmSync(backend.root, { recursive: true, force: true });
  Object.assign(backend, await startBackend(work, backend.port, adminToken));
}

/** fetch of /api/PATH at `base` (Nginx), with Authorization: Bearer `token` unless it is null. */
export function api(base, path, { token, ...init } = {}) {
  const headers = { ...init.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(`${base}/api${path}`, { ...init, headers });
}

/** A new token of `userId` with `scopes`, made with `adminToken`: the 201's body, with its secret. */
export async function mint(base, adminToken, userId, scopes) {
  const response = await api(base, "/tokens", {
    token: adminToken, method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: `stack test ${userId}`, scopes, userId }),
  });
  if (response.status !== 201) throw new Error(`POST /api/tokens: ${response.status} ${await response.text()}`);
  return response.json();
}

/** fetch options of a POST of `body` as JSON. */
export const json = (body) => ({ method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

/** The `i`-th session of a test's user, with an id of its own. */
export function session(userId, i, extra = {}) {
  return {
    id: randomUUID(), userId, activity: ["running", "cycling", "yoga"][i % 3],
    startedAt: new Date(Date.UTC(2026, 0, 1, 6) + i * 3600_000 * 7).toISOString(),
    durationSeconds: 600 + i, ...extra,
  };
}

/** Writes a configuration with render.sh; returns the run folder. */
export function render(run, env) {
  mkdirSync(run, { recursive: true });
  const result = spawnSync(join(nginxDir, "render.sh"), [run], { env: { ...process.env, ...env }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`render.sh failed: ${result.stderr}`);
  return run;
}

const nginxArgs = (run) => ["-p", run, "-c", join(run, "conf/nginx.conf"), "-e", "logs/error.log"];

/** `nginx -t` on a rendered configuration: {ok, output}. */
export function nginxTest(run) {
  const result = spawnSync("nginx", [...nginxArgs(run), "-t"], { encoding: "utf8" });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/**
 * Nginx in the foreground, rendered into `run` with `env` over free ports on 127.0.0.1 (HTTP,
 * HTTPS and stub_status, so that several can run at once), answering on its HTTP port.
 */
export async function startNginx(run, env) {
  const [httpPort, httpsPort, statusPort] = await Promise.all([freePort(), freePort(), freePort()]);
  render(run, {
    NGINX_LISTEN_ADDRESS: "127.0.0.1", NGINX_WORKERS: "1", ...env,
    NGINX_PORT: String(httpPort), NGINX_HTTPS_PORT: String(httpsPort), NGINX_STATUS_PORT: String(statusPort),
  });
  const check = nginxTest(run);
  if (!check.ok) throw new Error(`nginx -t: ${check.output}`);
  const child = start("nginx", [...nginxArgs(run), "-g", "daemon off;"], { log: join(run, "logs/stdout.log") });
  const url = `http://127.0.0.1:${httpPort}`;
  await until(`Nginx on port ${httpPort}`, async () => {
    if (child.exitCode !== null) throw new Error(readFileSync(join(run, "logs/error.log"), "utf8"));
    const response = await fetch(`${url}/`, { redirect: "manual", signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.status > 0;
  });
  return { child, run, url, httpsPort, statusUrl: `http://127.0.0.1:${statusPort}/stub_status` };
}

/** Kills a started process (SIGKILL: no goodbye) and waits until it is gone. */
export async function kill(child, signal = "SIGKILL") {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  await child.exited;
}

/** Stops everything this module started. */
export async function stopAll() {
  await Promise.all([...children].map((child) => kill(child, "SIGTERM")));
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const child of children) child.kill("SIGKILL");
    process.exit(1);
  });
}

/** The entries of Nginx's access log (format "stride" in nginx.conf: one JSON object a line). */
export function accessLog(run) {
  // Complete lines only: the last piece is empty, or a line Nginx is still writing.
  return readFileSync(join(run, "logs/access.log"), "utf8").split("\n").slice(0, -1).map((line) => {
    try {
      return JSON.parse(line);
    } catch {
      throw new Error(`not a JSON line in the access log: ${line}`);
    }
  });
}
