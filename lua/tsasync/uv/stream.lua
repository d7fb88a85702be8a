local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local unpack_packed, abort_recv, end_stream
local ____scheduler = require("tsasync.scheduler")
local EMPTY = ____scheduler.EMPTY
local ____task = require("tsasync.task")
local check_cancel = ____task.check_cancel
local current_task = ____task.current_task
local off_finish = ____task.off_finish
local on_finish = ____task.on_finish
local resume_error = ____task.resume_error
local resume_with = ____task.resume_with
local running_task = ____task.running_task
local suspend = ____task.suspend
local register_wait_kind = ____task.register_wait_kind
function unpack_packed(v)
    return unpack(v, 1, v.n)
end
function abort_recv(arg)
    arg.waiter = nil
end
function end_stream(s)
    local first_end = not s.done
    s.done = true
    if first_end and s.stop_fn ~= nil then
        local stop = s.stop_fn
        s.stop_fn = nil
        pcall(stop)
    end
    if s.owner ~= nil then
        off_finish(s.owner, s)
        s.owner = nil
    end
    local w = s.waiter
    if w ~= nil and s.qh > s.qt then
        s.waiter = nil
        local e = s.err
        if e ~= nil then
            s.err = nil
            resume_error(w, e)
        else
            resume_with(w, EMPTY)
        end
    end
end
--- The text `r` received and has not returned as a line; `r` keeps nothing after this.
function ____exports.unread(r)
    local pos = r.pos or 1
    local rest = pos > 1 and string.sub(r.partial, pos) or r.partial
    r.partial = ""
    r.pos = 1
    return rest
end
--- A stream of values from a repeating callback.
-- 
-- @typeParam T the values of one event, as a tuple (`[string]` for `read_start`'s chunks).
____exports.UvStream = __TS__Class()
local UvStream = ____exports.UvStream
UvStream.name = "UvStream"
function UvStream.prototype.____constructor(self)
end
function UvStream.prototype.recv(self)
    local t = running_task(self.what .. ":recv")
    check_cancel(t)
    if self.qh <= self.qt then
        return unpack_packed(self:take_next())
    end
    if self.err ~= nil then
        local e = self.err
        self.err = nil
        error(e, 0)
    end
    if self.done then
        return
    end
    if self.waiter ~= nil then
        error(((self.what .. ":recv: another task (\"") .. self.waiter.name) .. "\") is already waiting on this stream", 2)
    end
    self.waiter = t
    return suspend(t, abort_recv, self)
end
function UvStream.prototype.iter(self)
    return function() return self:recv() end
end
function UvStream.prototype.len(self)
    return self.qt - self.qh + 1
end
function UvStream.prototype.is_closed(self)
    return self.done and self.qh > self.qt and self.err == nil
end
function UvStream.prototype.close(self)
    if self.closed then
        return
    end
    self.closed = true
    self.q = {}
    self.qh = 1
    self.qt = 0
    self.err = nil
    end_stream(self)
end
function UvStream.prototype.take_next(self)
    local i = self.qh
    local v = self.q[i]
    self.q[i] = nil
    self.qh = i + 1
    if self.paused and self.qt - self.qh + 1 <= self.limit / 2 then
        self.paused = false
        self.resume_fn()
    end
    if self.take ~= nil then
        v = self.take(v)
    end
    return v
end
local StreamProto = ____exports.UvStream.prototype
StreamProto.__tostring = function(s) return ((((s.what .. " (") .. (s.done and "ended" or "open")) .. ", ") .. tostring(s:len())) .. " buffered)" end
register_wait_kind(
    abort_recv,
    function(arg) return arg.what .. ":recv" end
)
--- Makes a stream. The creating task (if any) becomes its owner: the stream is closed when that
-- task ends by cancellation or failure.
function ____exports.new_stream(o)
    local s = setmetatable({
        what = o.what,
        limit = o.limit or (o.pause ~= nil and 64 or 1024),
        dropped = 0,
        q = {},
        qh = 1,
        qt = 0,
        done = false,
        closed = false,
        paused = false,
        stop_fn = o.stop,
        pause_fn = o.pause,
        resume_fn = o.resume,
        take = o.take,
        handle = o.handle
    }, StreamProto)
    local owner = current_task()
    if owner ~= nil then
        s.owner = owner
        on_finish(
            owner,
            s,
            function(t)
                if t:status() ~= "done" then
                    s:close()
                end
            end
        )
    end
    return s
end
--- Delivers one event (packed values) to the stream, from the source's callback.
function ____exports.stream_push(s, v)
    if s.done then
        return
    end
    local w = s.waiter
    if w ~= nil then
        s.waiter = nil
        resume_with(
            w,
            s.take ~= nil and s.take(v) or v
        )
        return
    end
    if s.pause_fn ~= nil then
        s.qt = s.qt + 1
        s.q[s.qt] = v
        if not s.paused and s.qt - s.qh + 1 >= s.limit then
            s.paused = true
            s.pause_fn()
        end
        return
    end
    if s.qt - s.qh + 1 >= s.limit then
        s.q[s.qh] = nil
        s.qh = s.qh + 1
        s.dropped = s.dropped + 1
    end
    s.qt = s.qt + 1
    s.q[s.qt] = v
end
--- Ends the stream with an error (raised by `recv` after the buffered values).
function ____exports.stream_fail(s, err)
    if s.done then
        return
    end
    s.err = err
    end_stream(s)
end
--- Ends the stream normally (EOF): `recv` returns nil after the buffered values.
function ____exports.stream_finish(s)
    if s.done then
        return
    end
    end_stream(s)
end
--- The next line (without its newline) from chunk stream `s`, keeping the rest in
-- `r.partial`; a last line without a newline is returned at EOF; nil after that.
function ____exports.next_line(r, s)
    do
        while true do
            local pos = r.pos or 1
            local i = string.find(r.partial, "\n", pos, true)
            if i ~= nil then
                r.pos = i + 1
                return string.sub(r.partial, pos, i - 1)
            end
            local chunk = s:recv()
            local rest = ____exports.unread(r)
            if chunk == nil then
                local ____temp_0
                if rest == "" then
                    ____temp_0 = nil
                else
                    ____temp_0 = rest
                end
                return ____temp_0
            end
            r.partial = rest .. chunk
        end
    end
end
--- Takes the stream away from the task that created it (its end no longer closes the stream).
function ____exports.disown(s)
    if s.owner ~= nil then
        off_finish(s.owner, s)
    end
    s.owner = nil
end
return ____exports
