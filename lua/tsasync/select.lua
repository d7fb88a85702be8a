local ____exports = {}
local ____broadcast = require("tsasync.broadcast")
local BroadcastReceiverProto = ____broadcast.BroadcastReceiverProto
local sub_take = ____broadcast.sub_take
local ____channel = require("tsasync.channel")
local ReceiverProto = ____channel.ReceiverProto
local SenderProto = ____channel.SenderProto
local chan_offer = ____channel.chan_offer
local chan_take = ____channel.chan_take
local CLOSED_WHILE_SENDING = ____channel.CLOSED_WHILE_SENDING
local ____future = require("tsasync.future")
local is_future = ____future.is_future
local timers = require("tsasync.timers")
local ____task = require("tsasync.task")
local check_cancel = ____task.check_cancel
local current_task = ____task.current_task
local first = ____task.first
local is_task = ____task.is_task
local running_task = ____task.running_task
local suspend = ____task.suspend
local wl_add_callback = ____task.wl_add_callback
local ____waiters = require("tsasync.waiters")
local sel_abort = ____waiters.sel_abort
local sel_fire = ____waiters.sel_fire
local wq_push = ____waiters.wq_push
local RECV = 1
local BRECV = 2
local SEND = 3
local FUTURE = 4
local TASK = 5
local TIMEOUT = 6
local DEFAULT = 7
local function case_kind(fname, c, i)
    if type(c) ~= "table" then
        error(
            (((fname .. ": cases[") .. tostring(i)) .. "] must be a table, got ") .. type(c),
            3
        )
    end
    local spec = c
    local kind = 0
    local keys = 0
    for k in pairs(spec) do
        if k == "recv" or k == "send" or k == "future" or k == "timeout" or k == "default" then
            keys = keys + 1
        elseif k ~= "value" then
            error(
                ((((fname .. ": cases[") .. tostring(i)) .. "] has an unknown key \"") .. tostring(k)) .. "\"",
                3
            )
        end
    end
    if keys ~= 1 then
        error(
            ((fname .. ": cases[") .. tostring(i)) .. "] must have exactly one of recv, send, future, timeout, default",
            3
        )
    end
    if spec.recv ~= nil then
        local mt = getmetatable(spec.recv)
        if mt == ReceiverProto then
            kind = RECV
        elseif mt == BroadcastReceiverProto then
            kind = BRECV
        else
            error(
                (((fname .. ": cases[") .. tostring(i)) .. "].recv must be a channel, oneshot or broadcast receiver, got ") .. type(spec.recv),
                3
            )
        end
    elseif spec.send ~= nil then
        if getmetatable(spec.send) ~= SenderProto then
            error(
                (((fname .. ": cases[") .. tostring(i)) .. "].send must be a channel sender (ts.channel), got ") .. type(spec.send),
                3
            )
        end
        if spec.value == nil then
            error(
                ((fname .. ": cases[") .. tostring(i)) .. "].value must not be nil (nil is not a message)",
                3
            )
        end
        kind = SEND
    elseif spec.future ~= nil then
        if is_future(spec.future) then
            kind = FUTURE
        elseif is_task(spec.future) then
            kind = TASK
        else
            error(
                (((fname .. ": cases[") .. tostring(i)) .. "].future must be a Future or a Task, got ") .. type(spec.future),
                3
            )
        end
    elseif spec.timeout ~= nil then
        local ms = spec.timeout
        if type(ms) ~= "number" or ms ~= ms or ms < 0 or ms == math.huge then
            error(
                (((fname .. ": cases[") .. tostring(i)) .. "].timeout must be a non-negative finite number, got ") .. tostring(ms),
                3
            )
        end
        kind = TIMEOUT
    else
        if spec.default ~= true then
            error(
                (((fname .. ": cases[") .. tostring(i)) .. "].default must be true, got ") .. tostring(spec.default),
                3
            )
        end
        kind = DEFAULT
    end
    if spec.value ~= nil and kind ~= SEND then
        error(
            ((fname .. ": cases[") .. tostring(i)) .. "].value is only for send cases",
            3
        )
    end
    return kind
end
--- The result of a completed future or task case: `i, ...values`, or raises its error.
local function settled(i, ok, ...)
    if not ok then
        return error(
            first(...),
            0
        )
    end
    return i, ...
end
--- Polls case `i` once; returns true (and its results in `out`) when it took effect.
local function poll(fname, kinds, cases, i, ____self, out)
    local kind = kinds[i]
    local spec = cases[i]
    if kind == RECV then
        local c = spec.recv.c
        local v = chan_take(c)
        if v == nil and not c.closed then
            return false
        end
        out.a = v
        return true
    end
    if kind == BRECV then
        local s = spec.recv.s
        if s.bn == 0 and not s.closed then
            return false
        end
        local v, m = sub_take(s)
        out.a = v
        out.b = m
        return true
    end
    if kind == SEND then
        local c = spec.send.c
        if c.closed then
            error(
                ((fname .. ": cases[") .. tostring(i)) .. "]: send on a closed channel",
                3
            )
        end
        return chan_offer(c, spec.value)
    end
    if kind == FUTURE then
        return spec.future:is_done()
    end
    if kind == TASK then
        local t = spec.future
        if t == ____self then
            error(
                ((fname .. ": cases[") .. tostring(i)) .. "]: a task cannot wait for itself",
                3
            )
        end
        return t:is_done()
    end
    return false
