local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local abort_recv, sub_recv, iter_next, subscribe_to, BroadcastSenderProto
local ____task = require("tsasync.task")
local check_cancel = ____task.check_cancel
local current_task = ____task.current_task
local running_task = ____task.running_task
local suspend = ____task.suspend
local register_wait_kind = ____task.register_wait_kind
local ____waiters = require("tsasync.waiters")
local bad_self = ____waiters.bad_self
local deliver = ____waiters.deliver
local dq_clear = ____waiters.dq_clear
local dq_pop = ____waiters.dq_pop
local dq_push = ____waiters.dq_push
local outside_task = ____waiters.outside_task
local take_slot2 = ____waiters.take_slot2
local wq_new = ____waiters.wq_new
local wq_pop = ____waiters.wq_pop
local wq_push = ____waiters.wq_push
local wq_remove = ____waiters.wq_remove
---
-- @internal takes a value without suspending: `v, missed`, or nil when none is buffered.
function ____exports.sub_take(s)
    if s.bn == 0 then
        return nil, 0
    end
    local m = s.missed
    s.missed = 0
    return dq_pop(s), m
end
function abort_recv(arg, t)
    wq_remove(arg.rq, t)
end
function sub_recv(s, t)
    check_cancel(t)
    if s.bn > 0 then
        return ____exports.sub_take(s)
    end
    if s.closed then
        return nil, 0
    end
    wq_push(s.rq, t, nil)
    suspend(t, abort_recv, s)
    return take_slot2(t)
end
function iter_next(rx)
    return sub_recv(
        rx.s,
        running_task("BroadcastReceiver:iter")
    )
