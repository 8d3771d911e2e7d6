-- wrk script for bench/nodes.sh: every request saves a signed-in member's profile (POST
-- /account/profile, answered 303), with a display name numbered in order, so each one
-- writes. The members are in the environment variable NODES_MEMBERS, one "COOKIE|CSRF"
-- a line; each wrk thread saves one of them, in turn.
local members = {}
for entry in string.gmatch(os.getenv("NODES_MEMBERS") or "", "[^\n]+") do
  local cookie, csrf = entry:match("^(.*)|(.*)$")
  members[#members + 1] = { cookie = cookie, csrf = csrf }
end
local threads = 0
local saved = 0
csrf = members[1] and members[1].csrf or ""   -- wrk checks request() once before init()

function setup(thread)
  threads = threads + 1
  thread:set("member_index", threads)
end

function init(args)
  local member = members[((member_index or 1) - 1) % #members + 1]
  wrk.method = "POST"
  wrk.path = "/account/profile"
  wrk.headers["Cookie"] = member.cookie
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  csrf = member.csrf
end

request = function()
  saved = saved + 1
  return wrk.format(nil, nil, nil, "csrf=" .. csrf .. "&display_name=Bench%20" .. saved ..
    "&city=&city_id=&country=&visibility=members")
end
