-- GET one loaded session: a random id of BENCH_IDS_FILE per request.
local common = require "common"
local ids = common.ids()
request = function()
  return wrk.format("GET", "/api/sessions/" .. ids[math.random(1, #ids)])
end
