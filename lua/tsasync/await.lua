local ____exports = {}
local store, take, late, new_slot, abort_slot, invoke, await_rest, IDLE, CALLING, DONE_SYNC, SUSPENDED, ORPHAN
local ____future = require("tsasync.future")
local await_future = ____future.await_future
local is_future = ____future.is_future
local ____scheduler = require("tsasync.scheduler")
local EMPTY = ____scheduler.EMPTY
local cancel_deferred = ____scheduler.cancel_deferred
local defer = ____scheduler.defer
local pack = ____scheduler.pack
local wake = ____scheduler.wake
local wake_fast = ____scheduler.wake_fast
local timers = require("tsasync.timers")
local ____runtime = require("tsasync.runtime")
local runtime = ____runtime.runtime
local ____task = require("tsasync.task")
local NATIVE_YIELDING_PCALL = ____task.NATIVE_YIELDING_PCALL
local ppcall = ____task.ppcall
local register_wait_kind = ____task.register_wait_kind
local await_task = ____task.await_task
local check_cancel = ____task.check_cancel
local current_task = ____task.current_task
local first = ____task.first
local is_task = ____task.is_task
local protect = ____task.protect
local report = ____task.report
local running_task = ____task.running_task
local suspend = ____task.suspend
local yield_now = ____task.yield_now
local ypcall_puc = ____task.ypcall_puc
function store(s, n, a, b, c, ...)
    s.n = n
    if n == 1 then
        s.a = a
    elseif n == 2 then
        s.a = a
        s.b = b
    elseif n == 3 then
        s.a = a
        s.b = b
        s.c = c
    elseif n > 3 then
        s.p = pack(a, b, c, ...)
    end
end
function take(s)
    local n = s.n
    if n == 1 then
        local a = s.a
        s.a = false
        return a
    end
    if n == 0 then
        return
    end
    if n == 2 then
        local a = s.a
        local b = s.b
        s.a = false
        s.b = false
        return a, b
    end
    if n == 3 then
        local a = s.a
        local b = s.b
        local c = s.c
        s.a = false
        s.b = false
        s.c = false
        return a, b, c
    end
    local p = s.p
    s.p = false
    return unpack(p, 1, p.n)
end
function late(s, ...)
    local fn = s.cleanup
    if fn == false then
        return
    end
    s.cleanup = false
    local ok, err = pcall(fn, ...)
    if not ok then
        report((("tsasync: error in cleanup of a cancelled await (task \"" .. s.t.name) .. "\"): ") .. tostring(err))
    end
end
function new_slot(t)
    local s = {
        st = IDLE,
        t = t,
        cb = nil,
        n = 0,
        a = false,
        b = false,
        c = false,
        p = false,
        fast = false,
        cleanup = false,
        on_cancel = false,
        ret = false
    }
    s.cb = function(...)
        local st = s.st
        if st == CALLING then
            store(
                s,
                select("#", ...),
                ...
            )
            s.st = DONE_SYNC
        elseif st == SUSPENDED then
            s.st = IDLE
            t.abort = nil
            t.x = false
            s.ret = false
            s.cleanup = false
            s.on_cancel = false
            if s.fast then
                wake_fast(t, ...)
            else
                wake(t, ...)
            end
        elseif st == ORPHAN then
            late(s, ...)
        end
    end
    t.slot = s
    return s
end
function abort_slot(arg, t)
    local s = arg
    s.st = ORPHAN
    if t.slot == s then
        t.slot = nil
    end
    local fn = s.on_cancel
    local ret = s.ret
    s.on_cancel = false
    s.ret = false
    if fn ~= false then
        if ret ~= false then
            fn(unpack(ret, 1, ret.n))
        else
            fn()
        end
    end
end
function invoke(fn, argc, cb, a1, a2, a3, a4, ...)
    if argc == 2 then
        return fn(a1, cb)
    end
    if argc == 1 then
        return fn(cb)
    end
    if argc == 3 then
        return fn(a1, a2, cb)
    end
    if argc == 4 then
        return fn(a1, a2, a3, cb)
    end
    if argc == 5 then
        return fn(
            a1,
            a2,
            a3,
            a4,
            cb
        )
    end
    local list = pack(
        a1,
        a2,
        a3,
        a4,
        ...
    )
    list[argc] = cb
    return fn(unpack(list, 1, argc))
