local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local __TS__ArraySplice = ____lualib.__TS__ArraySplice
local ____exports = {}
local is_final, check_slow, after_step, wrap_error, complete, run_finalizers, remove_child, notify_waiter, call_observer, observer_failed, queue_unhandled, flush_unhandled, cancel_tree, cancel_children, interrupt, after_resume, results_of, abort_await_task, protect_result, restore_pco, forward, forward_resume, QUEUED, TaskProto, current, unhandled, unhandled_pending
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
local enqueue = ____scheduler.enqueue
local pack = ____scheduler.pack
local set_step = ____scheduler.set_step
local wake = ____scheduler.wake
local wake_packed = ____scheduler.wake_packed
--- True when `x` is a Task.
function ____exports.is_task(x)
    return getmetatable(x) == TaskProto
end
--- The first of its arguments (avoids building a table for `select(1, ...)`).
function ____exports.first(a)
    return a
end
function is_final(st)
    return st == "done" or st == "failed" or st == "cancelled"
end
--- Appends a waiting task to `list`, remembering its position for removal.
function ____exports.wl_add_task(list, t)
    list[#list + 1] = t
    t.widx = #list
end
--- Removes waiting task `t` (cancelled) from `list`; compacts when mostly removed entries.
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
                        local __continue42
                        repeat
                            local o = list[k + 1]
                            if o == false then
                                __continue42 = true
                                break
                            end
                            list[j + 1] = o
                            j = j + 1
                            if ____exports.is_task(o) then
                                o.widx = j
                            end
                            __continue42 = true
                        until true
                        if not __continue42 then
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
--- The running task, checked: raises `<fname>: ...` outside a task or from a coroutine
-- that tsasync does not drive (e.g. inside `coroutine.wrap` in a task).
function ____exports.running_task(fname)
    local t = current
    if t == nil then
        error(fname .. ": must be called inside a task (start one with ts.run)", 3)
    end
    local co = coroutine.running()
    if co ~= t.co and co ~= t.pco then
        error(fname .. ": called from a coroutine that tsasync does not drive (a coroutine inside a task); await from the task itself", 3)
    end
    return t
end
function check_slow(t, start)
    local ms = (runtime.uv.hrtime() - start) / 1000000
    if ms > ____exports.settings.slow_step_ms then
        runtime.report_warning(((((((("tsasync: task \"" .. t.name) .. "\" (started at ") .. ____exports.site_of(t)) .. ") ran ") .. tostring(math.floor(ms))) .. " ms without yielding (slow_step_ms = ") .. tostring(____exports.settings.slow_step_ms)) .. ")")
    end
end
function after_step(t, okv, ...)
    local ok = okv
    if coroutine.status(t.co) ~= "dead" then
        t.st = "suspended"
        if t.abort == nil then
            t.abort = QUEUED
            enqueue(t, EMPTY)
        end
        return
    end
    t.body_done = true
    t.body_ok = ok
    if ok then
        t.vals = select("#", ...) == 0 and EMPTY or pack(...)
    else
        local e = ____exports.first(...)
        local ____t_15 = t
        local ____temp_14
        if getmetatable(e) == CancelledMT and t.cancel_err ~= nil then
            ____temp_14 = e
        else
            ____temp_14 = wrap_error(t, e)
        end
        ____t_15.err = ____temp_14
    end
    t.slot = nil
    if t.nkids ~= nil and t.nkids > 0 then
        t.st = "suspended"
        t.what = "its children"
        if not ok then
            cancel_children(t, t.err)
        end
        return
    end
    complete(t)
end
function wrap_error(t, e)
    return new_task_error(
        e,
        t.name,
        ____exports.site_of(t),
        debug.traceback(t.co)
    )
end
--- Where the task was started (debug mode) or where its function was defined.
function ____exports.site_of(t)
    if t.site ~= nil then
        return t.site
    end
    if t.co == nil then
        return "?"
    end
    local found = "?"
    do
        local level = 0
        while level < 200 do
            local info = debug.getinfo(t.co, level, "S")
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
        t.site = found
    end
    return found
end
function complete(first)
    local t = first
    while t ~= nil do
        local ok = false
        if t.child_err ~= nil then
            t.st = "failed"
            t.err = t.child_err
        elseif not t.body_ok then
            t.st = t.cancel_err ~= nil and getmetatable(t.err) == CancelledMT and "cancelled" or "failed"
        elseif t.cancel_err ~= nil then
            t.st = "cancelled"
            t.err = t.cancel_err
        else
            t.st = "done"
            ok = true
        end
        if not ok then
            t.vals = nil
        end
        local ____exports_task_stats_16, ____live_17 = ____exports.task_stats, "live"
        ____exports_task_stats_16[____live_17] = ____exports_task_stats_16[____live_17] - 1
        if t.fin ~= nil then
            run_finalizers(t)
        end
        t.abort = nil
        t.abort_arg = nil
        t.kids = nil
        t.what = nil
        local obs = t.obs
        if obs ~= nil then
            t.obs = nil
            for ____, o in ipairs(obs) do
                do
                    local __continue96
                    repeat
                        if o == false then
                            __continue96 = true
                            break
                        end
                        t.observed = true
                        if ____exports.is_task(o) then
                            notify_waiter(o, t)
                        else
                            call_observer(o, t)
                        end
                        __continue96 = true
                    until true
                    if not __continue96 then
                        break
                    end
                end
            end
        end
        local p = t.parent
        t.parent = nil
        local next
        if p ~= nil then
            if t.st == "failed" and t.observed ~= true and p.child_err == nil then
                t.observed = true
                p.child_err = t.err
                if p.cancel_err == nil then
                    cancel_tree(
                        p,
                        new_cancelled(("child task \"" .. t.name) .. "\" failed")
                    )
                end
            end
            if remove_child(p, t) then
                next = p
            end
        elseif t.st == "failed" and t.observed ~= true then
            queue_unhandled(t)
        end
        t = next
    end
end
function run_finalizers(t)
    local fin = t.fin
    t.fin = nil
    for ____, fn in pairs(fin) do
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
    if p.nkids == 0 and p.body_done == true and not is_final(p.st) then
        if p == c then
            return false
        end
        return true
    end
    return false
end
function notify_waiter(w, t)
    w.abort = nil
    w.abort_arg = nil
    if t.st == "done" then
        wake_packed(w, t.vals)
    else
        w.wake_err = t.err
        wake_packed(w, EMPTY)
    end
end
function call_observer(fn, t)
    if t.st == "done" then
        local v = t.vals
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
            ____exports.ppcall(fn, false, t.err)
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
            local __continue126
            repeat
                if t.observed == true then
                    __continue126 = true
                    break
                end
                t.observed = true
                local ____exports_task_stats_23, ____unhandled_24 = ____exports.task_stats, "unhandled"
                ____exports_task_stats_23[____unhandled_24] = ____exports_task_stats_23[____unhandled_24] + 1
                local handler = ____exports.settings.on_unhandled
                if handler ~= nil then
                    local ok, err = pcall(handler, t.err, t)
                    if ok then
                        __continue126 = true
                        break
                    end
                    ____exports.report("tsasync: on_unhandled handler failed: " .. tostring(err))
                end
                ____exports.report((("tsasync: unhandled error in task \"" .. t.name) .. "\": ") .. tostring(t.err))
                __continue126 = true
            until true
            if not __continue126 then
                break
            end
        end
    end
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
                if c.shielded ~= true and c.cancel_err == nil and not is_final(c.st) then
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
        if c.cancel_err == nil and not is_final(c.st) then
            cancel_tree(c, err)
        end
    end
end
function interrupt(t)
    local abort = t.abort
    if abort == nil or abort == QUEUED or (t.shield or 0) > 0 or t.st ~= "suspended" then
        return
    end
    local arg = t.abort_arg
    t.abort = nil
    t.abort_arg = nil
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
--- Suspends the running task `t` until something wakes it. `abort(arg, t)` must release
-- whatever would wake it (it is called when the task is cancelled meanwhile). Returns the
-- values it is woken with, or raises the error it is woken with.
function ____exports.suspend(t, abort, arg)
    if t.cancel_err ~= nil and (t.shield or 0) == 0 then
        abort(arg, t)
        error(t.cancel_err, 0)
    end
    t.abort = abort
    t.abort_arg = arg
    return after_resume(
        t,
        coroutine.yield()
    )
end
function results_of(t)
    if t.st == "done" then
        local v = t.vals
        return unpack(v, 1, v.n)
    end
    return error(t.err, 0)
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
    t.observed = true
    if not is_final(t.st) then
        local ____exports_wl_add_task_28 = ____exports.wl_add_task
        local ____t_25, ____obs_26 = t, "obs"
        if ____t_25[____obs_26] == nil then
            ____t_25[____obs_26] = {}
        end
        ____exports_wl_add_task_28(t.obs, cur)
        cur.what = ("task \"" .. t.name) .. "\""
        return ____exports.suspend(cur, abort_await_task, t)
    end
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
    local owner = t ~= nil and (outer == t.co or outer == t.pco) and t or nil
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
--- Counters for `:checkhealth` and tests.
____exports.task_stats = {live = 0, started = 0, unhandled = 0}
QUEUED = function()
end
--- A running computation. Create with `ts.run`; await with `Task:await()`.
-- 
-- @typeParam R the task's results, as a tuple (`[number]` for a function returning a number).
____exports.Task = __TS__Class()
local Task = ____exports.Task
Task.name = "Task"
function Task.prototype.____constructor(self)
end
function Task.prototype.await(self)
    local cur = ____exports.running_task("Task:await")
    if self == cur then
        error("Task:await: a task cannot await itself", 2)
    end
    return ____exports.await_task(cur, self)
end
function Task.prototype.pawait(self)
    local cur = ____exports.running_task("Task:pawait")
    if self == cur then
        error("Task:pawait: a task cannot await itself", 2)
    end
    return ____exports.protect(cur, ____exports.await_task, cur, self)
end
function Task.prototype.wait(self, timeout_ms)
    ____exports.check_sync("Task:wait", timeout_ms)
    self.observed = true
    if not is_final(self.st) then
        local limit = timeout_ms or FOREVER
        local ok, why = runtime.wait(
            limit,
            function() return is_final(self.st) end
        )
        if not ok then
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
    if is_final(self.st) or self.cancel_err ~= nil then
        return false
    end
    cancel_tree(
        self,
        new_cancelled(reason)
    )
    return true
end
function Task.prototype.status(self)
    return self.st
end
function Task.prototype.is_done(self)
    return is_final(self.st)
end
function Task.prototype.result(self)
    if not is_final(self.st) then
        error(((("Task:result: task \"" .. self.name) .. "\" has not completed (status \"") .. self.st) .. "\")", 2)
    end
    self.observed = true
    if self.st == "done" then
        local v = self.vals
        return true, unpack(v, 1, v.n)
    end
    return false, self.err
end
function Task.prototype.on_complete(self, fn)
    if type(fn) ~= "function" then
        error(
            "Task:on_complete: fn must be a function, got " .. type(fn),
            2
        )
    end
    self.observed = true
    if is_final(self.st) then
        call_observer(fn, self)
        return function()
        end
    end
    local ____exports_wl_add_callback_3 = ____exports.wl_add_callback
    local ____self_0, ____obs_1 = self, "obs"
    if ____self_0[____obs_1] == nil then
        ____self_0[____obs_1] = {}
    end
    return ____exports_wl_add_callback_3(self.obs, fn)
end
function Task.prototype.detach(self)
    local p = self.parent
    if p ~= nil then
        self.parent = nil
        remove_child(p, self)
    end
    return self
end
function Task.prototype.traceback(self)
    local head = ((((("task \"" .. self.name) .. "\" (") .. self.st) .. ", started at ") .. ____exports.site_of(self)) .. ")"
    if self.st == "failed" then
        return (head .. "\n") .. tostring(self.err)
    end
    if self.st == "suspended" and self.co ~= nil and coroutine.status(self.co) == "suspended" then
        return debug.traceback(self.co, head)
    end
    return head
end
TaskProto = ____exports.Task.prototype
TaskProto.__tostring = function(t) return ((("Task \"" .. t.name) .. "\" (") .. t.st) .. ")" end
--- `coroutine.resume` typed as TSTL needs to pass its results on without a table.
____exports.resume = coroutine.resume
--- `pcall` typed the same way.
____exports.ppcall = pcall
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
    local ____temp_4
    if opts ~= nil and opts.detach == true then
        ____temp_4 = nil
    else
        ____temp_4 = current
    end
    local parent = ____temp_4
    local t = setmetatable(
        {
            co = coroutine.create(fn),
            st = "suspended",
            name = opts and opts.name or "task",
            parent = parent
        },
        TaskProto
    )
    local ____exports_task_stats_7, ____live_8 = ____exports.task_stats, "live"
    ____exports_task_stats_7[____live_8] = ____exports_task_stats_7[____live_8] + 1
    local ____exports_task_stats_9, ____started_10 = ____exports.task_stats, "started"
    ____exports_task_stats_9[____started_10] = ____exports_task_stats_9[____started_10] + 1
    if opts ~= nil and opts.fast == true then
        t.fast = true
    end
    if ____exports.settings.debug then
        local info = debug.getinfo(3, "Sl")
        if info ~= nil then
            t.site = (tostring(info.short_src) .. ":") .. tostring(info.currentline)
        end
        t.t0 = runtime.uv.hrtime()
    end
    if parent ~= nil then
        local ____parent_11, ____kids_12 = parent, "kids"
        if ____parent_11[____kids_12] == nil then
            ____parent_11[____kids_12] = {}
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
            pack(...)
        )
    else
        wake(t, ...)
    end
    return t
