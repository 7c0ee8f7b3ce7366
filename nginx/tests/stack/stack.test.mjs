// Nginx in front of two Stride backends, tested from outside: the proxy (both backends used,
// limits, errors, headers, HTTPS), access (tokens through Nginx, the public documentation), the
// limit per client address, the page in headless Chromium, request ids, the access log and
// Prometheus (observability.mjs), and a backend killed during a stream of POSTs. Needs DB_*
// naming a prepared database (./stride test exports them), the built WAR (target/stride.war), the
// built page (npm run build), the tester's jar (tester/target/stride-tester.jar), nginx,
// prometheus, prometheus-nginx-exporter and /usr/bin/chromium. Every API request carries a
// token: the admin token of STRIDE_ADMIN_TOKEN (./stride test exports it; run alone, the suite
// makes one and gives it to the backends it starts) unless a test says otherwise.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  accessLog, api as apiAt, freePort, json, kill, mint, newSecret, nginxTest, render, session, startBackend,
  startNginx, stopAll, until,
} from "./stack.mjs";
import { browserSuite } from "./browser.mjs";
import { prometheusSuite, requestIdSuite, stubStatusSuite } from "./observability.mjs";

const work = mkdtempSync(join(process.env.STRIDE_TEST_WORK || tmpdir(), "stride-nginx-"));
chmodSync(work, 0o755); // Nginx's workers run as nobody when the tests run as root
const run = `${Date.now().toString(36)}`; // makes user ids unique per run
const stack = { adminToken: process.env.STRIDE_ADMIN_TOKEN || newSecret() };

before(async () => {
  const [port1, port2] = await Promise.all([freePort(), freePort()]);
  // One at a time: two Payara Micro start-ups at once make each slower on two cores.
  stack.backends = [await startBackend(work, port1, stack.adminToken), await startBackend(work, port2, stack.adminToken)];
  stack.nginx = await startNginx(join(work, "nginx"), { STRIDE_BACKENDS: stack.backends.map((b) => b.address).join(",") });
  ({ run: stack.run, url: stack.url, httpsPort: stack.httpsPort } = stack.nginx);
  const probe = await api("/users/probe/stats");
  stack.statsAvailable = probe.status === 200;
  console.log(`# Nginx ${stack.url} -> ${stack.backends.map((b) => b.address).join(", ")}; statistics ${stack.statsAvailable ? "available" : "not available: their checks are skipped"}`);
});

after(async () => {
  await stack.browser?.close();
  await stopAll();
});

