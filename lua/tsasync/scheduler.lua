local ____exports = {}
local ____runtime = require("tsasync.runtime")
local runtime = ____runtime.runtime
--- The packed form of "no values"; shared, never written.
____exports.EMPTY = {n = 0}
--- Packs varargs keeping `nil` holes.
function ____exports.pack(...)
    local t = {...}
    t.n = select("#", ...)
    return t
end
--- Counters for benchmarks, `:checkhealth` and the inspector.
____exports.stats = {hops = 0, steps = 0}
local function step_fn()
end
--- Installs the function that resumes a task (set once by the task module).
function ____exports.set_step(fn)
    step_fn = fn
end
local qt = {}
local qv = {}
local qhead = 1
local qtail = 0
--- True while the trampoline runs (a task step or the drain loop is on the stack).
local draining = false
--- True while the trampoline runs: wake-ups are queued instead of resuming directly.
function ____exports.is_draining()
    return draining
end
--- Appends a task to the ready queue (no checks).
function ____exports.enqueue(t, v)
    qtail = qtail + 1
    qt[qtail] = t
    qv[qtail] = v
end
--- Number of tasks waiting in the ready queue.
function ____exports.ready_count()
    return qtail - qhead + 1
end
local function drain()
    while qhead <= qtail do
        local i = qhead
        local t = qt[i]
        local v = qv[i]
        qt[i] = nil
        qv[i] = nil
        qhead = i + 1
        step_fn(
            t,
            unpack(v, 1, v.n)
        )
    end
    qhead = 1
    qtail = 0
end
--- Resumes `t` now and then drains the queue; only when nothing else is running.
local function run_now(t, ...)
    draining = true
    step_fn(t, ...)
    if qhead <= qtail then
        drain()
    end
    draining = false
end
local dt = {}
local dv = {}
local dn = 0
local hop_pending = false
local function run_batch()
    hop_pending = false
    local n = dn
    dn = 0
    do
        local i = 1
        while i <= n do
            local t = dt[i]
            local v = dv[i]
            dt[i] = nil
            dv[i] = nil
            if t ~= false then
                ____exports.enqueue(t, v)
            end
            i = i + 1
        end
    end
    if not draining then
        draining = true
        drain()
        draining = false
    end
end
--- Adds `t` to the batch resumed by the next main-loop hop. Returns the entry's index, which
-- `cancel_deferred` takes.
function ____exports.defer(t, v)
    dn = dn + 1
    dt[dn] = t
    dv[dn] = v
    if not hop_pending then
        hop_pending = true
        local ____exports_stats_0, ____hops_1 = ____exports.stats, "hops"
        ____exports_stats_0[____hops_1] = ____exports_stats_0[____hops_1] + 1
        runtime.schedule(run_batch)
    end
    return dn
end
--- Removes a deferred entry made by `defer` (used when its task is cancelled).
function ____exports.cancel_deferred(t, index)
    if index <= dn and dt[index] == t then
        dt[index] = false
    end
end
--- Resumes `t` with `...` according to the scheduling rules: queued while the trampoline
-- runs, batched to the main loop from a fast event (unless `t.fast`), otherwise at once.
function ____exports.wake(t, ...)
    if draining then
        ____exports.enqueue(
            t,
            ____exports.pack(...)
        )
    elseif t.fast ~= true and runtime.in_fast_event() then
        ____exports.defer(
            t,
            ____exports.pack(...)
        )
    else
        run_now(t, ...)
    end
end
--- Like `wake` but with already packed values (shared by several waiters).
function ____exports.wake_packed(t, v)
    if draining then
        ____exports.enqueue(t, v)
    elseif t.fast ~= true and runtime.in_fast_event() then
        ____exports.defer(t, v)
    else
        run_now(
            t,
            unpack(v, 1, v.n)
        )
    end
end
--- Like `wake` but ignores the fast-event rule (for `{ fast = true }` operations).
function ____exports.wake_fast(t, ...)
    if draining then
        ____exports.enqueue(
            t,
            ____exports.pack(...)
        )
    else
        run_now(t, ...)
    end
end
return ____exports