end
local function result_of(kind, spec, i, a, b)
    if kind == RECV then
        return i, a
    end
    if kind == BRECV then
        return i, a, b
    end
    if kind == FUTURE then
        return settled(
            i,
            spec.future:result()
        )
    end
    if kind == TASK then
        return settled(
            i,
            spec.future:result()
        )
    end
    return i
end
local function fire_timeout(arg)
    local rec = arg
    rec.e = nil
    sel_fire(
        rec.sel,
        rec.i,
        nil,
        nil,
        nil
    )
end
local function register(sel, kind, spec, i)
    local rec = {sel = sel, i = i}
    if kind == RECV then
        local q = spec.recv.c.rq
        rec.q = q
        wq_push(q, rec, nil)
    elseif kind == BRECV then
        local q = spec.recv.s.rq
        rec.q = q
        wq_push(q, rec, nil)
    elseif kind == SEND then
        local q = spec.send.c.sq
        rec.q = q
        wq_push(q, rec, spec.value)
    elseif kind == TIMEOUT then
        rec.e = timers.add(spec.timeout, fire_timeout, rec)
    elseif kind == FUTURE then
        rec.un = spec.future:on_complete(function() return sel_fire(
            sel,
            i,
            nil,
            nil,
            nil
        ) end)
    elseif kind == TASK then
        local t = spec.future
        local ____wl_add_callback_3 = wl_add_callback
        local ____t_0, ____obs_1 = t, "obs"
        if ____t_0[____obs_1] == nil then
            ____t_0[____obs_1] = {}
        end
        rec.un = ____wl_add_callback_3(
            t.obs,
            function() return sel_fire(
                sel,
                i,
                nil,
                nil,
                nil
            ) end
        )
    end
    local ____sel_recs_4 = sel.recs
    ____sel_recs_4[#____sel_recs_4 + 1] = rec
end
--- Waits until one case can proceed, performs exactly that one, and returns
-- its index and values. Cases:
--   { recv = rx }            channel, oneshot or broadcast receiver:
--                            `i, v` (nil when closed; broadcast:
--                            `i, v, missed`)
--   { send = tx, value = v } channel sender: `i` once sent (raises if the
--                            channel is or becomes closed)
--   { future = f }           a Future or a Task: `i, ...values`; its
--                            error is raised, as by |ts.await()|
--   { timeout = ms }         `i` after `ms` milliseconds
--   { default = true }       `i` at once when no other case is ready (at
--                            most one; with it, `ts.select` never suspends
--                            and works outside tasks)
-- The other cases are unregistered without receiving or sending anything,
-- also when the task is cancelled. A select's own send and receive cases
-- on one channel never pair with each other. When several cases are ready
-- the choice is uniformly random, so an always-ready case never starves
-- another. Raises outside a task (unless it has a `default` case), on
-- cancellation, and when a case is not a table with exactly one of these
-- keys.
-- ```lua
-- while true do
--   local i, job = ts.select({
--     { recv = jobs }, { recv = quit }, { timeout = 5000 },
--   })
--   if i == 1 and job then run(job)
--   elseif i == 2 then break
--   else print("idle") end
-- end
-- ```
-- 
-- @help ts.select({cases})
function ____exports.select_(cases)
    local fname = "ts.select"
    if type(cases) ~= "table" then
        error(
            (fname .. ": cases must be a list of cases, got ") .. type(cases),
            2
        )
    end
    local n = #cases
    if n == 0 then
        error(fname .. ": cases must not be empty", 2)
    end
    local kinds = {}
    local dflt = 0
    do
        local i = 1
        while i <= n do
            local kind = case_kind(fname, cases[i], i)
            if kind == DEFAULT then
                if dflt ~= 0 then
                    error(
                        ((((fname .. ": at most one default case (cases[") .. tostring(dflt)) .. "] and cases[") .. tostring(i)) .. "])",
                        2
                    )
                end
                dflt = i
            end
            kinds[#kinds + 1] = kind
            i = i + 1
        end
    end
    local t
    if current_task() ~= nil or dflt == 0 then
        t = running_task(fname)
        check_cancel(t)
    end
    local out = {}
    local start = math.random(dflt == 0 and n or n - 1) - 1
    if dflt ~= 0 and start >= dflt - 1 then
        start = start + 1
    end
    do
        local k = 0
        while k < n do
            local i = (start + k) % n + 1
            if poll(
                fname,
                kinds,
                cases,
                i,
                t,
                out
            ) then
                return result_of(
                    kinds[i],
                    cases[i],
                    i,
                    out.a,
                    out.b
                )
            end
            k = k + 1
        end
    end
    if dflt ~= 0 then
        return dflt
    end
    local cur = t
    local sel = {t = cur, won = 0, recs = {}}
    do
        local i = 1
        while i <= n do
            register(sel, kinds[i], cases[i], i)
            i = i + 1
        end
    end
    suspend(cur, sel_abort, sel)
    local won = sel.won
    if sel.err ~= nil then
        local e = sel.err
        error(
            e == CLOSED_WHILE_SENDING and ((fname .. ": cases[") .. tostring(won)) .. "]: the channel was closed while the send waited (the value was not sent)" or e,
            0
        )
    end
    return result_of(
        kinds[won],
        cases[won],
        won,
        sel.a,
        sel.b
    )
end
return ____exports
