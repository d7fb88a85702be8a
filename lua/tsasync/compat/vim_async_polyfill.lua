local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local schedule, is_callable, normalize, is_closable, noop, is_async_task, running, set_error, observe, unlink, start_task, start_pending, close_children, check_yield, after_co, resume_co, driver, checkpoint_op, on_callback, deliver, abort_wait, interrupt, deliver_close, body_end, on_driver_finish, finish, child_failed, report_unhandled, has_waiters, cfg, CLOSED, NIL_ERROR, RESUME_ERROR, YIELD_ERROR, YIELD_MARK, RESUME_MARK, FINISH_KEY, threads, by_driver, SETUP, PENDING, CLOSING, DONE, TaskProto
local ____runtime = require("tsasync.runtime")
local FOREVER = ____runtime.FOREVER
local runtime = ____runtime.runtime
local ____scheduler = require("tsasync.scheduler")
local EMPTY = ____scheduler.EMPTY
local pack = ____scheduler.pack
local timers = require("tsasync.timers")
local ____task = require("tsasync.task")
local current_task = ____task.current_task
local err_of = ____task.err_of
local fin = ____task.fin
local first = ____task.first
local on_finish = ____task.on_finish
local report = ____task.report
local resume = ____task.resume
local resume_with = ____task.resume_with
local shield_enter = ____task.shield_enter
local shield_leave = ____task.shield_leave
local spawn = ____task.spawn
local suspend_quiet = ____task.suspend_quiet
local yield_now = ____task.yield_now
local ypcall = ____task.ypcall
function schedule(fn)
    (cfg.schedule or runtime.schedule)(fn)
end
function is_callable(x)
    local t = type(x)
    if t == "function" then
        return true
    end
    if t ~= "table" then
        return false
    end
    local mt = getmetatable(x)
    return mt ~= nil and type(mt.__call) == "function"
end
function normalize(err)
    return err == nil and NIL_ERROR or err
end
function is_closable(x)
    local t = type(x)
    return (t == "table" or t == "userdata") and is_callable(x.close)
end
function noop()
end
function is_async_task(x)
    return getmetatable(x) == TaskProto
end
function running()
    local co = coroutine.running()
    local v = threads[co]
    if v == nil then
        local t = current_task()
        if t ~= nil and t.pco == co then
            v = by_driver[t]
        end
    end
    return v ~= nil and not v._done and v or nil
end
function set_error(v, err)
    if not v._has_error then
        v._has_error = true
        v._error = err
    end
    return v._error
end
function observe(v, cb)
    v._observed = true
    if v._done then
        if v._failed then
            cb(v._err)
        else
            cb(
                nil,
                unpack(v._res, 1, v._res.n)
            )
        end
        return noop
    end
    local id = v._cbpos
    v._cbpos = id + 1
    v._cbs[id] = cb
    return function()
        v._cbs[id] = nil
        return true
    end
end
function unlink(v)
    local p = v._parent
    if p == nil then
        return
    end
    p._kids[v._pidx] = nil
    v._parent = nil
    v._pidx = nil
    local t = v._t
    if t ~= nil and fin(t) == nil then
        t:detach()
    end
end
function start_task(v)
    if v._started or v._done then
        return false
    end
    v._started = true
    spawn({name = v.name or "vim.async", detach = v._parent == nil}, driver, v)
    return true
end
function start_pending(v)
    local started = false
    do
        local i = 1
        while i <= v._nkids do
            local c = v._kids[i]
            if c ~= nil and start_task(c) then
                started = true
            end
            i = i + 1
        end
    end
    return started
end
function close_children(v)
    do
        local i = 1
        while i <= v._nkids do
            local c = v._kids[i]
            if c ~= nil then
                c:close()
            end
            i = i + 1
        end
    end
end
function check_yield(marker, err, ...)
    if marker ~= RESUME_MARK then
        local v = running()
        if v ~= nil then
            schedule(function() return interrupt(v, RESUME_ERROR) end)
        end
        error(RESUME_ERROR, 0)
    end
    if err ~= nil then
        error(err, 0)
    end
    return ...
end
function after_co(t, ...)
    t.pco = nil
    return ...
end
function resume_co(t, co, ...)
    t.pco = co
    return after_co(
        t,
        resume(co, ...)
    )
