local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local MutexProto
local ____task = require("tsasync.task")
local current_task = ____task.current_task
local running_task = ____task.running_task
local ____semaphore = require("tsasync.semaphore")
local permit_acquire = ____semaphore.permit_acquire
local permit_release = ____semaphore.permit_release
local permit_try = ____semaphore.permit_try
local permit_with = ____semaphore.permit_with
local permits_new = ____semaphore.permits_new
local ____waiters = require("tsasync.waiters")
local bad_self = ____waiters.bad_self
local outside_task = ____waiters.outside_task
--- A mutual-exclusion lock for tasks. Not reentrant: a task locking a mutex it holds raises
-- (see `Mutex.new`).
____exports.Mutex = __TS__Class()
local Mutex = ____exports.Mutex
Mutex.name = "Mutex"
function Mutex.prototype.____constructor(self)
end
function Mutex.new()
    return setmetatable(
        {s = permits_new(1, true)},
        MutexProto
    )
end
function Mutex.prototype.lock(self)
    if getmetatable(self) ~= MutexProto then
        bad_self("Mutex:lock")
    end
    local t = current_task() ~= nil and running_task("Mutex:lock") or outside_task("Mutex:lock", "m:try_lock()")
    local s = self.s
    if s.owner == t then
        error("Mutex:lock: the running task already holds this mutex (it is not reentrant)", 2)
    end
    permit_acquire(s, t, "a mutex")
end
function Mutex.prototype.try_lock(self)
    if getmetatable(self) ~= MutexProto then
        bad_self("Mutex:try_lock")
    end
    local s = self.s
    if not permit_try(s) then
        return false
    end
    s.owner = current_task()
    return true
end
function Mutex.prototype.unlock(self)
    if getmetatable(self) ~= MutexProto then
        bad_self("Mutex:unlock")
    end
    if not permit_release(self.s) then
        error("Mutex:unlock: the mutex is not locked", 2)
    end
end
function Mutex.prototype.is_locked(self)
    if getmetatable(self) ~= MutexProto then
        bad_self("Mutex:is_locked")
    end
    return self.s.p == 0
end
function Mutex.prototype.with(self, fn, ...)
    if getmetatable(self) ~= MutexProto then
        bad_self("Mutex:with")
    end
    if self.s.owner ~= nil and self.s.owner == current_task() then
        error("Mutex:with: the running task already holds this mutex (it is not reentrant)", 2)
    end
    return permit_with(
        self.s,
        "Mutex:with",
        "a mutex",
        fn,
        ...
    )
end
MutexProto = ____exports.Mutex.prototype
MutexProto.__tostring = function(m) return ((("Mutex (" .. (m.s.p == 0 and "locked" or "unlocked")) .. ", ") .. tostring(m.s.q.n)) .. " waiting)" end
---
-- @internal true when `x` is a Mutex.
function ____exports.is_mutex(x)
    return getmetatable(x) == MutexProto
end
return ____exports
