local ____lualib = require("tsasync.lualib_bundle")
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__New = ____lualib.__TS__New
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local active
local ____await = require("tsasync.await")
local await_cb = ____await.await_cb
local check_ms = ____await.check_ms
local ____errors = require("tsasync.errors")
local root_cause = ____errors.root_cause
local ____inspect = require("tsasync.inspect")
local tree = ____inspect.tree
local ____runtime = require("tsasync.runtime")
local own_handles = ____runtime.own_handles
local runtime = ____runtime.runtime
local ____scheduler = require("tsasync.scheduler")
local ready_count = ____scheduler.ready_count
local timers = require("tsasync.timers")
local ____task = require("tsasync.task")
local current_task = ____task.current_task
local err_of = ____task.err_of
local fin = ____task.fin
local spawn = ____task.spawn
local task_counts = ____task.task_counts
local yield_now = ____task.yield_now
local ____track = require("tsasync.uv.track")
local uv_stats = ____track.stats
--- Default real-time limit of a test body run by `ts.testing.it`, in milliseconds.
____exports.DEFAULT_TIMEOUT = 5000
--- How long a timed-out test's task gets to unwind after it is cancelled.
local UNWIND_MS = 1000
--- Most deadlines one `advance`/`run_all` fires, and most yields one settle makes.
local LIMIT = 100000
local function check_opts(fname, opts, keys, level)
    if opts == nil then
        return
    end
    if type(opts) ~= "table" then
        error(
            (fname .. ": opts must be a table, got ") .. type(opts),
            level
        )
    end
    for k, v in pairs(opts) do
        if not __TS__ArrayIncludes(keys, k) then
            error(
                ((fname .. ": unknown option \"") .. tostring(k)) .. "\"",
                level
            )
        end
        if type(v) ~= "number" or v ~= v or v < 0 or v == math.huge then
            error(
                (((fname .. ": opts.") .. tostring(k)) .. " must be a non-negative finite number, got ") .. tostring(v),
                level
            )
        end
    end
end
--- True for a function or a table with `__call`.
local function callable(f)
    local ____temp_2 = type(f) == "function"
    if not ____temp_2 then
        local ____opt_0 = getmetatable(f)
        ____temp_2 = (____opt_0 and ____opt_0.__call) ~= nil
    end
    return ____temp_2
end
--- `busted`'s function `key` from a spec file's environment (or `_G`), checked.
local function busted_fn(env, key, fname)
    local f
    if type(env) == "table" then
        f = env[key]
    end
    if f == nil then
        f = _G[key]
    end
    if not callable(f) then
        error(((fname .. ": busted's ") .. key) .. " not found in the caller's environment nor in _G (call it from a spec file, or use ts.testing.wrap(it))", 3)
    end
    return f
