local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local with_done, SemaphoreProto
local ____scheduler = require("tsasync.scheduler")
local EMPTY = ____scheduler.EMPTY
local ____task = require("tsasync.task")
local check_cancel = ____task.check_cancel
local current_task = ____task.current_task
local first = ____task.first
local resume_with = ____task.resume_with
local running_task = ____task.running_task
local ypcall = ____task.ypcall
local ____waiters = require("tsasync.waiters")
local bad_self = ____waiters.bad_self
local outside_task = ____waiters.outside_task
local wait_in = ____waiters.wait_in
local wq_new = ____waiters.wq_new
local wq_pop = ____waiters.wq_pop
---
-- @internal returns a permit: to the oldest waiter, else to the pool. False (nothing done)
-- for a mutex that is not locked.
function ____exports.permit_release(s)
    if s.m and s.q.n == 0 and s.p >= s.max then
        return false
    end
    s.owner = nil
    if s.q.n > 0 then
        local w = wq_pop(s.q)
        resume_with(w, EMPTY)
    else
        s.p = s.p + 1
    end
    return true
end
function with_done(s, ok, ...)
    ____exports.permit_release(s)
    if not ok then
        error(
            first(...),
            0
        )
    end
    return ...
end
---
-- @internal makes permit state.
function ____exports.permits_new(n, mutex)
    return {
        p = n,
        max = n,
        q = wq_new(),
        m = mutex
    }
end
---
-- @internal takes a permit without waiting; false when none is free or others wait.
function ____exports.permit_try(s)
    if s.p > 0 and s.q.n == 0 then
        s.p = s.p - 1
        return true
    end
    return false
end
---
-- @internal takes a permit inside task `t`, waiting in FIFO order.
function ____exports.permit_acquire(s, t, what)
    check_cancel(t)
    if not ____exports.permit_try(s) then
        wait_in(t, s.q, what)
    end
    if s.m then
        s.owner = t
    end
end
---
-- @internal runs `fn(...)` holding a permit of `s`, releasing it however `fn` ends.
function ____exports.permit_with(s, fname, what, fn, ...)
    if type(fn) ~= "function" then
        error(
            (fname .. ": fn must be a function, got ") .. type(fn),
            3
        )
    end
    local t = current_task() ~= nil and running_task(fname) or outside_task(fname, "try_acquire/try_lock")
    ____exports.permit_acquire(s, t, what)
    return with_done(
        s,
        ypcall(fn, ...)
    )
end
--- A counting semaphore with `n` permits; waiters are served first come, first served
-- (see `Semaphore.new`).
____exports.Semaphore = __TS__Class()
local Semaphore = ____exports.Semaphore
Semaphore.name = "Semaphore"
function Semaphore.prototype.____constructor(self)
end
function Semaphore.new(n)
    if type(n) ~= "number" or n ~= math.floor(n) or n < 0 or n == math.huge then
        error(
            "ts.Semaphore.new: n must be a non-negative integer, got " .. tostring(n),
            2
        )
    end
    return setmetatable(
        {s = ____exports.permits_new(n, false)},
        SemaphoreProto
    )
end
function Semaphore.prototype.acquire(self)
    if getmetatable(self) ~= SemaphoreProto then
        bad_self("Semaphore:acquire")
    end
    local t = current_task() ~= nil and running_task("Semaphore:acquire") or outside_task("Semaphore:acquire", "sem:try_acquire()")
    ____exports.permit_acquire(self.s, t, "a semaphore")
end
function Semaphore.prototype.try_acquire(self)
    if getmetatable(self) ~= SemaphoreProto then
        bad_self("Semaphore:try_acquire")
    end
    return ____exports.permit_try(self.s)
end
function Semaphore.prototype.release(self)
    if getmetatable(self) ~= SemaphoreProto then
        bad_self("Semaphore:release")
    end
    ____exports.permit_release(self.s)
end
function Semaphore.prototype.available(self)
    if getmetatable(self) ~= SemaphoreProto then
        bad_self("Semaphore:available")
    end
    return self.s.p
end
function Semaphore.prototype.with(self, fn, ...)
    if getmetatable(self) ~= SemaphoreProto then
        bad_self("Semaphore:with")
    end
    return ____exports.permit_with(
        self.s,
        "Semaphore:with",
        "a semaphore",
        fn,
        ...
    )
end
SemaphoreProto = ____exports.Semaphore.prototype
SemaphoreProto.__tostring = function(s) return ((("Semaphore (" .. tostring(s.s.p)) .. " free, ") .. tostring(s.s.q.n)) .. " waiting)" end
return ____exports
