-- Deadlines: ts.timeout and ts.move_on_after. The deadline is removed the moment the work
-- finishes; at the deadline the work is cancelled and has completed before the call returns;
-- deadlines nest; timeouts are told apart from the work's errors and from cancellation.
local ts = require("tsasync")
local T = ts.testing
local timers = require("tsasync.timers")

local function run(fn, ms) return ts.block_on(fn, ms or 2000) end

describe("deadlines", function()
  ts.testing.check_leaks() -- no task, deadline, handle or fd left by a test
  local base
  before_each(function() base = timers.pending() end)

  describe("ts.timeout", function()
    it("returns fn's results and removes its deadline at once when fn finishes first", function()
      local pending_after
      local a, b, c = run(function()
        local x, y, z = ts.timeout(60000, function(p, q) ts.sleep(1); return p + q, nil, "z" end, 1, 2)
        pending_after = timers.pending()
        return x, y, z
      end)
      assert.same({ 3, nil, "z" }, { a, b, c })
      assert.equal(base, pending_after)
    end)

    it("100 quick calls with a 60 s deadline leave no pending deadline behind", function()
      run(function()
        for i = 1, 100 do assert(ts.timeout(60000, function() ts.sleep(0); return i end) == i) end
      end)
      assert.equal(base, timers.pending())
    end)

    it("raises a timeout error after cancelling fn; fn's cleanup ran before the error", function()
      local log = {}
      local ok, err = run(function()
        local ok, e = ts.pcall(ts.timeout, 5, function()
          local ok2 = ts.pcall(ts.sleep, 60000)
          log[#log + 1] = "cleanup ran, ok=" .. tostring(ok2)
        end)
        log[#log + 1] = "timeout raised"
        return ok, e
      end)
      assert.is_false(ok)
      assert.is_true(ts.is_timeout(err))
      assert.is_false(ts.is_cancelled(err))
      assert.equal(5, err.ms)
      assert.equal("ts.timeout: timed out after 5 ms", tostring(err))
      assert.same({ "cleanup ran, ok=false", "timeout raised" }, log)
      assert.equal(base, timers.pending())
    end)

    it("raises fn's own error as it is, not a timeout", function()
      local ok, err = run(function() return ts.pcall(ts.timeout, 1000, function() ts.sleep(1); error({ code = 42 }) end) end)
      assert.is_false(ok)
      assert.equal(42, err.code)
      assert.is_false(ts.is_timeout(err))
      assert.is_false(ts.is_cancelled(err))
    end)

    -- on the virtual clock (ts.testing), inside a test task: exact deadlines, no real waiting
    T.it("nests: an inner timeout(50) inside an outer timeout(20) reports the outer one, at 20 ms", function()
      local clock = T.clock()
      local inner_saw
      local work = ts.run(function()
        return ts.pcall(ts.timeout, 20, function()
          local ok2, e2 = ts.pcall(ts.timeout, 50, ts.sleep, 1000)
          inner_saw = { ok2, ts.is_cancelled(e2), ts.is_timeout(e2), clock:now() }
          error(e2, 0)
        end)
      end)
      clock:advance(19)
      assert.is_false(work:is_done())
      clock:advance(1)
      assert.is_true(work:is_done())
      local ok, err = work:await()
      assert.is_false(ok)
      assert.is_true(ts.is_timeout(err))
      assert.equal(20, err.ms)
      assert.same({ false, true, false, 20 }, inner_saw) -- inside, the outer deadline is a cancellation
      assert.equal(base, timers.pending())
      clock:restore()
    end)

    T.it("nests: an inner timeout(5) inside an outer timeout(1000) reports the inner one, at 5 ms", function()
      local clock = T.clock()
      local work = ts.run(function() return ts.pcall(ts.timeout, 1000, ts.timeout, 5, ts.sleep, 1000) end)
      clock:advance(5)
      local ok, err = work:await()
      assert.is_false(ok)
      assert.is_true(ts.is_timeout(err))
      assert.equal(5, err.ms)
      assert.equal(base, timers.pending())
      clock:restore()
    end)

    it("the caller's own cancellation propagates as a cancellation, never as a timeout", function()
      local log = {}
      local caller = ts.run(function()
        ts.timeout(60000, function()
          local ok = ts.pcall(ts.sleep, 60000)
          log[#log + 1] = "work cleanup " .. tostring(ok)
        end)
      end)
      run(function() ts.sleep(2) end)
      caller:cancel("user stop")
      local ok, err = caller:result()
      assert.is_false(ok)
      assert.is_true(ts.is_cancelled(err))
      assert.is_false(ts.is_timeout(err))
      assert.equal("user stop", err.reason)
      assert.same({ "work cleanup false" }, log)
      assert.equal(base, timers.pending())
    end)

    it("accepts a Task (cancelled at the deadline) or a Future (no longer waited for)", function()
      local f = ts.Future.new()
      local t
      local r = run(function()
        t = ts.run(function() ts.sleep(60000) end)
        local ok1, e1 = ts.pcall(ts.timeout, 2, t)
        local ok2, e2 = ts.pcall(ts.timeout, 2, f)
        local done = ts.Future.new()
        done:resolve("v")
        return { ok1, ts.is_timeout(e1), ok2, ts.is_timeout(e2), ts.timeout(1, done) }
      end)
      assert.same({ false, true, false, true, "v" }, r)
      assert.equal("cancelled", t:status())
      for _, o in ipairs(f.w or {}) do assert.is_false(o) end -- no waiter left on the future
      assert.equal(base, timers.pending())
    end)

    it("checks its arguments", function()
      local function err_of(...)
        local args = { n = select("#", ...), ... }
        local _, e = run(function() return pcall(ts.timeout, unpack(args, 1, args.n)) end)
        return e
      end
      assert.truthy(err_of(-1, print):find("ts.timeout: ms must be a non-negative finite number, got -1", 1, true))
      assert.truthy(err_of(10, "f"):find("ts.timeout: fn must be a function, a Task or a Future, got string", 1, true))
      assert.truthy(err_of(10, ts.Future.new(), 1):find("ts.timeout: arguments are only passed to a function", 1, true))
      local ok, e = pcall(ts.timeout, 10, print)
      assert.is_false(ok)
      assert.truthy(e:find("ts.timeout: must be called inside a task", 1, true))
    end)
  end)

  describe("ts.move_on_after", function()
    it("returns false and fn's results when fn finishes in time", function()
      assert.same({ false, "a", nil, "c" }, { run(function() return ts.move_on_after(1000, function() ts.sleep(1); return "a", nil, "c" end) end) })
      assert.equal(base, timers.pending())
    end)

    it("returns true when the deadline passed; the work was cancelled and cleaned up first", function()
      local log = {}
      local r = { run(function()
        local timed_out, v = ts.move_on_after(3, function()
          local ok = ts.pcall(ts.sleep, 60000)
          log[#log + 1] = "cleanup " .. tostring(ok)
          return "late"
        end)
        log[#log + 1] = "moved on"
        return timed_out, v
      end) }
      assert.same({ true }, r)
      assert.same({ "cleanup false", "moved on" }, log)
      assert.equal(base, timers.pending())
    end)

    it("raises fn's error", function()
      local ok, err = run(function() return ts.pcall(ts.move_on_after, 100, function() error("own error") end) end)
      assert.is_false(ok)
      assert.truthy(tostring(err):find("own error", 1, true))
    end)

    it("inside an outer timeout, the outer deadline wins", function()
      local ok, err = run(function() return ts.pcall(ts.timeout, 5, ts.move_on_after, 1000, ts.sleep, 1000) end)
      assert.is_false(ok)
      assert.equal(5, err.ms)
    end)
  end)
end)
