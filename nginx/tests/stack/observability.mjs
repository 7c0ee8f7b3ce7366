// What an operator sees of the stack. Request ids: Nginx passes a valid X-Request-Id of the
// client on or makes its own, and every answer carries exactly one, also the answers Nginx makes
// itself; the access log is one JSON object a line. Nginx's stub_status on its own port. Debian's
// Prometheus scraping both backends and Nginx (through nginx-prometheus-exporter) while the
// tester sends load through Nginx, asked through its HTTP API what it saw.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { connect } from "node:net";
import { join } from "node:path";
import { startNginxExporter, startPrometheus } from "./prometheus.mjs";
import {
  accessLog, api, freePort, json, kill, restartBackend, session, start, startNginx, top, until,
} from "./stack.mjs";

/** An id Nginx made itself ($request_id). */
const NGINX_ID = /^[0-9a-f]{32}$/;

/**
 * One request written to Nginx byte for byte (a CR or LF in a header value included, which no
 * HTTP client sends), HTTP/1.0 so that the answer is neither chunked nor kept alive: its status,
 * headers (lower-case name -> every value) and body.
 */
function raw(url, lines) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(`${lines.join("\r\n")}\r\n\r\n`));
    const chunks = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const split = text.indexOf("\r\n\r\n");
      const [statusLine, ...fields] = text.slice(0, split).split("\r\n");
      const headers = {};
      for (const field of fields) {
        const colon = field.indexOf(":");
        (headers[field.slice(0, colon).toLowerCase()] ??= []).push(field.slice(colon + 1).trim());
      }
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: text.slice(split + 4) });
    });
  });
}

/** A GET of `path` with `X-Request-Id: id` (unless id is null), written as it is. */
const getWithId = (url, path, id) =>
  raw(url, [`GET ${path} HTTP/1.0`, "Host: stride.test", ...(id === null ? [] : [`X-Request-Id: ${id}`])]);

/** The one access log entry of the request `id`, once Nginx has written it. */
async function logged(run, id) {
  let entries = [];
  await until(`the access log entry of ${id}`, () => (entries = accessLog(run).filter((e) => e.request_id === id)).length > 0,
    { seconds: 5, every: 50 });
  assert.equal(entries.length, 1, `one entry for ${id}`);
  return entries[0];
}

/**
 * A stand-in backend that answers every request with the X-Request-Id headers it received, and
 * echoes the id back in its answer as Stride does, so that a duplicate would show.
 */