end
function driver(v)
    local t = current_task()
    v._t = t
    by_driver[t] = v
    on_finish(t, FINISH_KEY, on_driver_finish)
    if v._closing then
        return body_end(v, false, CLOSED)
    end
    local co = v._thread
    local r = pack(resume_co(t, co, RESUME_MARK))
    do
        while true do
            do
                local __continue77
                repeat
                    if coroutine.status(co) == "dead" then
                        return body_end(
                            v,
                            r[1],
                            unpack(r, 2, r.n)
                        )
                    end
                    local marker = r[2]
                    if marker ~= YIELD_MARK then
                        if t.abort ~= nil then
                            local woke = pack(coroutine.yield())
                            r = pack(resume_co(
                                t,
                                co,
                                unpack(woke, 1, woke.n)
                            ))
                            __continue77 = true
                            break
                        end
                        return body_end(v, false, YIELD_ERROR)
                    end
                    local res = checkpoint_op(v, t, r[3])
                    if coroutine.status(co) == "dead" then
                        return body_end(
                            v,
                            false,
                            normalize(res[1])
                        )
                    end
                    r = pack(resume_co(
                        t,
                        co,
                        RESUME_MARK,
                        unpack(res, 1, res.n)
                    ))
                    __continue77 = true
                until true
                if not __continue77 then
                    break
                end
            end
        end
    end
end
function checkpoint_op(v, t, awaitable)
    local w = {
        v = v,
        t = t,
        st = SETUP,
        settled = false,
        parked = false
    }
    v._w = w
    local ok, ret = pcall(
        awaitable,
        function(...) return on_callback(w, ...) end
    )
    if not ok then
        w.st = DONE
        v._w = nil
        return pack(normalize(ret))
    end
    local ____v_3 = v
    local ____is_closable_result_2
    if is_closable(ret) then
        ____is_closable_result_2 = ret
    else
        ____is_closable_result_2 = nil
    end
    ____v_3._awaiting = ____is_closable_result_2
    local aw = v._awaiting
    local started = is_async_task(aw) and start_task(aw)
    if start_pending(v) then
        started = true
    end
    w.st = PENDING
    local s = w.sync
    if s ~= nil then
        w.sync = nil
        if is_async_task(aw) and s.n > 0 and s[1] ~= nil then
            set_error(v, s[1])
        end
        if started then
            shield_enter(t)
            yield_now(t)
            shield_leave(t)
            if t.cancel_err ~= nil then
                v._closing = true
                w.sync = pack(CLOSED)
            end
        end
        deliver(w, w.sync or s)
    end
    if w.ready == nil then
        w.parked = true
        local woke = suspend_quiet(t, abort_wait, w)
        w.parked = false
        if not woke then
            v._w = nil
            return pack(CLOSED)
        end
    end
    v._w = nil
    return w.ready
end
function on_callback(w, ...)
    if w.settled then
        return
    end
    w.settled = true
    local args = pack(...)
    if w.st == SETUP then
        w.sync = args
        return
    end
    local v = w.v
    if v._done then
        return
    end
    if is_async_task(v._awaiting) and args.n > 0 and args[1] ~= nil then
        set_error(v, args[1])
    end
    deliver(w, args)
end
function deliver(w, args)
    if w.st == DONE then
        return
    end
    local v = w.v
    local ____temp_4
    if args.n > 0 then
        ____temp_4 = args[1]
    else
        ____temp_4 = nil
    end
    local first_arg = ____temp_4
    if first_arg == nil and is_async_task(v._awaiting) and v._awaiting._done then
        v._awaiting = nil
    end
    local a = v._awaiting
    if a ~= nil and (not is_async_task(a) or a._parent == v) then
        local c = a
        if type(c.is_closing) == "function" and c:is_closing() then
            v._awaiting = nil
            return deliver(w, args)
        end
        w.st = CLOSING
        w.args = args
        local ok, err = pcall(
            a.close,
            a,
            function()
                if w.st ~= CLOSING then
                    return
                end
                v._awaiting = nil
                w.st = PENDING
                deliver(w, w.args)
            end
        )
        if not ok and w.st == CLOSING then
            v._awaiting = nil
            w.st = PENDING
            deliver(
                w,
                pack(normalize(err))
            )
        end
        return
    end
    w.st = DONE
    w.ready = args
    if w.parked then
        resume_with(w.t, EMPTY)
    end
