local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local ____runtime = require("tsasync.runtime")
local runtime = ____runtime.runtime
local ____task = require("tsasync.task")
local current_task = ____task.current_task
local on_finish = ____task.on_finish
local off_finish = ____task.off_finish
local running_task = ____task.running_task
local spawn = ____task.spawn
local ____error = require("tsasync.uv.error")
local new_uv_error = ____error.new_uv_error
local ____stream = require("tsasync.uv.stream")
local disown = ____stream.disown
local next_line = ____stream.next_line
local unread = ____stream.unread
local ____track = require("tsasync.uv.track")
local track_close = ____track.track_close
local track_open = ____track.track_open
local ____wrap = require("tsasync.uv.wrap")
local uv = ____wrap.uv
local luv = runtime.uv
--- A TCP connection.
____exports.Conn = __TS__Class()
local Conn = ____exports.Conn
Conn.name = "Conn"
function Conn.prototype.____constructor(self)
end
function Conn.prototype.write(self, data)
    if type(data) ~= "string" and type(data) ~= "table" then
        error(
            "conn:write: data must be a string or a list of strings, got " .. type(data),
            2
        )
    end
    if self.closed then
        error("conn:write: the connection is closed", 2)
    end
    uv.write(self.tcp, data)
end
function Conn.prototype.read(self)
    running_task("conn:read")
    local rest = unread(self)
    if rest ~= "" then
        return rest
    end
    local chunk = self.rs:recv()
    return chunk
end
function Conn.prototype.lines(self)
    return function() return next_line(self, self.rs) end
end
function Conn.prototype.shutdown(self)
    if self.closed then
        return
    end
    uv.shutdown(self.tcp)
end
function Conn.prototype.peer(self)
    local ____table_closed_0
    if self.closed then
        ____table_closed_0 = nil
    else
        ____table_closed_0 = self.tcp:getpeername()
    end
    return ____table_closed_0
end
function Conn.prototype.close(self)
    if self.closed then
        return
    end
    self.closed = true
    self.rs:close()
    if not self.tcp:is_closing() then
        self.tcp:close()
    end
    track_close()
    if self.owner ~= nil then
        off_finish(self.owner, self)
        self.owner = nil
    end
end
function Conn.prototype.is_closed(self)
    return self.closed
end
local ConnProto = ____exports.Conn.prototype
--- Wraps a connected tcp handle (already counted open) owned by `owner`.
local function new_conn(tcp, owner, always)
    local rs = uv.read_start(tcp)
    disown(rs)
    local c = setmetatable({tcp = tcp, rs = rs, partial = "", closed = false}, ConnProto)
    if owner ~= nil then
        c.owner = owner
        on_finish(
            owner,
            c,
            function(t)
                if always or t:status() ~= "done" then
                    c:close()
                end
            end
        )
    end
    return c
end
local function check_host_port(fname, host, port, allow_zero)
    if type(host) ~= "string" or host == "" then
        error(
            (fname .. ": host must be a non-empty string, got ") .. type(host),
            3
        )
    end
    if type(port) ~= "number" or port ~= math.floor(port) or port < (allow_zero and 0 or 1) or port > 65535 then
        error(
            (((fname .. ": port must be an integer in ") .. tostring(allow_zero and 0 or 1)) .. "..65535, got ") .. tostring(port),
            3
        )
    end
end
local function resolve(host)
    local v4 = string.match(host, "^[%d%.]+$")
    local v6 = string.find(host, ":", 1, true)
    if v4 ~= nil or v6 ~= nil then
        return host
    end
    local addrs = uv.getaddrinfo(host, nil, {socktype = "stream"})
    if addrs[1] == nil then
        error(
            new_uv_error("getaddrinfo", "ENOENT: no address for host " .. host, nil, "ENOENT"),
            0
        )
    end
    return addrs[1].addr
end
--- TCP connection to {host} (an IP address or a name) and {port}. Raises a
-- UvError (`ECONNREFUSED`, ...). Cancellation during the connect closes the
-- socket at once. The connection is closed when the calling task ends by
-- cancellation or failure.
-- ```lua
-- local conn = ts.net.connect("127.0.0.1", 8080)
-- conn:write("PING\n")
-- local reply = conn:lines()()
-- conn:close()
-- ```
-- 
-- @help ts.net.connect({host}, {port})
function ____exports.connect(host, port)
    check_host_port("ts.net.connect", host, port, false)
    local t = running_task("ts.net.connect")
    local ip = resolve(host)
    local tcp = luv.new_tcp()
    track_open()
    local ok, err = pcall(function() return uv.tcp_connect(tcp, ip, port) end)
    if not ok then
        if not tcp:is_closing() then
            tcp:close()
        end
        track_close()
        error(err, 0)
    end
    return new_conn(tcp, t, false)
end
--- Listens on {host}:{port} ({port} 0 picks one: `server.port`);
-- `handler(conn)` runs as a task per client, a child of the server's accept
-- loop, itself a child of the caller: the caller does not complete before
-- `server:close()` (and its running handlers); cancelling it closes the
-- server and cancels the handlers; a handler's unhandled error fails the
-- server and the caller (catch inside the handler to keep serving). A
-- handler's connection is closed when the handler ends. `server:close()`
-- stops accepting and closes the listening socket; running handlers go on.
-- ```lua
-- local server = ts.net.listen("127.0.0.1", 0, function(conn)
--   for line in conn:lines() do conn:write(line .. "\n") end -- echo
-- end)
-- print(server.port)
-- ```
-- 
-- @help ts.net.listen({host}, {port}, {handler})
function ____exports.listen(host, port, handler)
    check_host_port("ts.net.listen", host, port, true)
    if type(handler) ~= "function" then
        error(
            "ts.net.listen: handler must be a function, got " .. type(handler),
            2
        )
    end
    running_task("ts.net.listen")
    local tcp = luv.new_tcp()
    track_open()
    local ok, e, en = tcp:bind(host, port)
    local clients
    local lerr
    if ok ~= nil then
        local lok, l = pcall(function() return uv.listen(tcp, 128) end)
        if lok then
            clients = l
        else
            lerr = l
        end
    end
    if clients == nil then
        tcp:close()
        track_close()
        local ____error_2 = error
        local ____lerr_1 = lerr
        if ____lerr_1 == nil then
            ____lerr_1 = new_uv_error("tcp_bind", e, nil, en)
        end
        ____error_2(____lerr_1, 0)
    end
    disown(clients)
    local closed = false
    local server = {
        port = tcp:getsockname().port,
        host = host,
        close = function()
            if closed then
                return
            end
            closed = true
            clients:close()
            tcp:close()
            track_close()
        end
    }
    local function accept_loop()
        do
            while true do
                local client, aerr = clients:recv()
                if client == nil then
                    if aerr ~= nil then
                        error(aerr, 0)
                    end
                    break
                end
                spawn(
                    {name = (("ts.net handler " .. host) .. ":") .. tostring(server.port)},
                    function(c) return handler(new_conn(
                        c,
                        current_task(),
                        true
                    )) end,
                    client
                )
            end
        end
    end
    local loop = spawn(
        {name = (("ts.net server " .. host) .. ":") .. tostring(server.port)},
        accept_loop
    )
    on_finish(
        loop,
        server,
        function() return server:close() end
    )
    return server
end
return ____exports
