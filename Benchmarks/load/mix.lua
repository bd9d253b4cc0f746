-- A mix of the five SIP Domain operations for wrk: create, fetch, list, update and delete in
-- turn, each thread deleting the domains it created, so the store stays about the same size.
-- Counts the 5xx answers of every thread; load.py reads them from the summary line.
local account = os.getenv("LOAD_ACCOUNT")
local authorization = "Basic " .. os.getenv("LOAD_CREDENTIALS")
local domains = "/2010-04-01/Accounts/" .. account .. "/SIP/Domains"
local threads = {}

function setup(thread)
    thread:set("id", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    counter = 0
    server_errors = 0
    created = {}
    wrk.headers["Authorization"] = authorization
end

local function form(body)
    return {["Content-Type"] = "application/x-www-form-urlencoded", ["Authorization"] = authorization}, body
end

function request()
    counter = counter + 1
    local step = counter % 5
    local sid = created[#created]
    if step == 0 or sid == nil then
        local headers, body = form("DomainName=load-" .. id .. "-" .. counter .. ".sip.twilio.com&FriendlyName=load")
        return wrk.format("POST", domains .. ".json", headers, body)
    elseif step == 1 then
        return wrk.format("GET", domains .. "/" .. sid .. ".json")
    elseif step == 2 then
        return wrk.format("GET", domains .. ".json?PageSize=20")
    elseif step == 3 then
        local headers, body = form("FriendlyName=updated-" .. counter .. "&Secure=true")
        return wrk.format("POST", domains .. "/" .. sid .. ".json", headers, body)
    else
        table.remove(created)
        return wrk.format("DELETE", domains .. "/" .. sid .. ".json")
    end
end

function response(status, headers, body)
    if status == 201 then
        local sid = body:match('"sid":"(SD%x+)"')
        if sid then table.insert(created, sid) end
    elseif status >= 500 then
        server_errors = server_errors + 1
    end
end

function done(summary, latency, requests)
    local errors = 0
    for _, thread in ipairs(threads) do
        errors = errors + thread:get("server_errors")
    end
    io.write(string.format("mix: 5xx=%d socket_errors=%d requests=%d\n", errors,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
        summary.requests))
end
