local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local __TS__ArraySplice = ____lualib.__TS__ArraySplice
local ____exports = {}
local store_results, start, check_slow, after_step, wrap_error, caller_site, complete, complete_one, notify_observer, run_finalizers, remove_child, notify_waiter, call_observer, observer_failed, queue_unhandled, flush_unhandled, cancel_tree, cancel_children, interrupt, after_resume, after_pyield, check_pyield, check_own_coroutine, results_of, abort_await_task, protect_result, restore_pco, forward, forward_resume, n_started, n_done, n_unhandled, QUEUED, TaskProto, roots, wait_kinds, current, yielded, co_running, pcall_, unhandled, unhandled_pending, C_BOUNDARY, native_ypcall
local ____errors = require("tsasync.errors")
local CancelledMT = ____errors.CancelledMT
local is_cancelled = ____errors.is_cancelled
local message_of = ____errors.message_of
local new_cancelled = ____errors.new_cancelled
local new_task_error = ____errors.new_task_error
local new_timeout = ____errors.new_timeout
local ____runtime = require("tsasync.runtime")
local FOREVER = ____runtime.FOREVER
local runtime = ____runtime.runtime
local ____scheduler = require("tsasync.scheduler")
local EMPTY = ____scheduler.EMPTY
local drop_last = ____scheduler.drop_last
local enqueue = ____scheduler.enqueue
local pack = ____scheduler.pack
local pack1 = ____scheduler.pack1
local set_step = ____scheduler.set_step
local wake0 = ____scheduler.wake0
local wake1 = ____scheduler.wake1
local wake_packed = ____scheduler.wake_packed
--- The packed results of a task that is done (EMPTY when it returned nothing).
function ____exports.vals_of(t)
    local v = t.x
    if v == false or v == nil then
        return EMPTY
    end
    return type(v) == "table" and v or pack1(v)
end
function store_results(n, a, ...)
    if n == 0 then
        return false
    end
    if n == 1 then
        return (a == nil or a == false or type(a) == "table") and pack1(a) or a
    end
    return pack(a, ...)
end
--- The final status of `t`, or nil while it is live.
function ____exports.fin(t)
    local s = t.state
    return type(s) == "string" and s or nil
end
--- True when `x` is a Task.
function ____exports.is_task(x)
    return getmetatable(x) == TaskProto
end
--- The first of its arguments (avoids building a table for `select(1, ...)`).
function ____exports.first(a)
    return a
