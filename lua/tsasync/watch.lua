local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local changed, receiver, WatchSenderProto, WatchReceiverProto
local ____task = require("tsasync.task")
local check_cancel = ____task.check_cancel
local current_task = ____task.current_task
local running_task = ____task.running_task
local ____waiters = require("tsasync.waiters")
local bad_self = ____waiters.bad_self
local outside_task = ____waiters.outside_task
local wait_in = ____waiters.wait_in
local wake_all = ____waiters.wake_all
local wq_new = ____waiters.wq_new
function changed(rx, t)
    check_cancel(t)
    local w = rx.w
    if w.ver > rx.seen then
        return true
    end
    if w.closed then
        return false
    end
    wait_in(t, w.q, "a watch change")
    return w.ver > rx.seen
end
function receiver(w)
    return setmetatable({w = w, seen = w.ver}, WatchReceiverProto)
end
--- The sending half of a watch. Never suspends.
-- 
-- @typeParam T the value type.
____exports.WatchSender = __TS__Class()
local WatchSender = ____exports.WatchSender
WatchSender.name = "WatchSender"
function WatchSender.prototype.____constructor(self)
end
function WatchSender.prototype.send(self, value)
    if getmetatable(self) ~= WatchSenderProto then
        bad_self("WatchSender:send")
    end
    if value == nil then
        error("WatchSender:send: value must not be nil", 2)
    end
    local w = self.w
    if w.closed then
        error("WatchSender:send: the watch is closed", 2)
    end
    w.v = value
    w.ver = w.ver + 1
    wake_all(w.q)
end
function WatchSender.prototype.get(self)
    if getmetatable(self) ~= WatchSenderProto then
        bad_self("WatchSender:get")
    end
    return self.w.v
end
function WatchSender.prototype.subscribe(self)
    if getmetatable(self) ~= WatchSenderProto then
        bad_self("WatchSender:subscribe")
    end
    return receiver(self.w)
end
function WatchSender.prototype.close(self)
    if getmetatable(self) ~= WatchSenderProto then
        bad_self("WatchSender:close")
    end
    local w = self.w
    if w.closed then
        return
    end
    w.closed = true
    wake_all(w.q)
end
function WatchSender.prototype.is_closed(self)
    if getmetatable(self) ~= WatchSenderProto then
        bad_self("WatchSender:is_closed")
    end
    return self.w.closed
end
--- A receiver of a watch: reads the latest value and waits for changes. Each receiver keeps
-- its own "last seen" version.
-- 
-- @typeParam T the value type.
____exports.WatchReceiver = __TS__Class()
local WatchReceiver = ____exports.WatchReceiver
WatchReceiver.name = "WatchReceiver"
function WatchReceiver.prototype.____constructor(self)
end
function WatchReceiver.prototype.get(self)
    if getmetatable(self) ~= WatchReceiverProto then
        bad_self("WatchReceiver:get")
    end
    local w = self.w
    self.seen = w.ver
    return w.v
end
function WatchReceiver.prototype.has_changed(self)
    if getmetatable(self) ~= WatchReceiverProto then
        bad_self("WatchReceiver:has_changed")
    end
    return self.w.ver > self.seen
end
function WatchReceiver.prototype.changed(self)
    if getmetatable(self) ~= WatchReceiverProto then
        bad_self("WatchReceiver:changed")
    end
    local t = current_task() ~= nil and running_task("WatchReceiver:changed") or outside_task("WatchReceiver:changed", "rx:has_changed()")
    return changed(self, t)
end
function WatchReceiver.prototype.recv(self)
    if getmetatable(self) ~= WatchReceiverProto then
        bad_self("WatchReceiver:recv")
    end
    local t = current_task() ~= nil and running_task("WatchReceiver:recv") or outside_task("WatchReceiver:recv", "rx:get()")
    if not changed(self, t) then
        return nil
    end
    local w = self.w
    self.seen = w.ver
    return w.v
end
function WatchReceiver.prototype.is_closed(self)
    if getmetatable(self) ~= WatchReceiverProto then
        bad_self("WatchReceiver:is_closed")
    end
    return self.w.closed
end
WatchSenderProto = ____exports.WatchSender.prototype
WatchReceiverProto = ____exports.WatchReceiver.prototype
--- Returns `tx, rx` for one value that changes over time (no queue: readers
-- see the latest). The initial value (nil allowed: "no value yet") counts
-- as seen. `tx:send(v)` replaces the value; receivers read the latest with
-- `rx:get()` and wait for the next with `rx:changed()` or `rx:recv()`;
-- `tx:subscribe()` makes more receivers.
-- ```lua
-- local tx, rx = ts.watch("idle")
-- ts.run(function() while rx:changed() do print(rx:get()) end end)
-- tx:send("busy")
-- ```
-- 
-- @help ts.watch({initial})
-- @first
function ____exports.watch(initial)
    local w = {
        v = initial,
        ver = 0,
        closed = false,
        q = wq_new()
    }
    return setmetatable({w = w}, WatchSenderProto), receiver(w)
end
return ____exports
