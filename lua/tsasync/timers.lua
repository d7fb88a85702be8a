local ____exports = {}
local place, sift_up, sift_down, drop, fire, run_bucket, arm, heap, by_due, nb, size, driver, armed_due, clock_now, virtual, firing
local ____runtime = require("tsasync.runtime")
local runtime = ____runtime.runtime
function place(b, i)
    heap[i] = b
    b.hidx = i
end
function sift_up(i)
    local b = heap[i]
    while i > 1 do
        local p = math.floor(i / 2)
        local pb = heap[p]
        if pb.due <= b.due then
            break
        end
        place(pb, i)
        i = p
    end
    place(b, i)
end
function sift_down(i)
    local b = heap[i]
    do
        while true do
            local l = i * 2
            if l > nb then
                break
            end
            local c = l
            if l + 1 <= nb and heap[l + 1].due < heap[l].due then
                c = l + 1
            end
            local cb = heap[c]
            if cb.due >= b.due then
                break
            end
            place(cb, i)
            i = c
        end
    end
    place(b, i)
end
function drop(b)
    local i = b.hidx
    if i == 0 then
        return
    end
    b.hidx = 0
    by_due[b.due] = nil
    local last = heap[nb]
    heap[nb] = nil
    nb = nb - 1
    if i <= nb then
        place(last, i)
        sift_down(i)
        sift_up(last.hidx)
    end
end
function fire()
    armed_due = -1
    local now = clock_now()
    local due = {}
    while nb > 0 do
        local b = heap[1]
        if b.due > now then
            break
        end
        drop(b)
        due[#due + 1] = b
    end
    firing = true
    for ____, b in ipairs(due) do
        run_bucket(b)
    end
    arm()
    firing = false
end
function run_bucket(b)
    local items = b.items
    do
        local i = 1
        while i <= #items do
            do
                local __continue22
                repeat
                    local e = items[i]
                    if e == false then
                        __continue22 = true
                        break
                    end
                    items[i] = false
                    e.idx = 0
                    b.live = b.live - 1
                    size = size - 1
                    e.fn(e.arg)
                    __continue22 = true
                until true
                if not __continue22 then
                    break
                end
            end
            i = i + 1
        end
    end
end
function arm()
    if virtual then
        return
    end
    if nb == 0 then
        if armed_due ~= -1 and driver ~= nil then
            driver:stop()
        end
        armed_due = -1
        return
    end
    local due = heap[1].due
    if armed_due ~= -1 and armed_due <= due then
        return
    end
    if driver == nil then
        driver = runtime.uv.new_timer()
    end
    armed_due = due
    driver:start(
        math.max(
            firing and 1 or 0,
            due - clock_now()
        ),
        0,
        fire
    )
end
heap = {}
by_due = {}
nb = 0
size = 0
armed_due = -1
clock_now = runtime.now
virtual = false
firing = false
--- Calls `fn(arg)` once `ms` milliseconds of loop time have passed.
function ____exports.add(ms, fn, arg)
    local due = clock_now() + ms
    local b = by_due[due]
    if b == nil then
        nb = nb + 1
        b = {due = due, items = {}, live = 0, hidx = nb}
        by_due[due] = b
        heap[nb] = b
        sift_up(nb)
    end
    local items = b.items
    local e = {
        due = due,
        idx = #items + 1,
        fn = fn,
        arg = arg,
        b = b
    }
    items[#items + 1] = e
    b.live = b.live + 1
    size = size + 1
    if b.hidx == 1 and b.live == 1 then
        arm()
    end
    return e
end
--- Removes a pending entry; returns false when it already fired or was removed.
function ____exports.remove(e)
    if e.idx == 0 then
        return false
    end
    local b = e.b
    b.items[e.idx] = false
    e.idx = 0
    b.live = b.live - 1
    size = size - 1
    if b.live == 0 then
        drop(b)
    end
    if size == 0 then
        arm()
    end
    return true
end
--- The clock deadlines are measured on (loop time).
function ____exports.now()
    return clock_now()
end
--- Number of pending deadlines (for leak checks and the inspector).
function ____exports.pending()
    return size
end
--- True when `h` is the libuv timer driving the heap (leak checks count the deadlines instead).
function ____exports.is_driver(h)
    return h ~= nil and h == driver
end
--- True when the driving libuv timer is active (for leak checks).
function ____exports.driver_active()
    return driver ~= nil and driver:is_active()
end
--- The earliest pending deadline (on the current clock), or nil when none is pending.
function ____exports.next_due()
    return nb > 0 and heap[1].due or nil
end
--- Fires every entry whose deadline is at or before the current clock's time, earliest first
-- (the libuv timer's callback; a virtual clock calls it after moving its time).
function ____exports.run_due()
    fire()
end
--- Moves every pending deadline by `delta` ms (bucket order is unchanged: the heap stays valid).
local function shift(delta)
    if delta == 0 then
        return
    end
    do
        local i = 1
        while i <= nb do
            local b = heap[i]
            by_due[b.due] = nil
            i = i + 1
        end
    end
    do
        local i = 1
        while i <= nb do
            local b = heap[i]
            b.due = b.due + delta
            by_due[b.due] = b
            for ____, e in ipairs(b.items) do
                if e ~= false then
                    e.due = e.due + delta
                end
            end
            i = i + 1
        end
    end
end
--- Installs a clock for the deadlines (tests: `ts.testing.clock()`), or with no argument goes
-- back to the loop time. While a clock is installed the libuv timer is stopped and nothing
-- fires unless `run_due` is called. Pending deadlines keep their remaining time across a
-- switch: deadlines measured on one clock are moved onto the other.
function ____exports.set_clock(clock)
    local before = clock_now()
    if clock ~= nil then
        if armed_due ~= -1 and driver ~= nil then
            driver:stop()
        end
        armed_due = -1
        virtual = true
        clock_now = clock.now
    else
        virtual = false
        clock_now = runtime.now
    end
    shift(clock_now() - before)
    arm()
end
--- True while a clock other than the loop time is installed.
function ____exports.is_virtual()
    return virtual
end
return ____exports
