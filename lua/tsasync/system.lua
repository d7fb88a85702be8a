local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local on_exit, pipe_survives, throttle, STDOUT_HIGH_WATER, pipe_survives_exit
local ____errors = require("tsasync.errors")
local new_timeout = ____errors.new_timeout
local ____scheduler = require("tsasync.scheduler")
local pack = ____scheduler.pack
local timers = require("tsasync.timers")
local ____task = require("tsasync.task")
local check_cancel = ____task.check_cancel
local current_task = ____task.current_task
local off_finish = ____task.off_finish
local on_finish = ____task.on_finish
local resume_with = ____task.resume_with
local running_task = ____task.running_task
local suspend = ____task.suspend
local wl_add_task = ____task.wl_add_task
local wl_remove_task = ____task.wl_remove_task
local register_wait_kind = ____task.register_wait_kind
local ____error = require("tsasync.uv.error")
local new_uv_error = ____error.new_uv_error
local ____stream = require("tsasync.uv.stream")
local disown = ____stream.disown
local new_stream = ____stream.new_stream
local next_line = ____stream.next_line
local stream_fail = ____stream.stream_fail
local stream_finish = ____stream.stream_finish
local stream_push = ____stream.stream_push
local unread = ____stream.unread
local ____track = require("tsasync.uv.track")
local terminate = ____track.terminate
local track_close = ____track.track_close
local track_open = ____track.track_open
function on_exit(p, r)
    p.exited = true
    p.result = r
    track_close()
    if p.timer ~= nil then
        timers.remove(p.timer)
        p.timer = nil
    end
    if p.owner ~= nil then
        off_finish(p.owner, p)
        p.owner = nil
    end
    local ws = p.waiters
    p.waiters = {}
    local v = pack(r)
    for ____, w in ipairs(ws) do
        if w ~= false then
            resume_with(w, v)
        end
    end
end
function pipe_survives()
    if pipe_survives_exit == nil then
        local ok, has = pcall(function() return vim.fn.has("nvim-0.11") == 1 end)
        if not ok then
            return false
        end
        pipe_survives_exit = has == true
    end
    return pipe_survives_exit
end
function throttle(proc, handler)
    if not pipe_survives() then
        return
    end
    local state = proc.p.obj._state
    local pipe = state and state.stdout
    if type(pipe) ~= "userdata" then
        return
    end
    local ok, stop = pcall(function() return pipe.read_stop end)
    if not ok or type(stop) ~= "function" then
        return
    end
    local function on_read(e, data)
        handler(e, data)
        if data == nil and not pipe:is_closing() then
            pipe:read_stop()
            pipe:close()
        end
    end
    local out = proc.out
    out.limit = STDOUT_HIGH_WATER
    out.pause_fn = function()
        if not pipe:is_closing() then
            pipe:read_stop()
        end
    end
    out.resume_fn = function()
        if not pipe:is_closing() then
            pipe:read_start(on_read)
        end
    end
    proc.unthrottle = function()
        proc.unthrottle = nil
        out.limit = math.huge
        if out.paused then
            out.paused = false
            out.resume_fn()
        end
    end
end
local function check_cmd(fname, cmd)
    if type(cmd) ~= "table" or #cmd == 0 then
        error(
            (fname .. ": cmd must be a non-empty list of strings, got ") .. (type(cmd) == "table" and "an empty table" or type(cmd)),
            4
        )
    end
    for i, v in ipairs(cmd) do
        if type(v) ~= "string" then
            error(
                (((fname .. ": cmd[") .. tostring(i)) .. "] must be a string, got ") .. type(v),
                4
            )
        end
    end
    return cmd
end
local KNOWN_OPTS = {
    cwd = true,
    env = true,
    clear_env = true,
    stdin = true,
    stdout = true,
    stderr = true,
    text = true,
    detach = true,
    timeout = true
}
local function copy_opts(fname, opts)
    local o = {}
    if opts == nil then
        return o
    end
    if type(opts) ~= "table" then
        error(
            (fname .. ": opts must be a table, got ") .. type(opts),
            4
        )
    end
    for k, v in pairs(opts) do
        if KNOWN_OPTS[k] ~= true then
            error(
                ((fname .. ": unknown option \"") .. tostring(k)) .. "\"",
                4
            )
        end
        if k ~= "timeout" then
            o[k] = v
        end
    end
    local ms = opts.timeout
    if ms ~= nil and (type(ms) ~= "number" or ms ~= ms or ms < 0) then
        error(
            (fname .. ": opts.timeout must be a non-negative number of ms, got ") .. tostring(ms),
            4
        )
    end
    return o
