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
--- Inside a task: runs `fn(...)` as a child that the caller's cancellation
-- does not reach, waits for it and returns its results (or raises its
-- error). If the caller was cancelled meanwhile, that cancellation is
-- raised once `fn` finished. For cleanup that must complete (flush a file,
-- send a final request). Works inside |ts.timeout()| too: the shielded
-- part finishes, then the timeout is raised.
-- ```lua
-- ts.run(function()
--   local ok, err = ts.pcall(do_work)
--   -- even if this task is being cancelled, the state is saved:
--   ts.shield(function() save_state(ok, err) end)
-- end)
-- ```
-- 
-- @help ts.shield({fn}, {...})
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
