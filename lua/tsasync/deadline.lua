local ____exports = {}
local timeout_result
local ____await = require("tsasync.await")
local check_ms = ____await.check_ms
local ____errors = require("tsasync.errors")
local new_timeout = ____errors.new_timeout
local ____future = require("tsasync.future")
local is_future = ____future.is_future
local ____group = require("tsasync.group")
local CANCELLED = ____group.CANCELLED
local CANCEL_ALL = ____group.CANCEL_ALL
local CANCEL_NONE = ____group.CANCEL_NONE
local DEADLINE = ____group.DEADLINE
local group_add = ____group.group_add
local group_deadline = ____group.group_deadline
local group_finish = ____group.group_finish
local group_new = ____group.group_new
local group_next = ____group.group_next
local src_done = ____group.src_done
local src_err = ____group.src_err
local src_ok = ____group.src_ok
local src_vals = ____group.src_vals
local ____task = require("tsasync.task")
local check_cancel = ____task.check_cancel
local fin = ____task.fin
local is_task = ____task.is_task
local running_task = ____task.running_task
local spawn = ____task.spawn
function timeout_result(ms, timed_out, ...)
    if timed_out then
        return error(
            new_timeout(
                ms,
                ("ts.timeout: timed out after " .. tostring(ms)) .. " ms"
            ),
            0
        )
    end
    return ...
end
local function check_work(fname, fn, nargs)
    if type(fn) == "function" then
        return
    end
    if not is_task(fn) and not is_future(fn) then
        error(
            (fname .. ": fn must be a function, a Task or a Future, got ") .. type(fn),
            3
        )
    end
    if nargs > 0 then
        error(
            (fname .. ": arguments are only passed to a function, not to a ") .. (is_task(fn) and "Task" or "Future"),
            3
        )
    end
end
--- Runs the work under a deadline; returns `timed_out, ...results` or raises the work's error.
local function within(fname, cur, ms, fn, ...)
    check_cancel(cur)
    local g = group_new(fname, cur)
    if type(fn) == "function" then
        group_add(
            g,
            spawn({name = fname}, fn, ...),
            true
        )
    else
        group_add(g, fn, false)
    end
    if g.npend > 0 then
        group_deadline(g, ms)
    end
    local i = group_next(g)
    group_finish(
        g,
        i == 1 and CANCEL_NONE or CANCEL_ALL,
        i == CANCELLED and fname .. ": the waiting task was cancelled" or ((fname .. ": deadline of ") .. tostring(ms)) .. " ms passed"
    )
    local s = g.src[1]
    if src_done(s) and src_ok(s) then
        local v = src_vals(s)
        return false, unpack(v, 1, v.n)
    end
    if i == DEADLINE and (not src_done(s) or is_task(s) and fin(s) == "cancelled") then
        return true
    end
    return error(
        src_err(s),
        0
    )
end
--- Runs `fn(...)` as a child task and returns its results. If it has not
-- finished after `ms` milliseconds, its task is cancelled, and once it has
-- completed (its cleanup run) a timeout error is raised:
-- |ts.is_timeout()| true, |ts.is_cancelled()| false, `err.ms` = `ms`,
-- `tostring(err)` = "ts.timeout: timed out after <ms> ms". `fn`'s own
-- errors are raised as they are. `fn` may also be a Task (cancelled at the
-- deadline; no arguments) or a Future (no longer waited for).
-- Deadlines nest: when an outer deadline passes first, the inner call sees
-- a cancellation (its caller was cancelled) and lets it through, so the
-- outer call reports its own deadline. The caller's own cancellation is
-- raised as a cancellation, never as a timeout.
-- ```lua
-- local ok, err = ts.pcall(ts.timeout, 1000, fetch, url)
-- if not ok and ts.is_timeout(err) then print("slow server") end
-- ```
-- 
-- @help ts.timeout({ms}, {fn}, {...})
function ____exports.timeout(ms, fn, ...)
    check_ms("ts.timeout", ms)
    check_work(
        "ts.timeout",
        fn,
        select("#", ...)
    )
    local cur = running_task("ts.timeout")
    return timeout_result(
        ms,
        within(
            "ts.timeout",
            cur,
            ms,
            fn,
            ...
        )
    )
end
--- Like |ts.timeout()| but quiet: returns `true` when the deadline passed
-- (the work was cancelled and has completed), or `false, ...results` when
-- `fn` finished in time. `fn`'s errors are raised.
-- ```lua
-- local timed_out, items =
--   ts.move_on_after(200, fetch_completions, prefix)
-- if timed_out then items = {} end
-- ```
-- 
-- @help ts.move_on_after({ms}, {fn}, {...})
function ____exports.move_on_after(ms, fn, ...)
    check_ms("ts.move_on_after", ms)
    check_work(
        "ts.move_on_after",
        fn,
        select("#", ...)
    )
    local cur = running_task("ts.move_on_after")
    return within(
        "ts.move_on_after",
        cur,
        ms,
        fn,
        ...
    )
end
return ____exports
