-- POST a batch of 500 new sessions (random client ids) per request.
local common = require "common"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local items = {}
  for i = 1, 500 do
    items[i] = string.format('{"id":"%s","userId":"%s","activity":"cycling","startedAt":"2026-09-%02dT%02d:%02d:00Z","durationSeconds":%d,"distanceMeters":20000.5,"calories":500,"avgHeartRate":130,"maxHeartRate":160}',
      common.uuid(), common.user(), math.random(1, 28), math.random(0, 23), math.random(0, 59), math.random(600, 7200))
  end
  return wrk.format(nil, "/api/sessions/batch", nil, "[" .. table.concat(items, ",") .. "]")
end