end
--- The rows of the task tree under `t` (t's own row first), as `ts.inspect.tree()` shows them.
local function subtree(t)
    local rows = tree()
    local out = {}
    local depth = -1
    for ____, r in ipairs(rows) do
        if depth < 0 then
            if r.task == t then
                depth = r.depth
                out[#out + 1] = r
            end
        elseif r.depth > depth then
            out[#out + 1] = r
        else
            break
        end
    end
    if #out == 0 then
        out[#out + 1] = {
            task = t,
            text = ((((((t.name .. "  [") .. t:status()) .. "]  waiting on: ") .. t:waiting_on()) .. "  (") .. t:site()) .. ")"
        }
    end
    return out
end
--- What a hanging test is doing: its task tree, then the traceback of each suspended task.
local function hang_report(name, t, ms)
    local rows = subtree(t)
    local lines = {
        (((("ts.testing.it: test \"" .. name) .. "\" did not finish within ") .. tostring(ms)) .. " ms; its task waits on: ") .. t:waiting_on(),
        "tasks:"
    }
    for ____, r in ipairs(rows) do
        lines[#lines + 1] = "  " .. r.text
    end
    do
        local i = 0
        while i < #rows and i < 10 do
            local task = rows[i + 1].task
            if not task:is_done() then
                lines[#lines + 1] = task:traceback()
            end
            i = i + 1
        end
    end
    if #rows > 10 then
        lines[#lines + 1] = ("(tracebacks of " .. tostring(#rows - 10)) .. " more tasks left out)"
    end
    return table.concat(lines, "\n")
end
--- Raises a failed test task's error: busted failures and pendings keep their kind.
local function raise_task_error(t)
    local err = err_of(t)
    local root = root_cause(err)
    local mt = getmetatable(root)
    if type(root) == "table" and mt ~= nil then
        if mt.__type == "pending" then
            return error(root, 0)
        end
        if mt.__type == "failure" then
            return error(
                setmetatable(
                    {message = tostring(err)},
                    mt
                ),
                0
            )
        end
    end
    return error(err, 0)
end
local function run_body(name, fn, ms)
    local outer = active
    local t = spawn({name = "test: " .. name, detach = true}, fn)
    t.observed = true
    local done, why = runtime.wait(
        ms,
        function() return fin(t) ~= nil end
    )
    if active ~= nil and active ~= outer then
        active:restore()
    end
    if not done then
        local info = debug.getinfo(fn, "S")
        local where = info ~= nil and ((tostring(info.short_src) .. ":") .. tostring(info.linedefined)) .. ": " or ""
        local report = where .. (why == "interrupted" and ("ts.testing.it: test \"" .. name) .. "\" interrupted" or hang_report(name, t, ms))
        t:cancel(("ts.testing.it: the test did not finish within " .. tostring(ms)) .. " ms")
        runtime.wait(
            UNWIND_MS,
            function() return fin(t) ~= nil end
        )
        error(
            fin(t) == nil and ((report .. "\n(the task did not unwind within ") .. tostring(UNWIND_MS)) .. " ms of its cancellation)" or report,
            0
        )
    end
    if fin(t) == "done" then
        return
    end
    raise_task_error(t)
end
--- Checks the arguments and returns the body busted runs; nil for a test without a body
-- (busted's pending test). Callers tail-call busted's `it` with it: busted records the frame
-- that called its `it` as the test's location, which then is the spec file (LuaJIT).
local function body_of(fname, name, fn, opts)
    if type(name) ~= "string" then
        error(
            (fname .. ": name must be a string, got ") .. type(name),
            3
        )
    end
    if fn == nil then
        return nil
    end
    if type(fn) ~= "function" then
        error(
            (fname .. ": fn must be a function, got ") .. type(fn),
            3
        )
    end
    check_opts(fname, opts, {"timeout"}, 4)
    local ms = opts and opts.timeout or ____exports.DEFAULT_TIMEOUT
    return function()
        if current_task() ~= nil then
            error(fname .. ": the test runs inside a task (busted must call it from plain code)", 0)
        end
        run_body(name, fn, ms)
    end
end
--- busted's `it`, with {fn} run as a task under a real-time limit of
-- `opts.timeout` milliseconds (default 5000). The body may suspend
-- (|ts.sleep()|, |Task:await()|, ...). When it does not finish in time,
-- the test fails with the test task's tree (name, status, what each task
-- waits on, where it started, as |ts.inspect.tree()| shows it) and the
-- traceback of every suspended task in it (|Task:traceback()|), located at
-- the body's first line; then the task is cancelled (it gets 1 s to
-- unwind). An error raised by the body fails the test with the task's
-- context (message, task name, start site, traceback); a failed
-- assertion stays a busted failure, `pending()` stays pending; the error
-- is never also reported as unhandled. A virtual clock the body installed
-- and left is restored when the body ends. Without {fn} it is busted's
-- pending test.
-- busted defines `it` in each spec file's environment, not in `_G`:
-- `ts.testing.it` reads it from the caller's environment (`getfenv(2)`),
-- else from `_G`, else raises (use |ts.testing.wrap()| there). A body
-- that never suspends (a busy loop) cannot be interrupted: scheduling is
-- cooperative. On PUC Lua, busted prints the test's location as
-- "(tail call)"; LuaJIT shows the spec line.
-- 
-- @help ts.testing.it({name}, {fn} [, {opts}])
function ____exports.it(name, fn, opts)
    local env = getfenv(2)
    local busted_it = busted_fn(env, "it", "ts.testing.it")
    local body = body_of("ts.testing.it", name, fn, opts)
    return busted_it(name, body)
end
--- Returns a `ts.testing.it` bound to the busted `it` given, for code whose
-- environment does not hold busted's functions (a helper module).
-- ```lua
-- local tit = ts.testing.wrap(it)
-- ```
-- 
-- @help ts.testing.wrap({it})
function ____exports.wrap(busted_it)
    if not callable(busted_it) then
        error(
            "ts.testing.wrap: it must be a function, got " .. type(busted_it),
            2
        )
    end
    return function(name, fn, opts)
        local body = body_of("ts.testing.it", name, fn, opts)
        return busted_it(name, body)
    end
end
--- Inside a task: lets the tasks a firing woke run until every ready task has suspended again.
-- (From plain code they already ran: a wake-up outside any task runs the task at once.)
local function settle(fname)
    local cur = current_task()
    if cur == nil then
        return
    end
    do
        local i = 0
        while ready_count() > 0 do
            if i >= LIMIT then
                error(
                    ((fname .. ": tasks kept yielding (") .. tostring(LIMIT)) .. " rounds) without suspending on anything",
                    3
                )
            end
            yield_now(cur)
            i = i + 1
        end
    end
end
--- Installs a virtual clock on the shared timer heap and returns it. From
-- then on nothing on the heap fires by itself: |ts.sleep()|,
-- |ts.timeout()|, |ts.move_on_after()|, |ts.debounce()|, |ts.throttle()|,
-- |ts.select()| timeouts, LSP request timeouts, process kill grace
-- periods. The clock's time starts at 0; deadlines already pending keep
-- their remaining time, counted on the virtual clock. Real-time waits are
-- not virtual: |Task:wait()|, |ts.block_on()| and I/O. One clock at a
-- time (raises if one is installed).
-- ```lua
-- local clock = ts.testing.clock()
-- local t = ts.run(function() ts.sleep(1000); return "woke" end)
-- clock:advance(999); assert.is_false(t:is_done())
-- clock:advance(1);   assert.equal("woke", select(2, t:result()))
-- clock:restore()
-- ```
-- Returns a VirtualClock, whose methods `clock:now()`, `clock:advance()`,
-- `clock:run_all()` and `clock:restore()` follow:
-- 
-- @help ts.testing.clock()
function ____exports.clock()
    if active ~= nil then
        error("ts.testing.clock: a virtual clock is already installed (restore it first)", 2)
    end
    local c = __TS__New(____exports.VirtualClock)
    c.t = 0
    c.on = true
    active = c
    timers.set_clock({now = function() return c.t end})
    return c
end
--- Virtual time for the timer heap; made by `ts.testing.clock()`.
____exports.VirtualClock = __TS__Class()
local VirtualClock = ____exports.VirtualClock
VirtualClock.name = "VirtualClock"
function VirtualClock.prototype.____constructor(self)
end
function VirtualClock.prototype.now(self)
    return self.t
end
function VirtualClock.prototype.advance(self, ms)
    check_ms("clock:advance", ms)
    if not self.on then
        error("clock:advance: the clock was restored", 2)
    end
    local target = self.t + ms
    local fired = 0
    do
        while true do
            settle("clock:advance")
            local due = timers.next_due()
            if due == nil or due > target then
                break
            end
            if fired >= LIMIT then
                error(
                    ("clock:advance: more than " .. tostring(LIMIT)) .. " deadlines fell due (a task that sleeps in a loop?)",
                    2
                )
            end
            if due > self.t then
                self.t = due
            end
            timers.run_due()
            fired = fired + 1
        end
    end
    self.t = target
    return fired
end
function VirtualClock.prototype.run_all(self, limit)
    if limit ~= nil then
        check_ms("clock:run_all", limit, "limit")
    end
    if not self.on then
        error("clock:run_all: the clock was restored", 2)
    end
    local max = limit or 10000
    local t0 = self.t
    local n = 0
    do
        while true do
            settle("clock:run_all")
            local due = timers.next_due()
            if due == nil then
                break
            end
            if n >= max then
                error(
                    ((("clock:run_all: still " .. tostring(timers.pending())) .. " deadlines pending after ") .. tostring(max)) .. " (a periodic timer?)",
                    2
                )
            end
            n = n + self:advance(math.max(0, due - self.t))
        end
    end
    return self.t - t0
end
function VirtualClock.prototype.restore(self)
    if not self.on then
        return
    end
    self.on = false
    if active == self then
        active = nil
    end
    timers.set_clock(nil)
end
local seen_of = setmetatable({}, {__mode = "k"})
local can_walk
--- `uv.walk` works on luv and on Neovim >= 0.11 (on 0.10 it aborts on Neovim's own handles).
local function walk_ok()
    if can_walk == nil then
        local uv = runtime.uv
        if uv.walk == nil then
            can_walk = false
        elseif runtime.host ~= "nvim" then
            can_walk = true
        else
            local v = _G.vim.version()
            can_walk = v.major > 0 or v.minor >= 11
        end
    end
    return can_walk
end
--- Names of the active, not closing libuv handles.
local function active_handles()
    if not walk_ok() then
        return nil
    end
    local set = {}
    runtime.uv.walk(function(h)
        if h:is_active() and not h:is_closing() and not timers.is_driver(h) and not (own_handles[h] ~= nil) then
            set[tostring(h)] = true
        end
    end)
    return set
end
--- The process's open fds as `"fd -> target"` (from /proc/self/fd), or nil where there is no
-- such directory. The directory's own fd, closed once listed, has no target and is left out.
local function open_fds()
    local uv = runtime.uv
    if uv.fs_scandir == nil or uv.fs_scandir_next == nil or uv.fs_readlink == nil then
        return nil
    end
    local ok, req = pcall(uv.fs_scandir, "/proc/self/fd")
    if not ok or req == nil then
        return nil
    end
    local set = {}
    do
        while true do
            local fd = uv.fs_scandir_next(req)
            if fd == nil then
                break
            end
            local target = uv.fs_readlink("/proc/self/fd/" .. fd)
            if target ~= nil then
                set[(fd .. " -> ") .. target] = true
            end
        end
    end
    return set
end
local function count(set)
    if set == nil then
        return nil
    end
    local n = 0
    for _ in pairs(set) do
        n = n + 1
    end
    return n
end
--- Every live task reachable from the task tree, plus the running task and its ancestors.
local function live_tasks()
    local set = {}
    for ____, r in ipairs(tree()) do
        set[r.task] = true
    end
    do
        local t = current_task()
        while t ~= nil do
            set[t] = true
            t = t.parent
        end
    end
    return set
end
--- Counts what a test could leave behind: a table
-- `{ tasks, timers, uv_open, fds, handles }` = live tasks, pending
-- deadlines, handles and processes held by the uv layer
-- (`ts.uv.stats.open`), open file descriptors (from
-- `/proc/self/fd`; nil where it does not exist), active libuv handles
-- (`uv.walk`, except the timer heap's own timer; nil on Neovim 0.10,
-- where walking aborts). Give it to |ts.testing.assert_no_leaks()| after
-- the test.
-- ```lua
-- local snap = ts.testing.snapshot()
-- -- { tasks = 0, timers = 0, uv_open = 0, fds = 9, handles = 3 }
-- ```
-- 
-- @help ts.testing.snapshot()
function ____exports.snapshot()
    local fds = open_fds()
    local handles = active_handles()
    local snap = {
        tasks = task_counts().live,
        timers = timers.pending(),
        uv_open = uv_stats.open,
        fds = count(fds),
        handles = count(handles)
    }
    seen_of[snap] = {
        tasks = live_tasks(),
        fds = fds or ({}),
        handles = handles or ({})
    }
    return snap
end
--- Adds a line to `lines` when `now` holds more than `before` entries, naming those not in `seen`.
local function grown(lines, label, before, now, seen)
    local n = count(now)
    if n == nil or n <= before then
        return
    end
    local news = {}
    for k in pairs(now) do
        if not (seen[k] ~= nil) then
            news[#news + 1] = k
        end
    end
    table.sort(news)
    lines[#lines + 1] = (((((label .. ": ") .. tostring(n)) .. " (snapshot: ") .. tostring(before)) .. ")") .. (#news > 0 and ": " .. table.concat(news, ", ") or "")
end
--- The leaks of `snap` now, in words; nil when nothing is left over.
local function leaks(snap, seen)
    local lines = {}
    local mine = {}
    local nmine = 0
    do
        local t = current_task()
        while t ~= nil do
            if not (seen.tasks[t] ~= nil) then
                nmine = nmine + 1
            end
            mine[t] = true
            t = t.parent
        end
    end
    local tasks = task_counts().live - nmine
    if tasks > snap.tasks then
        lines[#lines + 1] = ((("live tasks: " .. tostring(tasks)) .. " (snapshot: ") .. tostring(snap.tasks)) .. ")"
        for ____, r in ipairs(tree()) do
            if not (seen.tasks[r.task] ~= nil) and not (mine[r.task] ~= nil) then
                lines[#lines + 1] = "  " .. r.text
            end
        end
    end
    local pending = timers.pending()
    if pending > snap.timers then
        lines[#lines + 1] = (((("pending deadlines: " .. tostring(pending)) .. " (snapshot: ") .. tostring(snap.timers)) .. ")") .. (timers.is_virtual() and " (a virtual clock is installed)" or "")
    end
    if uv_stats.open > snap.uv_open then
        lines[#lines + 1] = ((("handles held by the uv layer: " .. tostring(uv_stats.open)) .. " (snapshot: ") .. tostring(snap.uv_open)) .. ")"
    end
    if snap.fds ~= nil then
        grown(
            lines,
            "open fds",
            snap.fds,
            open_fds(),
            seen.fds
        )
    end
    if snap.handles ~= nil then
        grown(
            lines,
            "active libuv handles",
            snap.handles,
            active_handles(),
            seen.handles
        )
    end
    return #lines > 0 and table.concat(lines, "\n") or nil
end
local function pause_cb(ms, cb)
    local tm = runtime.uv.new_timer()
    tm:start(
        ms,
        0,
        function()
            tm:close()
            cb()
        end
    )
end
--- Waits up to `opts.timeout` ms (default 1000; real time, pumping the
-- event loop) for the counts to come back to {snap}'s, then raises
-- listing what is left over: the new live tasks with their status, what
-- they wait on and where they started (as |ts.inspect.tree()| shows
-- them); pending deadlines; uv-layer handles; the new fds with their
-- targets; the new libuv handles. Counts below the snapshot are fine.
-- Inside a task, the running task and its ancestors are not counted, and
-- the wait uses short real-time pauses (a virtual clock does not stop it).
-- ```lua
-- local snap = ts.testing.snapshot()
-- start_and_stop_the_server()
-- ts.testing.assert_no_leaks(snap, { timeout = 500 })
-- ```
-- 
-- @help ts.testing.assert_no_leaks({snap} [, {opts}])
function ____exports.assert_no_leaks(snap, opts)
    local seen = seen_of[snap]
    if seen == nil then
        error(
            "ts.testing.assert_no_leaks: snap must be a snapshot from ts.testing.snapshot(), got " .. type(snap),
            2
        )
    end
    check_opts("ts.testing.assert_no_leaks", opts, {"timeout"}, 3)
    local ms = opts and opts.timeout or 1000
    if leaks(snap, seen) == nil then
        return
    end
    if current_task() == nil then
        if runtime.in_fast_event() then
            error("ts.testing.assert_no_leaks: cannot wait inside a fast event", 2)
        end
        runtime.wait(
            ms,
            function() return leaks(snap, seen) == nil end
        )
    else
        local t0 = runtime.uv.hrtime()
        while leaks(snap, seen) ~= nil and (runtime.uv.hrtime() - t0) / 1000000 < ms do
            await_cb(
                "ts.testing.assert_no_leaks",
                nil,
                2,
                pause_cb,
                5
            )
        end
    end
    local left = leaks(snap, seen)
    if left ~= nil then
        error(
            (("ts.testing.assert_no_leaks: left over after " .. tostring(ms)) .. " ms:\n") .. left,
            2
        )
    end
end
--- Installs busted hooks in the calling spec file or `describe` block:
-- `before_each` takes a snapshot, `after_each` runs
-- |ts.testing.assert_no_leaks()| on it (`opts.timeout`, default 1000) and
-- fails when a virtual clock was left installed (restoring it). Root
-- tasks a test leaked are cancelled after the failure so that they do
-- not spill into the next test. busted reports the failure as an error
-- of `after_each`. The hooks are found like |ts.testing.it()| finds `it`.
-- ```lua
-- describe("my plugin", function()
--   ts.testing.check_leaks({ timeout = 500 })
--   it("...", function() ... end)
-- end)
-- ```
-- 
-- @help ts.testing.check_leaks([{opts}])
function ____exports.check_leaks(opts)
    local env = getfenv(2)
    check_opts("ts.testing.check_leaks", opts, {"timeout"}, 3)
    local before_each = busted_fn(env, "before_each", "ts.testing.check_leaks")
    local after_each = busted_fn(env, "after_each", "ts.testing.check_leaks")
    local snap
    before_each(function()
        snap = ____exports.snapshot()
    end)
    after_each(function()
        local left = active
        if left ~= nil then
            left:restore()
        end
        local s = snap
        snap = nil
        if s ~= nil then
            local ok, err = pcall(____exports.assert_no_leaks, s, opts)
            if not ok then
                local seen = seen_of[s]
                for ____, r in ipairs(tree()) do
                    if r.depth == 0 and not (seen.tasks[r.task] ~= nil) then
                        r.task:cancel("ts.testing.check_leaks: leaked by a test")
                    end
                end
                error(err, 0)
            end
        end
        if left ~= nil then
            error("ts.testing.check_leaks: the test left a virtual clock installed (now restored)", 0)
        end
    end)
end
return ____exports