end
function subscribe_to(bc)
    local s = {
        b = {},
        bh = 0,
        bn = 0,
        sz = 0,
        bc = bc,
        cap = bc.cap,
        rq = wq_new(),
        missed = 0,
        closed = bc.closed,
        si = 0
    }
    if not bc.closed then
        local ____bc_subs_0 = bc.subs
        ____bc_subs_0[#____bc_subs_0 + 1] = s
        s.si = #bc.subs
    end
    return setmetatable({s = s}, ____exports.BroadcastReceiverProto)
end
local function close_sub(s)
    s.closed = true
    while s.rq.n > 0 do
        local w = wq_pop(s.rq)
        deliver(w, nil, nil)
    end
end
register_wait_kind(
    abort_recv,
    function() return "a broadcast receive" end
)
--- The sending half of a broadcast. Sending never suspends, so plain code and fast callbacks
-- may use it.
-- 
-- @typeParam T the value type (never nil).
____exports.BroadcastSender = __TS__Class()
local BroadcastSender = ____exports.BroadcastSender
BroadcastSender.name = "BroadcastSender"
function BroadcastSender.prototype.____constructor(self)
end
function BroadcastSender.prototype.send(self, value)
    if getmetatable(self) ~= BroadcastSenderProto then
        bad_self("BroadcastSender:send")
    end
    if value == nil then
        error("BroadcastSender:send: value must not be nil (nil is not a message)", 2)
    end
    local bc = self.bc
    if bc.closed then
        error("BroadcastSender:send: the broadcast is closed", 2)
    end
    local subs = bc.subs
    do
        local k = 0
        while k < #subs do
            local s = subs[k + 1]
            if s.rq.n > 0 then
                local w = wq_pop(s.rq)
                deliver(w, value, 0)
            else
                if s.bn == s.cap then
                    dq_pop(s)
                    s.missed = s.missed + 1
                end
                dq_push(s, value)
            end
            k = k + 1
        end
    end
end
function BroadcastSender.prototype.subscribe(self)
    if getmetatable(self) ~= BroadcastSenderProto then
        bad_self("BroadcastSender:subscribe")
    end
    return subscribe_to(self.bc)
end
function BroadcastSender.prototype.receiver_count(self)
    if getmetatable(self) ~= BroadcastSenderProto then
        bad_self("BroadcastSender:receiver_count")
    end
    return #self.bc.subs
end
function BroadcastSender.prototype.close(self)
    if getmetatable(self) ~= BroadcastSenderProto then
        bad_self("BroadcastSender:close")
    end
    local bc = self.bc
    if bc.closed then
        return
    end
    bc.closed = true
    for ____, s in ipairs(bc.subs) do
        close_sub(s)
    end
end
function BroadcastSender.prototype.is_closed(self)
    if getmetatable(self) ~= BroadcastSenderProto then
        bad_self("BroadcastSender:is_closed")
    end
    return self.bc.closed
end
--- One subscriber of a broadcast: receives every value sent after it subscribed.
-- 
-- @typeParam T the value type.
____exports.BroadcastReceiver = __TS__Class()
local BroadcastReceiver = ____exports.BroadcastReceiver
BroadcastReceiver.name = "BroadcastReceiver"
function BroadcastReceiver.prototype.____constructor(self)
end
function BroadcastReceiver.prototype.recv(self)
    if getmetatable(self) ~= ____exports.BroadcastReceiverProto then
        bad_self("BroadcastReceiver:recv")
    end
    local t = current_task() ~= nil and running_task("BroadcastReceiver:recv") or outside_task("BroadcastReceiver:recv", "rx:try_recv()")
    return sub_recv(self.s, t)
end
function BroadcastReceiver.prototype.try_recv(self)
    if getmetatable(self) ~= ____exports.BroadcastReceiverProto then
        bad_self("BroadcastReceiver:try_recv")
    end
    local s = self.s
    if s.bn == 0 then
        return false, nil, 0
    end
    local v, m = ____exports.sub_take(s)
    return true, v, m
end
function BroadcastReceiver.prototype.iter(self)
    if getmetatable(self) ~= ____exports.BroadcastReceiverProto then
        bad_self("BroadcastReceiver:iter")
    end
    return iter_next, self
end
function BroadcastReceiver.prototype.len(self)
    if getmetatable(self) ~= ____exports.BroadcastReceiverProto then
        bad_self("BroadcastReceiver:len")
    end
    return self.s.bn
end
function BroadcastReceiver.prototype.unsubscribe(self)
    if getmetatable(self) ~= ____exports.BroadcastReceiverProto then
        bad_self("BroadcastReceiver:unsubscribe")
    end
    local s = self.s
    local i = s.si
    if i == 0 then
        return
    end
    local subs = s.bc.subs
    local last = subs[#subs]
    subs[i] = last
    last.si = i
    table.remove(subs)
    s.si = 0
    dq_clear(s)
    s.missed = 0
    close_sub(s)
end
function BroadcastReceiver.prototype.is_closed(self)
    if getmetatable(self) ~= ____exports.BroadcastReceiverProto then
        bad_self("BroadcastReceiver:is_closed")
    end
    return self.s.closed
end
BroadcastSenderProto = ____exports.BroadcastSender.prototype
---
-- @internal metatable of broadcast subscribers (for `ts.select`).
____exports.BroadcastReceiverProto = ____exports.BroadcastReceiver.prototype
____exports.BroadcastReceiverProto.__len = function(rx) return rx.s.bn end
--- Returns `tx, subscribe`. `subscribe()` (or `tx:subscribe()`) returns a
-- receiver that gets every value sent after it subscribed. The sender never
-- suspends: each subscriber buffers up to `capacity` values, and one that
-- falls further behind loses its oldest values (its next `rx:recv()`
-- returns `v, missed`). Raises when `capacity` is not a positive integer.
-- ```lua
-- local tx, subscribe = ts.broadcast(64)
-- local rx = subscribe()
-- ts.run(function()
--   while true do
--     local ev, missed = rx:recv()
--     if ev == nil then break end
--     if missed > 0 then print(missed .. " events lost") end
--   end
-- end)
-- tx:send("changed")
-- ```
-- 
-- @help ts.broadcast({capacity})
-- @first
function ____exports.broadcast(capacity)
    if type(capacity) ~= "number" or capacity ~= math.floor(capacity) or capacity < 1 or capacity == math.huge then
        error(
            "ts.broadcast: capacity must be a positive integer, got " .. tostring(capacity),
            2
        )
    end
    local bc = {subs = {}, cap = capacity, closed = false}
    local tx = setmetatable({bc = bc}, BroadcastSenderProto)
    return tx, function() return subscribe_to(bc) end
end
return ____exports
