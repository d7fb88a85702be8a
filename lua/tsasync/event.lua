local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local EventProto
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
--- A settable flag tasks can wait for (see `Event.new`).
____exports.Event = __TS__Class()
local Event = ____exports.Event
Event.name = "Event"
function Event.prototype.____constructor(self)
end
function Event.new()
    return setmetatable(
        {
            is = false,
            q = wq_new()
        },
        EventProto
    )
end
function Event.prototype.set(self)
    if getmetatable(self) ~= EventProto then
        bad_self("Event:set")
    end
    if self.is then
        return
    end
    self.is = true
    wake_all(self.q)
end
function Event.prototype.clear(self)
    if getmetatable(self) ~= EventProto then
        bad_self("Event:clear")
    end
    self.is = false
end
function Event.prototype.wait(self)
    if getmetatable(self) ~= EventProto then
        bad_self("Event:wait")
    end
    local t = current_task() ~= nil and running_task("Event:wait") or outside_task("Event:wait", "ev:is_set()")
    check_cancel(t)
    if not self.is then
        wait_in(t, self.q, "an event")
    end
end
function Event.prototype.is_set(self)
    if getmetatable(self) ~= EventProto then
        bad_self("Event:is_set")
    end
    return self.is
end
EventProto = ____exports.Event.prototype
EventProto.__tostring = function(e) return ((("Event (" .. (e.is and "set" or "not set")) .. ", ") .. tostring(e.q.n)) .. " waiting)" end
return ____exports
