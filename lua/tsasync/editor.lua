local ____exports = {}
local ____await = require("tsasync.await")
local check_ms = ____await.check_ms
local ____scheduler = require("tsasync.scheduler")
local pack = ____scheduler.pack
local timers = require("tsasync.timers")
local ____task = require("tsasync.task")
local await_task = ____task.await_task
local current_task = ____task.current_task
local first = ____task.first
local running_task = ____task.running_task
local spawn = ____task.spawn
local wl_add_task = ____task.wl_add_task
local function check_fn(fname, fn, argname)
    if argname == nil then
        argname = "fn"
    end
    if type(fn) ~= "function" then
        error(
            (((fname .. ": ") .. argname) .. " must be a function, got ") .. type(fn),
            3
        )
    end
end
local function start(opts, fn, a)
    return spawn(
        opts,
        fn,
        unpack(a, 1, a.n)
    )
end
local DEBOUNCE = {name = "ts.debounce", detach = true}
local function debounce_fire(arg)
    local d = arg
    local now = timers.now()
    if now < d.due then
        d.entry = timers.add(
            math.min(d.due - now, d.ms),
            debounce_fire,
            d
        )
        return
    end
    d.entry = nil
    local a = d.args
    d.args = nil
    start(DEBOUNCE, d.fn, a)
end
--- Returns a function that, however often it is called, runs `fn` once
-- `ms` milliseconds passed without a call, with the arguments of the last
-- call, as a task (`fn` may await; it runs on the main loop). A new call
-- does not cancel a run that already started: runs may overlap when `fn`
-- takes longer than `ms` (wrap `fn` with |ts.latest()| to cancel instead).
-- Errors raised by `fn` are reported, never thrown at the caller. The
-- returned function returns nothing.
-- ```lua
-- local refresh = ts.debounce(200, function(buf)
--   update_outline(buf)
-- end)
-- vim.api.nvim_create_autocmd("TextChanged", {
--   callback = function(ev) refresh(ev.buf) end,
-- })
-- ```
-- 
-- @help ts.debounce({ms}, {fn})
function ____exports.debounce(ms, fn)
    check_ms("ts.debounce", ms)
    check_fn("ts.debounce", fn)
    local d = {fn = fn, ms = ms, due = 0}
    return function(...)
        d.args = pack(...)
        d.due = timers.now() + ms
        if d.entry == nil then
            d.entry = timers.add(ms, debounce_fire, d)
        end
    end
end
local THROTTLE = {name = "ts.throttle", detach = true}
local function throttle_end(arg)
    local t = arg
    t.entry = nil
    local a = t.args
    if a == nil then
        return
    end
    t.args = nil
    t.entry = timers.add(t.ms, throttle_end, t)
    start(THROTTLE, t.fn, a)
end
--- Returns a function that runs `fn` (as a task) at most once per `ms`
-- milliseconds. Leading edge: a call outside a window runs `fn` at once
-- (from plain code before the call returns) and opens a window of `ms`.
-- Calls during the window collapse into one trailing run with the last
-- call's arguments when the window ends, which opens the next window.
-- Runs are never cancelled by later calls. Errors raised by `fn` are
-- reported, never thrown at the caller. Returns nothing.
-- ```lua
-- local on_scroll = ts.throttle(100, function(win)
--   redraw_context(win)
-- end)
-- vim.api.nvim_create_autocmd("WinScrolled", {
--   callback = function() on_scroll(vim.api.nvim_get_current_win()) end,
-- })
-- ```
-- 
-- @help ts.throttle({ms}, {fn})
function ____exports.throttle(ms, fn)
    check_ms("ts.throttle", ms)
    check_fn("ts.throttle", fn)
    local t = {fn = fn, ms = ms}
    return function(...)
        if t.entry ~= nil then
            t.args = pack(...)
            return
        end
        t.entry = timers.add(ms, throttle_end, t)
        spawn(THROTTLE, fn, ...)
    end
end
local LATEST = {name = "ts.latest", detach = true}
--- Returns a function whose every call cancels the run started by the
-- previous call (if still running) and starts `fn(...)` as a new task,
-- which it returns. The cancelled run unwinds before the new one starts
-- (from plain code, before the call returns; from inside a task, at that
-- task's next suspension). Awaiting a superseded run raises a
-- cancellation error (|ts.is_cancelled()|) with reason "superseded by a
-- newer call". Typical: completion or hover requests while typing.
-- ```lua
-- local complete = ts.latest(function(prefix)
--   -- cancelled when typing on:
--   local items = request_completions(prefix)
--   show(items)
-- end)
-- vim.api.nvim_create_autocmd("TextChangedI", {
--   callback = function() complete(vim.fn.expand("<cword>")) end,
-- })
-- ```
-- 
-- @help ts.latest({fn})
function ____exports.latest(fn)
    check_fn("ts.latest", fn)
    local last
    return function(...)
        if last ~= nil then
            last:cancel("superseded by a newer call")
        end
        last = spawn(LATEST, fn, ...)
        return last
    end
end
--- Stands for the key `nil` (no argument).
local NIL_KEY = {}
local SINGLEFLIGHT = {name = "ts.singleflight", detach = true}
local function flight_done(w, t)
    local f = w.g
    local key = w.i
    if f.runs[key] == t then
        f.runs[key] = nil
    end
end
--- Returns a function that shares one run of `fn` between concurrent calls
-- with equal keys: while a run for a key is in flight, more calls with
-- that key join it instead of starting another. The key is `key_fn(...)`
-- (compared with `==`; nil is a key, NaN is refused), by default the
-- first argument. Once the run completed the next call starts a new one
-- (nothing is cached).
-- Inside a task the call waits for the run and returns its results, or
-- raises its error; cancelling one caller only stops that caller waiting
-- (the run goes on for the others). From plain code it returns the run's
-- Task (await it, or its error is reported).
-- ```lua
-- local load = ts.singleflight(function(path)
--   return parse(read(path))
-- end)
-- ts.run(function() local a = load("x.json") end) -- these two calls
-- ts.run(function() local b = load("x.json") end) -- share one run
-- ```
-- 
-- @help ts.singleflight({fn}, {key_fn})
function ____exports.singleflight(fn, key_fn)
    check_fn("ts.singleflight", fn)
    if key_fn ~= nil then
        check_fn("ts.singleflight", key_fn, "key_fn")
    end
    local f = {fn = fn, key_fn = key_fn, runs = {}}
    return function(...)
        local ____temp_0
        if f.key_fn ~= nil then
            ____temp_0 = f.key_fn(...)
        else
            ____temp_0 = first(...)
        end
        local key = ____temp_0
        if key == nil then
            key = NIL_KEY
        elseif key ~= key then
            error("singleflight function: the key is NaN (it can never equal another key)", 2)
        end
        local t = f.runs[key]
        if t == nil then
            t = spawn(SINGLEFLIGHT, fn, ...)
            if not t:is_done() then
                f.runs[key] = t
                local w = {fn = flight_done, g = f, i = key}
                local ____wl_add_task_4 = wl_add_task
                local ____t_1, ____obs_2 = t, "obs"
                if ____t_1[____obs_2] == nil then
                    ____t_1[____obs_2] = {}
                end
                ____wl_add_task_4(t.obs, w)
            end
        end
        if current_task() == nil then
            return t
        end
        return await_task(
            running_task("singleflight function"),
            t
        )
    end
end
return ____exports
