// Nginx in front of two Stride backends, tested from outside: the proxy (both backends used,
// limits, errors, headers, HTTPS), the page in headless Chromium, and a backend killed during a
// stream of POSTs. Needs DB_* naming a prepared database (./stride test exports them), the built
// WAR (target/stride.war), the built page (npm run build), nginx and /usr/bin/chromium.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  accessLog, freePort, kill, nginxDir, nginxTest, render, startBackend, startNginx, stopAll, until,
} from "./stack.mjs";
import { browserSuite } from "./browser.mjs";

const work = mkdtempSync(join(process.env.STRIDE_TEST_WORK || tmpdir(), "stride-nginx-"));
chmodSync(work, 0o755); // Nginx's workers run as nobody when the tests run as root
const run = `${Date.now().toString(36)}`; // makes user ids unique per run
const stack = {};

before(async () => {
  const [port1, port2, http, https] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  // One at a time: two Payara Micro start-ups at once make each slower on two cores.
  stack.backends = [await startBackend(work, port1), await startBackend(work, port2)];
  stack.httpsPort = https;
  stack.run = render(join(work, "nginx"), {
    STRIDE_BACKENDS: stack.backends.map((b) => b.address).join(","),
    NGINX_LISTEN_ADDRESS: "127.0.0.1", NGINX_PORT: String(http), NGINX_HTTPS_PORT: String(https),
    NGINX_WORKERS: "1",
  });
  const check = nginxTest(stack.run);
  assert.ok(check.ok, check.output);
  stack.nginx = await startNginx(stack.run, http);
  stack.url = stack.nginx.url;
  const probe = await fetch(`${stack.url}/api/users/probe/stats`);
  stack.statsAvailable = probe.status === 200;
  console.log(`# Nginx ${stack.url} -> ${stack.backends.map((b) => b.address).join(", ")}; statistics ${stack.statsAvailable ? "available" : "not available: their checks are skipped"}`);
});

after(async () => {
  await stack.browser?.close();
  await stopAll();
});

