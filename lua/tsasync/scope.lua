local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local spawn_opts
local ____group = require("tsasync.group")
local CANCELLED = ____group.CANCELLED
local CANCEL_ALL = ____group.CANCEL_ALL
local CANCEL_NONE = ____group.CANCEL_NONE
local group_add = ____group.group_add
local group_close = ____group.group_close
local group_new = ____group.group_new
local group_next = ____group.group_next
local group_queued = ____group.group_queued
local src_err = ____group.src_err
local release_others = ____group.release_others
local ____task = require("tsasync.task")
local await_task = ____task.await_task
local check_cancel = ____task.check_cancel
local fin = ____task.fin
local is_task = ____task.is_task
local running_task = ____task.running_task
local spawn = ____task.spawn
function spawn_opts(opts, fn, ...)
    for k, v in pairs(opts) do
        if k == "name" then
            if type(v) ~= "string" then
                error(
                    "scope:spawn: opts.name must be a string, got " .. type(v),
                    4
                )
            end
        elseif k == "fast" then
            if type(v) ~= "boolean" then
                error(
                    "scope:spawn: opts.fast must be a boolean, got " .. type(v),
                    4
                )
            end
        else
            error(
                ("scope:spawn: unknown option \"" .. tostring(k)) .. "\" (name and fast are accepted)",
                4
            )
        end
    end
    if type(fn) ~= "function" then
        error(
            "scope:spawn: fn must be a function, got " .. type(fn),
            4
        )
    end
    return spawn(opts, fn, ...)
end
local OPEN = 0
local FAILING = 1
local CLOSED = 2
--- The handle `ts.scope` passes to its function. `scope:spawn(fn, ...)` starts a task in it.
____exports.Scope = __TS__Class()
local Scope = ____exports.Scope
Scope.name = "Scope"
function Scope.prototype.____constructor(self)
end
function Scope.prototype.spawn(self, a, ...)
    if self.st == CLOSED then
        error("scope:spawn: the scope is closed (ts.scope has returned); spawn while the scope runs", 2)
    end
    local t
    if type(a) == "function" then
        t = spawn(nil, a, ...)
    elseif type(a) == "table" and getmetatable(a) == nil then
        t = spawn_opts(a, ...)
    else
        return error(
            "scope:spawn: expected fn or (opts, fn), got " .. (is_task(a) and "a Task" or type(a)),
            2
        )
    end
    group_add(self.g, t, true)
    if self.st == FAILING then
        t:cancel("the scope is failing or cancelled")
    end
    return t
end
local ScopeProto = ____exports.Scope.prototype
ScopeProto.__tostring = function(s) return ((("Scope (" .. (s.st == OPEN and "open" or (s.st == FAILING and "failing" or "closed"))) .. ", ") .. tostring(s.g.npend)) .. " running)" end
--- Runs `fn(scope)` as a child task named "scope" and waits until it and
-- every task spawned with |Scope:spawn()| have completed; returns `fn`'s
-- results. The first failure (of `fn` or of any task of the scope)
-- cancels everything else in the scope, and is raised once all of it has
-- completed. A task of the scope that is cancelled on its own
-- (`task:cancel()`) is not a failure. Cancelling the task that runs
-- `ts.scope` cancels the whole scope; the cancellation is raised after
-- everything in it completed.
-- ```lua
-- ts.scope(function(scope)
--   for _, path in ipairs(paths) do scope:spawn(index_file, path) end
--   scope:spawn(watch_changes)
-- end) -- all done, or the first error raised and the rest cancelled
-- ```
-- 
-- @help ts.scope({fn})
function ____exports.scope(fn)
    if type(fn) ~= "function" then
        error(
            "ts.scope: fn must be a function, got " .. type(fn),
            2
        )
    end
    local cur = running_task("ts.scope")
    check_cancel(cur)
    local g = group_new("ts.scope", cur)
    local sc = setmetatable({g = g, st = OPEN}, ScopeProto)
    local body = spawn({name = "scope"}, fn, sc)
    group_add(g, body, true)
    local failed = 0
    local cancelled = false
    while g.npend > 0 or group_queued(g) > 0 do
        local i = group_next(g)
        if i == CANCELLED then
            cancelled = true
            break
        end
        if fin(g.src[i]) == "failed" then
            failed = i
            break
        end
    end
    if failed > 0 or cancelled then
        sc.st = FAILING
    end
    group_close(g, sc.st == FAILING and CANCEL_ALL or CANCEL_NONE, cancelled and "ts.scope: the scope's task was cancelled" or "ts.scope: another task of the scope failed")
    sc.st = CLOSED
    check_cancel(cur)
    if failed > 0 then
        release_others(g, failed)
        error(
            src_err(g.src[failed]),
            0
        )
    end
    return await_task(cur, body)
end
return ____exports
