-- Combinators: ts.all, ts.all_settled, ts.any, ts.race, ts.as_completed, ts.map.
-- Lists mix Tasks, Futures and functions; results keep input order; losers are cancelled and
-- have completed (cleanup run) before the combinator returns; nothing is left behind.
local ts = require("tsasync")
local timers = require("tsasync.timers")

-- A function item that sleeps `ms`, records its cleanup when cancelled, and returns `...`.
local function sleeper(log, name, ms, ...)
  local results = { n = select("#", ...), ... }
  return function()
    local ok, err = ts.pcall(ts.sleep, ms)
    if not ok then
      log[#log + 1] = name .. " cleanup"
      error(err, 0)
    end
    log[#log + 1] = name .. " done"
    return unpack(results, 1, results.n)
  end
end

local function failer(ms, msg)
  return function()
    ts.sleep(ms)
    error(msg)
  end
end

local function run(fn, ms) return ts.block_on(fn, ms or 2000) end

describe("combinators", function()
  local unhandled, base
  before_each(function()
    unhandled = {}
    ts.config({ on_unhandled = function(err) unhandled[#unhandled + 1] = err end })
    base = timers.pending()
  end)
  after_each(function()
    ts.config({ on_unhandled = false })
  end)

  describe("ts.all", function()
    it("returns each item's results as a list, in input order, for Tasks, Futures and functions", function()
      local f = ts.Future.new()
      local log = {}
      local r = run(function()
        local t = ts.run(function() ts.sleep(6); return "task", 1 end)
        ts.run(function() ts.sleep(2); f:resolve("future", nil, 3) end)
        return ts.all({ sleeper(log, "a", 10, "a1", "a2"), t, f, sleeper(log, "d", 1), function() return nil end })
      end)
      assert.same({ { "a1", "a2" }, { "task", 1 }, { "future", nil, 3 }, {}, {} }, r)
      assert.same({ "d done", "a done" }, log)
      assert.equal(base, timers.pending())
    end)

    it("an empty list gives an empty table", function()
      assert.same({}, run(function() return ts.all({}) end))
    end)

    it("fails fast: raises the first error with its traceback; the rest are cancelled and cleaned up first", function()
      local log, tasks = {}, {}
      local err
      run(function()
        local slow = ts.run(function()
          local ok = ts.pcall(ts.sleep, 60000)
          log[#log + 1] = "given task cleanup"
          assert(not ok)
        end)
        tasks[1] = slow
        local ok, e = ts.pcall(ts.all, { sleeper(log, "a", 60000), failer(2, "boom"), slow })
        assert(not ok)
        err = e
        log[#log + 1] = "all raised"
        tasks[2] = slow
      end)
      assert.same({ "a cleanup", "given task cleanup", "all raised" }, log)
      assert.equal("cancelled", tasks[1]:status())
      assert.truthy(tostring(err):find("boom", 1, true))
      assert.truthy(tostring(err):find('in task "ts.all[2]"', 1, true))
      assert.truthy(tostring(err):find("combinators_spec.lua", 1, true)) -- the raise site's traceback
      assert.is_false(ts.is_cancelled(err))
      assert.equal(base, timers.pending())
      assert.same({}, unhandled)
    end)

    it("raises a rejected future's error as it is", function()
      local f = ts.Future.new()
      local ok, e = run(function()
        ts.run(function() ts.sleep(1); f:reject({ code = 7 }) end)
        return ts.pcall(ts.all, { f, function() ts.sleep(60000) end })
      end)
      assert.is_false(ok)
      assert.equal(7, e.code)
    end)

    it("cancelling the caller cancels the items it started; they complete before the caller does", function()
      local log = {}
      local caller = ts.run(function() return ts.all({ sleeper(log, "a", 60000), sleeper(log, "b", 60000) }) end)
      run(function() ts.sleep(2) end)
      caller:cancel("stop")
      assert.same({ "a cleanup", "b cleanup" }, log)
      assert.equal("cancelled", caller:status())
      assert.equal(base, timers.pending())
    end)
  end)

  describe("ts.all_settled", function()
    it("never raises: { ok = true, n = count, ... } or { ok = false, err }", function()
      local f = ts.Future.new()
      local r = run(function()
        ts.run(function() ts.sleep(1); f:reject("rejected") end)
        return ts.all_settled({
          function() ts.sleep(3); return "x", nil end,
          failer(1, "bad"),
          f,
          function() end,
        })
      end)
      assert.equal(4, #r)
      assert.same({ ok = true, n = 2, "x", nil }, r[1])
      assert.is_false(r[2].ok)
      assert.equal(r[2][1], r[2].err) -- the error at [1] and as field `err`
      assert.truthy(tostring(r[2][1]):find("bad", 1, true))
      assert.truthy(tostring(r[2][1]):find('in task "ts.all_settled[2]"', 1, true))
      assert.same({ ok = false, err = "rejected", "rejected" }, r[3])
      assert.same({ ok = true, n = 0 }, r[4])
      assert.same({}, unhandled) -- the failure was observed by all_settled
    end)
  end)

  describe("ts.any", function()
    it("returns the first success; the others are cancelled and cleaned up before it returns", function()
      local log = {}
      local a, b = run(function()
        local v1, v2 = ts.any({ failer(1, "first fails"), sleeper(log, "slow", 60000), sleeper(log, "fast", 5, "win", 2) })
        log[#log + 1] = "any returned"
        return v1, v2
      end)
      assert.same({ "win", 2 }, { a, b })
      assert.same({ "fast done", "slow cleanup", "any returned" }, log)
      assert.equal(base, timers.pending())
      assert.same({}, unhandled)
    end)

    it("raises one aggregate error listing every failure, in input order, when all fail", function()
      local f = ts.Future.new()
      local ok, err = run(function()
        ts.run(function() ts.sleep(1); f:reject("future said no") end)
        local cancelled = ts.run(function() ts.sleep(60000) end)
        cancelled:cancel("gone")
        return ts.pcall(ts.any, { failer(3, "one"), f, cancelled })
      end)
      assert.is_false(ok)
      assert.equal("aggregate", err.kind)
      assert.equal(3, #err.errors)
      assert.truthy(tostring(err.errors[1]):find("one", 1, true))
      assert.equal("future said no", err.errors[2])
      assert.is_true(ts.is_cancelled(err.errors[3]))
      assert.is_false(ts.is_cancelled(err))
      assert.is_false(ts.is_timeout(err))
      local s = tostring(err)
      assert.truthy(s:find("^ts.any: all 3 items failed"))
      assert.truthy(s:find("\n  [1] ", 1, true))
      assert.truthy(s:find("\n  [2] future said no", 1, true))
      assert.truthy(s:find("\n  [3] cancelled: gone", 1, true))
    end)

    it("an empty list raises the aggregate error with no failures", function()
      local ok, err = run(function() return ts.pcall(ts.any, {}) end)
      assert.is_false(ok)
      assert.equal("aggregate", err.kind)
      assert.same({}, err.errors)
    end)
  end)

  describe("ts.race", function()
    it("returns the first to settle; losers are cancelled and cleaned up first", function()
      local log = {}
      local v = run(function()
        local r = ts.race({ sleeper(log, "slow", 60000), sleeper(log, "fast", 2, "fast wins"), sleeper(log, "slower", 60000) })
        log[#log + 1] = "race returned"
        return r
      end)
      assert.equal("fast wins", v)
      assert.same({ "fast done", "slow cleanup", "slower cleanup", "race returned" }, log)
      assert.equal(base, timers.pending())
    end)

    it("raises the first to settle when it is an error", function()
      local log = {}
      local ok, err = run(function() return ts.pcall(ts.race, { sleeper(log, "slow", 60000), failer(1, "lost") }) end)
      assert.is_false(ok)
      assert.truthy(tostring(err):find("lost", 1, true))
      assert.same({ "slow cleanup" }, log)
    end)

    it("an item already completed wins at once; an empty list is an error", function()
      local f = ts.Future.new()
      f:resolve("ready")
      local t = ts.run(function() ts.sleep(60000) end)
      local pending = ts.Future.new()
      assert.equal("ready", run(function() return ts.race({ t, pending, f }) end))
      assert.equal("cancelled", t:status())
      for _, o in ipairs(pending.w or {}) do assert.is_false(o) end -- no watcher left on the loser future
      local ok, err = run(function() return pcall(ts.race, {}) end)
      assert.is_false(ok)
      assert.truthy(err:find("ts.race: list is empty", 1, true))
    end)
  end)

  describe("ts.as_completed", function()
    it("yields Tasks and Futures in completion order with their index", function()
      local f = ts.Future.new()
      local got = run(function()
        ts.run(function() ts.sleep(4); f:resolve("f") end)
        local next_done = ts.as_completed({ function() ts.sleep(8); return "slow" end, f, function() ts.sleep(1); return "quick" end })
        local out = {}
        while true do
          local item, i = next_done()
          if item == nil then break end
          out[#out + 1] = { i, item:await() }
        end
        return out
      end)
      assert.same({ { 3, "quick" }, { 2, "f" }, { 1, "slow" } }, got)
    end)

    it("returns failed items too; their error is raised by await", function()
      local ok, err = run(function()
        local it = ts.as_completed({ failer(1, "item failed") })
        local t = it()
        assert(it() == nil)
        return t:pawait()
      end)
      assert.is_false(ok)
      assert.truthy(tostring(err):find("item failed", 1, true))
      assert.same({}, unhandled)
    end)
  end)

  describe("ts.map", function()
    it("never has more than n calls in flight and keeps input order", function()
      local in_flight, max = 0, 0
      local items = {}
      for i = 1, 20 do items[i] = i end
      local r = run(function()
        return ts.map(items, function(x)
          in_flight = in_flight + 1
          if in_flight > max then max = in_flight end
          ts.sleep((x * 7) % 5)
          in_flight = in_flight - 1
          return x * 10
        end, { concurrency = 3 })
      end)
      local want = {}
      for i = 1, 20 do want[i] = i * 10 end
      assert.same(want, r)
      assert.equal(3, max)
    end)

    it("without a limit runs all at once; an empty list gives {}", function()
      local in_flight, max = 0, 0
      run(function()
        ts.map({ 1, 2, 3, 4 }, function()
          in_flight = in_flight + 1
          max = math.max(max, in_flight)
          ts.sleep(1)
          in_flight = in_flight - 1
        end)
      end)
      assert.equal(4, max)
      assert.same({}, run(function() return ts.map({}, function() end, { concurrency = 2 }) end))
    end)

    it("stops starting new calls after the first failure, cancels those in flight, raises it", function()
      local started, cleaned = {}, {}
      local items = {}
      for i = 1, 10 do items[i] = i end
      local ok, err = run(function()
        return ts.pcall(ts.map, items, function(x)
          started[#started + 1] = x
          if x == 2 then ts.sleep(1); error("item 2 failed") end
          local ok = ts.pcall(ts.sleep, 60000)
          if not ok then cleaned[#cleaned + 1] = x end
        end, { concurrency = 3 })
      end)
      assert.is_false(ok)
      assert.truthy(tostring(err):find("item 2 failed", 1, true))
      assert.same({ 1, 2, 3 }, started)
      table.sort(cleaned)
      assert.same({ 1, 3 }, cleaned)
      assert.equal(base, timers.pending())
    end)
  end)

  describe("argument checks", function()
    it("reject bad lists, bad items, bad options, and calls outside a task", function()
      local function err_of(fn, ...)
        local args = { n = select("#", ...), ... }
        local _, e = run(function() return pcall(fn, unpack(args, 1, args.n)) end)
        return e
      end
      assert.truthy(err_of(ts.all, "x"):find("ts.all: list must be a list of Tasks, Futures or functions, got string", 1, true))
      assert.truthy(err_of(ts.race, ts.Future.new()):find("ts.race: list must be a list of Tasks, Futures or functions, got a Future", 1, true))
      assert.truthy(err_of(ts.any, { function() end, 42 }):find("ts.any: list[2] must be a Task, a Future or a function, got number", 1, true))
      assert.truthy(err_of(ts.all_settled, { [1] = function() end, [3] = function() end }):find("without holes", 1, true))
      assert.truthy(err_of(function() return ts.all({ ts.current() }) end):find("list[1] is the running task or one of its parents", 1, true))
      assert.truthy(err_of(ts.map, { 1 }, "f"):find("ts.map: fn must be a function, got string", 1, true))
      assert.truthy(err_of(ts.map, { 1 }, print, { concurrency = 0 }):find("ts.map: opts.concurrency must be a positive integer, got 0", 1, true))
      assert.truthy(err_of(ts.map, { 1 }, print, { limit = 2 }):find('ts.map: unknown option "limit"', 1, true))
      local ok, e = pcall(ts.all, {})
      assert.is_false(ok)
      assert.truthy(e:find("ts.all: must be called inside a task", 1, true))
      -- the error points at the caller's line
      assert.truthy(err_of(function() local r = ts.all(1); return r end):find("combinators_spec.lua:%d+: ts.all"))
    end)
  end)

  it("fail-fast combinators raise the first failure and report a second one (never lose it)", function()
    for _, case in ipairs({
      { "ts.all", function(fns) return ts.all(fns) end },
      { "ts.map", function(fns) return ts.map(fns, function(f) return f() end, { concurrency = 2 }) end },
      { "ts.race", function(fns) return ts.race(fns) end },
      { "ts.scope", function(fns) return ts.scope(function(scope) for _, f in ipairs(fns) do scope:spawn(f) end end) end },
    }) do
      local reported = {}
      ts.config({ on_unhandled = function(err) reported[#reported + 1] = tostring(err) end })
      local go = ts.Future.new() -- wakes both items in one batch: both fail before the combinator runs
      local fns = {
        function() go:await(); error("first failure", 0) end,
        function() go:await(); error("second failure", 0) end,
      }
      local t = ts.run(function() return case[2](fns) end)
      ts.block_on(function() ts.sleep(1) end)
      go:resolve()
      local ok, err = pcall(t.wait, t, 1000)
      ts.block_on(function() ts.sleep(5) end) -- the report comes on a later loop turn
      ts.config({ on_unhandled = false })
      assert.is_false(ok, case[1])
      local raised = tostring(err):match("(%a+ failure)")
      local other = raised == "first failure" and "second failure" or "first failure"
      assert.equal(1, #reported, case[1] .. ": " .. table.concat(reported, " | "))
      assert.truthy(reported[1]:find(other, 1, true), case[1] .. ": " .. reported[1])
    end
  end)

  it("resolving a future wakes every waiter before any of them runs", function()
    local f, order = ts.Future.new(), {}
    for i = 1, 3 do ts.run(function() f:await(); order[#order + 1] = "run " .. i end) end
    ts.block_on(function() ts.sleep(1) end)
    f:on_complete(function() order[#order + 1] = "callback" end)
    f:resolve()
    assert.same({ "callback", "run 1", "run 2", "run 3" }, order)
  end)
end)

