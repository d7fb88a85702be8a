local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local abort_recv, iter_next, SenderProto
local ____task = require("tsasync.task")
local check_cancel = ____task.check_cancel
local current_task = ____task.current_task
local running_task = ____task.running_task
local suspend = ____task.suspend
local register_wait_kind = ____task.register_wait_kind
local ____waiters = require("tsasync.waiters")
local deliver = ____waiters.deliver
local dq_pop = ____waiters.dq_pop
local dq_push = ____waiters.dq_push
local fail_waiter = ____waiters.fail_waiter
local take_slot = ____waiters.take_slot
local wake_waiter = ____waiters.wake_waiter
local wq_new = ____waiters.wq_new
local wq_pop = ____waiters.wq_pop
local wq_push = ____waiters.wq_push
local wq_remove = ____waiters.wq_remove
local bad_self = ____waiters.bad_self
local outside_task = ____waiters.outside_task
---
-- @internal takes a message without suspending; nil when none is available.
function ____exports.chan_take(c)
    if c.bn > 0 then
        local v = dq_pop(c)
        if c.sq.n > 0 then
            local w, sv = wq_pop(c.sq)
            dq_push(c, sv)
            wake_waiter(w)
        end
        return v
    end
    if c.sq.n > 0 then
        local w, sv = wq_pop(c.sq)
        wake_waiter(w)
        return sv
    end
    return nil
end
function abort_recv(arg, t)
    wq_remove(arg.rq, t)
end
---
-- @internal receives inside task `t`, suspending while the channel is empty. `fname` names
-- the operation in the error raised when the caller is a coroutine tsasync does not drive
-- (checked only before suspending: `coroutine.running` stops LuaJIT traces).
function ____exports.chan_recv(c, t, fname)
    check_cancel(t)
    local v = ____exports.chan_take(c)
    if v ~= nil or c.closed then
        return v
    end
    running_task(fname)
    wq_push(c.rq, t, nil)
    suspend(t, abort_recv, c)
    return take_slot(t)
end
function iter_next(rx)
    return ____exports.chan_recv(
        rx.c,
        current_task() or outside_task("Receiver:iter", "rx:try_recv()"),
        "Receiver:iter"
    )
end
---
-- @internal makes the shared state of a channel.
function ____exports.chan_new(cap)
    return {
        b = {},
        bh = 0,
        bn = 0,
        sz = 0,
        cap = cap,
        rq = wq_new(),
        sq = wq_new(),
        closed = false
    }
end
---
-- @internal offers `v` without suspending: to a waiting receiver, else into the buffer.
function ____exports.chan_offer(c, v)
    if c.rq.n > 0 then
        local w = wq_pop(c.rq)
        deliver(w, v, nil)
        return true
    end
    if c.bn < c.cap then
        dq_push(c, v)
        return true
    end
    return false
end
---
-- @internal the error a sender blocked at close time raises.
____exports.CLOSED_WHILE_SENDING = "Sender:send: the channel was closed while the send waited (the value was not delivered)"
---
-- @internal closes the channel: waiting receivers get nil, blocked senders raise.
function ____exports.chan_close(c)
    if c.closed then
        return
    end
    c.closed = true
    while c.rq.n > 0 do
        local w = wq_pop(c.rq)
        deliver(w, nil, nil)
    end
    while c.sq.n > 0 do
        local w = wq_pop(c.sq)
        fail_waiter(w, ____exports.CLOSED_WHILE_SENDING)
    end
end
local function abort_send(arg, t)
    wq_remove(arg.sq, t)
end
register_wait_kind(
    abort_send,
    function() return "a channel send" end
)
register_wait_kind(
    abort_recv,
    function() return "a channel receive" end
)
--- The sending half of a channel made by `ts.channel`. Any number of tasks and callbacks may
-- share it.
-- 
-- @typeParam T the message type (never nil).
____exports.Sender = __TS__Class()
local Sender = ____exports.Sender
Sender.name = "Sender"
function Sender.prototype.____constructor(self)
end
function Sender.prototype.send(self, value)
    if getmetatable(self) ~= SenderProto then
        bad_self("Sender:send")
    end
    if value == nil then
        error("Sender:send: value must not be nil (nil is not a message; close the channel to end the stream)", 2)
    end
    local t = current_task() or outside_task("Sender:send", "tx:try_send(v)")
    local c = self.c
    check_cancel(t)
    if c.closed then
        error("Sender:send: the channel is closed", 2)
    end
    if ____exports.chan_offer(c, value) then
        return
    end
    running_task("Sender:send")
    wq_push(c.sq, t, value)
    suspend(t, abort_send, c)
