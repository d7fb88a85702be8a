local ____exports = {}
local ____errors = require("tsasync.errors")
local new_aggregate = ____errors.new_aggregate
local ____group = require("tsasync.group")
local CANCELLED = ____group.CANCELLED
local CANCEL_ALL = ____group.CANCEL_ALL
local CANCEL_NONE = ____group.CANCEL_NONE
local CANCEL_OWN = ____group.CANCEL_OWN
local check_list = ____group.check_list
local check_table = ____group.check_table
local group_add = ____group.group_add
local group_finish = ____group.group_finish
local group_new = ____group.group_new
local group_next = ____group.group_next
local group_of = ____group.group_of
local src_err = ____group.src_err
local src_ok = ____group.src_ok
local src_vals = ____group.src_vals
local release_others = ____group.release_others
local ____task = require("tsasync.task")
local check_cancel = ____task.check_cancel
local running_task = ____task.running_task
local spawn = ____task.spawn
--- `{...}` of its arguments (no `n`).
local function list_of(...)
    return {...}
end
local function values_of(s)
    local v = src_vals(s)
    return unpack(v, 1, v.n)
end
--- Validates the list and starts its items in a group waited on by `cur`.
local function begin(fname, cur, list)
    local n = check_list(fname, list, cur, 4)
    check_cancel(cur)
    return group_of(fname, cur, list, n), n
end
--- `take_until` result: every item was taken.
local ALL_TAKEN = -2
--- Takes up to `n` completed items in completion order, handing each to `take` until it
-- returns true. Returns that item's index, `ALL_TAKEN`, or `CANCELLED`.
local function take_until(g, n, take, acc)
    do
        local left = n
        while left > 0 do
            local i = group_next(g)
            if i == CANCELLED or take(g, i, acc) then
                return i
            end
            left = left - 1
        end
    end
    return ALL_TAKEN
end
--- Why `group_finish` cancels: the caller was cancelled, or `why`.
local function reason(fname, stop, why)
    return stop == CANCELLED and fname .. ": the waiting task was cancelled" or (fname .. ": ") .. why
end
local function take_values(g, i, acc)
    local s = g.src[i]
    if not src_ok(s) then
        return true
    end
    acc[i] = list_of(values_of(s))
    return false
end
local function take_settled(g, i, acc)
    local s = g.src[i]
    local e
    if src_ok(s) then
        e = list_of(values_of(s))
        e.ok = true
        e.n = src_vals(s).n
    else
        e = {}
        e.ok = false
        local err = src_err(s)
        e[1] = err
        e.err = err
    end
    acc[i] = e
    return false
end
local function take_errors(g, i, acc)
    local s = g.src[i]
    if src_ok(s) then
        return true
    end
    acc[i] = src_err(s)
    return false
end
local function take_failure(g, i)
    return not src_ok(g.src[i])
end
--- Waits for every item; returns `{ {...}, {...}, ... }`: entry i is a list
-- of item i's results (`{}` for none). Fail fast: the first error cancels
-- the other items, waits until they completed, and is raised, with its
-- traceback and task context. An empty list gives `{}`.
-- ```lua
-- local r = ts.all({
--   function() return read_config() end,
--   function() return ts.await(2, vim.uv.fs_stat, "init.lua") end,
-- })
-- local config, err, stat = r[1][1], r[2][1], r[2][2]
-- ```
-- 
-- @help ts.all({list})
function ____exports.all(list)
    local cur = running_task("ts.all")
    local g, n = begin("ts.all", cur, list)
    local res = {}
    local stop = take_until(g, n, take_values, res)
    group_finish(
        g,
        CANCEL_ALL,
        reason("ts.all", stop, "another item failed")
    )
    if stop > 0 then
        release_others(g, stop)
        error(
            src_err(g.src[stop]),
            0
        )
    end
    return res
end
--- Waits for every item and never raises (except the caller's own
-- cancellation). Entry i describes item i:
--   `{ ok = true, n = <count>, ... }`   its results at 1..n, their count
--                                      in `n` (nil results keep their place)
--   `{ ok = false, err }`              its error, both at index 1
--                                      (`entry[1]`) and as field `entry.err`
-- (The contract writes `{ ok = true, n, ... } | { ok = false, err }`: `n` is
-- a field, the values are positional, the error is in both places.)
-- ```lua
-- for i, e in ipairs(ts.all_settled(jobs)) do
--   if e.ok then print(i, unpack(e, 1, e.n))
--   else print(i, "failed", e[1]) end
-- end
-- ```
-- 
-- @help ts.all_settled({list})
function ____exports.all_settled(list)
    local cur = running_task("ts.all_settled")
    local g, n = begin("ts.all_settled", cur, list)
    local res = {}
    local stop = take_until(g, n, take_settled, res)
    group_finish(
        g,
        stop == CANCELLED and CANCEL_OWN or CANCEL_NONE,
        reason("ts.all_settled", stop, "")
    )
    return res
