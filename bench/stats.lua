-- wrk script of bench/stats.sh: GET /api/users/{random user}/stats{SUFFIX}, users u00001 ... u{USERS}.
-- Prints one line: RESULT requests/s p50_ms p99_ms non2xx socket_errors requests
local users = tonumber(os.getenv("USERS") or "10000")
local suffix = os.getenv("SUFFIX") or ""
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  math.randomseed(os.time() * 1000 + (id or 0))
end

function request()
  return wrk.format("GET", string.format("/api/users/u%05d/stats%s", math.random(1, users), suffix))
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout, summary.requests))
end
