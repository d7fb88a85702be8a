local ____exports = {}
local drain, run_batch, step_fn, qt, qv, qhead, qtail, draining, fast_drain, dt, dv, dn, hop_pending
local ____runtime = require("tsasync.runtime")
local runtime = ____runtime.runtime
--- Appends a task to the ready queue (no checks).
function ____exports.enqueue(t, v)
    qtail = qtail + 1
    qt[qtail] = t
    qv[qtail] = v
end
function drain()
    while qhead <= qtail do
        local i = qhead
        local t = qt[i]
        local v = qv[i]
        qt[i] = nil
        qv[i] = nil
        qhead = i + 1
        if fast_drain and t.fast ~= true then
            ____exports.defer(t, v)
        else
            step_fn(
                t,
                unpack(v, 1, v.n)
            )
        end
    end
    qhead = 1
    qtail = 0
end
function run_batch()
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
step_fn = function()
end
--- Installs the function that resumes a task (set once by the task module).
function ____exports.set_step(fn)
    step_fn = fn
end
qt = {}
qv = {}
qhead = 1
qtail = 0
draining = false
--- True while the trampoline runs: wake-ups are queued instead of resuming directly.
function ____exports.is_draining()
    return draining
end
--- Number of tasks waiting in the ready queue.
function ____exports.ready_count()
    return qtail - qhead + 1
end
fast_drain = false
--- Resumes `t` now and then drains the queue; only when nothing else is running.
local function run_now(t, ...)
    draining = true
    step_fn(t, ...)
    if qhead <= qtail then
        drain()
    end
    draining = false
end
--- `run_now` inside a fast event: tasks it wakes that are not `fast` are batched to the main loop.
local function run_now_fast(t, ...)
    fast_drain = true
    run_now(t, ...)
    fast_drain = false
end
dt = {}
dv = {}
dn = 0
hop_pending = false
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
    elseif not runtime.in_fast_event() then
        run_now(t, ...)
    elseif t.fast == true then
        run_now_fast(t, ...)
    else
        ____exports.defer(
            t,
            ____exports.pack(...)
        )
    end
end
--- Like `wake` but with already packed values (shared by several waiters).
function ____exports.wake_packed(t, v)
    if draining then
        ____exports.enqueue(t, v)
    elseif not runtime.in_fast_event() then
        run_now(
            t,
            unpack(v, 1, v.n)
        )
    elseif t.fast == true then
        run_now_fast(
            t,
            unpack(v, 1, v.n)
        )
    else
        ____exports.defer(t, v)
    end
end
--- Like `wake` but resumes `t` even inside a fast event (for `{ fast = true }` operations).
function ____exports.wake_fast(t, ...)
    if draining then
        ____exports.enqueue(
            t,
            ____exports.pack(...)
        )
    elseif runtime.in_fast_event() then
        run_now_fast(t, ...)
    else
        run_now(t, ...)
    end
end
return ____exports