/** fetch of /api/PATH through Nginx, with the admin token unless `token` names another (null: none). */
const api = (path, init = {}) => apiAt(stack.url, path, { token: stack.adminToken, ...init });

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

  test("nginx -t accepts every form of the limit per address; render.sh refuses what Nginx could not use", () => {
    const conf = (folder, name) => readFileSync(join(folder, "conf", name), "utf8");
    const defaults = render(join(work, "nginx-rate-default"), {
      NGINX_PORT: "1", NGINX_HTTPS_PORT: "2", // and the limit's variables unset, whatever this shell has
      NGINX_RATE_PER_ADDRESS: undefined, NGINX_RATE_BURST: undefined, NGINX_RATE_EXEMPT: undefined,
    });
    assert.ok(nginxTest(defaults).ok, nginxTest(defaults).output);
    assert.match(conf(defaults, "rate-limit.conf"), /geo \$stride_rate_exempt \{\s*default 0;\s*127\.0\.0\.1 1;\s*::1 1;\s*\}/);
    assert.match(conf(defaults, "rate-limit.conf"), /limit_req_zone \$stride_rate_key zone=stride_per_address:\S+ rate=100r\/s;/);
    assert.match(conf(defaults, "rate-limit-location.conf"), /^limit_req zone=stride_per_address burst=200 nodelay;$/m);

    const custom = render(join(work, "nginx-rate-custom"), {
      NGINX_PORT: "1", NGINX_HTTPS_PORT: "2",
      NGINX_RATE_PER_ADDRESS: "30r/m", NGINX_RATE_BURST: "0", NGINX_RATE_EXEMPT: "10.0.0.0/8 192.168.1.7 2001:db8::/32",
    });
    assert.ok(nginxTest(custom).ok, nginxTest(custom).output);
    assert.match(conf(custom, "rate-limit.conf"), /10\.0\.0\.0\/8 1;\s*192\.168\.1\.7 1;\s*2001:db8::\/32 1;/);
    assert.match(conf(custom, "nginx.conf"), /429\s+2;/, "Retry-After at 30 per minute: 2 s");
    assert.match(conf(custom, "rate-limit-location.conf"), /^limit_req zone=stride_per_address;$/m, "no burst");

    const off = render(join(work, "nginx-rate-off"), { NGINX_PORT: "1", NGINX_HTTPS_PORT: "2", NGINX_RATE_PER_ADDRESS: "off" });
    assert.ok(nginxTest(off).ok, nginxTest(off).output);
    assert.doesNotMatch(conf(off, "rate-limit-location.conf"), /limit_req/);

    for (const [name, value] of [["NGINX_RATE_PER_ADDRESS", "fast"], ["NGINX_RATE_PER_ADDRESS", "10r/h"],
      ["NGINX_RATE_PER_ADDRESS", "0r/s"], ["NGINX_RATE_BURST", "-1"], ["NGINX_RATE_EXEMPT", "10.0.0.1;deny"]]) {
      assert.throws(() => render(join(work, "nginx-rate-refused"), { [name]: value }), new RegExp(name), `${name}=${value}`);
    }
  });

  test("requests through Nginx reach both backends (round robin)", async () => {
    const before = accessLog(stack.run).length;
    for (let i = 0; i < 20; i++) {
      const response = await api(`/sessions?userId=rr-${run}&limit=1`);
      assert.equal(response.status, 200);
      await response.arrayBuffer();
    }
    let entries = [];
    await until("20 lines in the access log", () => (entries = accessLog(stack.run).slice(before)).length >= 20, { seconds: 5, every: 50 });
    for (const backend of stack.backends) {
      const served = entries.filter((entry) => entry.upstream_addr === backend.address).length;
      assert.ok(served >= 5, `backend ${backend.address} served ${served} of 20 requests:\n${entries.map((e) => e.upstream_addr).join("\n")}`);
    }
  });

  test("a client's Host never reaches the Location of a created session", async () => {
    const body = session(`host-${run}`, 3);
    const answer = await new Promise((resolve, reject) => {
      const req = httpRequest({
        host: "127.0.0.1", port: new URL(stack.url).port, path: "/api/sessions", method: "POST",
        headers: { Host: "evil.example", "Content-Type": "application/json", Authorization: `Bearer ${stack.adminToken}` },
      }, (res) => {
        res.resume();
        res.on("end", () => resolve(res));
      });
      req.on("error", reject);
      req.end(JSON.stringify(body));
    });
    assert.equal(answer.statusCode, 201);
    assert.equal(answer.headers.location, `/api/sessions/${body.id}`);
  });

  test("a session posted through Nginx is read back through Nginx, Location its path", async () => {
    const body = session(`rw-${run}`, 1);
    const created = await api("/sessions", json(body));
    assert.equal(created.status, 201);
    // The path alone (no STRIDE_PUBLIC_URL): never built from the client's Host.
    assert.equal(created.headers.get("location"), `/api/sessions/${body.id}`);
    const read = await api(`/sessions/${body.id}`);
    assert.equal(read.status, 200);
    assert.equal((await read.json()).id, body.id);
  });

  test("a session's ETag stays strong through Nginx, gzip asked or not, so that If-Match holds", async () => {
    const body = session(`etag-${run}`, 1, { notes: "long enough for gzip ".repeat(40) });
    assert.equal((await api("/sessions", json(body))).status, 201);
    const list = await api(`/sessions?userId=${body.userId}`, { headers: { "Accept-Encoding": "gzip" } });
    await list.arrayBuffer();
    assert.equal(list.headers.get("content-encoding"), "gzip", "a list of the same session is compressed");
    const read = await api(`/sessions/${body.id}`, { headers: { "Accept-Encoding": "gzip" } });
    assert.equal(read.status, 200);
    await read.arrayBuffer();
    const etag = read.headers.get("etag");
    assert.match(etag, /^"[^"]+"$/, `a strong ETag, not ${etag}`);
    const patch = (tag) => api(`/sessions/${body.id}`, {
      method: "PATCH", body: JSON.stringify({ notes: "short" }),
      headers: { "Content-Type": "application/merge-patch+json", "If-Match": tag, "Accept-Encoding": "gzip" },
    });
    const changed = await patch(etag);
    assert.equal(changed.status, 200, await changed.text());
    assert.match(changed.headers.get("etag"), /^"[^"]+"$/);
    assert.notEqual(changed.headers.get("etag"), etag);
    const stale = await patch(etag);
    assertProblem(stale, await stale.json(), 412);
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

  test("/api/sessions/import takes up to 16 MiB; 16 MiB + 1 is Nginx's 413 problem, before the backend", async () => {
    const MiB16 = 16 * 1024 * 1024;
    const post = (size) => api(`/sessions/import?userId=big-${run}`, {
      method: "POST", headers: { "Content-Type": "application/gpx+xml" }, body: Buffer.alloc(size, 0x20),
    });
    const before = accessLog(stack.run).length;
    const exactly = await post(MiB16);
    // Spaces are no GPX file: the backend's own 400 says so, so the body did pass Nginx.
    assertProblem(exactly, await exactly.json(), 400);
    const over = await post(MiB16 + 1);
    const problem = await over.json();
    assertProblem(over, problem, 413);
    assert.match(problem.detail, /16 MiB for \/api\/sessions\/import/);
    await until("both imports in the access log", () => accessLog(stack.run).length >= before + 2);
    const [sent, refused] = accessLog(stack.run).slice(before).filter((entry) => entry.uri.startsWith("/api/sessions/import"));
    assert.notEqual(sent.upstream_addr, "", "exactly 16 MiB reached a backend");
    assert.equal(refused.upstream_addr, "", "16 MiB + 1 was answered by Nginx itself");
    // Elsewhere the limits stay as they were.
    const session = await api("/sessions", { method: "POST", headers: { "Content-Type": "application/json" }, body: " ".repeat(2 * 1024 * 1024) });
    assertProblem(session, await session.json(), 413);
  });

  test("a large body whose backend cannot be reached gets the 502 problem, not an HTML 413 of the error page", async () => {
    const alone = await startNginx(join(work, "nginx-no-backend"), { STRIDE_BACKENDS: `127.0.0.1:${await freePort()}` });
    for (const [path, size] of [["/sessions/import", 16 * 1024 * 1024], ["/sessions/batch", 8 * 1024 * 1024]]) {
      const response = await apiAt(alone.url, path, {
        token: stack.adminToken, method: "POST", headers: { "Content-Type": "application/json" }, body: Buffer.alloc(size, 0x20),
      });
      assertProblem(response, await response.json(), 502);
    }
    await kill(alone.child, "SIGTERM"); // SIGKILL would leave its worker, holding our pipes open
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
      const response = await fetch(`${stack.url}${path}`, {
        headers: { "Accept-Encoding": "gzip", Authorization: `Bearer ${stack.adminToken}` },
      });
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
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${stack.adminToken}` },
      }, (res) => {
        res.resume();
        res.on("end", () => resolve(res));
      });
      req.on("error", reject);
      req.end(JSON.stringify(body));
    });
    assert.equal(answer.statusCode, 201);
    assert.equal(answer.headers.location, `/api/sessions/${body.id}`);
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
    const nginx = await startNginx(join(work, "nginx-redirect-live"), {
      STRIDE_BACKENDS: stack.backends[0].address, NGINX_HTTPS_REDIRECT: "on",
    });
    try {
      const response = await fetch(`${nginx.url}/api/sessions?limit=1`, { redirect: "manual" });
      assert.equal(response.status, 308);
      assert.equal(response.headers.get("location"), `https://127.0.0.1:${nginx.httpsPort}/api/sessions?limit=1`);
    } finally {
      await kill(nginx.child, "SIGTERM");
    }
  });
});

