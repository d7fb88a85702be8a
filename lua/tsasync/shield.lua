local ____exports = {}
local finish
local ____task = require("tsasync.task")
local await_task = ____task.await_task
local first = ____task.first
local protect = ____task.protect
local running_task = ____task.running_task
local shield_enter = ____task.shield_enter
local shield_leave = ____task.shield_leave
local spawn = ____task.spawn
function finish(cur, ok, ...)
    shield_leave(cur)
    if cur.cancel_err ~= nil and (cur.shield or 0) == 0 then
        error(cur.cancel_err, 0)
    end
    if not ok then
        error(
            first(...),
            0
        )
    end
    return ...
end
--- Runs `fn(...)` as a child task that the caller's cancellation does not reach, waits for
-- it, and returns its results (or raises its error). If the caller was cancelled meanwhile,
-- its cancellation is raised after `fn` finished. Use it for cleanup that must complete
-- (flush a file, send a final request).
-- ```lua
-- ts.shield(function() ts.fs.write_file(path, data) end)
-- ```
function ____exports.shield(fn, ...)
    if type(fn) ~= "function" then
        error(
            "ts.shield: fn must be a function, got " .. type(fn),
            2
        )
    end
    local cur = running_task("ts.shield")
    local child = spawn({name = "shield", shielded = true}, fn, ...)
    shield_enter(cur)
    return finish(
        cur,
        protect(cur, await_task, cur, child)
    )
end
return ____exports
