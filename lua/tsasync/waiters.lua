local ____exports = {}
local unregister
local ____scheduler = require("tsasync.scheduler")
local EMPTY = ____scheduler.EMPTY
local ____task = require("tsasync.task")
local register_wait_kind = ____task.register_wait_kind
local resume_error = ____task.resume_error
local resume_with = ____task.resume_with
local suspend = ____task.suspend
local timers = require("tsasync.timers")
--- Removes waiter `w` from `q` (cancelled); false when it is not there (already popped).
function ____exports.wq_remove(q, w)
    local i = w.widx
    if i == nil or q.w[i] ~= w then
        return false
    end
    q.w[i] = false
    q.v[i] = nil
    w.widx = nil
    q.n = q.n - 1
    if q.n == 0 then
        do
            local k = q.h
            while k <= q.t do
                q.w[k] = nil
                k = k + 1
            end
        end
        q.h = 1
        q.t = 0
    end
    return true
end
function unregister(sel)
    for ____, rec in ipairs(sel.recs) do
        if rec.q ~= nil then
            ____exports.wq_remove(rec.q, rec)
        elseif rec.e ~= nil then
            timers.remove(rec.e)
        elseif rec.un ~= nil then
            rec.un()
        end
    end
end
--- Case `i` of `sel` wins with values `a, b` (or error `err`): unregister the rest, wake the task.
function ____exports.sel_fire(sel, i, a, b, err)
    if sel.won ~= 0 then
        return
    end
    sel.won = i
    sel.a = a
    sel.b = b
    sel.err = err
    unregister(sel)
    resume_with(sel.t, EMPTY)
end
--- Hands values `a, b` to a popped waiter (a receiver) and wakes it.
function ____exports.deliver(w, a, b)
    local rec = w
    if rec.sel ~= nil then
        ____exports.sel_fire(
            rec.sel,
            rec.i,
            a,
            b,
            nil
        )
    else
        local t = w
        t.cv = a
        t.cm = b
        resume_with(t, EMPTY)
    end
end
--- Wakes a popped waiter with no values (a sender whose value was taken, a permit, an event).
function ____exports.wake_waiter(w)
    ____exports.deliver(w, nil, nil)
end
--- Makes an empty wait queue.
function ____exports.wq_new()
    return {
        w = {},
        v = {},
        h = 1,
        t = 0,
        n = 0
    }
end
--- Appends waiter `w` (offering `v`, if any) to `q`.
function ____exports.wq_push(q, w, v)
    local i = q.t + 1
    q.t = i
    q.w[i] = w
    if v ~= nil then
        q.v[i] = v
    end
    w.widx = i
    q.n = q.n + 1
end
--- Removes the oldest live waiter and returns it with the value it offers; nil when empty.
function ____exports.wq_pop(q)
    local ws = q.w
    local i = q.h
    local last = q.t
    while i <= last do
        local w = ws[i]
        ws[i] = nil
        if w ~= false then
            local v = q.v[i]
            q.v[i] = nil
            q.n = q.n - 1
            w.widx = nil
            if i == last then
                q.h = 1
                q.t = 0
            else
                q.h = i + 1
            end
            return w, v
        end
        i = i + 1
    end
    q.h = 1
    q.t = 0
    return nil, nil
end
--- `abort` for `suspend`: removes the cancelled task from the queue passed as `arg`.
function ____exports.abort_wq(arg, t)
    ____exports.wq_remove(arg, t)
end
register_wait_kind(
    ____exports.abort_wq,
    function(q) return q.what or "a wait queue" end
)
--- Suspends task `t` in queue `q` until it is popped and woken.
function ____exports.wait_in(t, q, what)
    ____exports.wq_push(q, t, nil)
    if q.what ~= what then
        q.what = what
    end
    suspend(t, ____exports.abort_wq, q)
end
--- Pops every waiter of `q` and wakes it with no values. Returns how many.
function ____exports.wake_all(q)
    local n = 0
    while q.n > 0 do
        local w = ____exports.wq_pop(q)
        ____exports.wake_waiter(w)
        n = n + 1
    end
    return n
end
local function dq_grow(d)
    local sz = d.sz
    if sz == 0 then
        d.sz = 8
        return
    end
    local b = d.b
    do
        local k = 1
        while k <= d.bh do
            b[sz + k] = b[k]
            b[k] = nil
            k = k + 1
        end
    end
    d.sz = sz * 2
end
--- Appends `v`.
function ____exports.dq_push(d, v)
    if d.bn == d.sz then
        dq_grow(d)
    end
    d.b[(d.bh + d.bn) % d.sz + 1] = v
    d.bn = d.bn + 1
end
--- Removes and returns the oldest value (the deque must not be empty).
function ____exports.dq_pop(d)
    local i = d.bh + 1
    local v = d.b[i]
    d.b[i] = nil
    d.bh = i % d.sz
    d.bn = d.bn - 1
    return v
end
--- Drops every value.
function ____exports.dq_clear(d)
    d.b = {}
    d.bh = 0
    d.bn = 0
    d.sz = 0
end
--- `abort` of a pending select (its task was cancelled): unregister every case.
function ____exports.sel_abort(arg)
    local sel = arg
    if sel.won ~= 0 then
        return
    end
    sel.won = -1
    unregister(sel)
end
register_wait_kind(
    ____exports.sel_abort,
    function() return "ts.select" end
)
--- Wakes a popped waiter so that it raises `err`.
function ____exports.fail_waiter(w, err)
    local rec = w
    if rec.sel ~= nil then
        ____exports.sel_fire(
            rec.sel,
            rec.i,
            nil,
            nil,
            err
        )
    else
        resume_error(w, err)
    end
end
--- Takes the value handed to task `t` by `deliver` (clearing the slot).
function ____exports.take_slot(t)
    local s = t
    local v = s.cv
    s.cv = nil
    return v
end
--- Takes both values handed to task `t` by `deliver`.
function ____exports.take_slot2(t)
    local s = t
    local v = s.cv
    local m = s.cm
    s.cv = nil
    s.cm = nil
    return v, m
end
--- Raises `"<fname>: call it as obj:<method>(...)"` when a method was called with a dot.
function ____exports.bad_self(fname)
    local ____, method = string.match(fname, "^.-:(.*)$")
    return error(((((fname .. ": not called on a ") .. (string.match(fname, "^[^:]*"))) .. "; call it with a colon: obj:") .. (method or "method")) .. "(...)", 3)
end
--- Raises `"<fname>: must be called inside a task ..."` naming the non-suspending alternative.
function ____exports.outside_task(fname, alternative)
    return error((fname .. ": must be called inside a task (start one with ts.run); from plain code use ") .. alternative, 3)
end
return ____exports