describe("access through Nginx", () => {
  const unauthorized = /^Bearer realm="stride"/;

  test("without a valid token the API answers a 401 problem with WWW-Authenticate", async () => {
    const requests = [
      ["/me", {}], ["/sessions?limit=1", {}], [`/users/u1-${run}/stats`, {}], ["/nothing-here", {}],
      ["/sessions", json(session(`nobody-${run}`, 0))],
      ["/me", { headers: { Authorization: `Bearer ${newSecret()}` } }], // the right shape, but no token
      ["/me", { headers: { Authorization: "Basic dTE6cGFzc3dvcmQ=" } }],
    ];
    for (const [path, init] of requests) {
      const response = await api(path, { token: null, ...init });
      const body = await response.json();
      assertProblem(response, body, 401);
      assert.match(response.headers.get("www-authenticate"), unauthorized, path);
      assert.equal(response.headers.get("x-content-type-options"), "nosniff", path);
    }
  });

  test("the API's documentation stays public: /api/openapi and /api/docs/ answer without a token", async () => {
    const openapi = await api("/openapi", { token: null, headers: { Accept: "application/json" } });
    assert.equal(openapi.status, 200);
    assert.ok((await openapi.json()).paths["/api/me"], "the OpenAPI document describes /api/me");
    const docs = await fetch(`${stack.url}/api/docs/`);
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /swagger-ui-bundle\.js/);
    const bare = await fetch(`${stack.url}/api/docs`, { redirect: "manual" });
    assert.equal(bare.status, 301);
    assert.equal(new URL(bare.headers.get("location"), stack.url).pathname, "/api/docs/");
  });

  test("a token of one user reads and writes its own sessions only (403 for another's), through Nginx", async () => {
    const [mine, theirs] = [`own-${run}`, `theirs-${run}`];
    const { secret: token } = await mint(stack.url, stack.adminToken, mine, ["read", "write"]);
    assert.equal((await api("/sessions", json(session(theirs, 0)))).status, 201); // stored by the admin

    const me = await api("/me", { token });
    assert.equal(me.status, 200);
    const who = await me.json();
    assert.equal(who.userId, mine);
    assert.deepEqual([...who.scopes].sort(), ["read", "write"]);
    assert.equal((await api("/sessions", { token, ...json(session(mine, 1)) })).status, 201);

    for (const [path, init] of [[`/users/${theirs}/stats`, {}], [`/users/${theirs}/stats/series`, {}],
      [`/sessions?userId=${theirs}`, {}], ["/sessions", json(session(theirs, 2))]]) {
      const response = await api(path, { token, ...init });
      assertProblem(response, await response.json(), 403);
    }
    const own = await api(`/users/${mine}/stats`, { token });
    assert.equal(own.status, stack.statsAvailable ? 200 : 404);
    const listed = await api("/sessions", { token }); // without userId: its own
    assert.equal(listed.status, 200);
    assert.deepEqual((await listed.json()).items.map((s) => s.userId), [mine]);
  });

  test("a revoked token gets 401 from every backend at once", async () => {
    const { id, secret } = await mint(stack.url, stack.adminToken, `revoked-${run}`, ["read"]);
    assert.equal((await api("/me", { token: secret })).status, 200);
    const revoked = await api(`/tokens/${id}`, { method: "DELETE" });
    assert.equal(revoked.status, 204);
    const before = accessLog(stack.run).length;
    for (let i = 0; i < 10; i++) {
      const response = await api("/me", { token: secret });
      assert.equal(response.status, 401);
      assert.match(response.headers.get("www-authenticate"), unauthorized);
      await response.arrayBuffer();
    }
    let entries = [];
    await until("10 lines in the access log", () => (entries = accessLog(stack.run).slice(before)).length >= 10, { seconds: 5, every: 50 });
    for (const backend of stack.backends) {
      assert.ok(entries.some((entry) => entry.upstream_addr === backend.address), `${backend.address} answered none:\n${entries.map((e) => e.upstream_addr).join("\n")}`);
    }
  });
});