const api = (path, init) => fetch(`${stack.url}/api${path}`, init);
const json = (body) => ({ method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

function session(userId, i, extra = {}) {
  return {
    id: randomUUID(), userId, activity: ["running", "cycling", "yoga"][i % 3],
    startedAt: new Date(Date.UTC(2026, 0, 1, 6) + i * 3600_000 * 7).toISOString(),
    durationSeconds: 600 + i, ...extra,
  };
}

/** Every session of a user, following the cursors. */
async function allSessions(userId) {
  const items = [];
  let cursor = null;
  do {
    const query = new URLSearchParams({ userId, limit: "1000", order: "asc" });
    if (cursor) query.set("cursor", cursor);
    const response = await api(`/sessions?${query}`);
    assert.equal(response.status, 200);
    const page = await response.json();
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

function assertProblem(response, body, status) {
  assert.equal(response.status, status);
  assert.match(response.headers.get("content-type"), /^application\/problem\+json/);
  assert.equal(body.status, status);
  assert.ok(body.title);
}

describe("Nginx in front of two backends", () => {
  test("nginx -t accepts the configuration, also with the HTTPS redirect on", () => {
    const redirect = render(join(work, "nginx-redirect"), {
      STRIDE_BACKENDS: "127.0.0.1:1 127.0.0.1:2", NGINX_HTTPS_REDIRECT: "on",
      NGINX_PORT: "1", NGINX_HTTPS_PORT: "2", NGINX_HTTPS_PUBLIC_PORT: "443",
    });
    const check = nginxTest(redirect);
    assert.ok(check.ok, check.output);
    assert.match(readFileSync(join(redirect, "conf/upstream.conf"), "utf8"), /server 127\.0\.0\.1:1 .*\n.*server 127\.0\.0\.1:2 /);
    assert.match(readFileSync(join(redirect, "conf/http-mode.conf"), "utf8"), /return 308 https:\/\/\$host\$request_uri/);
  });

  test("requests through Nginx reach both backends (round robin)", async () => {
    const before = accessLog(stack.run).length;
    for (let i = 0; i < 20; i++) {
      const response = await api(`/sessions?userId=rr-${run}&limit=1`);
      assert.equal(response.status, 200);
      await response.arrayBuffer();
    }
    let lines = [];
    await until("20 lines in the access log", () => (lines = accessLog(stack.run).slice(before)).length >= 20, { seconds: 5, every: 50 });
    for (const backend of stack.backends) {
      const served = lines.filter((line) => line.includes(`upstream=${backend.address} `)).length;
      assert.ok(served >= 5, `backend ${backend.address} served ${served} of 20 requests:\n${lines.join("\n")}`);
    }
  });

  test("a session posted through Nginx is read back through Nginx, Location on Nginx's address", async () => {
    const body = session(`rw-${run}`, 1);
    const created = await api("/sessions", json(body));
    assert.equal(created.status, 201);
    assert.equal(created.headers.get("location"), `${stack.url}/api/sessions/${body.id}`);
    const read = await api(`/sessions/${body.id}`);
    assert.equal(read.status, 200);
    assert.equal((await read.json()).id, body.id);
  });

  test("a body over 1 MiB is refused by Nginx with a problem; exactly 1 MiB passes to the backend", async () => {
    const over = await api("/sessions", { method: "POST", headers: { "Content-Type": "application/json" }, body: " ".repeat(1024 * 1024 + 1) });
    assertProblem(over, await over.json(), 413);
    const exactly = await api("/sessions", { method: "POST", headers: { "Content-Type": "application/json" }, body: " ".repeat(1024 * 1024) });
    assertProblem(exactly, await exactly.json(), 400); // the backend: not valid JSON
  });

  test("/api/sessions/batch takes up to 8 MiB; more is a 413 problem", async () => {
    const items = Array.from({ length: 3 }, (_, i) => session(`big-${run}`, i, { notes: "x".repeat(1000) }));
    const padded = JSON.stringify(items) + " ".repeat(2 * 1024 * 1024);
    const twoMiB = await api("/sessions/batch", { method: "POST", headers: { "Content-Type": "application/json" }, body: padded });
    assert.equal(twoMiB.status, 201, await twoMiB.text());
    const over = await api("/sessions/batch", { method: "POST", headers: { "Content-Type": "application/json" }, body: " ".repeat(8 * 1024 * 1024 + 1) });
    assertProblem(over, await over.json(), 413);
  });

  test("415 and 400 problems of the backend pass through as they are", async () => {
    const plain = await api("/sessions", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "{}" });
    const body = await plain.json();
    assertProblem(plain, body, 415);
    assert.match(body.detail, /JSON/);
    const invalid = await api("/sessions", json({ ...session(`bad-${run}`, 0), durationSeconds: 0 }));
    const problem = await invalid.json();
    assertProblem(invalid, problem, 400);
    assert.deepEqual(problem.errors.map((e) => e.field), ["durationSeconds"]);
  });

  test("no server version, security headers everywhere, compressed JSON and assets", async () => {
    for (const path of ["/", "/api/sessions?limit=1", "/api/nothing-here", "/nothing-here"]) {
      const response = await fetch(`${stack.url}${path}`, { headers: { "Accept-Encoding": "gzip" } });
      await response.arrayBuffer();
      assert.equal(response.headers.get("server"), "nginx", path);
      assert.equal(response.headers.get("x-powered-by"), null, path);
      assert.match(response.headers.get("content-security-policy"), /default-src 'self'.*frame-ancestors 'none'/, path);
      assert.equal(response.headers.get("x-content-type-options"), "nosniff", path);
      assert.equal(response.headers.get("x-frame-options"), "DENY", path);
      assert.equal(response.headers.get("referrer-policy"), "no-referrer", path);
    }
    const index = await fetch(`${stack.url}/`);
    const html = await index.text();
    assert.equal(index.headers.get("cache-control"), "no-cache");
    const asset = html.match(/\/assets\/[0-9a-f]{12}\/chart\.umd\.min\.js/)[0];
    const script = await fetch(`${stack.url}${asset}`, { headers: { "Accept-Encoding": "gzip" } });
    await script.arrayBuffer();
    assert.equal(script.status, 200);
    assert.match(script.headers.get("cache-control"), /max-age=31536000.*immutable/);
    assert.equal(script.headers.get("content-encoding"), "gzip");
    const openapi = await fetch(`${stack.url}/api/openapi`, { headers: { "Accept-Encoding": "gzip", Accept: "application/json" } });
    assert.equal(openapi.status, 200);
    assert.equal(openapi.headers.get("content-encoding"), "gzip");
    assert.ok((await openapi.json()).paths["/api/sessions"], "the OpenAPI document describes /api/sessions");
  });

  test("/health, /metrics and the backend's /openapi are not published; odd paths do not reach a backend", async () => {
    for (const path of ["/health/ready", "/health", "/metrics", "/openapi", "/api/..;/health/ready", "/api/%2e%2e/metrics",
      "/api/sessions/..%2f..%2fhealth", "/api/sessions/batch;x", "/api/sessions/batch/..;/..;/health", "/assets/..;/api/sessions"]) {
      const response = await fetch(`${stack.url}${path}`);
      const body = await response.text();
      assert.equal(response.status, 404, path);
      assert.doesNotMatch(body, /"status"\s*:\s*"UP"|# TYPE/, path);
    }
  });

  test("HTTPS answers with the self-signed certificate made on the first run", async () => {
    const ca = readFileSync(join(stack.run, "tls/self-signed.crt"));
    const body = session(`tls-${run}`, 2);
    const answer = await new Promise((resolve, reject) => {
      const req = httpsRequest({
        host: "127.0.0.1", port: stack.httpsPort, path: "/api/sessions", method: "POST", ca,
        headers: { "Content-Type": "application/json" },
      }, (res) => {
        res.resume();
        res.on("end", () => resolve(res));
      });
      req.on("error", reject);
      req.end(JSON.stringify(body));
    });
    assert.equal(answer.statusCode, 201);
    assert.equal(answer.headers.location, `https://127.0.0.1:${stack.httpsPort}/api/sessions/${body.id}`);
    assert.equal(answer.headers.server, "nginx");
  });

  /**
   * The TLS 1.2 suite agreed when a client offers SUITE alone, or null when Nginx refuses it.
   * OpenSSL's own client: Node's TLS cannot even offer CCM8, ARIA or Camellia.
   */
  const tls12With = (suite) => {
    const result = spawnSync("openssl", ["s_client", "-connect", `127.0.0.1:${stack.httpsPort}`, "-tls1_2", "-cipher", suite],
      { input: "", encoding: "utf8", timeout: 10_000 });
    assert.doesNotMatch(result.stderr, /no cipher match/i, `this openssl does not know ${suite}`);
    const agreed = result.stdout.match(/Cipher is (\S+)/)?.[1];
    return agreed && agreed !== "(NONE)" ? agreed : null;
  };

  test("HTTPS follows Mozilla's intermediate profile: AEAD suites only in TLS 1.2, HSTS on HTTPS only", async () => {
    // The self-signed certificate has an EC key (nginx/render.sh): the ECDSA suites apply.
    for (const strong of ["ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305"]) {
      assert.equal(tls12With(strong), strong);
    }
    for (const weak of ["ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA384", "ECDHE-ECDSA-AES128-CCM8",
      "ECDHE-ECDSA-AES128-CCM", "ECDHE-ECDSA-ARIA128-GCM-SHA256", "ECDHE-ECDSA-CAMELLIA128-SHA256"]) {
      assert.equal(tls12With(weak), null, `${weak} must be refused`);
    }
    const ca = readFileSync(join(stack.run, "tls/self-signed.crt"));
    for (const path of ["/", "/api/sessions?limit=1", "/nothing-here"]) {
      const headers = await new Promise((resolve, reject) => {
        httpsRequest({ host: "127.0.0.1", port: stack.httpsPort, path, ca }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.headers));
        }).on("error", reject).end();
      });
      assert.equal(headers["strict-transport-security"], "max-age=63072000", path);
      const plain = await fetch(`${stack.url}${path}`);
      await plain.arrayBuffer();
      assert.equal(plain.headers.get("strict-transport-security"), null, `plain HTTP ${path}`);
    }
  });

  test("with the redirect switched on, plain HTTP answers 308 to HTTPS", async () => {
    const [http, https] = await Promise.all([freePort(), freePort()]);
    const redirectRun = render(join(work, "nginx-redirect-live"), {
      STRIDE_BACKENDS: stack.backends[0].address, NGINX_HTTPS_REDIRECT: "on", NGINX_LISTEN_ADDRESS: "127.0.0.1",
      NGINX_PORT: String(http), NGINX_HTTPS_PORT: String(https), NGINX_WORKERS: "1",
    });
    const nginx = await startNginx(redirectRun, http);
    try {
      const response = await fetch(`${nginx.url}/api/sessions?limit=1`, { redirect: "manual" });
      assert.equal(response.status, 308);
      assert.equal(response.headers.get("location"), `https://127.0.0.1:${https}/api/sessions?limit=1`);
    } finally {
      await kill(nginx.child, "SIGTERM");
    }
  });
});

describe("the page in headless Chromium", () => browserSuite(stack, work, run));

describe("a backend killed during a stream of POSTs", () => {
  test("no session is lost and none is stored twice", async () => {
    const userId = `failover-${run}`;
    const total = 300;
    const sessions = Array.from({ length: total }, (_, i) => session(userId, i));
    const logStart = accessLog(stack.run).length;
    const outcomes = { created: 0, existing: 0, retries: 0 };
    let sent = 0;
    const victim = stack.backends[0];
    let killedAfter = null;

    // The client of the contract: a connection error, 502, 503 or 504 leaves open whether the
    // session was stored, so it sends the same session (same id) again.
    async function post(body) {
      for (let attempt = 0; attempt < 100; attempt++) {
        let status;
        try {
          const response = await api("/sessions", json(body));
          status = response.status;
          await response.arrayBuffer();
        } catch {
          status = "connection error";
        }
        if (status === 201 || status === 200) return status;
        if (![502, 503, 504, "connection error"].includes(status)) throw new Error(`POST ${body.id}: ${status}`);
        outcomes.retries++;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`POST ${body.id}: no answer after 100 tries`);
    }

    async function worker() {
      while (sent < total) {
        const body = sessions[sent++];
        if (sent === 60 && !killedAfter) {
          killedAfter = sent;
          kill(victim.child); // SIGKILL while other POSTs are in flight
        }
        const status = await post(body);
        outcomes[status === 201 ? "created" : "existing"]++;
      }
    }
    await Promise.all(Array.from({ length: 4 }, worker));
    await victim.child.exited;

    const stored = await allSessions(userId);
    const ids = stored.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length, "an id listed twice");
    assert.equal(stored.length, total, `stored ${stored.length} of ${total}`);
    assert.deepEqual(new Set(ids), new Set(sessions.map((s) => s.id)));
    assert.equal(outcomes.created + outcomes.existing, total);

    const lines = accessLog(stack.run).slice(logStart).filter((line) => line.includes("POST /api/sessions "));
    const servedBy = (backend) => lines.filter((line) => line.includes(backend.address)).length;
    assert.ok(servedBy(victim) > 0, "the killed backend took part in the stream");
    assert.ok(servedBy(stack.backends[1]) > total / 2, "the other backend took over");
    console.log(`# failover: ${outcomes.created} created, ${outcomes.existing} already stored (retries that had been stored), ${outcomes.retries} retries by the client`);
  });
});