end
function Sender.prototype.try_send(self, value)
    if getmetatable(self) ~= SenderProto then
        bad_self("Sender:try_send")
    end
    if value == nil then
        error("Sender:try_send: value must not be nil (nil is not a message)", 2)
    end
    local c = self.c
    if c.closed then
        return false
    end
    return ____exports.chan_offer(c, value)
end
function Sender.prototype.close(self)
    if getmetatable(self) ~= SenderProto then
        bad_self("Sender:close")
    end
    ____exports.chan_close(self.c)
end
function Sender.prototype.is_closed(self)
    if getmetatable(self) ~= SenderProto then
        bad_self("Sender:is_closed")
    end
    return self.c.closed
end
--- The receiving half of a channel made by `ts.channel` (or `ts.oneshot`). Any number of
-- tasks may share it; each message goes to exactly one of them, oldest waiter first.
-- 
-- @typeParam T the message type.
____exports.Receiver = __TS__Class()
local Receiver = ____exports.Receiver
Receiver.name = "Receiver"
function Receiver.prototype.____constructor(self)
end
function Receiver.prototype.recv(self)
    if getmetatable(self) ~= ____exports.ReceiverProto then
        bad_self("Receiver:recv")
    end
    local t = current_task() or outside_task("Receiver:recv", "rx:try_recv()")
    return ____exports.chan_recv(self.c, t, "Receiver:recv")
end
function Receiver.prototype.try_recv(self)
    if getmetatable(self) ~= ____exports.ReceiverProto then
        bad_self("Receiver:try_recv")
    end
    local v = ____exports.chan_take(self.c)
    return v ~= nil, v
end
function Receiver.prototype.iter(self)
    if getmetatable(self) ~= ____exports.ReceiverProto then
        bad_self("Receiver:iter")
    end
    return iter_next, self
end
function Receiver.prototype.len(self)
    if getmetatable(self) ~= ____exports.ReceiverProto then
        bad_self("Receiver:len")
    end
    return self.c.bn + self.c.sq.n
end
function Receiver.prototype.close(self)
    if getmetatable(self) ~= ____exports.ReceiverProto then
        bad_self("Receiver:close")
    end
    ____exports.chan_close(self.c)
end
function Receiver.prototype.is_closed(self)
    if getmetatable(self) ~= ____exports.ReceiverProto then
        bad_self("Receiver:is_closed")
    end
    return self.c.closed
end
SenderProto = ____exports.Sender.prototype
---
-- @internal metatable of receivers (for `ts.select`).
____exports.ReceiverProto = ____exports.Receiver.prototype
____exports.SenderProto = SenderProto
SenderProto.__tostring = function(tx) return ("Sender (" .. (tx.c.closed and "closed" or "open")) .. ")" end
____exports.ReceiverProto.__tostring = function(rx) return ((("Receiver (" .. tostring(rx.c.bn + rx.c.sq.n)) .. " waiting") .. (rx.c.closed and ", closed" or "")) .. ")" end
____exports.ReceiverProto.__len = function(rx) return rx.c.bn + rx.c.sq.n end
---
-- @internal the receiving half of channel state `c`.
function ____exports.receiver_of(c)
    return setmetatable({c = c}, ____exports.ReceiverProto)
end
---
-- @internal wraps a channel state into its two halves.
function ____exports.halves(c)
    return setmetatable({c = c}, SenderProto), ____exports.receiver_of(c)
end
--- Makes a channel and returns its two halves, `tx, rx`:
--   `capacity` nil   unbounded (`send` never waits)
--   `0`              a rendezvous (a send waits for a receiver, which takes
--                    the value directly)
--   `n >= 1`         bounded (`send` waits while `n` messages are buffered)
-- Any number of tasks share `tx` and `rx`; messages arrive in the order
-- they were sent, each at exactly one receiver. `nil` is not a message.
-- Raises when `capacity` is not nil, 0 or a positive integer.
-- ```lua
-- local tx, rx = ts.channel(16)
-- ts.run(function() for i = 1, 3 do tx:send(i) end; tx:close() end)
-- ts.run(function() for v in rx:iter() do print(v) end end) -- 1 2 3
-- ```
-- 
-- @help ts.channel({capacity})
-- @first
function ____exports.channel(capacity)
    if capacity ~= nil and (type(capacity) ~= "number" or capacity ~= math.floor(capacity) or capacity < 0 or capacity == math.huge) then
        error(
            "ts.channel: capacity must be nil (unbounded), 0 (rendezvous) or a positive integer, got " .. tostring(capacity),
            2
        )
    end
    return ____exports.halves(____exports.chan_new(capacity or math.huge))
end
return ____exports
