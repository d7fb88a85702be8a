-- Editor helpers: ts.debounce, ts.throttle, ts.latest, ts.singleflight, called from plain
-- (non-task) code as autocmds and keymaps do, and from tasks.
local ts = require("tsasync")
local T = ts.testing
local timers = require("tsasync.timers")

local function run(fn, ms) return ts.block_on(fn, ms or 3000) end

-- Pumps the loop (real time, even under a virtual clock) until cond() holds (fails after 3 s).
local function until_(cond)
  assert.is_true(require("tsasync.runtime").runtime.wait(3000, cond), "condition not met within 3 s")
end

-- Pumps the loop for ms milliseconds.
local function pump(ms) run(function() ts.sleep(ms) end) end

describe("editor helpers", function()
  T.check_leaks()
  local unhandled, base
  before_each(function()
    unhandled = {}
    ts.config({ on_unhandled = function(err) unhandled[#unhandled + 1] = err end })
    base = timers.pending()
  end)
  after_each(function() ts.config({ on_unhandled = false }) end)

  -- debounce and throttle run on a virtual clock (ts.testing.clock): instant and deterministic.
  describe("ts.debounce", function()
    local clock
    before_each(function() clock = T.clock() end)
    after_each(function() clock:restore() end)

    it("collapses a burst of plain calls into one run of fn, with the last arguments, after the quiet period", function()
      local calls = {}
      local d = ts.debounce(30, function(...)
        ts.sleep(1) -- fn runs as a task: it may await
        calls[#calls + 1] = { clock:now(), ... }
      end)
      for i = 1, 5 do assert.is_nil(d(i, "x", nil)) end
      clock:advance(30)
      assert.same({}, calls) -- started at 30, still in its sleep
      clock:advance(1)
      assert.same({ { 31, 5, "x" } }, calls)
      clock:advance(60)
      assert.same({ { 31, 5, "x" } }, calls)
      assert.equal(base, timers.pending())
    end)

    it("a call during the quiet period restarts it", function()
      local calls = {}
      local d = ts.debounce(100, function(v) calls[#calls + 1] = v .. "@" .. clock:now() end)
      for i = 1, 4 do
        d(i)
        clock:advance(99)
      end
      assert.same({}, calls)
      clock:advance(1)
      assert.same({ "4@397" }, calls)
      clock:run_all()
      assert.same({ "4@397" }, calls)
    end)

    it("a new trigger does not cancel a run that already started", function()
      local log = {}
      local d = ts.debounce(1, function(v)
        log[#log + 1] = "start " .. v .. "@" .. clock:now()
        ts.sleep(20)
        log[#log + 1] = "end " .. v .. "@" .. clock:now()
      end)
      d(1)
      clock:advance(1)
      d(2)
      clock:run_all()
      assert.same({ "start 1@1", "start 2@2", "end 1@21", "end 2@22" }, log)
    end)

    it("reports fn's errors instead of throwing them at the caller", function()
      local d = ts.debounce(1, function() error("debounced boom") end)
      d()
      clock:advance(1)
      until_(function() return #unhandled == 1 end) -- reported from the main loop
      assert.truthy(tostring(unhandled[1]):find("debounced boom", 1, true))
      assert.truthy(tostring(unhandled[1]):find('in task "ts.debounce"', 1, true))
    end)
  end)

  describe("ts.throttle", function()
    local clock
    before_each(function() clock = T.clock() end)
    after_each(function() clock:restore() end)

    it("runs at once (leading edge), then once more with the last arguments at the end of the window", function()
      local runs = {}
      local th = ts.throttle(40, function(v) runs[#runs + 1] = v .. "@" .. clock:now() end)
      th(1)
      assert.same({ "1@0" }, runs) -- from plain code the leading run is immediate
      th(2)
      th(3)
      clock:advance(39)
      assert.same({ "1@0" }, runs)
      clock:advance(1)
      assert.same({ "1@0", "3@40" }, runs)
      th(4) -- inside the window opened by the trailing run
      th(5)
      clock:advance(39)
      assert.same({ "1@0", "3@40" }, runs)
      clock:advance(1)
      assert.same({ "1@0", "3@40", "5@80" }, runs)
      assert.equal(40, clock:run_all()) -- the last window closes with nothing to run
      assert.same({ "1@0", "3@40", "5@80" }, runs)
      assert.equal(base, timers.pending())
      th(6) -- the window closed: leading edge again
      assert.same({ "1@0", "3@40", "5@80", "6@120" }, runs)
      clock:run_all()
      assert.same({ "1@0", "3@40", "5@80", "6@120" }, runs)
    end)

    it("reports fn's errors instead of throwing them at the caller", function()
      local th = ts.throttle(10, function() error("throttled boom") end)
      th()
      until_(function() return #unhandled == 1 end)
      assert.truthy(tostring(unhandled[1]):find("throttled boom", 1, true))
      clock:run_all()
    end)
  end)

  describe("ts.latest", function()
    it("each call cancels the previous run (unwound before the call returns, from plain code) and returns the new Task", function()
      local log = {}
      local l = ts.latest(function(x)
        log[#log + 1] = "start " .. x
        local ok = ts.pcall(ts.sleep, 20)
        log[#log + 1] = x .. (ok and " done" or " cancelled")
        return x
      end)
      local t1 = l("a")
      local t2 = l("b")
      assert.same({ "start a", "start b" }, { log[1], log[3] })
      assert.equal("a cancelled", log[2])
      assert.equal("cancelled", t1:status())
      assert.equal("b", t2:wait(1000))
      local _, err = t1:result()
      assert.equal("superseded by a newer call", err.reason)
    end)

    it("called inside a task: the previous run unwinds before the new one starts", function()
      local log = {}
      local l = ts.latest(function(x)
        log[#log + 1] = "start " .. x
        local ok = ts.pcall(ts.sleep, 5)
        log[#log + 1] = x .. (ok and " done" or " cancelled")
        return x
      end)
      local r = run(function()
        l("a")
        local b = l("b")
        return b:await()
      end)
      assert.equal("b", r)
      assert.same({ "start a", "a cancelled", "start b", "b done" }, log)
    end)
  end)

  describe("ts.singleflight", function()
    it("concurrent calls with an equal key share one run; other keys get their own", function()
      local n = 0
      local sf = ts.singleflight(function(key, v)
        n = n + 1
        local run_number = n
        ts.sleep(5)
        return key .. v, run_number
      end)
      local r = run(function()
        local tasks = {}
        for i = 1, 3 do tasks[i] = ts.run(function() return sf("k", i) end) end
        tasks[4] = ts.run(function() return sf("other", 9) end)
        local res = {}
        for i = 1, 4 do res[i] = { tasks[i]:await() } end
        return res
      end)
      assert.equal(2, n)
      assert.same({ { "k1", 1 }, { "k1", 1 }, { "k1", 1 }, { "other9", 2 } }, r)
      assert.same({ "k7", 3 }, { run(function() return sf("k", 7) end) }) -- finished: a new run
    end)

    it("raises the shared run's error in every waiting caller (not reported as unhandled)", function()
      local sf = ts.singleflight(function() ts.sleep(2); error("shared failure") end)
      local r = run(function()
        local settled = ts.all_settled({ function() return sf("x") end, function() return sf("x") end })
        local a, b = settled[1], settled[2]
        return { a.ok, b.ok, tostring(a[1]):find("shared failure", 1, true) ~= nil, tostring(b[1]):find("shared failure", 1, true) ~= nil }
      end)
      assert.same({ false, false, true, true }, r)
      pump(5)
      assert.same({}, unhandled)
    end)

    it("from plain code returns the shared Task; key_fn chooses the key; nil is a key", function()
      local n = 0
      local sf = ts.singleflight(function(_, b) n = n + 1; ts.sleep(2); return b end, function(_, b) return b end)
      local t1 = sf("a", "same")
      local t2 = sf("b", "same")
      assert.equal(t1, t2)
      assert.equal("same", t1:wait(1000))
      local none = ts.singleflight(function() ts.sleep(1); return "nil key" end)
      assert.equal(none(), none())
      assert.equal("nil key", none():wait(1000))
      assert.equal(1, n)
    end)

    it("a cancelled caller stops waiting; the run goes on for the others", function()
      local sf = ts.singleflight(function() ts.sleep(10); return "result" end)
      local r = run(function()
        local a = ts.run(function() return sf(1) end)
        local b = ts.run(function() return sf(1) end)
        ts.sleep(1)
        a:cancel()
        local ok = a:pawait()
        return { ok, a:status(), b:await() }
      end)
      assert.same({ false, "cancelled", "result" }, r)
    end)
  end)

  it("the helpers and their functions check their arguments", function()
    local function msg(fn, ...)
      local ok, e = pcall(fn, ...)
      assert.is_false(ok)
      return e
    end
    assert.truthy(msg(ts.debounce, "x", print):find("ts.debounce: ms must be a non-negative finite number, got x", 1, true))
    assert.truthy(msg(ts.debounce, 10, nil):find("ts.debounce: fn must be a function, got nil", 1, true))
    assert.truthy(msg(ts.throttle, -5, print):find("ts.throttle: ms must be a non-negative finite number, got -5", 1, true))
    assert.truthy(msg(ts.throttle, 5, {}):find("ts.throttle: fn must be a function, got table", 1, true))
    assert.truthy(msg(ts.latest, 1):find("ts.latest: fn must be a function, got number", 1, true))
    assert.truthy(msg(ts.singleflight, print, "k"):find("ts.singleflight: key_fn must be a function, got string", 1, true))
    local sf = ts.singleflight(function() end)
    assert.truthy(msg(sf, 0 / 0):find("singleflight function: the key is NaN", 1, true))
  end)
end)