end
function abort_wait(arg)
    local w = arg
    local v = w.v
    w.st = DONE
    w.settled = true
    v._closing = true
    local a = v._awaiting
    if a ~= nil and (not is_async_task(a) or a._parent == v) then
        v._awaiting = nil
        local ok, err = pcall(a.close, a, noop)
        if not ok then
            report("tsasync: vim.async: error closing the operation of a cancelled task: " .. tostring(err))
        end
    end
end
function interrupt(v, err)
    if v._done then
        return
    end
    local w = v._w
    if w == nil then
        local t = v._t
        if t ~= nil and fin(t) == nil and not v._finalizing and t ~= current_task() and t.abort ~= nil then
            t:cancel()
        end
        return
    end
    if w.st == SETUP or w.st == PENDING and not w.parked then
        w.settled = true
        w.sync = pack(err)
    elseif w.st == PENDING then
        w.settled = true
        deliver(
            w,
            pack(err)
        )
    elseif w.st == CLOSING then
        w.args = pack(err)
    end
end
function deliver_close(v)
    if not v._started then
        v._body = pack(false, CLOSED)
        finish(v)
    elseif v._finalizing then
        close_children(v)
    else
        interrupt(v, CLOSED)
    end
end
function body_end(v, stat, ...)
    if not stat then
        v._body = pack(
            false,
            normalize(first(...))
        )
    elseif v._has_error then
        v._body = pack(false, v._error)
    elseif v._closing then
        v._body = pack(false, CLOSED)
    else
        v._body = pack(true, ...)
    end
    v._finalizing = true
    if v._body[1] == true then
        start_pending(v)
    else
        close_children(v)
    end
end
function on_driver_finish(t)
    local v = by_driver[t]
    if v ~= nil and not v._done then
        finish(v)
    end
