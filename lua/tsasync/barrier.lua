local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local BarrierProto
local ____task = require("tsasync.task")
local check_cancel = ____task.check_cancel
local running_task = ____task.running_task
local ____waiters = require("tsasync.waiters")
local bad_self = ____waiters.bad_self
local wait_in = ____waiters.wait_in
local wake_all = ____waiters.wake_all
local wq_new = ____waiters.wq_new
--- A reusable barrier for `n` tasks (see `Barrier.new`).
____exports.Barrier = __TS__Class()
local Barrier = ____exports.Barrier
Barrier.name = "Barrier"
function Barrier.prototype.____constructor(self)
end
function Barrier.new(n)
    if type(n) ~= "number" or n ~= math.floor(n) or n < 1 or n == math.huge then
        error(
            "ts.Barrier.new: n must be a positive integer, got " .. tostring(n),
            2
        )
    end
    return setmetatable(
        {
            n = n,
            q = wq_new()
        },
        BarrierProto
    )
end
function Barrier.prototype.wait(self)
    if getmetatable(self) ~= BarrierProto then
        bad_self("Barrier:wait")
    end
    local t = running_task("Barrier:wait")
    check_cancel(t)
    if self.q.n + 1 >= self.n then
        wake_all(self.q)
        return true
    end
    wait_in(t, self.q, "a barrier")
    return false
end
function Barrier.prototype.waiting(self)
    if getmetatable(self) ~= BarrierProto then
        bad_self("Barrier:waiting")
    end
    return self.q.n
end
BarrierProto = ____exports.Barrier.prototype
BarrierProto.__tostring = function(b) return ((("Barrier (" .. tostring(b.q.n)) .. "/") .. tostring(b.n)) .. " waiting)" end
return ____exports
