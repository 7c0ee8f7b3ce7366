-- POST a batch of 500 new sessions (random client ids, random writer users) per request.
local common = require "common"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local items = {}
  for i = 1, 500 do
    items[i] = common.session(common.uuid(), common.writer(), "cycling")
  end
  return wrk.format(nil, "/api/sessions/batch", nil, "[" .. table.concat(items, ",") .. "]")
end
