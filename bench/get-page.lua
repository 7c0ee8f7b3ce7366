-- GET a list page of 50 sessions of a random loaded user.
local common = require "common"
request = function()
  return wrk.format("GET", "/api/sessions?limit=50&userId=" .. common.user())
end