end
--- Appends a waiting task (or a watch) to `list`, remembering its position for removal.
function ____exports.wl_add_task(list, t)
    list[#list + 1] = t
    t.widx = #list
end
--- Removes waiting task (or watch) `t` from `list`; compacts when mostly removed entries.
function ____exports.wl_remove_task(list, t)
    local i = t.widx
    if i == nil or list[i] ~= t then
        return
    end
    list[i] = false
    t.widx = nil
    local n = #list
    if n >= 32 then
        local live = 0
        for ____, o in ipairs(list) do
            if o ~= false then
                live = live + 1
            end
        end
        if live * 2 < n then
            local j = 0
            do
                local k = 0
                while k < n do
                    do
                        local __continue56
                        repeat
                            local o = list[k + 1]
                            if o == false then
                                __continue56 = true
                                break
                            end
                            list[j + 1] = o
                            j = j + 1
                            if type(o) == "table" then
                                o.widx = j
                            end
                            __continue56 = true
                        until true
                        if not __continue56 then
                            break
                        end
                    end
                    k = k + 1
                end
            end
            do
                local k = n - 1
                while k >= j do
                    table.remove(list)
                    k = k - 1
                end
            end
        end
    end
end
--- Adds callback `fn` to `list`; returns the unsubscribe function.
function ____exports.wl_add_callback(list, fn)
    list[#list + 1] = fn
    return function()
        do
            local k = 0
            while k < #list do
                if list[k + 1] == fn then
                    list[k + 1] = false
                    return
                end
                k = k + 1
            end
        end
    end
end
--- The live children of `t`.
function ____exports.children_of(t)
    local list = {}
    local kids = t.kids
    if kids ~= nil then
        for c in pairs(kids) do
            list[#list + 1] = c
        end
    end
    return list
end
--- What `t` is waiting for, in words.
function ____exports.waiting_on(t)
    if ____exports.fin(t) ~= nil then
        return ""
    end
    if t == current then
        return "running"
    end
    local abort = t.abort
    if abort == nil then
        return t.body_done ~= nil and "its children" or "ready to run"
    end
    if abort == QUEUED then
        return "ready to run"
    end
    local describe = wait_kinds[abort]
    if describe == nil then
        return "an operation"
    end
    local ok, text = pcall(describe, t.x)
    return ok and text or "an operation"
end
--- The running task, checked: raises `<fname>: ...` outside a task. (That the caller runs on
-- the task's own coroutine is checked by `suspend`, where it matters, not on every call.)
function ____exports.running_task(fname)
    local t = current
    if t == nil then
        error(fname .. ": must be called inside a task (start one with ts.run)", 3)
    end
    return t
end
function start(opts, fn, n, a1, v)
    local ____temp_5
    if opts ~= nil and opts.detach == true then
        ____temp_5 = nil
    else
        ____temp_5 = current
    end
    local parent = ____temp_5
    local t = setmetatable(
        {
            state = coroutine.create(fn),
            x = false,
            parent = parent
        },
        TaskProto
    )
    n_started = n_started + 1
    if opts ~= nil then
        if opts.name ~= nil then
            t.name = opts.name
        end
        if opts.fast == true then
            t.fast = true
        end
    end
    if ____exports.settings.debug then
        t.at = caller_site()
        t.t0 = runtime.uv.hrtime()
    end
    if parent ~= nil then
        local ____parent_6, ____kids_7 = parent, "kids"
        if ____parent_6[____kids_7] == nil then
            ____parent_6[____kids_7] = {}
        end
        parent.kids[t] = true
        parent.nkids = (parent.nkids or 0) + 1
        if opts ~= nil and opts.shielded == true then
            t.shielded = true
        elseif parent.cancel_err ~= nil then
            t.cancel_err = parent.cancel_err
        end
        enqueue(
            t,
            n == 0 and EMPTY or (n == 1 and pack1(a1) or v)
        )
    elseif n == 0 then
        wake0(t)
    elseif n == 1 then
        wake1(t, a1)
    else
        wake_packed(t, v)
    end
    return t
end
function check_slow(t, start)
    local ms = (runtime.uv.hrtime() - start) / 1000000
    if ms > ____exports.settings.slow_step_ms then
        runtime.report_warning(((((((("tsasync: task \"" .. t.name) .. "\" (started at ") .. ____exports.site_of(t)) .. ") ran ") .. tostring(math.floor(ms))) .. " ms without yielding (slow_step_ms = ") .. tostring(____exports.settings.slow_step_ms)) .. ")")
    end
end
function after_step(t, ok, ...)
    if yielded then
        if t.parent == nil then
            roots[t] = true
        end
        return
    end
    if ok and coroutine.status(t.state) ~= "dead" then
        t.abort = QUEUED
        enqueue(t, EMPTY)
        return
    end
    local out
    if ok then
        out = store_results(
            select("#", ...),
            ...
        )
    else
        local e = ____exports.first(...)
        local ____temp_9
        if getmetatable(e) == CancelledMT and t.cancel_err ~= nil then
            ____temp_9 = e
        else
            ____temp_9 = wrap_error(t, e)
        end
        out = ____temp_9
    end
    if t.slot ~= nil then
        t.slot = nil
    end
    if t.nkids ~= nil and t.nkids > 0 then
        t.body_done = ok and "ok" or "err"
        t.x = out
        if not ok then
            cancel_children(t, out)
        end
        return
    end
    complete(t, ok, out)
end
function wrap_error(t, e)
    return new_task_error(
        e,
        t.name,
        ____exports.site_of(t),
        debug.traceback(t.state)
    )
end
function caller_site()
    do
        local level = 2
        while level < 50 do
            local info = debug.getinfo(level, "Sl")
            if info == nil then
                break
            end
            local src = info.short_src or ""
            local line = info.currentline or -1
            local internal = string.find(src, "tsasync[/\\][%w_/]+%.lua$")
            if info.what ~= "C" and line > 0 and internal == nil then
                return (src .. ":") .. tostring(line)
            end
            level = level + 1
        end
    end
    return "?"
end
--- Where the task was started (debug mode) or where its function was defined.
function ____exports.site_of(t)
    if t.at ~= nil then
        return t.at
    end
    local co = t.state
    if type(co) ~= "thread" then
        return "?"
    end
    local found = "?"
    do
        local level = 0
        while level < 200 do
            local info = debug.getinfo(co, level, "S")
            if info == nil then
                break
            end
            if info.what ~= "C" then
                found = (tostring(info.short_src) .. ":") .. tostring(info.linedefined)
            end
            level = level + 1
        end
    end
    if found ~= "?" then
        t.at = found
    end
    return found
end
function complete(start, start_ok, start_out)
    local p = complete_one(start, start_ok, start_out)
    while p ~= nil do
        p = complete_one(p, p.body_done == "ok", p.x)
    end
end
function complete_one(t, ok, out)
    local kid = t.failed_kid
    if kid ~= nil then
        t.state = "failed"
        if not ok and not is_cancelled(out) then
            ____exports.release_failure(kid)
        else
            out = kid.x
        end
    elseif not ok then
        t.state = t.cancel_err ~= nil and getmetatable(out) == CancelledMT and "cancelled" or "failed"
    elseif t.cancel_err ~= nil then
        t.state = "cancelled"
        out = t.cancel_err
    else
        t.state = "done"
    end
    t.x = out
    n_done = n_done + 1
    if t.parent == nil and roots[t] ~= nil then
        roots[t] = nil
    end
    if t.finalizers ~= nil then
        run_finalizers(t)
    end
    if t.kids ~= nil then
        t.kids = nil
    end
    local obs = t.obs
    if obs ~= nil then
        t.obs = nil
        if #obs == 1 then
            notify_observer(t, obs[1])
        else
            for ____, o in ipairs(obs) do
                notify_observer(t, o)
            end
        end
    end
    local p = t.parent
    if p ~= nil then
        t.parent = nil
        if ____exports.fin(t) == "failed" and t.observed ~= true then
            if p.failed_kid == nil and not (p.body_done == "err" and not is_cancelled(p.x)) then
                t.observed = true
                p.failed_kid = t
                if p.cancel_err == nil then
                    cancel_tree(
                        p,
                        new_cancelled(("child task \"" .. t.name) .. "\" failed")
                    )
                end
            else
                queue_unhandled(t)
            end
        end
        if remove_child(p, t) then
            return p
        end
    elseif ____exports.fin(t) == "failed" and t.observed ~= true then
        queue_unhandled(t)
    end
    return nil
end
function notify_observer(t, o)
    if o == false then
        return
    end
    if ____exports.is_task(o) then
        t.observed = true
        notify_waiter(o, t)
    elseif type(o) == "function" then
        t.observed = true
        call_observer(o, t)
    else
        o.fn(o, t)
    end
end
function run_finalizers(t)
    local list = t.finalizers
    t.finalizers = nil
    for ____, fn in pairs(list) do
        local ok, err = pcall(fn, t)
        if not ok then
            ____exports.report((("tsasync: error releasing a resource of task \"" .. t.name) .. "\": ") .. tostring(err))
        end
    end
end
function remove_child(p, c)
    local kids = p.kids
    if kids == nil or not (kids[c] ~= nil) then
        return false
    end
    kids[c] = nil
    p.nkids = p.nkids - 1
    if p.nkids == 0 and p.body_done ~= nil and ____exports.fin(p) == nil then
        if p == c then
            return false
        end
        return true
    end
    return false
end
function notify_waiter(w, t)
    w.abort = nil
    w.x = false
    if ____exports.fin(t) == "done" then
        wake_packed(
            w,
            ____exports.vals_of(t)
        )
    else
        w.wake_err = t.x
        wake_packed(w, EMPTY)
    end
end
function call_observer(fn, t)
    if ____exports.fin(t) == "done" then
        local v = ____exports.vals_of(t)
        observer_failed(
            t,
            ____exports.ppcall(
                fn,
                true,
                unpack(v, 1, v.n)
            )
        )
    else
        observer_failed(
            t,
            ____exports.ppcall(fn, false, t.x)
        )
    end
end
function observer_failed(t, ok, err)
    if not ok then
        ____exports.report((("tsasync: error in on_complete callback of task \"" .. t.name) .. "\": ") .. tostring(err))
    end
end
function queue_unhandled(t)
    unhandled[#unhandled + 1] = t
    if not unhandled_pending then
        unhandled_pending = true
        runtime.schedule(flush_unhandled)
    end
end
function flush_unhandled()
    unhandled_pending = false
    local batch = __TS__ArraySplice(unhandled, 0, #unhandled)
    for ____, t in ipairs(batch) do
        do
            local __continue183
            repeat
                if t.observed == true then
                    __continue183 = true
                    break
                end
                t.observed = true
                n_unhandled = n_unhandled + 1
                local handler = ____exports.settings.on_unhandled
                if handler ~= nil then
                    local ok, err = pcall(handler, t.x, t)
                    if ok then
                        __continue183 = true
                        break
                    end
                    ____exports.report("tsasync: on_unhandled handler failed: " .. tostring(err))
                end
                ____exports.report((("tsasync: unhandled error in task \"" .. t.name) .. "\": ") .. tostring(t.x))
                __continue183 = true
            until true
            if not __continue183 then
                break
            end
        end
    end
end
--- Hands the failure of `t`, taken over by an observer that cannot deliver it (a combinator
-- whose caller was cancelled, a parent that fails with another error), back to unhandled
-- reporting: reported on the next loop turn unless someone observes `t` meanwhile.
function ____exports.release_failure(t)
    if ____exports.fin(t) ~= "failed" then
        return
    end
    t.observed = false
    queue_unhandled(t)
end
--- Reports an error nobody can catch (callback failures, unhandled task errors).
function ____exports.report(msg)
    if runtime.in_fast_event() then
        runtime.schedule(function() return runtime.report_error(msg) end)
    else
        runtime.report_error(msg)
    end
end
function cancel_tree(root, err)
    local stack = {root}
    while #stack > 0 do
        local t = table.remove(stack)
        if t.cancel_err == nil or t == root then
            t.cancel_err = err
            interrupt(t)
        end
        local kids = t.kids
        if kids ~= nil then
            for c in pairs(kids) do
                if c.shielded ~= true and c.cancel_err == nil and ____exports.fin(c) == nil then
                    stack[#stack + 1] = c
                end
            end
        end
    end
end
function cancel_children(t, reason)
    local kids = t.kids
    if kids == nil then
        return
    end
    local err = new_cancelled((("parent task \"" .. t.name) .. "\" failed: ") .. message_of(reason))
    local list = {}
    for c in pairs(kids) do
        list[#list + 1] = c
    end
    for ____, c in ipairs(list) do
        if c.cancel_err == nil and ____exports.fin(c) == nil then
            cancel_tree(c, err)
        end
    end
end
function interrupt(t)
    local abort = t.abort
    if abort == nil or abort == QUEUED or (t.shield or 0) > 0 or ____exports.fin(t) ~= nil or t == current then
        return
    end
    local arg = t.x
    t.abort = nil
    t.x = false
    local ok, err = pcall(abort, arg, t)
    if not ok then
        ____exports.report((("tsasync: error while releasing the operation of cancelled task \"" .. t.name) .. "\": ") .. tostring(err))
    end
    t.wake_err = t.cancel_err
    wake_packed(t, EMPTY)
end
--- Raises the running task's pending cancellation (if any and not shielded).
function ____exports.check_cancel(t)
    local e = t.cancel_err
    if e ~= nil and (t.shield or 0) == 0 then
        error(e, 0)
    end
end
function after_resume(t, ...)
    local e = t.wake_err
    if e ~= nil then
        t.wake_err = nil
        error(e, 0)
    end
    return ...
end
function after_pyield(t, abort, arg, ok, ...)
    if not ok then
        check_pyield(t, abort, arg, ok)
    end
    local e = t.wake_err
    if e ~= nil then
        t.wake_err = nil
        error(e, 0)
    end
    return ...
end
function check_pyield(t, abort, arg, ok)
    if not ok then
        yielded = false
        t.abort = nil
        t.x = false
        abort(arg, t)
        error(C_BOUNDARY, 0)
    end
end
function check_own_coroutine(t, abort, arg)
    local co = coroutine.running()
    if co ~= t.state and co ~= t.pco then
        abort(arg, t)
        error("tsasync: cannot suspend from a coroutine that tsasync does not drive (a coroutine inside a task); await from the task itself", 0)
    end
end
--- Suspends the running task `t` until something wakes it. `abort(arg, t)` must release
-- whatever would wake it (it is called when the task is cancelled meanwhile). Returns the
-- values it is woken with, or raises the error it is woken with.
function ____exports.suspend(t, abort, arg)
    if t.cancel_err ~= nil and (t.shield or 0) == 0 then
        abort(arg, t)
        error(t.cancel_err, 0)
    end
    local co = co_running()
    if co ~= t.state and co ~= t.pco then
        check_own_coroutine(t, abort, arg)
    end
    t.abort = abort
    t.x = arg
    yielded = true
    if native_ypcall then
        return after_pyield(
            t,
            abort,
            arg,
            pcall_(coroutine.yield)
        )
    end
    return after_resume(
        t,
        coroutine.yield()
    )
end
function results_of(t)
    if ____exports.fin(t) == "done" then
        local v = t.x
        if v == false then
            return
        end
        if type(v) ~= "table" then
            return v
        end
        return unpack(v, 1, v.n)
    end
    return error(t.x, 0)
end
function abort_await_task(arg, w)
    local obs = arg.obs
    if obs ~= nil then
        ____exports.wl_remove_task(obs, w)
    end
end
--- `cur` waits for `t` (any task) and returns its results or raises its error.
function ____exports.await_task(cur, t)
    ____exports.check_cancel(cur)
    if ____exports.fin(t) == nil then
        local ____exports_wl_add_task_18 = ____exports.wl_add_task
        local ____t_15, ____obs_16 = t, "obs"
        if ____t_15[____obs_16] == nil then
            ____t_15[____obs_16] = {}
        end
        ____exports_wl_add_task_18(t.obs, cur)
        return ____exports.suspend(cur, abort_await_task, t)
    end
    t.observed = true
    return results_of(t)
end
--- Calls `fn(...)` in protected mode inside task `cur` (yield-safe), returning `true, ...`
-- or `false, err`; a cancellation of `cur` itself is re-raised, never returned.
function ____exports.protect(cur, fn, ...)
    return protect_result(
        cur,
        ____exports.ypcall(fn, ...)
    )
end
function protect_result(cur, ok, ...)
    if not ok and cur.cancel_err ~= nil and (cur.shield or 0) == 0 and is_cancelled(____exports.first(...)) then
        error(cur.cancel_err, 0)
    end
    return ok, ...
end
--- `pcall` that may suspend inside: native where the Lua allows it; on PUC Lua 5.1 the
-- function runs in a coroutine of its own whose suspensions are passed through.
function ____exports.ypcall(fn, ...)
    if ____exports.NATIVE_YIELDING_PCALL then
        return ____exports.ppcall(fn, ...)
    end
    return ____exports.ypcall_puc(nil, fn, ...)
end
--- PUC Lua 5.1 path of `ypcall`/`yxpcall`: a coroutine that forwards yields.
function ____exports.ypcall_puc(handler, fn, ...)
    local args = {...}
    local t = current
    local outer = coroutine.running()
    local owner = t ~= nil and (outer == t.state or outer == t.pco) and t or nil
    if owner == nil then
        if handler == nil then
            return ____exports.ppcall(fn, ...)
        end
        return xpcall(
            function() return fn(unpack(args)) end,
            handler
        )
    end
    local co = coroutine.create(function(...) return fn(...) end)
    local saved = owner.pco
    owner.pco = co
    return restore_pco(
        owner,
        saved,
        forward(
            owner,
            handler,
            co,
            ____exports.resume(
                co,
                unpack(args)
            )
        )
    )
end
function restore_pco(owner, saved, ...)
    if owner ~= nil then
        owner.pco = saved
    end
    return ...
end
function forward(owner, handler, co, ok, ...)
    if coroutine.status(co) == "dead" then
        if ok then
            return true, ...
        end
        local e = ____exports.first(...)
        if handler == nil then
            return false, e
        end
        if handler == debug.traceback then
            return false, debug.traceback(
                co,
                tostring(e)
            )
        end
        return false, handler(e)
    end
    if owner ~= nil then
        owner.pco = nil
    end
    return forward_resume(
        owner,
        handler,
        co,
        coroutine.yield(...)
    )
end
function forward_resume(owner, handler, co, ...)
    if owner ~= nil then
        owner.pco = co
    end
    return forward(
        owner,
        handler,
        co,
        ____exports.resume(co, ...)
    )
end
--- Validates a synchronous wait: not in a task, not in a fast event, sane timeout.
function ____exports.check_sync(fname, timeout_ms)
    if timeout_ms ~= nil and (type(timeout_ms) ~= "number" or timeout_ms ~= timeout_ms or timeout_ms < 0) then
        error(
            (fname .. ": timeout_ms must be a non-negative number, got ") .. tostring(timeout_ms),
            3
        )
    end
    if current ~= nil then
        error(fname .. ": cannot block inside a task (use :await() there)", 3)
    end
    if runtime.in_fast_event() then
        error(fname .. ": cannot block inside a fast event (a libuv callback); schedule the work with ts.run instead", 3)
    end
end
--- Runtime configuration (set with `ts.config`).
____exports.settings = {debug = false, slow_step_ms = 100}
n_started = 0
n_done = 0
n_unhandled = 0
--- Counters for `:checkhealth`, the inspector and leak checks.
function ____exports.task_counts()
    return {live = n_started - n_done, started = n_started, unhandled = n_unhandled}
end
QUEUED = function()
end
--- Raises `<fname>: not called on a Task` unless `self` is one (a method called with a dot).
local function check_task(____self, fname)
    if not ____exports.is_task(____self) then
        error(
            ((((fname .. ": not called on a Task (got ") .. type(____self)) .. "); call it with a colon: t:") .. (string.match(fname, ":(.*)$"))) .. "(...)",
            3
        )
    end
end
--- A running computation: what |ts.run()| returns. Await it with
-- |Task:await()| inside a task, or |Task:wait()| from synchronous code.
-- Its methods are called with a colon. TypeScript: `Task<R>`, where `R` is
-- the tuple of the task's results (`[number]` for a function returning a
-- number).
-- 
-- @typeParam R the task's results, as a tuple.
-- @help Task
-- @tag tsasync-Task
____exports.Task = __TS__Class()
local Task = ____exports.Task
Task.name = "Task"
function Task.prototype.____constructor(self)
end
function Task.prototype.await(self)
    check_task(self, "Task:await")
    local cur = ____exports.running_task("Task:await")
    if self == cur then
        error("Task:await: a task cannot await itself", 2)
    end
    return ____exports.await_task(cur, self)
end
function Task.prototype.pawait(self)
    check_task(self, "Task:pawait")
    local cur = ____exports.running_task("Task:pawait")
    if self == cur then
        error("Task:pawait: a task cannot await itself", 2)
    end
    return ____exports.protect(cur, ____exports.await_task, cur, self)
end
function Task.prototype.wait(self, timeout_ms)
    check_task(self, "Task:wait")
    ____exports.check_sync("Task:wait", timeout_ms)
    local seen = self.observed
    self.observed = true
    if ____exports.fin(self) == nil then
        local limit = timeout_ms or FOREVER
        local ok, why = runtime.wait(
            limit,
            function() return ____exports.fin(self) ~= nil end
        )
        if not ok then
            self.observed = seen
            if why == "interrupted" then
                error(("Task:wait: interrupted while waiting for task \"" .. self.name) .. "\"", 2)
            end
            error(
                new_timeout(
                    limit,
                    ((("Task:wait: task \"" .. self.name) .. "\" did not finish within ") .. tostring(limit)) .. " ms"
                ),
                2
            )
        end
    end
    return results_of(self)
end
function Task.prototype.cancel(self, reason)
    check_task(self, "Task:cancel")
    if ____exports.fin(self) ~= nil or self.cancel_err ~= nil then
        return false
    end
    cancel_tree(
        self,
        new_cancelled(reason)
    )
    return true
end
function Task.prototype.status(self)
    check_task(self, "Task:status")
    return ____exports.fin(self) or (self == current and "running" or "suspended")
end
function Task.prototype.is_done(self)
    check_task(self, "Task:is_done")
    return ____exports.fin(self) ~= nil
end
function Task.prototype.result(self)
    check_task(self, "Task:result")
    if ____exports.fin(self) == nil then
        error(
            ((("Task:result: task \"" .. self.name) .. "\" has not completed (status \"") .. self:status()) .. "\")",
            2
        )
    end
    self.observed = true
    if ____exports.fin(self) == "done" then
        local v = ____exports.vals_of(self)
        return true, unpack(v, 1, v.n)
    end
    return false, self.x
end
function Task.prototype.age(self)
    check_task(self, "Task:age")
    local ____temp_0
    if self.t0 == nil then
        ____temp_0 = nil
    else
        ____temp_0 = (runtime.uv.hrtime() - self.t0) / 1000000
    end
    return ____temp_0
end
function Task.prototype.site(self)
    check_task(self, "Task:site")
    return ____exports.site_of(self)
end
function Task.prototype.waiting_on(self)
    check_task(self, "Task:waiting_on")
    return ____exports.waiting_on(self)
end
function Task.prototype.children(self)
    check_task(self, "Task:children")
    return ____exports.children_of(self)
end
function Task.prototype.on_complete(self, fn)
    check_task(self, "Task:on_complete")
    if type(fn) ~= "function" then
        error(
            "Task:on_complete: fn must be a function, got " .. type(fn),
            2
        )
    end
    self.observed = true
    if ____exports.fin(self) ~= nil then
        call_observer(fn, self)
        return function()
        end
    end
    local ____exports_wl_add_callback_4 = ____exports.wl_add_callback
    local ____self_1, ____obs_2 = self, "obs"
    if ____self_1[____obs_2] == nil then
        ____self_1[____obs_2] = {}
    end
    return ____exports_wl_add_callback_4(self.obs, fn)
end
function Task.prototype.detach(self)
    check_task(self, "Task:detach")
    local p = self.parent
    if p ~= nil then
        self.parent = nil
        if remove_child(p, self) then
            complete(p, p.body_done == "ok", p.x)
        end
    end
    return self
end
function Task.prototype.traceback(self)
    check_task(self, "Task:traceback")
    local head = ((((("task \"" .. self.name) .. "\" (") .. self:status()) .. ", started at ") .. ____exports.site_of(self)) .. ")"
    if ____exports.fin(self) == "failed" then
        return (head .. "\n") .. tostring(self.x)
    end
    if ____exports.fin(self) == nil and self ~= current and coroutine.status(self.state) == "suspended" then
        return debug.traceback(self.state, head)
    end
    return head
end
TaskProto = ____exports.Task.prototype
TaskProto.__tostring = function(t) return ((("Task \"" .. t.name) .. "\" (") .. t:status()) .. ")" end
TaskProto.name = "task"
--- The error of a task that failed or was cancelled.
function ____exports.err_of(t)
    return t.x
end
--- `coroutine.resume` typed as TSTL needs to pass its results on without a table.
____exports.resume = coroutine.resume
--- `pcall` typed the same way.
____exports.ppcall = pcall
roots = setmetatable({}, {__mode = "k"})
--- The live root tasks (those that suspended at least once), for the inspector.
function ____exports.live_roots()
    local list = {}
    for t in pairs(roots) do
        if ____exports.fin(t) == nil then
            list[#list + 1] = t
        end
    end
    return list
end
wait_kinds = {}
--- Registers how the inspector describes a task suspended with `abort` (e.g. `"sleep"`,
-- `"recv on a channel"`): `describe(arg)` receives the argument given to `suspend`.
function ____exports.register_wait_kind(abort, describe)
    wait_kinds[abort] = describe
end
--- The running task, or nil outside tasks.
function ____exports.current_task()
    return current
end
--- Creates a task for `fn(...)` and starts it according to the scheduling rules.
function ____exports.spawn(opts, fn, ...)
    if type(fn) ~= "function" then
        error(
            "ts.run: fn must be a function, got " .. type(fn),
            3
        )
    end
    local n = select("#", ...)
    if n == 0 then
        return start(
            opts,
            fn,
            0,
            nil,
            EMPTY
        )
    end
    if n == 1 then
        return start(
            opts,
            fn,
            1,
            ____exports.first(...),
            EMPTY
        )
    end
    return start(
        opts,
        fn,
        n,
        nil,
        pack(...)
    )
end
yielded = false
local settings_ = ____exports.settings
co_running = coroutine.running
pcall_ = ____exports.ppcall
local function step(t, ...)
    local co = t.state
    if type(co) == "string" then
        return
    end
    current = t
    yielded = false
    if settings_.debug then
        local start = runtime.uv.hrtime()
        after_step(
            t,
            ____exports.resume(co, ...)
        )
        check_slow(t, start)
    else
        after_step(
            t,
            ____exports.resume(co, ...)
        )
    end
    current = nil
end
local function step0(t)
    local co = t.state
    if type(co) == "string" then
        return
    end
    current = t
    yielded = false
    if settings_.debug then
        local start = runtime.uv.hrtime()
        after_step(
            t,
            ____exports.resume(co)
        )
        check_slow(t, start)
    else
        after_step(
            t,
            ____exports.resume(co)
        )
    end
    current = nil
end
local function step1(t, a)
    local co = t.state
    if type(co) == "string" then
        return
    end
    current = t
    yielded = false
    if settings_.debug then
        local start = runtime.uv.hrtime()
        after_step(
            t,
            ____exports.resume(co, a)
        )
        check_slow(t, start)
    else
        after_step(
            t,
            ____exports.resume(co, a)
        )
    end
    current = nil
end
set_step(step, step0, step1)
--- Registers `fn(t)` to run when task `t` completes (after its children, with `t:status()`
-- final), under `key` (one finalizer per key). Used by layers that tie a resource to the task
-- that opened it (sockets, processes, streams). Does not count as observing the task's error.
function ____exports.on_finish(t, key, fn)
    local ____t_10, ____finalizers_11 = t, "finalizers"
    if ____t_10[____finalizers_11] == nil then
        ____t_10[____finalizers_11] = {}
    end
    t.finalizers[key] = fn
end
--- Removes the finalizer registered under `key` (the resource was released early).
function ____exports.off_finish(t, key)
    local ____opt_13 = t.finalizers
    if ____opt_13 ~= nil then
        ____opt_13[key] = nil
    end
end
unhandled = {}
unhandled_pending = false
--- Enters a shielded region of `t` (cancellation not delivered until `unshield`).
function ____exports.shield_enter(t)
    t.shield = (t.shield or 0) + 1
end
--- Leaves a shielded region.
function ____exports.shield_leave(t)
    t.shield = (t.shield or 1) - 1
end
C_BOUNDARY = "tsasync: cannot suspend inside a callback that a C function runs (a vim.wait predicate, a vim.api callback); start a task there with ts.run, or await from the task itself"
--- Like `suspend` but never raises: returns true when woken with `resume_with`, false when
-- the task was cancelled (already, or meanwhile; `abort` has run). For operations that must
-- clean up (cancel and wait for what they started) before raising the cancellation.
function ____exports.suspend_quiet(t, abort, arg)
    if t.cancel_err ~= nil and (t.shield or 0) == 0 then
        abort(arg, t)
        return false
    end
    check_own_coroutine(t, abort, arg)
    t.abort = abort
    t.x = arg
    yielded = true
    if ____exports.NATIVE_YIELDING_PCALL then
        check_pyield(
            t,
            abort,
            arg,
            ____exports.ppcall(coroutine.yield)
        )
    else
        coroutine.yield()
    end
    if t.wake_err ~= nil then
        t.wake_err = nil
        return false
    end
    return true
end
local function unqueue(arg)
    drop_last(arg)
end
--- Yields `t` to the other ready tasks and resumes it right after them.
function ____exports.yield_now(t)
    t.abort = QUEUED
    enqueue(t, EMPTY)
    yielded = true
    if ____exports.NATIVE_YIELDING_PCALL then
        check_pyield(
            t,
            unqueue,
            t,
            ____exports.ppcall(coroutine.yield)
        )
    else
        coroutine.yield()
    end
    t.abort = nil
    ____exports.check_cancel(t)
end
--- Wakes a task suspended with `suspend` (the caller has detached it from its operation).
function ____exports.resume_with(t, v)
    t.abort = nil
    t.x = false
    wake_packed(t, v)
end
--- Wakes a task suspended with `suspend` so that it raises `err`.
function ____exports.resume_error(t, err)
    t.abort = nil
    t.x = false
    t.wake_err = err
    wake_packed(t, EMPTY)
end
____exports.register_wait_kind(
    abort_await_task,
    function(arg) return ("task \"" .. arg.name) .. "\"" end
)
--- True when the Lua in use can yield across pcall (LuaJIT, Lua 5.2+).
____exports.NATIVE_YIELDING_PCALL = (function()
    local co = coroutine.create(function() return pcall(coroutine.yield) end)
    local ok = coroutine.resume(co)
    return ok and coroutine.status(co) == "suspended"
end)()
native_ypcall = ____exports.NATIVE_YIELDING_PCALL
return ____exports
