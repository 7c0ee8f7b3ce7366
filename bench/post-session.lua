-- POST one new session (a random client id) per request, for a writer user (BENCH_WRITER_PREFIX).
local common = require "common"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  return wrk.format(nil, "/api/sessions", nil, common.session(common.uuid(), common.writer()))
end