describe("the limit per client address", () => {
  /** `count` requests at once to GET /api/me of `url`: their answers, bodies read. */
  async function flood(url, count, token) {
    return Promise.all(Array.from({ length: count }, async () => {
      const response = await apiAt(url, "/me", { token });
      return { response, body: await response.text() };
    }));
  }

  test("loopback is exempt by default: a flood larger than the default burst is never refused", async () => {
    const answers = await flood(stack.url, 250, null);
    assert.deepEqual([...new Set(answers.map((a) => a.response.status))], [401]); // the backend's; no 429
  });

  test("past the rate and burst an address gets 429 problems with Retry-After; within them requests pass", async () => {
    const nginx = await startNginx(join(work, "nginx-limited"), {
      STRIDE_BACKENDS: stack.backends.map((b) => b.address).join(","),
      // 1 a minute refills nothing while the test runs: exactly 1 + burst requests pass.
      NGINX_RATE_PER_ADDRESS: "1r/m", NGINX_RATE_BURST: "4", NGINX_RATE_EXEMPT: "",
    });
    try {
      const answers = await flood(nginx.url, 12, stack.adminToken);
      const passed = answers.filter((a) => a.response.status === 200);
      const refused = answers.filter((a) => a.response.status === 429);
      assert.equal(passed.length, 5, answers.map((a) => a.response.status).join(" "));
      assert.equal(refused.length, 7, answers.map((a) => a.response.status).join(" "));
      for (const { body } of passed) assert.equal(JSON.parse(body).userId, "admin");
      for (const { response, body } of refused) {
        assertProblem(response, JSON.parse(body), 429);
        assert.equal(response.headers.get("retry-after"), "60");
        assert.equal(response.headers.get("cache-control"), "no-store");
        assert.equal(response.headers.get("x-content-type-options"), "nosniff");
      }
      assert.ok(accessLog(nginx.run).filter((entry) => entry.status === 429).length >= 7, "the 429s are in the access log");
      // Only what goes to the backends is limited: the page itself still loads.
      const page = await fetch(`${nginx.url}/`);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get("retry-after"), null);
      await page.arrayBuffer();
    } finally {
      await kill(nginx.child, "SIGTERM");
    }
  });
});

describe("the page in headless Chromium", () => browserSuite(stack, work, run));

describe("request ids and the access log", () => requestIdSuite(stack, work));

describe("Nginx's stub_status", () => stubStatusSuite(stack));

describe("Prometheus scraping both backends and Nginx", () => prometheusSuite(stack, work, run));

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

    const posts = accessLog(stack.run).slice(logStart).filter((entry) => entry.method === "POST" && entry.uri === "/api/sessions");
    // upstream_addr names every backend tried, "a, b" after a retry.
    const servedBy = (backend) => posts.filter((entry) => entry.upstream_addr.includes(backend.address)).length;
    assert.ok(servedBy(victim) > 0, "the killed backend took part in the stream");
    assert.ok(servedBy(stack.backends[1]) > total / 2, "the other backend took over");
    console.log(`# failover: ${outcomes.created} created, ${outcomes.existing} already stored (retries that had been stored), ${outcomes.retries} retries by the client`);
  });
});
