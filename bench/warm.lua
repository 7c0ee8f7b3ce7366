-- The warm-up load of bench/run.sh: every request one of the measured kinds, at random and equally
-- often: POST one session (a writer user), GET one loaded session, a list page, stats, series, and
-- the stats of a writer user (whose sessions the POSTs keep changing, as in the MIXED phase).
local common = require "common"
local ids = common.ids()
local post = common.headers({ ["Content-Type"] = "application/json" })
local get = common.headers()
request = function()
  local kind = math.random(1, 6)
  if kind == 1 then
    return wrk.format("POST", "/api/sessions", post, common.session(common.uuid(), common.writer()))
  elseif kind == 2 then
    return wrk.format("GET", "/api/sessions/" .. ids[math.random(1, #ids)], get)
  elseif kind == 3 then
    return wrk.format("GET", "/api/sessions?limit=50&userId=" .. common.user(), get)
  elseif kind == 4 then
    return wrk.format("GET", "/api/users/" .. common.user() .. "/stats", get)
  elseif kind == 5 then
    return wrk.format("GET", "/api/users/" .. common.user() .. "/stats/series?bucket=week", get)
  end
  return wrk.format("GET", "/api/users/" .. common.writer() .. "/stats", get)
end