end
local function on_timeout(arg)
    local p = arg
    p.timer = nil
    p.timed_out = true
    terminate(p)
end
--- Starts `cmd`; the Proc tracks its exit. Raises a UvError when it cannot start.
local function start(fname, cmd, o, timeout)
    local p
    p = {
        fname = fname,
        cmd = cmd[1],
        exited = false,
        waiters = {},
        timed_out = false,
        timeout = timeout,
        send = function(sig)
            if p.obj ~= nil and not p.exited then
                p.obj:kill(sig)
            end
        end
    }
    local ok, obj = pcall(
        vim.system,
        cmd,
        o,
        function(r) return on_exit(p, r) end
    )
    if not ok then
        local msg = tostring(obj)
        local code = string.match(msg, "(E%u[%u%d_]+):")
        if code ~= nil then
            local ____, e = string.find(msg, "E%u[%u%d_]+:")
            error(
                new_uv_error(
                    "spawn",
                    (code .. ":") .. string.sub(msg, e + 1),
                    cmd[1],
                    code
                ),
                0
            )
        end
        error((fname .. ": ") .. msg, 0)
    end
    p.obj = obj
    track_open()
    if timeout ~= nil then
        p.timer = timers.add(timeout, on_timeout, p)
    end
    return p
end
local function abort_exit(arg, t)
    local a = arg
    wl_remove_task(a.p.waiters, t)
    if a.kill then
        if a.p.timer ~= nil then
            timers.remove(a.p.timer)
            a.p.timer = nil
        end
        terminate(a.p)
    end
end
register_wait_kind(
    abort_exit,
    function(arg) return "process " .. arg.p.cmd end
)
--- Waits for the process to exit; `kill`: cancelling the waiting task kills the process.
local function await_exit(t, p, kill)
    check_cancel(t)
    if not p.exited then
        wl_add_task(p.waiters, t)
        suspend(t, abort_exit, {p = p, kill = kill})
    end
    if p.timed_out then
        error(
            new_timeout(
                p.timeout,
                ((((p.fname .. ": ") .. p.cmd) .. " did not finish within ") .. tostring(p.timeout)) .. " ms (killed)"
            ),
            0
        )
    end
    return p.result
end
--- Runs {cmd} (a list: program and arguments) with `vim.system` and waits,
-- like `vim.system(cmd, opts):wait()` without blocking the editor:
-- `{ code, signal, stdout, stderr }`. A non-zero exit is a result; a missing
-- executable raises a |ts.UvError| (ENOENT). {opts} as `vim.system`'s
-- (`cwd`, `env`, `clear_env`, `stdin`, `stdout`, `stderr`, `text`, `detach`)
-- plus `timeout` (ms): the process is killed and an |ts.is_timeout()| error
-- raised once it is gone. Cancelling the task kills the process at once.
-- ```lua
-- local r = ts.system({ "git", "rev-parse", "HEAD" },
--   { cwd = root, timeout = 5000 })
-- if r.code == 0 then print(r.stdout) end
-- ```
-- 
-- @help ts.system({cmd}, {opts})
function ____exports.system(cmd, opts)
    check_cmd("ts.system", cmd)
    local o = copy_opts("ts.system", opts)
    local t = running_task("ts.system")
    check_cancel(t)
    local p = start("ts.system", cmd, o, opts and opts.timeout)
    return await_exit(t, p, true)
end
--- A running child process started by `ts.process`.
____exports.Process = __TS__Class()
local Process = ____exports.Process
Process.name = "Process"
function Process.prototype.____constructor(self)
end
function Process.prototype.write(self, data)
    if type(data) ~= "string" and type(data) ~= "table" then
        error(
            "proc:write: data must be a string or a list of strings, got " .. type(data),
            2
        )
    end
    if self.stdin_closed then
        error("proc:write: stdin is closed", 2)
    end
    if self.p.exited then
        error("proc:write: the process has exited", 2)
    end
    self.p.obj:write(data)
end
function Process.prototype.close_stdin(self)
    if self.stdin_closed then
        return
    end
    self.stdin_closed = true
    if not self.p.exited then
        self.p.obj:write(nil)
    end
end
function Process.prototype.lines(self)
    return function() return next_line(self, self.out) end
