local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local SemaphoreMT
local ____await = require("tsasync.await")
local await_cb = ____await.await_cb
local pawait = ____await.pawait
local pcall_ = ____await.pcall_
local schedule = ____await.schedule
local sleep = ____await.sleep
local ____block_on = require("tsasync.block_on")
local ts_block_on = ____block_on.block_on
local ____channel = require("tsasync.channel")
local ts_channel = ____channel.channel
local ____combinators = require("tsasync.combinators")
local all = ____combinators.all
local ts_race = ____combinators.race
local ____condvar = require("tsasync.condvar")
local TsCondvar = ____condvar.Condvar
local ____future = require("tsasync.future")
local Future = ____future.Future
local ____scheduler = require("tsasync.scheduler")
local pack = ____scheduler.pack
local ____semaphore = require("tsasync.semaphore")
local TsSemaphore = ____semaphore.Semaphore
local ____task = require("tsasync.task")
local spawn = ____task.spawn
local ____api = require("tsasync.api")
local ts_api = ____api.api
local ____wrap = require("tsasync.uv.wrap")
local ts_uv = ____wrap.uv
--- Wrapped functions and their argc (weak keys: a dropped wrapper is collected).
local leaves = setmetatable({}, {__mode = "k"})
local function check_fn(fname, fn, what)
    if what == nil then
        what = "fn"
    end
    if type(fn) ~= "function" then
        error(
            (((fname .. ": ") .. what) .. " must be a function, got ") .. type(fn),
            3
        )
    end
end
--- Makes an async function from callback-taking `fn` whose callback is its last (`argc`-th)
-- parameter. Called inside a task with fewer than `argc` arguments it suspends until the
-- callback runs and returns the callback's values; called with all `argc` arguments (the
-- callback given) it calls `fn` directly, as plenary does.
-- ```lua
-- local stat = a.wrap(vim.uv.fs_stat, 2)
-- a.void(function() local err, st = stat("/tmp") end)()
-- ```
function ____exports.wrap(fn, argc)
    check_fn("plenary.async.wrap", fn, "func")
    if type(argc) ~= "number" or argc ~= math.floor(argc) or argc < 1 then
        error(
            "plenary.async.wrap: argc must be a positive integer, got " .. tostring(argc),
            2
        )
    end
    local function leaf(...)
        local n = select("#", ...)
        if n == argc then
            return fn(...)
        end
        if n > argc then
            error(
                (("plenary.async wrapped function: got " .. tostring(n)) .. " arguments, expected at most ") .. tostring(argc),
                2
            )
        end
        return await_cb(
            "plenary.async wrapped function",
            nil,
            argc,
            fn,
            ...
        )
    end
    leaves[leaf] = argc
    return leaf
end
--- True for functions made by `wrap`.
function ____exports.is_leaf_function(fn)
    return leaves[fn] ~= nil
end
--- The argc given to `wrap` for `fn`, or nil.
function ____exports.get_leaf_function_argc(fn)
    return leaves[fn]
end
local function finish_with(callback, fn, ...)
    return callback(fn(...))
