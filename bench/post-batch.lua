-- POST a batch of 500 new sessions per request (random client ids).
local users = tonumber(os.getenv("BENCH_USERS") or "1000")
local prefix = os.getenv("BENCH_USER_PREFIX") or "u42-"
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
local function uuid()
  return string.format("%08x-%04x-4%03x-%04x-%012x", math.random(0, 0xffffffff), math.random(0, 0xffff),
    math.random(0, 0xfff), 0x8000 + math.random(0, 0x3fff), math.random(0, 0xffffffffffff))
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local items = {}
  for i = 1, 500 do
    items[i] = string.format('{"id":"%s","userId":"%s%05d","activity":"cycling","startedAt":"2026-09-%02dT%02d:%02d:00Z","durationSeconds":%d,"distanceMeters":20000.5,"calories":500,"avgHeartRate":130,"maxHeartRate":160}',
      uuid(), prefix, math.random(0, users - 1), math.random(1, 28), math.random(0, 23), math.random(0, 59), math.random(600, 7200))
  end
  return wrk.format(nil, "/api/sessions/batch", nil, "[" .. table.concat(items, ",") .. "]")
end

-- Shared by the benchmark scripts: one machine-readable line at the end of a wrk run.
done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, non2xx,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
