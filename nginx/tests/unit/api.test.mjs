// The page's requests (web/src/api.js) carry the signed-in token, and a 401 to that token ends the
// sign-in; on Node's fetch replaced by a recorder of what would be sent.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { ApiError, get, useToken, whoHolds } from "../../web/src/api.js";

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