end
function finish(v)
    local b = v._body
    local failed = true
    local err = CLOSED
    if b == nil then
        if v._has_error then
            err = v._error
        end
    elseif b[1] ~= true then
        err = b[2]
    elseif v._has_error then
        err = v._error
    elseif not v._closing then
        failed = false
    end
    local t = v._t
    if not failed and t ~= nil and fin(t) == "failed" then
        failed = true
        err = "child error: " .. tostring(err_of(t))
    end
    local p = v._parent
    unlink(v)
    threads[v._thread] = nil
    v._done = true
    v._failed = failed
    v._w = nil
    if failed then
        v._err = err
    else
        v._res = pack(unpack(b, 2, b.n))
    end
    if failed then
        if p ~= nil then
            child_failed(p, v, err, p._awaiting == v)
        elseif cfg.report_unhandled and not v._observed and not v._closing then
            schedule(function() return report_unhandled(v) end)
        end
    end
    local cbs = v._cbs
    local n = v._cbpos - 1
    v._cbs = {}
    local errs = {}
    do
        local i = 1
        while i <= n do
            do
                local __continue143
                repeat
                    local cb = cbs[i]
                    if cb == nil then
                        __continue143 = true
                        break
                    end
                    local ok, e = unpack(
                        failed and ({pcall(cb, err)}) or ({pcall(
                            cb,
                            nil,
                            unpack(v._res, 1, v._res.n)
                        )}),
                        1,
                        2
                    )
                    if not ok then
                        errs[#errs + 1] = tostring(normalize(e))
                    end
                    __continue143 = true
                until true
                if not __continue143 then
                    break
                end
            end
            i = i + 1
        end
    end
    if #errs > 0 then
        report(table.concat(errs, "\n"))
    end
end
function child_failed(p, c, err, awaited)
    if c._closing or awaited or p._closing and err == CLOSED or p._done then
        return
    end
    local e = set_error(
        p,
        "child error: " .. tostring(err)
    )
    if p._finalizing then
        close_children(p)
    else
        interrupt(p, e)
    end
end
function report_unhandled(v)
    if v._observed then
        return
    end
    v._observed = true
    local where = v._caller ~= nil and (" (created at " .. v._caller) .. ")" or ""
    local name = v.name ~= nil and (" \"" .. v.name) .. "\"" or ""
    report(((("tsasync: unhandled error in vim.async task" .. name) .. where) .. ": ") .. v:traceback(v._err))
end
function has_waiters(list)
    for ____, w in ipairs(list) do
        if w ~= false then
            return true
        end
    end
    return false
end
cfg = {debug = false, report_unhandled = true}
CLOSED = "closed"
NIL_ERROR = "error(nil)"
RESUME_ERROR = "Unexpected coroutine.resume()"
YIELD_ERROR = "Unexpected coroutine.yield()"
YIELD_MARK = {}
RESUME_MARK = {}
FINISH_KEY = {}
--- `vim.async`'s argument check: raises `"<name>: expected <type>, got <type>"`.
local function validate(name, value, expected, optional)
    if optional == true and value == nil then
        return
    end
    local ____temp_0
    if expected == "callable" then
        ____temp_0 = is_callable(value)
    else
        ____temp_0 = type(value) == expected
    end
    local ok = ____temp_0
    if not ok then
        error(
            (((name .. ": expected ") .. expected) .. ", got ") .. type(value),
            3
        )
    end
end
threads = setmetatable({}, {__mode = "k"})
by_driver = setmetatable({}, {__mode = "k"})
SETUP = 0
PENDING = 1
CLOSING = 2
DONE = 3
--- A `vim.async` task: the handle `run` returns. Await it with `await(task)` / `pawait(task)`,
-- block on it with `wait` / `pwait`, observe it with `on_complete`, stop it with `close`.
____exports.AsyncTask = __TS__Class()
local AsyncTask = ____exports.AsyncTask
AsyncTask.name = "AsyncTask"
function AsyncTask.prototype.____constructor(self)
end
function AsyncTask.prototype.completed(self)
    return self._done
end
function AsyncTask.prototype.on_complete(self, callback)
    validate("callback", callback, "callable")
    return observe(self, callback)
end
function AsyncTask.prototype.wait(self, timeout)
    validate("timeout", timeout, "number", true)
    if current_task() ~= nil then
        error("wait: cannot block inside a task (tsasync's vim.async polyfill): use vim.async.await(task)", 2)
    end
    start_task(self)
    self._observed = true
    if not self._done then
        local task = self
        local function cond()
            return task._done
        end
        local ____temp_1
        if cfg.wait ~= nil then
            ____temp_1 = cfg.wait(timeout or FOREVER, cond)
        else
            ____temp_1 = first(runtime.wait(timeout or FOREVER, cond))
        end
        local ok = ____temp_1
        if not ok then
            error("timeout", 2)
        end
    end
    if self._failed then
        error(self._err, 2)
    end
    local r = self._res
    return unpack(r, 1, r.n)
end
function AsyncTask.prototype.pwait(self, timeout)
    validate("timeout", timeout, "number", true)
    return pcall(self.wait, self, timeout)
end
function AsyncTask.prototype.close(self, callback)
    if not self._done and not self._closing then
        self._closing = true
        deliver_close(self)
    end
    if callback ~= nil then
        observe(
            self,
            function() return callback() end
        )
    end
end
function AsyncTask.prototype.detach(self)
    local should_start = self._parent ~= nil and not self._started and not self._done
    unlink(self)
    if should_start then
        schedule(function() return start_task(self) end)
    end
    return self
end
function AsyncTask.prototype.status(self)
    if self._done then
        return "completed"
    end
    local s = coroutine.status(self._thread)
    if s == "running" then
        return "running"
    end
    if s == "normal" then
        return "normal"
    end
    return "awaiting"
end
function AsyncTask.prototype.traceback(self, msg, level)
    local lvl = level or 0
    local aw = self._awaiting
    local text = msg
    if is_async_task(aw) then
        text = aw:traceback(msg, lvl + 1)
    end
    local tag = ("[" .. tostring(self._thread)) .. "] "
    local tb = debug.traceback(
        self._thread,
        "",
        is_async_task(aw) and 2 or nil
    ) or ""
    local tagged = string.gsub(tb, "\n\t", "\n\t" .. tag)
    local out = (text == nil and "" or tostring(text)) .. tagged
    if lvl == 0 then
        out = string.gsub(out, "\nstack traceback:\n", "\n\0\n", 1)
        out = string.gsub(out, "\nstack traceback:\n", "\n")
        out = string.gsub(out, "\n%z\n", "\nstack traceback:\n", 1)
    end
    return out
end
function AsyncTask.prototype.raise_on_error(self)
    local task = self
    observe(
        self,
        function(err)
            if err ~= nil then
                error(
                    task:traceback(err),
                    0
                )
            end
        end
    )
    return self
end
TaskProto = ____exports.AsyncTask.prototype
TaskProto.__tostring = function(v) return ((("vim.async Task" .. (v.name ~= nil and (" \"" .. v.name) .. "\"" or "")) .. " (") .. v:status()) .. ")" end
local function new_task(name, fn, args)
    local v = setmetatable({
        name = name,
        _fn = fn,
        _args = args,
        _started = false,
        _kids = {},
        _nkids = 0,
        _closing = false,
        _has_error = false,
        _finalizing = false,
        _done = false,
        _failed = false,
        _cbs = {},
        _cbpos = 1,
        _observed = false
    }, TaskProto)
    v._thread = coroutine.create(function(marker, err)
        local f = v._fn
        local a = v._args
        v._fn = nil
        v._args = nil
        check_yield(marker, err)
        return f(unpack(a, 1, a.n))
    end)
    threads[v._thread] = v
    return v
end
local function attach(v, p)
    p._nkids = p._nkids + 1
    p._kids[p._nkids] = v
    v._parent = p
    v._pidx = p._nkids
end
local function caller_site()
    local info = debug.getinfo(3, "Sl")
    return info ~= nil and (info.currentline or -1) > 0 and (tostring(info.short_src) .. ":") .. tostring(info.currentline) or nil
end
local function create(name, ...)
    local fn = first(...)
    validate("func", fn, "callable")
    local v = new_task(
        name,
        fn,
        pack(select(2, ...))
    )
    if cfg.debug then
        v._caller = caller_site()
    end
    local p = running()
    if p ~= nil then
        attach(v, p)
    else
        start_task(v)
    end
    return v
end
--- Creates a task running `fn(...)`; `run(name, fn, ...)` names it (`task.name`). A task created
-- inside a task is its attached child: it starts at the parent's next checkpoint, the parent
-- completes only after it, and its unhandled error fails the parent (`"child error: <err>"`)
-- and closes the siblings. A top-level task starts at once (on the main loop when created in
-- a fast event).
-- ```lua
-- local task = async.run("load", function(path) return read(path) end, "notes.txt")
-- ```
function ____exports.run(fn_or_name, ...)
    if type(fn_or_name) == "string" then
        return create(fn_or_name, ...)
    end
    if is_callable(fn_or_name) then
        return create(nil, fn_or_name, ...)
    end
    return error("Invalid arguments", 2)
end
--- Before suspending: the task's pending close or failure is raised here.
local function check_current_task()
    local v = running()
    if v == nil then
        error("Not in async context", 0)
    end
    if v._closing then
        error(CLOSED, 0)
    end
    if v._has_error then
        error(v._error, 0)
    end
    return v
end
local function with_callback(argc, fn, ...)
    local a = pack(...)
    return function(cb)
        a[argc] = function(...) return cb(nil, ...) end
        a.n = math.max(a.n, argc)
        return fn(unpack(a, 1, a.n))
    end
end
local function to_awaitable(a1, fn, ...)
    if type(a1) == "number" then
        return with_callback(a1, fn, ...)
    end
    if type(a1) == "function" then
        return with_callback(1, a1)
    end
    if is_async_task(a1) then
        return function(cb)
            observe(a1, cb)
            return a1
        end
    end
    return error(
        "Invalid arguments, expected Task or (argc, func) got: " .. tostring(a1),
        4
    )
end
--- Suspends the current task until `task` completes (returns its results, raises its error),
-- until `fn(callback)` calls back, or until `fn(a1, ..., callback)` with the callback at
-- position `argc` calls back; callback values are returned unchanged (error-first stays
-- error-first). A closable `fn` returns is closed before the task continues, and when the
-- task is closed meanwhile. A checkpoint: raises the task's pending close (`"closed"`) or
-- failure first, and starts its pending children.
-- ```lua
-- local err, stat = async.await(2, vim.uv.fs_stat, "notes.txt")
-- ```
function ____exports.await_(...)
    check_current_task()
    return check_yield(coroutine.yield(
        YIELD_MARK,
        to_awaitable(...)
    ))
end
--- `await` in protected mode: `true, ...` or `false, err` for a failure of the awaited task or
-- operation (also an error raised while setting it up). The task's own close or pending
-- failure is still raised.
-- ```lua
-- local ok, text_or_err = async.pawait(async.run(read, "notes.txt"))
-- ```
function ____exports.pawait(...)
    check_current_task()
    local awaitable = to_awaitable(...)
    local function protect(cb)
        local ok, ret = pcall(
            awaitable,
            function(err, ...)
                if err ~= nil then
                    cb(nil, false, err)
                else
                    cb(nil, true, ...)
                end
            end
        )
        if not ok then
            cb(
                nil,
                false,
                normalize(ret)
            )
            return nil
        end
        return ret
    end
    return check_yield(coroutine.yield(YIELD_MARK, protect))
end
--- Makes a callback-style function awaitable: `wrap(argc, fn)(...)` is `await(argc, fn, ...)`.
-- ```lua
-- local fs_stat = async.wrap(2, vim.uv.fs_stat)
-- ```
function ____exports.wrap(argc, fn)
    validate("argc", argc, "number")
    validate("func", fn, "callable")
    return function(...) return ____exports.await_(argc, fn, ...) end
end
local function call_now(cb)
    cb()
end
--- An explicit checkpoint: raises a pending close or failure, starts pending children.
function ____exports.checkpoint()
    ____exports.await_(call_now)
end
--- True when the current task has been closed (false outside tasks).
function ____exports.is_closing()
    local v = running()
    local ____temp_5
    if v ~= nil then
        ____temp_5 = v._closing
    else
        ____temp_5 = false
    end
    return ____temp_5
end
local function fire_timer(cb)
    cb()
end
--- Suspends the current task for `duration` ms (a checkpoint). On tsasync's shared timer heap
-- unless `config({ new_timer = ... })` is set.
function ____exports.sleep(duration)
    validate("duration", duration, "number")
    local make = cfg.new_timer
    if make ~= nil then
        ____exports.await_(function(cb)
            local timer = make()
            timer:start(duration, 0, cb)
            return timer
        end)
        return
    end
    ____exports.await_(function(cb)
        local e = timers.add(duration, fire_timer, cb)
        return {close = function(_self, done)
            timers.remove(e)
            if done ~= nil then
                done()
            end
        end}
    end)
end
--- Awaits `task` with a deadline: its results or error as `await` gives them, or, after
-- `duration` ms, closes it, waits for its cleanup and raises `"timeout"`.
-- ```lua
-- local text = async.timeout(5000, async.run(read, "notes.txt"))
-- ```
function ____exports.timeout(duration, task)
    validate("duration", duration, "number")
    validate("task", task, "table")
    local timed_out = false
    local timer = ____exports.run(
        "__timeout",
        function()
            ____exports.sleep(duration)
            timed_out = true
            task:close()
        end
    )
    local result = pack(____exports.pawait(task))
    timer:close()
    ____exports.pawait(timer)
    if timed_out then
        error("timeout", 0)
    end
    if result[1] ~= true then
        error(result[2], 0)
    end
    return unpack(result, 2, result.n)
end
--- An iterator over `tasks` in completion order: each call returns the next task to complete
-- (suspending until one does), then nil. It yields task handles: `await`/`pawait` them for
-- their results. Dropping the iterator unsubscribes it from the tasks (on garbage collection).
-- ```lua
-- local next_task = async.iter(tasks)
-- while true do
--   local t = next_task()
--   if not t then break end
--   print(async.await(t))
-- end
-- ```
function ____exports.iter(tasks)
    validate("tasks", tasks, "table")
    local done = {}
    local head = 0
    local remaining = #tasks
    local waiter
    local wake_pending = false
    local unsubscribe = {}
    local function notify()
        if waiter == nil or wake_pending then
            return
        end
        wake_pending = true
        schedule(function()
            wake_pending = false
            local w = waiter
            waiter = nil
            if w ~= nil then
                w()
            end
        end)
    end
    for ____, task in ipairs(tasks) do
        unsubscribe[#unsubscribe + 1] = observe(
            task,
            function()
                remaining = remaining - 1
                done[#done + 1] = task
                notify()
            end
        )
    end
    local function next_task()
        do
            while true do
                if head < #done then
                    head = head + 1
                    return done[head]
                end
                if remaining <= 0 then
                    return nil
                end
                ____exports.await_(function(cb)
                    waiter = cb
                    return {close = function(_self, on_close)
                        if waiter == cb then
                            waiter = nil
                        end
                        if on_close ~= nil then
                            on_close()
                        end
                    end}
                end)
            end
        end
    end
    local proxy = newproxy(true)
    local mt = getmetatable(proxy)
    mt.__gc = function()
        for ____, u in ipairs(unsubscribe) do
            u()
        end
    end
    mt.__call = function(_self) return next_task() end
    return proxy
end
--- A `vim.async` semaphore. Create with `semaphore(n)`.
local Semaphore = __TS__Class()
Semaphore.name = "Semaphore"
function Semaphore.prototype.____constructor(self)
end
function Semaphore.prototype.acquire(self)
    local sem = self
    ____exports.await_(function(cb)
        if sem._set then
            cb()
            return nil
        end
        local ____sem__waiters_6 = sem._waiters
        ____sem__waiters_6[#____sem__waiters_6 + 1] = cb
        return {close = function(_self, on_close)
            local list = sem._waiters
            do
                local i = 0
                while i < #list do
                    if list[i + 1] == cb then
                        list[i + 1] = false
                        break
                    end
                    i = i + 1
                end
            end
            if on_close ~= nil then
                on_close()
            end
        end}
    end)
    self._permits = self._permits - 1
    if self._permits < 0 then
        error("Semaphore value is negative", 0)
    end
    if self._permits == 0 then
        self._set = false
    end
end
function Semaphore.prototype.release(self)
    if self._permits >= self._max then
        error("Semaphore value is greater than max permits", 2)
    end
    self._permits = self._permits + 1
    if self._set then
        return
    end
    if not has_waiters(self._waiters) then
        self._set = true
        return
    end
    local sem = self
    schedule(function()
        local list = sem._waiters
        local w = false
        while #list > 0 and w == false do
            w = table.remove(list, 1)
        end
        if w == false then
            sem._set = true
            return
        end
        w()
    end)
end
function Semaphore.prototype.with(self, fn)
    self:acquire()
    local r = pack(ypcall(fn))
    self:release()
    if r[1] ~= true then
        error(r[2], 0)
    end
    return unpack(r, 2, r.n)
end
local SemaphoreProto = Semaphore.prototype
--- A semaphore of `permits` permits (default 1; a positive integer): `acquire()` (FIFO, a
-- checkpoint), `release()`, `with(fn)`. A release hands its permit to the longest waiter on
-- the next loop turn.
-- ```lua
-- local limit = async.semaphore(4)
-- limit:with(function() return read(path) end)
-- ```
function ____exports.semaphore(permits)
    validate("permits", permits, "number", true)
    local n = permits or 1
    if n < 1 or n % 1 ~= 0 then
        error("permits: expected positive integer", 2)
    end
    return setmetatable({_permits = n, _max = n, _set = true, _waiters = {}}, SemaphoreProto)
end
--- Configures the polyfill. `wait`, `schedule`, `new_timer`, `debug` as the
-- built-in's runtime options (which it keeps private in
-- `vim.async._runtime`); `false` restores the default. `report_unhandled`
-- (default true): an error of a top-level task nobody observes (no await,
-- pawait, wait, pwait, on_complete, iter, timeout; not closed) is reported
-- with |vim.notify| on the next loop turn, with its traceback
-- (`debug = true` adds where the task was created). `false` drops it
-- silently, as the built-in does.
-- ```lua
-- local polyfill = require("tsasync.compat.vim_async_polyfill")
-- polyfill.config({ report_unhandled = false })
-- ```
-- 
-- @help config({opts})
-- @notag
-- @tag tsasync-vim-async-config
function ____exports.config(opts)
    validate("opts", opts, "table")
    local hooks = {"wait", "schedule", "new_timer"}
    for ____, key in ipairs(hooks) do
        if opts[key] ~= false then
            validate("opts." .. key, opts[key], "callable", true)
        end
    end
    validate("opts.debug", opts.debug, "boolean", true)
    validate("opts.report_unhandled", opts.report_unhandled, "boolean", true)
    for ____, key in ipairs(hooks) do
        local value = opts[key]
        if value ~= nil then
            local ____cfg_8 = cfg
            local ____temp_7
            if value == false then
                ____temp_7 = nil
            else
                ____temp_7 = value
            end
            ____cfg_8[key] = ____temp_7
        end
    end
    if opts.debug ~= nil then
        cfg.debug = opts.debug
    end
    if opts.report_unhandled ~= nil then
        cfg.report_unhandled = opts.report_unhandled
    end
end
--- Marks the module as the polyfill (the built-in has no such field).
____exports.polyfill = true
____exports.await = ____exports.await_
return ____exports