end
function Process.prototype.wait(self)
    local t = running_task("proc:wait")
    local ____opt_2 = self.unthrottle
    if ____opt_2 ~= nil then
        ____opt_2()
    end
    local r = await_exit(t, self.p, t == self.p.owner)
    local rest = {unread(self)}
    while self.out:len() > 0 do
        rest[#rest + 1] = self.out:take_next()[1]
    end
    return {
        code = r.code,
        signal = r.signal,
        stdout = table.concat(rest),
        stderr = table.concat(self.err_chunks)
    }
end
function Process.prototype.kill(self, signal)
    if signal ~= nil and type(signal) ~= "string" and type(signal) ~= "number" then
        error(
            "proc:kill: signal must be a string or number, got " .. type(signal),
            2
        )
    end
    if not self.p.exited then
        self.p.obj:kill(signal or "sigterm")
    end
    local ____opt_4 = self.unthrottle
    if ____opt_4 ~= nil then
        ____opt_4()
    end
end
function Process.prototype.is_done(self)
    return self.p.exited
end
local ProcessProto = ____exports.Process.prototype
--- Starts {cmd}; returns a process:
--   proc.pid
--   proc:write({data})    to stdin (a string or a list; never suspends)
--   proc:close_stdin()
--   proc:lines()          iterator of stdout lines
--   proc:wait()           `{ code, signal, stdout, stderr }`; `stdout` is
--                         what `lines()` did not consume; raises a timeout
--                         error when `opts.timeout` killed the process
--   proc:kill({signal})   default "sigterm"
--   proc:is_done()        true once the process has exited
-- {opts} as for |ts.system()|, but stdin is always a pipe, stdout goes to
-- `lines()` and stderr is collected (`stdin`, `stdout`, `stderr` raise).
-- Back-pressure (Neovim 0.11 and later): while 64 chunks of stdout wait
-- unread, tsasync stops reading the pipe, so a process writing faster than
-- `lines()` is consumed blocks in its writes instead of filling memory;
-- reading resumes once half are consumed. `proc:wait()`, `proc:kill()` and
-- the end of the task that started the process turn this off (the rest of
-- the output is kept, so the process can run to its exit). Neovim 0.10
-- closes the pipe at exit, discarding what was not read, so there stdout is
-- always read at once and buffered without limit.
-- The process is killed when the task that started it ends by
-- cancellation or failure (at once when that task is cancelled in
-- `proc:wait()`); a normal end of the task leaves it running.
-- ```lua
-- local proc = ts.process({ "rg", "--line-number", "TODO" },
--   { cwd = root })
-- for line in proc:lines() do table.insert(hits, line) end
-- local r = proc:wait()
-- ```
-- 
-- @help ts.process({cmd}, {opts})
function ____exports.process(cmd, opts)
    check_cmd("ts.process", cmd)
    local o = copy_opts("ts.process", opts)
    for ____, k in ipairs({"stdin", "stdout", "stderr"}) do
        if o[k] ~= nil then
            error(("ts.process: opts." .. k) .. " is managed by ts.process (use proc:write / proc:lines / result.stderr)", 2)
        end
    end
    local out = new_stream({what = "proc:lines", limit = math.huge})
    local err_chunks = {}
    o.stdin = true
    o.stdout = function(e, data)
        if e ~= nil then
            stream_fail(
                out,
                new_uv_error("read_start", e)
            )
        elseif data == nil then
            stream_finish(out)
        else
            stream_push(
                out,
                pack(data)
            )
        end
    end
    o.stderr = function(_e, data)
        if data ~= nil then
            err_chunks[#err_chunks + 1] = data
        end
    end
    disown(out)
    local p = start("ts.process", cmd, o, opts and opts.timeout)
    local proc = setmetatable({
        pid = p.obj.pid,
        p = p,
        out = out,
        partial = "",
        err_chunks = err_chunks,
        stdin_closed = false
    }, ProcessProto)
    throttle(proc, o.stdout)
    local owner = current_task()
    if owner ~= nil then
        p.owner = owner
        on_finish(
            owner,
            p,
            function(t)
                local ____opt_8 = proc.unthrottle
                if ____opt_8 ~= nil then
                    ____opt_8()
                end
                if t:status() ~= "done" then
                    terminate(p)
                end
            end
        )
    end
    return proc
end
STDOUT_HIGH_WATER = 64
return ____exports
