local ____exports = {}
local finish
local ____task = require("tsasync.task")
local check_sync = ____task.check_sync
local ppcall = ____task.ppcall
local spawn = ____task.spawn
local ____errors = require("tsasync.errors")
local is_timeout = ____errors.is_timeout
function finish(t, ok, ...)
    local rest = {...}
    if ok then
        return ...
    end
    local err = rest[1]
    if is_timeout(err) then
        t:cancel("block_on timed out")
    end
    return error(err, 0)
end
--- Runs `fn` as a task and waits for it from synchronous code (commands,
-- tests, startup), pumping the event loop (`vim.wait`). Returns its results
-- or raises its error. When `timeout_ms` passes first the task is cancelled
-- and a timeout error (|ts.is_timeout()|) is raised. Refuses inside a task
-- and inside a fast event.
-- ```lua
-- local ok = ts.block_on(function() ts.sleep(5); return true end, 1000)
-- local text = ts.block_on(function()
--   return ts.fs.read_file("README.md")
-- end, 1000)
-- ```
-- 
-- @help ts.block_on({fn}, {timeout_ms})
function ____exports.block_on(fn, timeout_ms)
    if type(fn) ~= "function" then
        error(
            "ts.block_on: fn must be a function, got " .. type(fn),
            2
        )
    end
    check_sync("ts.block_on", timeout_ms)
    local t = spawn({name = "block_on"}, fn)
    return finish(
        t,
        ppcall(t.wait, t, timeout_ms)
    )
end
return ____exports