end
--- Core of every callback await: calls `fn` with the task's callback at position `argc`
-- (after `argc - 1` arguments) and returns what the callback receives.
function ____exports.await_cb(fname, opts, argc, fn, ...)
    local t = running_task(fname)
    check_cancel(t)
    local s = t.slot or new_slot(t)
    s.st = CALLING
    if opts == nil then
        if s.fast then
            s.fast = false
        end
        invoke(fn, argc, s.cb, ...)
    else
        s.fast = opts.fast == true
        s.cleanup = opts.cleanup or false
        if opts.on_cancel ~= nil then
            s.on_cancel = opts.on_cancel
            s.ret = pack(invoke(fn, argc, s.cb, ...))
        else
            invoke(fn, argc, s.cb, ...)
        end
    end
    if s.st == DONE_SYNC then
        s.st = IDLE
        if opts ~= nil then
            s.cleanup = false
            s.on_cancel = false
            s.ret = false
        end
        return take(s)
    end
    if s.st ~= CALLING then
        error(
            (fname .. ": internal error: callback slot in state ") .. tostring(s.st),
            0
        )
    end
    s.st = SUSPENDED
    return suspend(t, abort_slot, s)
end
function await_rest(fname, argc, fn, ...)
    return ____exports.await_cb(
        fname,
        nil,
        argc,
        fn,
        ...
    )
end
IDLE = 0
CALLING = 1
DONE_SYNC = 2
SUSPENDED = 3
ORPHAN = 4
register_wait_kind(
    abort_slot,
    function() return "a callback" end
)
local function check_argc(fname, argc, nargs, level)
    if level == nil then
        level = 3
    end
    if type(argc) ~= "number" or argc ~= math.floor(argc) or argc < 1 then
        error(
            (fname .. ": argc must be a positive integer, got ") .. tostring(argc),
            level
        )
    end
    if nargs > argc - 1 then
        error(
            (((fname .. ": got ") .. tostring(nargs)) .. " arguments but the callback goes at position ") .. tostring(argc),
            level
        )
    end
end
local function validate(fname, x, ...)
    local tx = type(x)
    if tx == "number" then
        local fn = first(...)
        if type(fn) ~= "function" then
            error(
                (fname .. ": fn (argument 2) must be a function, got ") .. type(fn),
                4
            )
        end
        check_argc(
            fname,
            x,
            select("#", ...) - 1,
            5
        )
    elseif tx == "function" then
        if select("#", ...) > 0 then
            error(((fname .. ": extra arguments given with a callback function; use ") .. fname) .. "(argc, fn, ...)", 4)
        end
    elseif not is_task(x) and not is_future(x) then
        error((fname .. ": expected a Task, a Future, a function(cb) or an argc number, got ") .. tx, 4)
    end
end
local function await_dispatch(fname, x, ...)
    local tx = type(x)
    if tx == "number" then
        return await_rest(fname, x, ...)
    end
    if tx == "function" then
        return ____exports.await_cb(fname, nil, 1, x)
    end
    local t = running_task(fname)
    if is_task(x) then
        if x == t then
            error(fname .. ": a task cannot await itself", 3)
        end
        return await_task(t, x)
    end
    return await_future(t, x)
end
--- The hot form `ts.await(argc, fn, ...)`, validated without detours.
local function await_argc(argc, fn, ...)
    if not (argc >= 1 and argc % 1 == 0) or type(fn) ~= "function" or select("#", ...) >= argc then
        validate("ts.await", argc, fn, ...)
    end
    return ____exports.await_cb(
        "ts.await",
        nil,
        argc,
        fn,
        ...
    )
end
local function await_small(argc, fn, a1, a2, a3, a4)
    if type(fn) ~= "function" then
        validate("ts.await", argc, fn)
    end
    local t = running_task("ts.await")
    check_cancel(t)
    local s = t.slot or new_slot(t)
    s.st = CALLING
    if s.fast then
        s.fast = false
    end
    local f = fn
    local cb = s.cb
    if argc == 2 then
        f(a1, cb)
    elseif argc == 4 then
        f(a1, a2, a3, cb)
    elseif argc == 3 then
        f(a1, a2, cb)
    elseif argc == 1 then
        f(cb)
    else
        f(
            a1,
            a2,
            a3,
            a4,
            cb
        )
    end
    local st = s.st
    if st == DONE_SYNC then
        s.st = IDLE
        return take(s)
    end
    if st ~= CALLING then
        error(
            "ts.await: internal error: callback slot in state " .. tostring(st),
            0
        )
    end
    s.st = SUSPENDED
    return suspend(t, abort_slot, s)
