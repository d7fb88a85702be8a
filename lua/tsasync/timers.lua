local ____exports = {}
local less, place, sift_up, sift_down, remove_at, fire, arm, heap, size, driver, armed_due
local ____runtime = require("tsasync.runtime")
local runtime = ____runtime.runtime
function less(a, b)
    return a.due < b.due or a.due == b.due and a.seq < b.seq
end
function place(e, i)
    heap[i] = e
    e.idx = i
end
function sift_up(i)
    local e = heap[i]
    while i > 1 do
        local p = math.floor(i / 2)
        local pe = heap[p]
        if not less(e, pe) then
            break
        end
        place(pe, i)
        i = p
    end
    place(e, i)
end
function sift_down(i)
    local e = heap[i]
    do
        while true do
            local l = i * 2
            if l > size then
                break
            end
            local c = l
            if l + 1 <= size and less(heap[l + 1], heap[l]) then
                c = l + 1
            end
            local ce = heap[c]
            if not less(ce, e) then
                break
            end
            place(ce, i)
            i = c
        end
    end
    place(e, i)
end
function remove_at(i)
    local last = heap[size]
    heap[size] = nil
    size = size - 1
    if i <= size then
        place(last, i)
        sift_down(i)
        sift_up(last.idx)
    end
end
function fire()
    armed_due = -1
    local now = runtime.now()
    while size > 0 do
        local top = heap[1]
        if top.due > now then
            break
        end
        remove_at(1)
        top.idx = 0
        top.fn(top.arg)
    end
    arm()
end
function arm()
    if size == 0 then
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
            0,
            due - runtime.now()
        ),
        0,
        fire
    )
end
heap = {}
size = 0
local seq = 0
armed_due = -1
--- Calls `fn(arg)` once `ms` milliseconds of loop time have passed.
function ____exports.add(ms, fn, arg)
    seq = seq + 1
    size = size + 1
    local e = {
        due = runtime.now() + ms,
        seq = seq,
        idx = size,
        fn = fn,
        arg = arg
    }
    heap[size] = e
    sift_up(size)
    if e.idx == 1 then
        arm()
    end
    return e
end
--- Removes a pending entry; returns false when it already fired or was removed.
function ____exports.remove(e)
    if e.idx == 0 then
        return false
    end
    remove_at(e.idx)
    e.idx = 0
    if size == 0 then
        arm()
    end
    return true
end
--- The clock deadlines are measured on (loop time, or the virtual clock in tests).
function ____exports.now()
    return runtime.now()
end
--- Number of pending deadlines (for leak checks and the inspector).
function ____exports.pending()
    return size
end
--- True when the driving libuv timer is active (for leak checks).
function ____exports.driver_active()
    return driver ~= nil and driver:is_active()
end
return ____exports
