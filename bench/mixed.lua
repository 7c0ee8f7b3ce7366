-- The MIXED phase of bench/run.sh, with read-your-writes checked: run it with one connection per
-- thread (wrk -tN -cN), so that a thread's requests and answers strictly alternate.
-- Each thread owns BENCH_MIXED_USERS [4] fresh users, "<BENCH_MIXED_TAG>-t<thread>-<k>" (the tag
-- names the run, the round and the service, so every user starts with no sessions). In turn, for
-- its next user: POST a new session, then GET that user's /stats and compare sessionCount with the
-- POSTs of that user answered 201 so far:
--   fewer  -> a read-your-writes violation (a write answered 201 is not counted by a later read);
--   more   -> a session stored whose POST got no 201 (only after an error or a timeout).
-- done() adds the threads' counters (kept in setup, read with thread:get) to the RESULT line:
--   posts_201 posts_other stats_200 stats_other ryw_violations stored_unacked unreadable
local common = require "common"
local tag = os.getenv("BENCH_MIXED_TAG") or "mixed"
local per_thread = tonumber(os.getenv("BENCH_MIXED_USERS") or "4")

-- main state: the threads, to read their counters in done()
local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("tid", #threads)
end

-- thread state (globals, so that thread:get can read them)
posts_201, posts_other, stats_200, stats_other = 0, 0, 0, 0
ryw_violations, stored_unacked, unreadable = 0, 0, 0
local users, acked = {}, {}
local k, posting = 1, true
local post_headers = common.headers({ ["Content-Type"] = "application/json" })
local get_headers = common.headers()

function init(args)
  for i = 1, per_thread do
    users[i] = string.format("%s-t%02d-%d", tag, tid or 0, i)
    acked[i] = 0
  end
end

function request()
  -- When a request got no answer (a socket error), wrk asks for the next one: the same kind
  -- again. A POST that got no answer may still have been stored: "stored_unacked", never a violation.
  if posting then
    return wrk.format("POST", "/api/sessions", post_headers, common.session(common.uuid(), users[k]))
  end
  return wrk.format("GET", "/api/users/" .. users[k] .. "/stats", get_headers)
end

function response(status, headers, body)
  if posting then
    if status == 201 then
      acked[k] = acked[k] + 1
      posts_201 = posts_201 + 1
    else
      posts_other = posts_other + 1
    end
    posting = false
    return
  end
  if status == 200 then
    stats_200 = stats_200 + 1
    local n = tonumber(body:match('"sessionCount"%s*:%s*(%d+)'))
    if n == nil then
      unreadable = unreadable + 1
    elseif n < acked[k] then
      ryw_violations = ryw_violations + 1
    elseif n > acked[k] then
      stored_unacked = stored_unacked + 1
      acked[k] = n -- counted from now on: a later read that shows fewer is a violation
    end
  else
    stats_other = stats_other + 1
  end
  posting = true
  k = k % per_thread + 1
end

function done(summary, latency, requests)
  local names = { "posts_201", "posts_other", "stats_200", "stats_other", "ryw_violations", "stored_unacked", "unreadable" }
  local totals = {}
  for _, name in ipairs(names) do totals[name] = 0 end
  for _, thread in ipairs(threads) do
    for _, name in ipairs(names) do totals[name] = totals[name] + (tonumber(thread:get(name)) or 0) end
  end
  local extra = {}
  for _, name in ipairs(names) do extra[#extra + 1] = name .. "=" .. totals[name] end
  io.write(common.result(summary, latency, table.concat(extra, " ")))
end