end
--- Returns the results of the first item to succeed; the others are
-- cancelled. When every item fails (an empty list included) it raises one
-- aggregate error:                                    *tsasync-aggregate*
--   err.kind      "aggregate"
--   err.message   "ts.any: all <n> items failed"
--   err.errors    the failures in input order (`err.errors[i]` is item
--                 i's error, with its traceback)
--   tostring(err) the message, then one line "  [i] <message>" per item
-- |ts.is_cancelled()| is false for it, even when the items were cancelled.
-- The fields stay readable when the error is wrapped by a task.
-- ```lua
-- local body = ts.any({ fetch_mirror_a, fetch_mirror_b })
-- ```
-- 
-- @help ts.any({list})
function ____exports.any(list)
    local cur = running_task("ts.any")
    local g, n = begin("ts.any", cur, list)
    local errs = {}
    local stop = take_until(g, n, take_errors, errs)
    group_finish(
        g,
        CANCEL_ALL,
        reason("ts.any", stop, "another item succeeded")
    )
    if stop > 0 then
        return values_of(g.src[stop])
    end
    return error(
        new_aggregate(
            ("ts.any: all " .. tostring(n)) .. " items failed",
            errs
        ),
        0
    )
end
--- Returns the results of the first item to settle, or raises its error if
-- it failed; the others are cancelled. An empty list is an error.
-- ```lua
-- local line = ts.race({ read_line, function() ts.sleep(500) end })
-- ```
-- 
-- @help ts.race({list})
function ____exports.race(list)
    local cur = running_task("ts.race")
    local g, n = begin("ts.race", cur, list)
    if n == 0 then
        error("ts.race: list is empty (nothing could ever settle)", 2)
    end
    local i = group_next(g)
    group_finish(
        g,
        CANCEL_ALL,
        reason("ts.race", i, "another item settled first")
    )
    release_others(g, i)
    local s = g.src[i]
    if src_ok(s) then
        return values_of(s)
    end
    return error(
        src_err(s),
        0
    )
end
--- Returns an iterator: each call suspends until the next item completes
-- and returns it (the Task started for a function, or the Task or Future
-- as given) and its index; nil once every item was returned. Failed items
-- are returned too: their `:await()` raises the error. Leaving the loop
-- early leaves the remaining items running (they are children of the
-- caller: cancel or await them). Only one task at a time may wait on the
-- iterator. PUC Lua 5.1 cannot suspend inside a generic `for` ("attempt
-- to yield across C-call boundary"); there call the iterator in a `while`
-- loop.
-- ```lua
-- for t, i in ts.as_completed({ job_a, job_b }) do
--   print(i, t:await())
-- end
-- -- PUC Lua 5.1:
-- local next_done = ts.as_completed({ job_a, job_b })
-- while true do
--   local t, i = next_done()
--   if not t then break end
--   print(i, t:await())
-- end
-- ```
-- 
-- @help ts.as_completed({list})
function ____exports.as_completed(list)
    local cur = running_task("ts.as_completed")
    local g, n = begin("ts.as_completed", cur, list)
    local left = n
    return function()
        if left == 0 then
            return nil
        end
        local t = running_task("ts.as_completed iterator")
        if g.waiting then
            error("ts.as_completed iterator: another task is already waiting on this iterator", 2)
        end
        check_cancel(t)
        g.cur = t
        local i = group_next(g)
        if i == CANCELLED then
            left = 0
            group_finish(
                g,
                CANCEL_OWN,
                reason("ts.as_completed", i, "")
            )
        end
        left = left - 1
        return g.src[i], i
    end
end
local WORKER = {name = "ts.map worker"}
local function map_worker(m)
    local g = m.g
    while g.bad == nil do
        local i = m.next
        if i > m.total then
            return
        end
        m.next = i + 1
        m.res[i] = m.fn(m.items[i])
    end
end
--- Calls `fn(item)` for every item of the list `items` and returns the
-- first result of each call, in input order (nil results leave holes).
-- `opts.concurrency` (positive integer, default: all at once) bounds the
-- calls in flight; they run in that many child tasks of the caller. After
-- the first failure no new call starts, the calls in flight are cancelled
-- and have completed, and the error is raised.
-- ```lua
-- local stats = ts.map(paths, function(p)
--   local err, st = ts.await(2, vim.uv.fs_stat, p)
--   return st
-- end, { concurrency = 8 })
-- ```
-- 
-- @help ts.map({items}, {fn}, {opts})
function ____exports.map(items, fn, opts)
    local cur = running_task("ts.map")
    local n = check_table(
        "ts.map",
        "items",
        items,
        "values",
        3
    )
    if type(fn) ~= "function" then
        error(
            "ts.map: fn must be a function, got " .. type(fn),
            2
        )
    end
    local limit = n
    if opts ~= nil then
        if type(opts) ~= "table" then
            error(
                "ts.map: opts must be a table, got " .. type(opts),
                2
            )
        end
        for k, v in pairs(opts) do
            if k ~= "concurrency" then
                error(
                    ("ts.map: unknown option \"" .. tostring(k)) .. "\"",
                    2
                )
            end
            if type(v) ~= "number" or v ~= math.floor(v) or v < 1 then
                error(
                    "ts.map: opts.concurrency must be a positive integer, got " .. tostring(v),
                    2
                )
            end
            limit = math.min(v, n)
        end
    end
    check_cancel(cur)
    local res = {}
    if n == 0 then
        return res
    end
    local g = group_new("ts.map", cur)
    local m = {
        items = items,
        fn = fn,
        res = res,
        next = 1,
        total = n,
        g = g
    }
    do
        local k = 1
        while k <= limit do
            group_add(
                g,
                spawn(WORKER, map_worker, m),
                true
            )
            k = k + 1
        end
    end
    local stop = take_until(g, limit, take_failure, res)
    group_finish(
        g,
        CANCEL_ALL,
        reason("ts.map", stop, "another call failed")
    )
    if stop > 0 then
        release_others(g, stop)
        error(
            src_err(g.src[stop]),
            0
        )
    end
    return res
end
return ____exports