end
--- Suspends the running task until `x` completes and returns its values:
--   ts.await(task)            the task's results (raises its error)
--   ts.await(future)          the future's values (raises its error)
--   ts.await(function(cb) ... end)
--                             what `cb` receives
--   ts.await(argc, fn, ...)   calls `fn(...)` with the callback at
--                             position `argc` and returns what the
--                             callback received, unchanged (error-first
--                             stays error-first)
-- When the callback runs before `fn` returns, the task does not suspend
-- at all (no coroutine switch). Raises outside a task, from a coroutine
-- that is not the task's own (e.g. inside `coroutine.wrap`), and on a
-- pending cancellation. A task cannot await itself.
-- ```lua
-- local err, data = ts.await(4, vim.uv.fs_read, fd, 4096, 0)
-- ```
-- 
-- @help ts.await({x}, {...})
function ____exports.await_(x, ...)
    if type(x) == "number" then
        local argc = x
        if argc <= 5 and argc >= 1 and argc % 1 == 0 and select("#", ...) <= argc then
            return await_small(argc, ...)
        end
        return await_argc(argc, ...)
    end
    validate("ts.await", x, ...)
    return await_dispatch("ts.await", x, ...)
end
--- Protected |ts.await()|: `true, ...values` or `false, err`. Bad arguments
-- still raise. The running task's own cancellation is raised, never
-- returned.
-- 
-- @help ts.pawait({x}, {...})
function ____exports.pawait(x, ...)
    validate("ts.pawait", x, ...)
    local t = running_task("ts.pawait")
    return protect(
        t,
        await_dispatch,
        "ts.pawait",
        x,
        ...
    )
end
--- Makes a reusable awaitable function from a callback-taking `fn`: the
-- function returned, called inside a task with at most `argc - 1`
-- arguments (more raise an error), awaits `fn` with the callback at
-- position `argc` and returns what the callback received. Options:
--   cleanup    fn(...) receives the callback's values when they arrive
--              after the awaiting task was cancelled: release late
--              resources (close the fd that was opened anyway)
--   on_cancel  fn(...) receives what `fn` returned, when the awaiting
--              task is cancelled: stop the operation (stop the handle)
--   fast       resume inside the fast event instead of the main loop
-- Unknown options raise.
-- ```lua
-- local fs_open = ts.wrap(4, vim.uv.fs_open, {
--   cleanup = function(err, fd) if fd then vim.uv.fs_close(fd) end end,
-- })
-- ts.run(function() local err, fd = fs_open("/etc/hosts", "r", 438) end)
-- ```
-- 
-- @help ts.wrap({argc}, {fn}, {opts})
function ____exports.wrap(argc, fn, opts)
    check_argc("ts.wrap", argc, 0)
    if type(fn) ~= "function" then
        error(
            "ts.wrap: fn must be a function, got " .. type(fn),
            2
        )
    end
    if opts ~= nil then
        if type(opts) ~= "table" then
            error(
                "ts.wrap: opts must be a table, got " .. type(opts),
                2
            )
        end
        for ____, key in ipairs({"cleanup", "on_cancel"}) do
            if opts[key] ~= nil and type(opts[key]) ~= "function" then
                error(
                    (("ts.wrap: opts." .. key) .. " must be a function, got ") .. type(opts[key]),
                    2
                )
            end
        end
        for k in pairs(opts) do
            if k ~= "cleanup" and k ~= "on_cancel" and k ~= "fast" then
                error(
                    ("ts.wrap: unknown option \"" .. tostring(k)) .. "\"",
                    2
                )
            end
        end
    end
    local o = opts ~= nil and (opts.cleanup ~= nil or opts.on_cancel ~= nil or opts.fast == true) and opts or nil
    return function(...)
        if select("#", ...) > argc - 1 then
            error(
                (("wrapped function: got " .. tostring(select("#", ...))) .. " arguments, expected at most ") .. tostring(argc - 1),
                2
            )
        end
        return ____exports.await_cb(
            "ts.wrap'd function",
            o,
            argc,
            fn,
            ...
        )
    end
