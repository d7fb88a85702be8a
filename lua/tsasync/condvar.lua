local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local CondvarProto
local ____task = require("tsasync.task")
local check_cancel = ____task.check_cancel
local current_task = ____task.current_task
local running_task = ____task.running_task
local shield_enter = ____task.shield_enter
local shield_leave = ____task.shield_leave
local suspend = ____task.suspend
local ypcall = ____task.ypcall
local ____mutex = require("tsasync.mutex")
local is_mutex = ____mutex.is_mutex
local ____semaphore = require("tsasync.semaphore")
local permit_acquire = ____semaphore.permit_acquire
local permit_release = ____semaphore.permit_release
local ____waiters = require("tsasync.waiters")
local abort_wq = ____waiters.abort_wq
local bad_self = ____waiters.bad_self
local outside_task = ____waiters.outside_task
local wait_in = ____waiters.wait_in
local wake_all = ____waiters.wake_all
local wake_waiter = ____waiters.wake_waiter
local wq_new = ____waiters.wq_new
local wq_pop = ____waiters.wq_pop
local wq_push = ____waiters.wq_push
local function suspend_in(t, q)
    suspend(t, abort_wq, q)
end
--- A condition variable (see `Condvar.new`).
____exports.Condvar = __TS__Class()
local Condvar = ____exports.Condvar
Condvar.name = "Condvar"
function Condvar.prototype.____constructor(self)
end
function Condvar.new()
    return setmetatable(
        {q = wq_new()},
        CondvarProto
    )
end
function Condvar.prototype.wait(self, mutex)
    if getmetatable(self) ~= CondvarProto then
        bad_self("Condvar:wait")
    end
    local t = current_task() ~= nil and running_task("Condvar:wait") or outside_task("Condvar:wait", "cv:notify_one()")
    if mutex == nil then
        check_cancel(t)
        wait_in(t, self.q, "a condition variable")
        return
    end
    if not is_mutex(mutex) then
        error(
            "Condvar:wait: mutex must be a ts.Mutex or nil, got " .. type(mutex),
            2
        )
    end
    local s = mutex.s
    if s.p ~= 0 then
        error("Condvar:wait: the mutex is not locked (lock it before waiting)", 2)
    end
    if s.owner ~= nil and s.owner ~= t then
        error("Condvar:wait: the mutex is held by another task", 2)
    end
    check_cancel(t)
    wq_push(self.q, t, nil)
    self.q.what = "a condition variable"
    permit_release(s)
    local ok, err = ypcall(suspend_in, t, self.q)
    shield_enter(t)
    permit_acquire(s, t, "a mutex (after a condition variable)")
    shield_leave(t)
    if not ok then
        error(err, 0)
    end
end
function Condvar.prototype.notify_one(self)
    if getmetatable(self) ~= CondvarProto then
        bad_self("Condvar:notify_one")
    end
    if self.q.n == 0 then
        return false
    end
    local w = wq_pop(self.q)
    wake_waiter(w)
    return true
end
function Condvar.prototype.notify_all(self)
    if getmetatable(self) ~= CondvarProto then
        bad_self("Condvar:notify_all")
    end
    return wake_all(self.q)
end
function Condvar.prototype.waiting(self)
    if getmetatable(self) ~= CondvarProto then
        bad_self("Condvar:waiting")
    end
    return self.q.n
end
CondvarProto = ____exports.Condvar.prototype
CondvarProto.__tostring = function(c) return ("Condvar (" .. tostring(c.q.n)) .. " waiting)" end
return ____exports
