local ____exports = {}
local abort_group, group_wait
local ____future = require("tsasync.future")
local REJECTED = ____future.REJECTED
local RESOLVED = ____future.RESOLVED
local is_future = ____future.is_future
local ____scheduler = require("tsasync.scheduler")
local EMPTY = ____scheduler.EMPTY
local timers = require("tsasync.timers")
local ____task = require("tsasync.task")
local check_cancel = ____task.check_cancel
local is_task = ____task.is_task
local resume_with = ____task.resume_with
local shield_enter = ____task.shield_enter
local shield_leave = ____task.shield_leave
local spawn = ____task.spawn
local suspend_quiet = ____task.suspend_quiet
local wl_add_task = ____task.wl_add_task
local wl_remove_task = ____task.wl_remove_task
local fin = ____task.fin
local register_wait_kind = ____task.register_wait_kind
local release_failure = ____task.release_failure
local err_of = ____task.err_of
local vals_of = ____task.vals_of
function abort_group(arg)
    arg.waiting = false
end
function group_wait(g)
    g.waiting = true
    local ok = suspend_quiet(g.cur, abort_group, g)
    g.waiting = false
    return ok
end
--- `group_finish` without raising the waiting task's cancellation.
function ____exports.group_close(g, mode, reason)
    local cur = g.cur
    if g.timer ~= nil then
        timers.remove(g.timer)
        g.timer = nil
    end
    if mode ~= ____exports.CANCEL_NONE and (mode == ____exports.CANCEL_ALL and g.ntask or g.nown) > 0 then
        for i, w in pairs(g.w) do
            local s = g.src[i]
            if is_task(s) and (mode == ____exports.CANCEL_ALL or g.own[i] ~= nil) and w ~= nil then
                s:cancel(reason)
            end
        end
    end
    local shielded = false
    while true do
        local ____temp_10
        if mode == ____exports.CANCEL_ALL then
            ____temp_10 = g.ntask > 0
        else
            ____temp_10 = g.nown > 0
        end
        if not ____temp_10 then
            break
        end
        if not shielded and cur.cancel_err ~= nil then
            shielded = true
            shield_enter(cur)
        end
        group_wait(g)
    end
    if shielded then
        shield_leave(cur)
    end
    for i, w in pairs(g.w) do
        local s = g.src[i]
        if is_task(s) then
            if s.obs ~= nil then
                wl_remove_task(s.obs, w)
            end
        elseif s.w ~= nil then
            wl_remove_task(s.w, w)
        end
        g.w[i] = nil
    end