end
local function wake_sleeper(arg)
    local t = arg
    t.abort = nil
    t.x = false
    wake(t)
end
local function abort_sleep(arg)
    timers.remove(arg)
end
register_wait_kind(
    abort_sleep,
    function(arg) return ("sleep (" .. tostring(math.max(
        0,
        math.floor(arg.due - timers.now())
    ))) .. " ms left)" end
)
--- Validates a millisecond argument.
function ____exports.check_ms(fname, ms, argname)
    if argname == nil then
        argname = "ms"
    end
    if type(ms) ~= "number" or ms ~= ms or ms < 0 or ms == math.huge then
        error(
            (((fname .. ": ") .. argname) .. " must be a non-negative finite number, got ") .. tostring(ms),
            3
        )
    end
    return ms
end
--- Suspends the running task for `ms` milliseconds of loop time. All
-- sleeping tasks share one libuv timer; cancellation removes the deadline
-- at once. Tasks with equal deadlines wake in the order they slept.
-- `ts.sleep(0)` yields to the event loop for one turn.
-- 
-- @help ts.sleep({ms})
function ____exports.sleep(ms)
    ____exports.check_ms("ts.sleep", ms)
    local t = running_task("ts.sleep")
    check_cancel(t)
    runtime.uv.update_time()
    suspend(
        t,
        abort_sleep,
        timers.add(ms, wake_sleeper, t)
    )
end
local function abort_schedule(arg, t)
    cancel_deferred(t, arg)
end
register_wait_kind(
    abort_schedule,
    function() return "the main loop (ts.schedule)" end
)
--- Continues the running task on the main loop after a `vim.schedule` hop
-- (shared by every task asking in that loop turn), where every `vim.api`
-- function may be called.
-- 
-- @help ts.schedule()
function ____exports.schedule()
    local t = running_task("ts.schedule")
    check_cancel(t)
    suspend(
        t,
        abort_schedule,
        defer(t, EMPTY)
    )
end
--- A cancellation point: raises the running task's pending cancellation;
-- lets other ready tasks run first if there are any. Put it in long
-- computations.
-- 
-- @help ts.checkpoint()
function ____exports.checkpoint()
    local t = running_task("ts.checkpoint")
    check_cancel(t)
    yield_now(t)
end
--- Like `pcall`, but `fn` may suspend inside, on LuaJIT and on PUC Lua 5.1
-- alike (there `fn` runs in a coroutine whose suspensions are passed
-- through). Catching a cancellation does not end it: the task's next
-- suspension raises it again (|tsasync-cancellation|).
-- 
-- @help ts.pcall({fn}, {...})
function ____exports.pcall_(fn, ...)
    local ____temp_2 = type(fn) ~= "function"
    if ____temp_2 then
        local ____opt_0 = getmetatable(fn)
        ____temp_2 = (____opt_0 and ____opt_0.__call) == nil
    end
    if ____temp_2 then
        error(
            "ts.pcall: fn must be a function, got " .. type(fn),
            2
        )
    end
    if NATIVE_YIELDING_PCALL then
        return ppcall(fn, ...)
    end
    return ypcall_puc(nil, fn, ...)
end
--- Like `xpcall`, yield-safe like |ts.pcall()|: `handler(err)` transforms
-- the error. On PUC Lua the handler runs after the failing coroutine
-- unwound, except `debug.traceback`, which is given the failing
-- coroutine's stack.
-- 
-- @help ts.xpcall({fn}, {handler}, {...})
function ____exports.xpcall_(fn, handler, ...)
    if type(fn) ~= "function" then
        error(
            "ts.xpcall: fn must be a function, got " .. type(fn),
            2
        )
    end
    if type(handler) ~= "function" then
        error(
            "ts.xpcall: handler must be a function, got " .. type(handler),
            2
        )
    end
    if NATIVE_YIELDING_PCALL then
        return xpcall(fn, handler, ...)
    end
    return ypcall_puc(handler, fn, ...)
end
--- The running task, or nil outside tasks.
-- 
-- @help ts.current()
function ____exports.current()
    return current_task()
end
--- True inside a task.
-- 
-- @help ts.in_task()
function ____exports.in_task()
    return current_task() ~= nil
end
return ____exports
