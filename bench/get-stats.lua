-- GET the statistics of a random one of the benchmark's users, every other request the weekly series.
local users = tonumber(os.getenv("BENCH_USERS") or "1000")
local prefix = os.getenv("BENCH_USER_PREFIX") or "u42-"
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
local n = 0
request = function()
  n = n + 1
  local user = string.format("%s%05d", prefix, math.random(0, users - 1))
  if n % 2 == 0 then
    return wrk.format("GET", string.format("/api/users/%s/stats/series?bucket=week", user))
  end
  return wrk.format("GET", string.format("/api/users/%s/stats", user))
end

-- Shared by the benchmark scripts: one machine-readable line at the end of a wrk run.
done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, non2xx,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
