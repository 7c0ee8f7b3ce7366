// The page's only way out: fetch() to /api/ on its own origin, every request with the signed-in
// token (Authorization: Bearer). Errors arrive as RFC 9457 problems (application/problem+json)
// and are thrown as ApiError; a 401 for the token in use also ends the sign-in (see useToken).

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** The invalid fields of a 400: [{field, message}]. */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/** "/api/sessions?userId=u1&activity=running&activity=yoga" from a path and a query object. */
export function apiUrl(path, query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null && one !== "") params.append(name, one);
    }
  }
  const text = params.toString();
  return "/api" + path + (text ? "?" + text : "");
}

// The token every request carries, and what to do when the API refuses it.
let token = null;
let refused = () => {};

/**
 * From now on every request carries `secret` (null: none). `onRefused` is called once when the API
 * answers 401 to a request that carried it (revoked, expired): the token is then dropped.
 */
export function useToken(secret, onRefused = () => {}) {
  token = secret;
  refused = onRefused;
}

/**
 * The answer to one request, with the token in use (or `secret`); a refusal is thrown as ApiError,
 * a lost connection as fetch's TypeError. `body` goes with `type` as its Content-Type: as JSON, or
 * as it is when it is a Blob (a File the user chose).
 */
async function exchange(method, path, { query, body, type = "application/json", accept = "application/json", headers = {}, secret = token } = {}) {
  const init = { method, headers: { Accept: accept, ...headers }, cache: "no-store" };
  if (secret) init.headers.Authorization = `Bearer ${secret}`;
  if (body !== undefined) {
    init.headers["Content-Type"] = type;
    init.body = body instanceof Blob ? body : JSON.stringify(body);
  }
  const response = await fetch(apiUrl(path, query), init);
  // Only for the token in use: a late answer to a token signed out since then changes nothing.
  if (response.status === 401 && secret && secret === token) {
    const onRefused = refused;
    useToken(null);
    onRefused();
  }
  if (!response.ok) throw new ApiError(response.status, await json(response));
  return response;
}

/** The body of `response` as JSON (null when empty); text that is not JSON as a problem's detail. */
async function json(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { title: response.statusText, detail: text.slice(0, 200) };
  }
}

const send = async (method, path, options) => json(await exchange(method, path, options));

export const get = (path, query) => send("GET", path, { query });
export const remove = (path) => send("DELETE", path);

/** One session with its ETag: {session, etag}, for a PATCH with If-Match. */
export async function readSession(id) {
  const response = await exchange("GET", `/sessions/${encodeURIComponent(id)}`);
  return { session: await json(response), etag: response.headers.get("ETag") };
}

/**
 * PATCH of a session with a JSON merge patch, only while its ETag is still `etag` (else a 412
 * ApiError): the changed session and its new ETag, {session, etag}.
 */
export async function changeSession(id, patch, etag) {
  const response = await exchange("PATCH", `/sessions/${encodeURIComponent(id)}`, {
    body: patch, type: "application/merge-patch+json", headers: etag ? { "If-Match": etag } : {},
  });
  return { session: await json(response), etag: response.headers.get("ETag") };
}

/**
 * The query of the sessions list for `filters` ({userId, activity: [...], from, to, order}); the
 * CSV export takes the same one (limit and cursor do not apply to it).
 */
export function sessionsQuery({ userId, activity, from, to, order }) {
  return { userId, activity, from, to, order };
}

/** The CSV export of the list with `filters`, as a Blob (fetched with the token, never by a link). */
export async function exportCsv(filters) {
  const response = await exchange("GET", "/sessions", { query: sessionsQuery(filters), accept: "text/csv" });
  return response.blob();
}

/**
 * POST /api/sessions/import of an activity file (a File or Blob) as `type` (activity-files.js),
 * with `query` ({userId, activity, notes}): {created, session}; created is false when the server
 * answers 200, the same file already imported for that user.
 */
export async function importFile(file, type, query) {
  const response = await exchange("POST", "/sessions/import", { query, body: file, type });
  return { created: response.status === 201, session: await json(response) };
}

/** At most `maxPoints` samples of a session, evenly spaced: {sessionId, fields, points}. */
export const sessionSamples = (id, maxPoints) => get(`/sessions/${encodeURIComponent(id)}/samples`, { maxPoints });

/**
 * The file a session was imported from, as {blob, filename}: fetched with the token (a link could
 * not carry it); the name is the one the server's Content-Disposition gives, else `fallback`.
 */
export async function originalFile(id, fallback) {
  const response = await exchange("GET", `/sessions/${encodeURIComponent(id)}/file`, { accept: "*/*" });
  const named = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1];
  return { blob: await response.blob(), filename: named ?? fallback };
}

/** Who holds `secret`: GET /api/me with it, {userId, tokenId, scopes}; the token in use is kept. */
export const whoHolds = (secret) => send("GET", "/me", { secret });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POST a session that carries its own id. A lost connection or a 502/503/504 leaves open whether
 * it was stored; the contract makes a repeat with the same id safe (200 with the stored one), so
 * it is repeated a few times before giving up.
 */
export async function recordSession(session, delays = [300, 1000, 2500]) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send("POST", "/sessions", { body: session });
    } catch (error) {
      const retriable = !(error instanceof ApiError) || [502, 503, 504].includes(error.status);
      if (!retriable || attempt >= delays.length) throw error;
      await sleep(delays[attempt]);
    }
  }
}

/** A random (version 4) UUID; crypto.randomUUID needs a secure context, getRandomValues not. */
export function newId() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
