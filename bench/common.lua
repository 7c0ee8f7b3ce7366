-- Shared by the wrk scripts of bench/run.sh (found through LUA_PATH): random client ids, session
-- bodies, the benchmark's users, the ids of loaded sessions, and one machine-readable line at the end.
--
-- Environment (set by bench/run.sh):
--   BENCH_USERS [1000]            how many loaded users, and how many writer users
--   BENCH_USER_PREFIX [u42-]      the loaded users (the tester's u42-00000 ...): only read
--   BENCH_WRITER_PREFIX [w42-]    the users that the write phases write to, so that the loaded
--                                 users keep exactly their loaded sessions for the whole run
--   BENCH_IDS_FILE                one session id a line (ids of loaded sessions), for GET one
--   BENCH_TOKEN                   the admin token every request carries (Authorization: Bearer);
--                                 the peer ignores it, so both get the same bytes
local common = {}
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

-- The headers of a request built with wrk.format and headers of its own: wrk.format uses
-- wrk.headers (and with it the token) only when it is given none.
function common.headers(extra)
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  for name, value in pairs(extra or {}) do headers[name] = value end
  return headers
end

local users = tonumber(os.getenv("BENCH_USERS") or "1000")
local prefix = os.getenv("BENCH_USER_PREFIX") or "u42-"
local writers = os.getenv("BENCH_WRITER_PREFIX") or "w42-"

-- Every Lua state of wrk (one per thread, and the main one) seeds itself from /dev/urandom, so
-- that threads never send the same ids.
local function seed()
  local f = io.open("/dev/urandom", "rb")
  local s = os.time()
  if f then
    local bytes = f:read(4)
    f:close()
    s = 0
    for i = 1, #bytes do s = s * 256 + bytes:byte(i) end
  end
  math.randomseed(s)
  math.random(); math.random()
end
seed()

function common.uuid()
  return string.format("%08x-%04x-4%03x-%04x-%04x%08x", math.random(0, 0xffffffff), math.random(0, 0xffff),
    math.random(0, 0xfff), 0x8000 + math.random(0, 0x3fff), math.random(0, 0xffff), math.random(0, 0xffffffff))
end

-- A loaded user (read phases).
function common.user()
  return string.format("%s%05d", prefix, math.random(0, users - 1))
end

-- A user of the write phases.
function common.writer()
  return string.format("%s%05d", writers, math.random(0, users - 1))
end

-- A start time within the last year (the contract refuses more than 24 h in the future).
function common.started_at()
  return os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - math.random(3600, 365 * 86400))
end

function common.session(id, user, activity)
  return string.format('{"id":"%s","userId":"%s","activity":"%s","startedAt":"%s","durationSeconds":%d,'
    .. '"distanceMeters":5000.5,"calories":300,"avgHeartRate":140,"maxHeartRate":170,"notes":"bench"}',
    id, user, activity or "running", common.started_at(), math.random(600, 3600))
end

-- The ids of BENCH_IDS_FILE (read once per Lua state).
function common.ids()
  local path = os.getenv("BENCH_IDS_FILE")
  assert(path, "BENCH_IDS_FILE is not set")
  local ids = {}
  for line in io.lines(path) do
    if #line > 0 then ids[#ids + 1] = line end
  end
  assert(#ids > 0, "no ids in " .. path)
  return ids
end

-- One line: RESULT requests=N seconds=S rps=R p50_ms=A p99_ms=B non2xx=C socket_errors=D [extra]
-- (non2xx: wrk's status errors, answers of 400 and above).
function common.result(summary, latency, extra)
  local e = summary.errors
  return string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d%s\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.status,
    e.connect + e.read + e.write + e.timeout, extra and (" " .. extra) or "")
end

function done(summary, latency, requests)
  io.write(common.result(summary, latency))
end

return common