end
local function step(t, ...)
    if is_final(t.st) then
        return
    end
    current = t
    t.st = "running"
    if ____exports.settings.debug then
        local start = runtime.uv.hrtime()
        after_step(
            t,
            ____exports.resume(t.co, ...)
        )
        check_slow(t, start)
    else
        after_step(
            t,
            ____exports.resume(t.co, ...)
        )
    end
    current = nil
end
set_step(step)
--- Registers `fn(t)` to run when task `t` completes (after its children, with `t:status()`
-- final), under `key` (one finalizer per key). Used by layers that tie a resource to the task
-- that opened it (sockets, processes, streams). Does not count as observing the task's error.
function ____exports.on_finish(t, key, fn)
    local ____t_18, ____fin_19 = t, "fin"
    if ____t_18[____fin_19] == nil then
        ____t_18[____fin_19] = {}
    end
    t.fin[key] = fn
end
--- Removes the finalizer registered under `key` (the resource was released early).
function ____exports.off_finish(t, key)
    local ____opt_21 = t.fin
    if ____opt_21 ~= nil then
        ____opt_21[key] = nil
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
--- Yields `t` to the other ready tasks and resumes it right after them.
function ____exports.yield_now(t)
    t.abort = QUEUED
    enqueue(t, EMPTY)
    coroutine.yield()
    t.abort = nil
    ____exports.check_cancel(t)
end
--- Wakes a task suspended with `suspend` (the caller has detached it from its operation).
function ____exports.resume_with(t, v)
    t.abort = nil
    t.abort_arg = nil
    wake_packed(t, v)
end
--- Wakes a task suspended with `suspend` so that it raises `err`.
function ____exports.resume_error(t, err)
    t.abort = nil
    t.abort_arg = nil
    t.wake_err = err
    wake_packed(t, EMPTY)
end
--- True when the Lua in use can yield across pcall (LuaJIT, Lua 5.2+).
____exports.NATIVE_YIELDING_PCALL = (function()
    local co = coroutine.create(function() return pcall(coroutine.yield) end)
    local ok = coroutine.resume(co)
    return ok and coroutine.status(co) == "suspended"
end)()
return ____exports
