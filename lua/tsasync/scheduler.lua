local ____exports = {}
local first_of, resume_parked, park_rest, drain, run_batch, step_fn, step0_fn, step1_fn, qt, qv, qhead, qtail, draining, fast_drain, SLICE_NS, pt, pv, pn, slice_timer, dt, dv, dn, hop_pending
local ____runtime = require("tsasync.runtime")
local runtime = ____runtime.runtime
function first_of(a)
    return a
end
--- Appends a task to the ready queue (no checks).
function ____exports.enqueue(t, v)
    qtail = qtail + 1
    qt[qtail] = t
    qv[qtail] = v
end
function resume_parked()
    local n = pn
    pn = 0
    do
        local i = 1
        while i <= n do
            local t = pt[i]
            local v = pv[i]
            pt[i] = nil
            pv[i] = nil
            ____exports.defer(t, v)
            i = i + 1
        end
    end
end
function park_rest()
    while qhead <= qtail do
        local i = qhead
        pn = pn + 1
        pt[pn] = qt[i]
        pv[pn] = qv[i]
        qt[i] = nil
        qv[i] = nil
        qhead = i + 1
    end
    if slice_timer == nil then
        slice_timer = runtime.uv.new_timer()
    end
    if not slice_timer:is_active() then
        slice_timer:start(0, 0, resume_parked)
    end
end
function drain()
    local t0 = fast_drain and 0 or runtime.uv.hrtime()
    local steps = 0
    while qhead <= qtail do
        local i = qhead
        local t = qt[i]
        local v = qv[i]
        qt[i] = nil
        qv[i] = nil
        qhead = i + 1
        if fast_drain and t.fast ~= true then
            ____exports.defer(t, v)
        elseif v.n == 0 then
            step0_fn(t)
        elseif v.n == 1 then
            step1_fn(t, v[1])
        else
            step_fn(
                t,
                unpack(v, 1, v.n)
            )
        end
        steps = steps + 1
        if steps % 16 == 0 and not fast_drain and qhead <= qtail and runtime.uv.hrtime() - t0 > SLICE_NS then
            park_rest()
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
--- Packs one value.
function ____exports.pack1(a)
    return {n = 1, [1] = a}
end
local in_fast_event = runtime.in_fast_event
--- The packed form of "no values"; shared, never written.
____exports.EMPTY = {n = 0}
--- Packs varargs keeping `nil` holes.
function ____exports.pack(...)
    local n = select("#", ...)
    if n == 1 then
        return ____exports.pack1(first_of(...))
    end
    local t = {...}
    t.n = n
    return t
end
--- Counters for benchmarks and `:checkhealth`.
____exports.stats = {hops = 0}
step_fn = function()
end
step0_fn = function()
end
step1_fn = function()
end
--- Installs the functions that resume a task (set once by the task module): with any values,
-- and the fixed-arity forms for no value and one value, which LuaJIT can compile (passing `...`
-- on is not compiled, so the common cases avoid it).
function ____exports.set_step(fn, fn0, fn1)
    step_fn = fn
    step0_fn = fn0
    step1_fn = fn1
end
qt = {}
qv = {}
qhead = 1
qtail = 0
draining = false
--- Removes the newest ready-queue entry if it is `t` (undoes an `enqueue` whose yield failed).
function ____exports.drop_last(t)
    if qtail >= qhead and qt[qtail] == t then
        qt[qtail] = nil
        qv[qtail] = nil
        qtail = qtail - 1
    end
end
--- Number of tasks waiting in the ready queue.
function ____exports.ready_count()
    return qtail - qhead + 1
end
fast_drain = false
SLICE_NS = 10000000
pt = {}
pv = {}
pn = 0
--- Starts a batch of wake-ups from plain code: they are queued and run by `end_batch` in order,
-- instead of each running (and draining) before the next is even woken. Returns false when the
-- trampoline already runs (then there is nothing to end).
function ____exports.begin_batch()
    if draining then
        return false
    end
    draining = true
    fast_drain = in_fast_event()
    return true
end
--- Runs the batch started by `begin_batch` (when it returned true).
function ____exports.end_batch()
    if qhead <= qtail then
        drain()
    end
    fast_drain = false
    draining = false
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
        return
    end
    local fast = in_fast_event()
    if fast and t.fast ~= true then
        ____exports.defer(
            t,
            ____exports.pack(...)
        )
        return
    end
    draining = true
    fast_drain = fast
    step_fn(t, ...)
    if qhead <= qtail then
        drain()
    end
    draining = false
    fast_drain = false
end
--- `wake` with no values, without varargs (compiled by LuaJIT).
function ____exports.wake0(t)
    if draining then
        ____exports.enqueue(t, ____exports.EMPTY)
        return
    end
    local fast = in_fast_event()
    if fast and t.fast ~= true then
        ____exports.defer(t, ____exports.EMPTY)
        return
    end
    draining = true
    fast_drain = fast
    step0_fn(t)
    if qhead <= qtail then
        drain()
    end
    draining = false
    fast_drain = false
end
--- `wake` with one value, without varargs.
function ____exports.wake1(t, a)
    if draining then
        ____exports.enqueue(
            t,
            ____exports.pack1(a)
        )
        return
    end
    local fast = in_fast_event()
    if fast and t.fast ~= true then
        ____exports.defer(
            t,
            ____exports.pack1(a)
        )
        return
    end
    draining = true
    fast_drain = fast
    step1_fn(t, a)
    if qhead <= qtail then
        drain()
    end
    draining = false
    fast_drain = false
end
--- Like `wake` but with already packed values (shared by several waiters).
function ____exports.wake_packed(t, v)
    if draining then
        ____exports.enqueue(t, v)
        return
    end
    local fast = in_fast_event()
    if fast and t.fast ~= true then
        ____exports.defer(t, v)
        return
    end
    draining = true
    fast_drain = fast
    step_fn(
        t,
        unpack(v, 1, v.n)
    )
    if qhead <= qtail then
        drain()
    end
    draining = false
    fast_drain = false
end
--- Like `wake` but resumes `t` even inside a fast event (for `{ fast = true }` operations).
function ____exports.wake_fast(t, ...)
    if draining then
        ____exports.enqueue(
            t,
            ____exports.pack(...)
        )
        return
    end
    draining = true
    fast_drain = in_fast_event()
    step_fn(t, ...)
    if qhead <= qtail then
        drain()
    end
    draining = false
    fast_drain = false
end
return ____exports
