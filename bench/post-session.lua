-- POST one new session (a random client id) per request.
local common = require "common"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local body = string.format('{"id":"%s","userId":"%s","activity":"running","startedAt":"2026-10-%02dT07:%02d:00Z","durationSeconds":%d,"distanceMeters":5000.5,"calories":300,"avgHeartRate":140,"maxHeartRate":170,"notes":"bench"}',
    common.uuid(), common.user(), math.random(1, 28), math.random(0, 59), math.random(600, 3600))
  return wrk.format(nil, "/api/sessions", nil, body)
end