end
--- Starts `async_function` as a root task (plenary's coroutines are independent of the caller)
-- and calls `callback(...)` with its results. A wrapped (leaf) function is called with the
-- callback directly. Returns the Task (nil for a leaf). An error is reported like any
-- unobserved task failure (`vim.notify`, or `ts.config({ on_unhandled })`).
function ____exports.run(async_function, callback)
    check_fn("plenary.async.run", async_function, "async_function")
    if callback ~= nil then
        check_fn("plenary.async.run", callback, "callback")
    end
    if leaves[async_function] ~= nil then
        async_function(callback)
        return nil
    end
    if callback == nil then
        return spawn({detach = true}, async_function)
    end
    return spawn({detach = true}, finish_with, callback, async_function)
end
--- Returns a plain function that starts `fn(...)` as a root task each time it is called (and
-- returns that Task).
-- ```lua
-- vim.keymap.set("n", "<leader>x", a.void(function() a.util.sleep(100); print("later") end))
-- ```
function ____exports.void_(fn)
    check_fn("plenary.async.void", fn, "func")
    return function(...) return spawn({detach = true}, fn, ...) end
end
local function block_on(async_function, timeout)
    check_fn("plenary.async.util.block_on", async_function, "async_function")
    return ts_block_on(async_function, timeout or 2000)
end
local function check_fn_list(fname, list)
    if type(list) ~= "table" then
        error(
            (fname .. ": expected a list of functions, got ") .. type(list),
            3
        )
    end
    local fns = list
    for i, f in ipairs(fns) do
        if type(f) ~= "function" then
            error(
                (((fname .. ": item ") .. tostring(i)) .. " must be a function, got ") .. type(f),
                3
            )
        end
    end
    return fns
end
local function apcall(fn, ...)
    local argc = leaves[fn]
    if argc ~= nil then
        return pawait(argc, fn, ...)
    end
    return pcall_(fn, ...)
end
--- plenary.async's `util` module: sleep, block_on, will_block, join, run_all, run_first, race, scheduler, apcall, protected.
____exports.util = {
    sleep = function(ms) return sleep(ms) end,
    block_on = block_on,
    will_block = function(async_function, timeout)
        check_fn("plenary.async.util.will_block", async_function, "async_function")
        return function() return block_on(async_function, timeout) end
    end,
    join = function(async_fns)
        check_fn_list("plenary.async.util.join", async_fns)
        if #async_fns == 0 then
            return {}
        end
        return all(async_fns)
    end,
    run_all = function(async_fns, callback)
        check_fn_list("plenary.async.util.run_all", async_fns)
        return ____exports.run(
            function() return ____exports.util.join(async_fns) end,
            callback
        )
    end,
    run_first = function(async_functions)
        check_fn_list("plenary.async.util.run_first", async_functions)
        local f = Future.new()
        local function settle(...)
            if not f:is_done() then
                f:resolve(...)
            end
        end
        for ____, fn in ipairs(async_functions) do
            fn(settle)
        end
        return f:await()
    end,
    race = function(funcs)
        check_fn_list("plenary.async.util.race", funcs)
        return ts_race(funcs)
    end,
    scheduler = function() return schedule() end,
    apcall = apcall,
    protected = function(async_fn)
        check_fn("plenary.async.util.protected", async_fn, "async_fn")
        return function() return apcall(async_fn) end
    end
}
--- plenary's Semaphore: `local permit = sem:acquire(); ...; permit:forget()`.
local Semaphore = __TS__Class()
Semaphore.name = "Semaphore"
function Semaphore.prototype.____constructor(self)
end
function Semaphore.new(initial_permits)
    if type(initial_permits) ~= "number" or initial_permits <= 0 or initial_permits ~= math.floor(initial_permits) then
        error(
            "plenary.async.control.Semaphore.new: initial_permits must be a positive integer, got " .. tostring(initial_permits),
            2
        )
    end
    return setmetatable(
        {s = TsSemaphore.new(initial_permits)},
        SemaphoreMT
    )
end
function Semaphore.prototype.acquire(self)
    self.s:acquire()
    local s = self.s
    local held = true
    return {forget = function()
        if not held then
            return
        end
        held = false
        s:release()
    end}
end
SemaphoreMT = Semaphore.prototype
local function unpack_packed(p)
    if p == nil then
        return
    end
    return unpack(p, 1, p.n)
end
--- Receives one message, then returns the newest waiting one (dropping the rest).
local function recv_last(rx)
    local v = rx:recv()
    do
        while true do
            local ok, w = rx:try_recv()
            if not ok then
                return v
            end
            v = w
        end
    end
end
--- plenary.async's `control` module: Condvar, Semaphore, channel.oneshot/counter/mpsc.
____exports.control = {
    Condvar = TsCondvar,
    Semaphore = Semaphore,
    channel = {
        oneshot = function()
            local f = Future.new()
            local received = false
            local function tx(...)
                if f:is_done() then
                    error("Oneshot channel can only send once", 2)
                end
                f:resolve(...)
            end
            local function rx()
                if received then
                    error("Oneshot channel can only receive one value!", 2)
                end
                received = true
                return f:await()
            end
            return tx, rx
        end,
        counter = function()
            local s, r = ts_channel()
            return {send = function()
                s:try_send(true)
                return nil
            end}, {
                recv = function()
                    r:recv()
                    return nil
                end,
                last = function()
                    recv_last(r)
                    return nil
                end
            }
        end,
        mpsc = function()
            local s, r = ts_channel()
            return {send = function(...)
                s:try_send(pack(...))
                return nil
            end}, {
                recv = function() return unpack_packed(r:recv()) end,
                last = function() return unpack_packed(recv_last(r)) end
            }
        end
    }
}
local function first_done(cancel, ok, ...)
    local rest = {...}
    if ok then
        return ...
    end
    if type(cancel) == "function" then
        cancel()
    end
    return error(rest[1], 0)
end
--- Calls `fn(...args)` with a callback at position `argc` and returns the values of the first
-- callback; later ones are ignored. When the task is cancelled meanwhile, a function `fn`
-- returned (vim.lsp's cancel) is called.
local function first_callback(argc, fn, ...)
    local f = Future.new()
    local list = pack(...)
    list[argc] = function(...)
        if not f:is_done() then
            f:resolve(...)
        end
    end
    local cancel = fn(unpack(list, 1, argc))
    return first_done(
        cancel,
        pcall_(function() return f:await() end)
    )
end
local UV_NAMES = {
    "close",
    "fs_open",
    "fs_read",
    "fs_close",
    "fs_unlink",
    "fs_write",
    "fs_mkdir",
    "fs_mkdtemp",
    "fs_rmdir",
    "fs_scandir",
    "fs_stat",
    "fs_fstat",
    "fs_lstat",
    "fs_rename",
    "fs_fsync",
    "fs_fdatasync",
    "fs_ftruncate",
    "fs_sendfile",
    "fs_access",
    "fs_chmod",
    "fs_fchmod",
    "fs_utime",
    "fs_futime",
    "fs_link",
    "fs_symlink",
    "fs_readlink",
    "fs_realpath",
    "fs_chown",
    "fs_fchown",
    "fs_copyfile",
    "fs_opendir",
    "fs_readdir",
    "fs_closedir",
    "shutdown",
    "write",
    "write2",
    "tcp_connect",
    "pipe_connect",
    "udp_send",
    "getaddrinfo",
    "getnameinfo"
}
local function error_first(err, ...)
    local ____temp_0
    if err == nil then
        ____temp_0 = nil
    else
        ____temp_0 = err.message
    end
    return ____temp_0, ...
end
--- plenary's `a.uv`: luv functions with luv's error-first results (`err` a message string or
-- nil), built on `ts.uv.p` so cancellation cleans up. `listen` and `udp_recv_start` return the
-- first callback's values, as plenary's do.
____exports.uv = {}
for ____, name in ipairs(UV_NAMES) do
    do
        local __continue74
        repeat
            local spec = ts_uv.specs[name]
            local p = ts_uv.p[name]
            local plain = ts_uv[name]
            local ____temp_2 = spec == nil
            if not ____temp_2 then
                local ____spec_err_1
                if spec.err then
                    ____spec_err_1 = p
                else
                    ____spec_err_1 = plain
                end
                ____temp_2 = ____spec_err_1 == nil
            end
            if ____temp_2 then
                __continue74 = true
                break
            end
            ____exports.uv[name] = spec.err and (function(...) return error_first(p(...)) end) or plain
            __continue74 = true
        until true
        if not __continue74 then
            break
        end
    end
end
for ____, ____value in ipairs({{"listen", 3}, {"udp_recv_start", 2}}) do
    local name = ____value[1]
    local argc = ____value[2]
    ____exports.uv[name] = function(...) return first_callback(argc, vim.uv[name], ...) end
end
--- plenary's `a.lsp`: `buf_request(bufnr, method, params) -> err, result, ctx, config` (the
-- first response) and `buf_request_all(bufnr, method, params) -> results` (per client id).
-- Cancelling the task cancels the requests.
____exports.lsp = {
    buf_request = function(bufnr, method, params) return first_callback(
        4,
        vim.lsp.buf_request,
        bufnr,
        method,
        params
    ) end,
    buf_request_all = function(bufnr, method, params) return first_callback(
        4,
        vim.lsp.buf_request_all,
        bufnr,
        method,
        params
    ) end
}
--- plenary's `a.api`: `vim.api` that hops to the main loop when called in a fast event (ts.api).
____exports.api = ts_api
--- busted's `name`: from the spec file's environment (busted sets them there), else global.
local function busted(name)
    local f = getfenv(3)[name] or _G[name]
    if type(f) ~= "function" then
        error(((("plenary.async.tests." .. name) .. ": busted's global ") .. name) .. " is not defined", 3)
    end
    return f
end
local function test_timeout()
    return tonumber(os.getenv("PLENARY_TEST_TIMEOUT")) or 2000
end
--- plenary's `a.tests`: busted's `describe`/`it`/`pending`/`before_each`/`after_each` whose
-- bodies run as tasks (`block_on`, `$PLENARY_TEST_TIMEOUT` ms, default 2000: a hanging body
-- fails with a timeout error).
____exports.tests = {
    describe = function(s, fn) return busted("describe")(s, fn) end,
    it = function(s, fn) return busted("it")(
        s,
        function() return block_on(
            fn,
            test_timeout()
        ) end
    ) end,
    pending = function(...) return busted("pending")(...) end,
    before_each = function(fn) return busted("before_each")(function() return block_on(
        fn,
        test_timeout()
    ) end) end,
    after_each = function(fn) return busted("after_each")(function() return block_on(
        fn,
        test_timeout()
    ) end) end
}
local function install(env)
    local a = _G.package.loaded["tsasync.compat.plenary"]
    env.a = a
    a.describe = ____exports.tests.describe
    a.it = ____exports.tests.it
    a.spec = ____exports.tests.it
    a.test = ____exports.tests.it
    a.pending = ____exports.tests.pending
    a.before_each = ____exports.tests.before_each
    a.after_each = ____exports.tests.after_each
end
____exports.tests.add_globals = function() return install(_G) end
____exports.tests.add_to_env = function()
    local env = getfenv(2)
    install(env)
    setfenv(2, env)
end
____exports.void = ____exports.void_
return ____exports
