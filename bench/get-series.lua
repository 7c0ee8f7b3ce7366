-- GET the weekly series of a random loaded user.
local common = require "common"
request = function()
  return wrk.format("GET", "/api/users/" .. common.user() .. "/stats/series?bucket=week")
end