end
--- `group_next` result: the waiting task was cancelled.
____exports.CANCELLED = 0
--- `group_next` result: the deadline passed and nothing is queued.
____exports.DEADLINE = -1
--- Which pending tasks `group_finish` cancels.
____exports.CANCEL_NONE = 0
--- Cancel only the tasks the group started (the list's functions).
____exports.CANCEL_OWN = 1
--- Cancel every pending task in the group (the operation owns its list).
____exports.CANCEL_ALL = 2
--- Makes an empty group waited on by `cur`.
function ____exports.group_new(fname, cur)
    return {
        fname = fname,
        cur = cur,
        src = {},
        w = {},
        own = {},
        n = 0,
        q = {},
        qh = 1,
        qt = 0,
        npend = 0,
        ntask = 0,
        nown = 0,
        waiting = false,
        fired = false
    }
end
local function is_final_task(t)
    return fin(t) ~= nil
end
--- True once `s` completed.
function ____exports.src_done(s)
    local ____is_task_result_0
    if is_task(s) then
        ____is_task_result_0 = is_final_task(s)
    else
        ____is_task_result_0 = s.s ~= 0
    end
    return ____is_task_result_0
end
--- True when completed `s` succeeded.
function ____exports.src_ok(s)
    local ____is_task_result_1
    if is_task(s) then
        ____is_task_result_1 = fin(s) == "done"
    else
        ____is_task_result_1 = s.s == RESOLVED
    end
    return ____is_task_result_1
end
--- Values of completed successful `s`.
function ____exports.src_vals(s)
    return is_task(s) and vals_of(s) or (s.v or EMPTY)
end
--- Error of completed failed `s`; marks a task's error observed.
function ____exports.src_err(s)
    if is_task(s) then
        s.observed = true
        return err_of(s)
    end
    return s.e
end
local function push(g, i)
    g.qt = g.qt + 1
    g.q[g.qt] = i
end
local function on_done(w, s)
    local g = w.g
    local i = w.i
    g.w[i] = nil
    g.npend = g.npend - 1
    if is_task(s) then
        s.observed = true
        g.ntask = g.ntask - 1
        if g.own[i] ~= nil then
            g.nown = g.nown - 1
        end
        if g.bad == nil and fin(s) ~= "done" then
            g.bad = i
        end
    elseif g.bad == nil and s.s == REJECTED then
        g.bad = i
    end
    push(g, i)
    if g.waiting then
        g.waiting = false
        resume_with(g.cur, EMPTY)
    end
end
--- Adds source `s` (started by the group when `own`); returns its index.
function ____exports.group_add(g, s, own)
    local i = g.n + 1
    g.n = i
    g.src[i] = s
    if own then
        g.own[i] = true
    end
    if ____exports.src_done(s) then
        if g.bad == nil and not ____exports.src_ok(s) then
            g.bad = i
        end
        if is_task(s) then
            s.observed = true
        end
        push(g, i)
        return i
    end
    g.npend = g.npend + 1
    local w = {fn = on_done, g = g, i = i}
    g.w[i] = w
    if is_task(s) then
        g.ntask = g.ntask + 1
        if own then
            g.nown = g.nown + 1
        end
        local ____wl_add_task_5 = wl_add_task
        local ____s_2, ____obs_3 = s, "obs"
        if ____s_2[____obs_3] == nil then
            ____s_2[____obs_3] = {}
        end
        ____wl_add_task_5(s.obs, w)
    else
        local ____wl_add_task_9 = wl_add_task
        local ____s_6, ____w_7 = s, "w"
        if ____s_6[____w_7] == nil then
            ____s_6[____w_7] = {}
        end
        ____wl_add_task_9(s.w, w)
    end
    return i
end
--- Adds list item `x`: a function is started as a child task of the running task.
function ____exports.group_add_item(g, x)
    if type(x) == "function" then
        return ____exports.group_add(
            g,
            spawn(
                {name = ((g.fname .. "[") .. tostring(g.n + 1)) .. "]"},
                x
            ),
            true
        )
    end
    return ____exports.group_add(g, x, false)
end
register_wait_kind(
    abort_group,
    function(g) return g.fname end
)
--- The index of the next completed source (completion order), suspending until there is
-- one; `DEADLINE` when the deadline passed first, `CANCELLED` when the waiting task was
-- cancelled. Call only while a source is pending or queued.
function ____exports.group_next(g)
    while g.qh > g.qt do
        if g.fired then
            return ____exports.DEADLINE
        end
        if not group_wait(g) then
            return ____exports.CANCELLED
        end
    end
    local i = g.q[g.qh]
    g.q[g.qh] = nil
    g.qh = g.qh + 1
    return i
end
--- Number of completed sources not yet taken by `group_next`.
function ____exports.group_queued(g)
    return g.qt - g.qh + 1
end
local function on_deadline(arg)
    local g = arg
    g.timer = nil
    g.fired = true
    if g.waiting then
        g.waiting = false
        resume_with(g.cur, EMPTY)
    end
end
--- Arms the group's deadline: `ms` from now, `group_next` returns `DEADLINE` when idle.
function ____exports.group_deadline(g, ms)
    g.timer = timers.add(ms, on_deadline, g)
end
--- Ends the group: removes the deadline; cancels pending tasks with `reason` (`CANCEL_OWN`:
-- the tasks the group started, `CANCEL_ALL`: every task source, `CANCEL_NONE`: none); waits
-- until those tasks and every task the group started have completed (shielded when the
-- waiting task is cancelled, so their cleanup has run either way); removes the remaining
-- watches; then raises the waiting task's cancellation if it has one.
function ____exports.group_finish(g, mode, reason)
    ____exports.group_close(g, mode, reason)
    local cur = g.cur
    if cur.cancel_err ~= nil and (cur.shield or 0) == 0 then
        for i in pairs(g.own) do
            release_failure(g.src[i])
        end
    end
    check_cancel(cur)
end
--- Hands the failures of the tasks the group started, other than item `raised` (the one the
-- combinator raises), back to unhandled reporting: fail-fast combinators deliver one error, and
-- a second real failure would otherwise be lost (reported on the next loop turn instead).
function ____exports.release_others(g, raised)
    for i in pairs(g.own) do
        if i ~= raised then
            release_failure(g.src[i])
        end
    end
end
--- Rejects anything but a list (a table that is not a Task or Future). Returns its length.
function ____exports.check_table(fname, argname, list, what, level)
    if type(list) ~= "table" or is_task(list) or is_future(list) then
        error(
            (((((fname .. ": ") .. argname) .. " must be a list of ") .. what) .. ", got ") .. (is_task(list) and "a Task" or (is_future(list) and "a Future" or type(list))),
            level
        )
    end
    local t = list
    local n = #t
    local count = 0
    for _k in pairs(t) do
        count = count + 1
    end
    if count ~= n then
        error(((fname .. ": ") .. argname) .. " must be a list (keys 1..n without holes), got a table with other keys", level)
    end
    return n
end
--- Validates a combinator's list (Tasks, Futures, functions; not the running task nor one
-- of its parents) and returns its length. Raises `<fname>: list[i] must be ...` at `level`.
function ____exports.check_list(fname, list, cur, level)
    local n = ____exports.check_table(
        fname,
        "list",
        list,
        "Tasks, Futures or functions",
        level + 1
    )
    local t = list
    do
        local i = 1
        while i <= n do
            do
                local __continue61
                repeat
                    local x = t[i]
                    if type(x) == "function" or is_future(x) then
                        __continue61 = true
                        break
                    end
                    if not is_task(x) then
                        error(
                            (((fname .. ": list[") .. tostring(i)) .. "] must be a Task, a Future or a function, got ") .. type(x),
                            level
                        )
                    end
                    local p = cur
                    while p ~= nil do
                        if p == x then
                            error(
                                ((fname .. ": list[") .. tostring(i)) .. "] is the running task or one of its parents (waiting for it would never end)",
                                level
                            )
                        end
                        p = p.parent
                    end
                    __continue61 = true
                until true
                if not __continue61 then
                    break
                end
            end
            i = i + 1
        end
    end
    return n
end
--- Starts every item of a validated list in a new group waited on by `cur`.
function ____exports.group_of(fname, cur, list, n)
    local g = ____exports.group_new(fname, cur)
    local t = list
    do
        local i = 1
        while i <= n do
            ____exports.group_add_item(g, t[i])
            i = i + 1
        end
    end
    return g
end
return ____exports
