-- Shared by the wrk scripts of bench/run.sh (found through LUA_PATH): random client ids, the
-- benchmark's users (the tester's u42-00000 ...), and one machine-readable line at the end.
local common = {}
local users = tonumber(os.getenv("BENCH_USERS") or "1000")
local prefix = os.getenv("BENCH_USER_PREFIX") or "u42-"
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)

function common.uuid()
  return string.format("%08x-%04x-4%03x-%04x-%012x", math.random(0, 0xffffffff), math.random(0, 0xffff),
    math.random(0, 0xfff), 0x8000 + math.random(0, 0x3fff), math.random(0, 0xffffffffffff))
end

function common.user()
  return string.format("%s%05d", prefix, math.random(0, users - 1))
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end

return common
