// The page's requests (web/src/api.js) carry the signed-in token, and a 401 to that token ends the
// sign-in; on Node's fetch replaced by a recorder of what would be sent.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  ApiError, changeSession, exportCsv, get, importFile, originalFile, readSession, sessionSamples, sessionsQuery, useToken,
  whoHolds,
} from "../../web/src/api.js";

const SECRET = `stride_${"a".repeat(43)}`;
const OTHER = `stride_${"b".repeat(43)}`;
let sent;
let answer;

beforeEach(() => {
  sent = [];
  answer = () => new Response(JSON.stringify({ items: [] }), { status: 200 });
  globalThis.fetch = async (url, init) => {
    sent.push({ url, authorization: init.headers.Authorization });
    return answer(init.headers.Authorization);
  };
  useToken(null);
});

const refused = (status) => () => new Response(JSON.stringify({ title: "Unauthorized", status }), { status });

test("every request carries the token in use, none before there is one", async () => {
  await get("/openapi");
  useToken(SECRET);
  await get("/sessions", { limit: 1 });
  assert.deepEqual(sent, [
    { url: "/api/openapi", authorization: undefined },
    { url: "/api/sessions?limit=1", authorization: `Bearer ${SECRET}` },
  ]);
});

test("a 401 to the token in use drops it and calls back once; the next request carries none", async () => {
  let calls = 0;
  useToken(SECRET, () => calls++);
  answer = refused(401);
  await assert.rejects(get("/sessions"), (error) => error instanceof ApiError && error.status === 401);
  await assert.rejects(get("/sessions"), ApiError);
  assert.equal(calls, 1);
  assert.equal(sent[1].authorization, undefined);
});

test("other refusals keep the token: a 403 is about the request, not the sign-in", async () => {
  let calls = 0;
  useToken(SECRET, () => calls++);
  answer = refused(403);
  await assert.rejects(get("/users/other/stats"), (error) => error.status === 403);
  answer = () => new Response("{}", { status: 200 });
  await get("/me");
  assert.equal(calls, 0);
  assert.equal(sent[1].authorization, `Bearer ${SECRET}`);
});

test("checking another secret uses it for that request only; its 401 ends nothing", async () => {
  let calls = 0;
  useToken(SECRET, () => calls++);
  answer = (authorization) => (authorization === `Bearer ${OTHER}` ? refused(401)() : new Response('{"userId":"u1"}'));
  await assert.rejects(whoHolds(OTHER), (error) => error.status === 401);
  assert.deepEqual(await whoHolds(SECRET), { userId: "u1" });
  assert.equal(calls, 0);
  assert.deepEqual(sent.map((s) => s.authorization), [`Bearer ${OTHER}`, `Bearer ${SECRET}`]);
});

test("a late 401 to a token signed out since then does not end the new sign-in", async () => {
  let calls = 0;
  let release;
  useToken(SECRET, () => calls++);
  answer = () => new Promise((resolve) => { release = () => resolve(refused(401)()); });
  const late = get("/sessions");
  useToken(OTHER, () => calls++); // signed in again before the old answer came
  release();
  await assert.rejects(late, (error) => error.status === 401);
  assert.equal(calls, 0);
  answer = () => new Response("{}");
  await get("/me");
  assert.equal(sent.at(-1).authorization, `Bearer ${OTHER}`);
});

/** A fetch that records method, URL and headers of each request and answers with `respond`. */
function recordRequests(respond) {
  const requests = [];
  globalThis.fetch = async (url, init) => {
    requests.push({ url, method: init.method, headers: init.headers, body: init.body });
    return respond(url, init);
  };
  return requests;
}

const problem = (status, body) => new Response(JSON.stringify({ status, ...body }), {
  status, headers: { "Content-Type": "application/problem+json" },
});

test("a session is read with its ETag and changed with a merge patch that names it in If-Match", async () => {
  useToken(SECRET);
  const id = "3f0c8f0e-6d2a-4c1e-9a53-2b7d0c9e4a11";
  const requests = recordRequests((url, init) => new Response(JSON.stringify({ id, notes: init.method === "GET" ? "old" : "new" }), {
    status: 200, headers: { "Content-Type": "application/json", ETag: init.method === "GET" ? '"v1"' : '"v2"' },
  }));
  assert.deepEqual(await readSession(id), { session: { id, notes: "old" }, etag: '"v1"' });
  assert.deepEqual(await changeSession(id, { notes: "new", calories: null }, '"v1"'), { session: { id, notes: "new" }, etag: '"v2"' });
  const patch = requests[1];
  assert.equal(patch.method, "PATCH");
  assert.equal(patch.url, `/api/sessions/${id}`);
  assert.equal(patch.headers["Content-Type"], "application/merge-patch+json");
  assert.equal(patch.headers["If-Match"], '"v1"');
  assert.equal(patch.headers.Authorization, `Bearer ${SECRET}`);
  assert.equal(patch.body, '{"notes":"new","calories":null}');
});