async function startEchoBackend() {
  const port = await freePort();
  const server = createServer((request, response) => {
    const received = request.headersDistinct["x-request-id"] ?? [];
    response.setHeader("Content-Type", "application/json");
    if (received.length) response.setHeader("X-Request-Id", received[0]);
    response.end(JSON.stringify({ received }));
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { server, address: `127.0.0.1:${port}` };
}

export function requestIdSuite(stack, work) {
  let echo;
  let nginx; // in front of the echo backend

  before(async () => {
    echo = await startEchoBackend();
    nginx = await startNginx(join(work, "nginx-echo"), { STRIDE_BACKENDS: echo.address });
  });

  after(async () => {
    await kill(nginx.child, "SIGTERM");
    await new Promise((resolve) => echo.server.close(resolve));
  });

  test("a valid X-Request-Id of the client reaches the backend once and comes back once", async () => {
    for (const id of ["a", "x".repeat(64), randomUUID(), "checkout:3fa85f64.retry_2", "AZ.az_09:-"]) {
      const answer = await getWithId(nginx.url, "/api/echo", id);
      assert.equal(answer.status, 200, id);
      assert.deepEqual(JSON.parse(answer.body).received, [id], `the backend got ${id}`);
      assert.deepEqual(answer.headers["x-request-id"], [id], "the client gets it once, not the backend's echo besides");
    }
  });

  test("any other X-Request-Id is replaced by Nginx's own: too long, empty, missing, other characters", async () => {
    for (const id of ["x".repeat(65), "", null, "two words", '"quoted"', "a,b", "semi;colon", "<b>", "ünïcode",
      "tab\there", "%0d%0aX-Injected:%201", "a/b", "a=b"]) {
      const answer = await getWithId(nginx.url, "/api/echo", id);
      assert.equal(answer.status, 200, JSON.stringify(id));
      const [returned, ...more] = answer.headers["x-request-id"];
      assert.match(returned, NGINX_ID, JSON.stringify(id));
      assert.deepEqual(more, []);
      assert.deepEqual(JSON.parse(answer.body).received, [returned], "the backend got Nginx's id");
    }
    const first = (await getWithId(nginx.url, "/api/echo", null)).headers["x-request-id"][0];
    const second = (await getWithId(nginx.url, "/api/echo", null)).headers["x-request-id"][0];
    assert.notEqual(first, second, "a new id for every request");
  });

  test("CR or LF never become part of an id: a CR is refused by Nginx, an LF ends the header there", async () => {
    for (const id of ["abc\rX-Injected: 1", "abc\0def"]) {
      const refused = await getWithId(nginx.url, "/api/echo", id);
      assert.equal(refused.status, 400, JSON.stringify(id));
      assert.match(refused.headers["content-type"][0], /^application\/problem\+json/);
      assert.match(refused.headers["x-request-id"][0], NGINX_ID, JSON.stringify(id));
    }
    // HTTP reads a lone LF as the end of a line: what follows is another header, not the id.
    const split = await getWithId(nginx.url, "/api/echo", "abc\nX-Injected: 1");
    assert.equal(split.status, 200);
    assert.deepEqual(split.headers["x-request-id"], ["abc"]);
    assert.deepEqual(JSON.parse(split.body).received, ["abc"]);
  });

  test("the access log is one JSON object a line: the id, the client, the request, the backend and its time", async () => {
    const id = `log-${randomUUID()}`;
    const before = Date.now();
    assert.equal((await getWithId(nginx.url, "/api/echo?q=a%22b", id)).status, 200);
    const entry = await logged(nginx.run, id);
    assert.deepEqual(Object.keys(entry), ["time", "request_id", "remote_addr", "method", "uri", "status", "body_bytes_sent",
      "request_time", "upstream_addr", "upstream_status", "upstream_response_time"]);
    const { time, body_bytes_sent, request_time, upstream_response_time, ...exact } = entry;
    assert.deepEqual(exact, {
      request_id: id, remote_addr: "127.0.0.1", method: "GET", uri: "/api/echo?q=a%22b", status: 200,
      upstream_addr: echo.address, upstream_status: "200",
    });
    assert.ok(Math.abs(Date.parse(time) - before) < 5000, time);
    assert.ok(body_bytes_sent > 0);
    assert.equal(typeof request_time, "number");
    assert.match(upstream_response_time, /^\d+\.\d{3}$/);
  });

  test("through Stride: the client's id comes back once, the log names the backend that answered", async () => {
    const id = `stride-${randomUUID()}`;
    const response = await api(stack.url, "/sessions?limit=1", { token: stack.adminToken, headers: { "X-Request-Id": id } });
    assert.equal(response.status, 200);
    await response.arrayBuffer();
    // fetch joins repeated headers with ", ": an echo of the backend besides Nginx's would show.
    assert.equal(response.headers.get("x-request-id"), id);
    const entry = await logged(stack.run, id);
    assert.ok(stack.backends.some((b) => b.address === entry.upstream_addr), entry.upstream_addr);
    assert.equal(entry.upstream_status, "200");
    assert.match(entry.upstream_response_time, /^\d+\.\d{3}$/);
  });

  test("the answers Nginx makes itself carry an id, the one in the access log", async () => {
    const asked = [
      ["a static file", "/index.html", {}, 200],
      ["a missing file", "/nothing-here.txt", {}, 404],
      ["a refused path", "/api/..;/health", {}, 404],
      ["a body over 1 MiB", "/api/sessions", { method: "POST", body: " ".repeat(1024 * 1024 + 1) }, 413],
      ["a URI over the header buffers", `/api/sessions?userId=${"u".repeat(9000)}`, {}, 414],
    ];
    for (const [what, path, init, status] of asked) {
      const response = await fetch(`${stack.url}${path}`, init);
      await response.arrayBuffer();
      assert.equal(response.status, status, what);
      const id = response.headers.get("x-request-id");
      assert.match(id, NGINX_ID, what);
      const entry = await logged(stack.run, id);
      assert.equal(entry.status, status, what);
      assert.equal(entry.upstream_addr, "", `${what}: answered by Nginx`);
    }
    // 502: no backend answers.
    const dead = await startNginx(join(work, "nginx-dead-backend"), { STRIDE_BACKENDS: `127.0.0.1:${await freePort()}` });
    try {
      const id = `dead-${randomUUID()}`;
      const answer = await getWithId(dead.url, "/api/sessions", id);
      assert.equal(answer.status, 502);
      assert.match(answer.headers["content-type"][0], /^application\/problem\+json/);
      assert.deepEqual(answer.headers["x-request-id"], [id]);
      assert.equal((await logged(dead.run, id)).status, 502);
    } finally {
      await kill(dead.child, "SIGTERM");
    }
  });
}

export function stubStatusSuite(stack) {
  test("stub_status answers on its own port only, and nothing else does there; it is not in the access log", async () => {
    const status = await fetch(stack.nginx.statusUrl);
    assert.equal(status.status, 200);
    assert.match(await status.text(), /^Active connections: \d+\s*\nserver accepts handled requests\n\s*\d+ \d+ \d+/);
    const other = await fetch(new URL("/stub_status/more", stack.nginx.statusUrl));
    await other.arrayBuffer();
    assert.equal(other.status, 404);
    const published = await fetch(`${stack.url}/stub_status`);
    await published.arrayBuffer();
    assert.equal(published.status, 404, "not on the HTTP port");
    const uris = accessLog(stack.run).map((entry) => entry.uri);
    assert.equal(uris.filter((uri) => uri === "/stub_status/more").length, 0, "the status port logs nothing");
    assert.equal(uris.filter((uri) => uri === "/stub_status").length, 1, "the HTTP port's 404 is logged");
  });
}

export function prometheusSuite(stack, work, run) {
  let prometheus;
  let exporter;

  /** `up` of every target: { "host:port": 0 or 1 }. */
  const up = async () => Object.fromEntries((await prometheus.query("up")).map(({ metric, value }) => [metric.instance, value]));
  /** The one value of `expr`, 0 when it has none (no such series yet). */
  const scalar = async (expr) => (await prometheus.query(expr))[0]?.value ?? 0;

  before(async () => {
    exporter = await startNginxExporter(work, stack.nginx.statusUrl);
    prometheus = await startPrometheus(work, { stride: stack.backends.map((b) => b.address), nginx: [exporter.address] });
  });

  after(async () => {
    await kill(prometheus.child, "SIGTERM");
    await kill(exporter.child, "SIGTERM");
  });

  test("Prometheus scrapes both backends and the exporter: up is 1, with Payara's and Nginx's metrics", async () => {
    const targets = [...stack.backends.map((b) => b.address), exporter.address].sort();
    await until("up is 1 for both backends and the exporter", async () => {
      const seen = await up();
      assert.deepEqual(Object.keys(seen).sort(), targets);
      assert.ok(Object.values(seen).every((value) => value === 1), JSON.stringify(seen));
      return true;
    });
    const heap = await prometheus.query('memory_usedHeap_bytes{mp_scope="base"}');
    assert.deepEqual(heap.map((s) => s.metric.instance).sort(), stack.backends.map((b) => b.address).sort());
    for (const { value } of heap) assert.ok(value > 0, "a used heap");
    assert.equal(await scalar(`nginx_up{instance="${exporter.address}"}`), 1, "the exporter reads stub_status");
  });

  test("load through Nginx moves the request counters and the latency histogram, by route template", async () => {
    const jar = join(top, "tester/target/stride-tester.jar");
    assert.ok(existsSync(jar), `${jar} is missing: build it with (cd tester && mvn -B -q package -DskipTests)`);
    const REQUESTS = "sum(stride_http_server_requests_total)";
    const NGINX_REQUESTS = "sum(nginx_http_requests_total)";
    // The last scrapes before the load: every request below comes after them.
    const before = { stride: await scalar(REQUESTS), nginx: await scalar(NGINX_REQUESTS) };

    const out = join(work, "tester-out");
    const log = join(work, "tester.log");
    const tester = start("java", ["-jar", jar, "simulate", `--base-url=${stack.url}/api`, "--users=4",
      "--sessions-per-user=100", "--batch-size=1", "--concurrency=4", `--seed=${parseInt(run, 36) % 1e9}`,
      "--no-user-tokens", "--no-verify", `--out=${out}`], { env: { STRIDE_TOKEN: stack.adminToken }, log });
    assert.equal(await tester.exited, 0, `the tester failed: ${readFileSync(log, "utf8")}`);
    let sent = Number(/^requests,(\d+)$/m.exec(readFileSync(join(out, "summary.csv"), "utf8"))[1]);
    assert.ok(sent >= 400, `the tester sent ${sent} requests`);
    // Sessions read by id: their route must be the template, not the path.
    const userId = `metrics-${run}`;
    for (const body of [session(userId, 0), session(userId, 1)]) {
      assert.equal((await api(stack.url, "/sessions", { token: stack.adminToken, ...json(body) })).status, 201);
      assert.equal((await api(stack.url, `/sessions/${body.id}`, { token: stack.adminToken })).status, 200);
    }
    assert.equal((await api(stack.url, `/sessions/${randomUUID()}`, { token: stack.adminToken })).status, 404);
    sent += 5;

    const movedBy = (expr, from, least) => until(`${expr} up by at least ${least}`, async () => {
      const moved = (await scalar(expr)) - from;
      assert.ok(moved >= least, `up by ${moved}`);
      return true;
    });
    await movedBy(NGINX_REQUESTS, before.nginx, sent);
    await movedBy(REQUESTS, before.stride, sent);
    const P99 = "histogram_quantile(0.99, sum by (le) (rate(stride_http_server_request_duration_seconds_bucket[30s])))";
    await until("a finite p99 latency", async () => {
      const [p99] = await prometheus.query(P99);
      assert.ok(p99 && Number.isFinite(p99.value) && p99.value > 0, `p99: ${p99 ? p99.value : "no series"}`);
      return true;
    });

    const routes = (await prometheus.query("count by (route) (stride_http_server_requests_total)")).map((s) => s.metric.route);
    assert.ok(routes.includes("/api/sessions/{id}"), `routes: ${routes.join(" ")}`);
    assert.ok(routes.includes("/api/sessions"), `routes: ${routes.join(" ")}`);
    for (const route of routes) assert.doesNotMatch(route, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i, "an id in a route");
  });

  test("a killed backend's up goes to 0 while the other's stays 1", async () => {
    const [alive, victim] = stack.backends;
    await kill(victim.child);
    let seen;
    try {
      await until(`up of the killed backend ${victim.address} is 0`, async () => (seen = await up())[victim.address] === 0);
      assert.equal(seen[alive.address], 1, `the other backend: ${JSON.stringify(seen)}`);
    } finally {
      await restartBackend(work, victim, stack.adminToken);
    }
    // The tests that follow expect both behind Nginx again. Nginx sent nothing to the killed one,
    // so it has not left it out.
    await until("Nginx sends to both backends again", async () => {
      const from = accessLog(stack.run).length;
      for (let i = 0; i < 4; i++) await (await api(stack.url, "/sessions?limit=1", { token: stack.adminToken })).arrayBuffer();
      const served = new Set(accessLog(stack.run).slice(from).map((entry) => entry.upstream_addr));
      return stack.backends.every((b) => served.has(b.address));
    });
  });
}
