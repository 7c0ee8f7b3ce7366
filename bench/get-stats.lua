-- GET the statistics of a random user; every other request the weekly series.
local common = require "common"
local n = 0
request = function()
  n = n + 1
  if n % 2 == 0 then
    return wrk.format("GET", "/api/users/" .. common.user() .. "/stats/series?bucket=week")
  end
  return wrk.format("GET", "/api/users/" .. common.user() .. "/stats")
end
