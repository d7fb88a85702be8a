local ____exports = {}
local ____runtime = require("tsasync.runtime")
local runtime = ____runtime.runtime
local timers = require("tsasync.timers")
local luv_cancel = runtime.uv.cancel
--- Counters of the uv layer. `open`: handles and processes opened by tsasync
-- (accepted clients, sockets, processes, async handles) and not yet closed;
-- `killed`: processes that needed SIGKILL after the grace period; `late`:
-- requests (fs, getaddrinfo, getnameinfo, also those of `ts.fs`) whose task
-- was cancelled but whose callback has not come yet. A request that a libuv
-- worker already runs cannot be cancelled: the fd or file it makes appears
-- only when it finishes, and is released by its callback. Leak checks
-- compare `open` with a baseline (on every Neovim: `vim.uv.walk` aborts
-- Neovim 0.10), and wait for `late` to return to its baseline before
-- counting fds or files.
-- 
-- @help ts.uv.stats
____exports.stats = {open = 0, killed = 0, late = 0}
--- Counts one handle (or process) as open.
function ____exports.track_open()
    local ____exports_stats_0, ____open_1 = ____exports.stats, "open"
    ____exports_stats_0[____open_1] = ____exports_stats_0[____open_1] + 1
end
--- Counts one handle (or process) as closed.
function ____exports.track_close()
    local ____exports_stats_2, ____open_3 = ____exports.stats, "open"
    ____exports_stats_2[____open_3] = ____exports_stats_2[____open_3] - 1
end
--- The `on_cancel` of a thread-pool request `req` (the value luv returned): asks libuv to cancel
-- it (`uv.cancel` fails for a request that a worker already runs) and counts it in
-- `stats.late`. The request's callback comes in every case (with ECANCELED when the cancel
-- worked) and must call `late_done`.
function ____exports.cancel_late(req)
    if req == nil then
        return
    end
    local ____exports_stats_4, ____late_5 = ____exports.stats, "late"
    ____exports_stats_4[____late_5] = ____exports_stats_4[____late_5] + 1
    if luv_cancel ~= nil then
        pcall(luv_cancel, req)
    end
end
--- The callback of a request counted by `cancel_late` arrived.
function ____exports.late_done()
    local ____exports_stats_6, ____late_7 = ____exports.stats, "late"
    ____exports_stats_6[____late_7] = ____exports_stats_6[____late_7] - 1
end
--- Milliseconds between SIGTERM and SIGKILL when a process is killed by cancellation.
____exports.KILL_GRACE_MS = 2000
local function escalate(arg)
    local p = arg
    if p.exited == true then
        return
    end
    local ____exports_stats_8, ____killed_9 = ____exports.stats, "killed"
    ____exports_stats_8[____killed_9] = ____exports_stats_8[____killed_9] + 1
    pcall(p.send, "sigkill")
end
--- Sends SIGTERM now and SIGKILL after `KILL_GRACE_MS` if the process has not exited by
-- then. Never suspends (usable from cancellation handlers).
function ____exports.terminate(p, grace_ms)
    if grace_ms == nil then
        grace_ms = ____exports.KILL_GRACE_MS
    end
    if p.exited == true then
        return
    end
    pcall(p.send, "sigterm")
    timers.add(grace_ms, escalate, p)
end
return ____exports