test("a 412 and a 400 of a PATCH come back as ApiError with the problem's field errors", async () => {
  useToken(SECRET);
  recordRequests(() => problem(412, { title: "Precondition Failed" }));
  await assert.rejects(changeSession("x", { notes: "a" }, '"v1"'), (error) => error instanceof ApiError && error.status === 412);
  const errors = [{ field: "maxHeartRate", message: "must not be below avgHeartRate" }];
  recordRequests(() => problem(400, { title: "Bad Request", detail: "1 field is invalid", errors }));
  const refused = await changeSession("x", { maxHeartRate: 100 }, '"v1"').catch((error) => error);
  assert.ok(refused instanceof ApiError);
  assert.equal(refused.status, 400);
  assert.equal(refused.message, "1 field is invalid");
  assert.deepEqual(refused.fieldErrors, errors);
});

test("the CSV export asks for text/csv with the list's filters only, and the token", async () => {
  useToken(SECRET);
  const csv = "id,userId,activity\r\nabc,u1,yoga\r\n";
  const requests = recordRequests(() => new Response(csv, { status: 200, headers: { "Content-Type": "text/csv; charset=utf-8" } }));
  const blob = await exportCsv({
    userId: "u1", activity: ["running", "yoga"], from: "2026-11-01T00:00:00-04:00", to: undefined, order: "desc",
    limit: 25, cursor: "abc", tz: "UTC",
  });
  assert.equal(await blob.text(), csv);
  assert.equal(requests[0].url,
    "/api/sessions?userId=u1&activity=running&activity=yoga&from=2026-11-01T00%3A00%3A00-04%3A00&order=desc");
  assert.equal(requests[0].headers.Accept, "text/csv");
  assert.equal(requests[0].headers.Authorization, `Bearer ${SECRET}`);
  assert.deepEqual(sessionsQuery({ userId: "u1", activity: [], limit: 10 }),
    { userId: "u1", activity: [], from: undefined, to: undefined, order: undefined });
});

test("a refused export is an ApiError; its 401 ends the sign-in like any other request's", async () => {
  let calls = 0;
  useToken(SECRET, () => calls++);
  recordRequests(() => problem(401, { title: "Unauthorized" }));
  await assert.rejects(exportCsv({ userId: "u1" }), (error) => error instanceof ApiError && error.status === 401);
  assert.equal(calls, 1);
});

test("an activity file goes as it is, with its own media type and the token; 201 is created, 200 was there", async () => {
  const requests = [];
  let status = 201;
  globalThis.fetch = async (url, init) => {
    requests.push({ url, init });
    return new Response(JSON.stringify({ id: "s1", source: { format: "gpx" } }), { status });
  };
  useToken(SECRET);
  const file = new Blob(["<gpx/>"]);
  const first = await importFile(file, "application/gpx+xml", { userId: "u1", activity: "", notes: undefined });
  status = 200;
  const again = await importFile(file, "application/gpx+xml", { userId: "u1", activity: "hiking" });
  assert.deepEqual([first.created, again.created, first.session.id], [true, false, "s1"]);
  assert.equal(requests[0].url, "/api/sessions/import?userId=u1");
  assert.equal(requests[1].url, "/api/sessions/import?userId=u1&activity=hiking");
  assert.equal(requests[0].init.method, "POST");
  assert.equal(requests[0].init.body, file, "the file itself, not JSON of it");
  assert.equal(requests[0].init.headers["Content-Type"], "application/gpx+xml");
  assert.equal(requests[0].init.headers.Authorization, `Bearer ${SECRET}`);
});

test("a refused import is an ApiError with the problem's detail", async () => {
  globalThis.fetch = async () => new Response(JSON.stringify({ status: 400, title: "Bad Request", detail: "no timed samples" }),
    { status: 400, headers: { "Content-Type": "application/problem+json" } });
  useToken(SECRET);
  await assert.rejects(importFile(new Blob(["x"]), "application/gpx+xml", {}),
    (error) => error instanceof ApiError && error.status === 400 && error.message === "no timed samples");
});

test("the original file comes as a blob, named as the server's Content-Disposition says", async () => {
  const requests = [];
  let disposition = 'attachment; filename="abc.fit"';
  globalThis.fetch = async (url, init) => {
    requests.push({ url, init });
    return new Response(new Uint8Array([14, 16, 1]), { status: 200, headers: disposition ? { "Content-Disposition": disposition } : {} });
  };
  useToken(SECRET);
  const { blob, filename } = await originalFile("abc", "abc.gpx");
  assert.equal(filename, "abc.fit");
  assert.deepEqual([...new Uint8Array(await blob.arrayBuffer())], [14, 16, 1]);
  assert.equal(requests[0].url, "/api/sessions/abc/file");
  assert.equal(requests[0].init.headers.Authorization, `Bearer ${SECRET}`);
  disposition = null;
  assert.equal((await originalFile("abc", "abc.gpx")).filename, "abc.gpx");
});

test("samples are asked for with maxPoints", async () => {
  const urls = [];
  globalThis.fetch = async (url) => {
    urls.push(url);
    return new Response(JSON.stringify({ sessionId: "a b", fields: [], points: [] }));
  };
  assert.deepEqual((await sessionSamples("a b", 1000)).points, []);
  assert.deepEqual(urls, ["/api/sessions/a%20b/samples?maxPoints=1000"]);
});
