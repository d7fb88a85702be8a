-- Cancellation: level-triggered, delivered at the suspension point, releases the operation at once.
local ts = require("tsasync")
local timers = require("tsasync.timers")

describe("Task:cancel", function()
  it("interrupts a suspended task at once; status cancelled; awaiting raises is_cancelled", function()
    local t = ts.run(function() ts.sleep(60000) end)
    assert.is_true(t:cancel("stop"))
    assert.equal("cancelled", t:status())
    assert.is_true(t:is_done())
    local ok, err = t:result()
    assert.is_false(ok)
    assert.is_true(ts.is_cancelled(err))
    assert.equal("stop", err.reason)
    assert.equal("cancelled: stop", tostring(err))
    local caught
    ts.run(function() caught = select(2, t:pawait()) end)
    assert.is_true(ts.is_cancelled(caught))
    local ok2, werr = pcall(t.wait, t)
    assert.is_false(ok2)
    assert.is_true(ts.is_cancelled(werr))
  end)

  it("returns false for a finished task and for a second cancel", function()
    local done = ts.run(function() return 1 end)
    assert.is_false(done:cancel())
    assert.equal("done", done:status())
    local t = ts.run(function() ts.sleep(100) end)
    assert.is_true(t:cancel())
    assert.is_false(t:cancel())
  end)

  it("is level-triggered: ts.pcall catching it does not end it", function()
    local log = {}
    local t = ts.run(function()
      local ok, e = ts.pcall(ts.sleep, 60000)
      log[#log + 1] = { ok, ts.is_cancelled(e) }
      local ok2, e2 = ts.pcall(ts.sleep, 1) -- the next suspension raises again
      log[#log + 1] = { ok2, ts.is_cancelled(e2) }
      local ok3 = pcall(ts.checkpoint)
      log[#log + 1] = { ok3 }
      return "returned anyway"
    end)
    t:cancel()
    assert.same({ { false, true }, { false, true }, { false } }, log)
    assert.equal("cancelled", t:status()) -- ended normally after being cancelled: still cancelled
  end)

  it("a task cancelled while running raises at its next suspension", function()
    local reached = {}
    local t = ts.run(function()
      ts.current():cancel()
      reached[#reached + 1] = "after cancel, before suspension"
      ts.sleep(1)
      reached[#reached + 1] = "not reached"
    end)
    assert.same({ "after cancel, before suspension" }, reached)
    assert.equal("cancelled", t:status())
  end)

  it("a task cancelled while queued to resume still gets its values, then raises at the next suspension", function()
    local f = ts.Future.new()
    local got
    local t = ts.run(function()
      got = f:await()
      ts.sleep(1)
      got = "not reached"
    end)
    ts.run(function()
      f:resolve("value") -- wakes t (queued: a task is running)
      t:cancel()         -- cancelled before it ran again
    end)
    assert.equal("value", got)
    assert.equal("cancelled", t:status())
  end)

  it("runs the awaited operation's cleanup at once", function()
    local released = {}
    local t = ts.run(function()
      ts.await(function(cb) return cb end) -- never completes
    end)
    local late_cb
    local t2 = ts.run(function()
      local op = ts.wrap(1, function(cb) late_cb = cb; return "handle" end, {
        on_cancel = function(h) released[#released + 1] = h end,
        cleanup = function(v) released[#released + 1] = "late " .. v end,
      })
      op()
    end)
    t:cancel(); t2:cancel()
    assert.same({ "handle" }, released)
    late_cb("fd")
    assert.same({ "handle", "late fd" }, released)
    late_cb("again") -- a callback run twice does not run cleanup twice
    assert.same({ "handle", "late fd" }, released)
  end)

  it("removes a waiter from a future without touching the future", function()
    local f = ts.Future.new()
    local a = ts.run(function() return f:await() end)
    local b = ts.run(function() return f:await() end)
    a:cancel()
    f:resolve(5)
    assert.equal("cancelled", a:status())
    assert.equal(5, b:wait(100))
  end)

  it("cancelling 10,000 sleeping tasks leaves zero pending timers and no active timer", function()
    local clock = ts.testing.clock() -- earlier specs' detached sleepers: fired at once
    clock:run_all()
    clock:restore()
    assert.equal(0, timers.pending())
    local tasks = {}
    for i = 1, 10000 do tasks[i] = ts.run(function() ts.sleep(60000) end) end
    assert.equal(10000, timers.pending())
    assert.is_true(timers.driver_active())
    for i = 1, 10000 do tasks[i]:cancel() end
    assert.equal(0, timers.pending())
    assert.is_false(timers.driver_active())
    for i = 1, 10000 do assert.equal("cancelled", tasks[i]:status()) end
  end)

  it("an error in on_cancel is reported and the task is still cancelled", function()
    local rt = require("tsasync.runtime").runtime
    local orig, reports = rt.report_error, {}
    rt.report_error = function(m) reports[#reports + 1] = m end
    local op = ts.wrap(1, function() end, { on_cancel = function() error("release failed") end })
    local t = ts.run(function() op() end)
    t:cancel()
    rt.report_error = orig
    assert.equal("cancelled", t:status())
    assert.equal(1, #reports)
    assert.truthy(reports[1]:find("release failed", 1, true))
  end)
end)

describe("ts.shield", function()
  it("finishes fn despite the caller's cancellation, then raises it", function()
    local log = {}
    local t = ts.run(function()
      local v = ts.shield(function() ts.sleep(5); log[#log + 1] = "shielded work done"; return "v" end)
      log[#log + 1] = "not reached: " .. tostring(v)
    end)
    ts.run(function() ts.sleep(1); t:cancel() end)
    local ok, err = pcall(t.wait, t, 1000)
    assert.is_false(ok)
    assert.is_true(ts.is_cancelled(err))
    assert.same({ "shielded work done" }, log)
    assert.equal("cancelled", t:status())
  end)

  it("cancelled from plain code: fn runs to its end, then the caller's cancellation is raised", function()
    local log = {}
    local t = ts.run(function()
      local ok, err = ts.pcall(ts.shield, function()
        ts.sleep(5)
        log[#log + 1] = "shielded work done"
      end)
      log[#log + 1] = "caller got " .. tostring(ok) .. " " .. tostring(ts.is_cancelled(err)) .. " " .. tostring(err.reason)
    end)
    t:cancel("closing")
    assert.same({}, log) -- the work is still running: not interrupted
    assert.equal("suspended", t:status())
    assert.is_false(pcall(t.wait, t, 1000))
    assert.same({ "shielded work done", "caller got false true closing" }, log)
    assert.equal("cancelled", t:status())
  end)

  it("a grandparent's cancellation does not reach the shielded work either", function()
    local done = false
    local root = ts.run(function()
      ts.run(function()
        ts.shield(function() ts.sleep(5); done = true end)
      end)
      ts.sleep(60000)
    end)
    ts.block_on(function() ts.sleep(1) end)
    root:cancel()
    assert.is_false(done)
    assert.is_false(pcall(root.wait, root, 1000))
    assert.is_true(done)
    assert.equal("cancelled", root:status())
  end)

  it("inside ts.timeout: the shielded part finishes, then the timeout is raised", function()
    local log = {}
    local ok, err = ts.block_on(function()
      return ts.pcall(ts.timeout, 2, function()
        ts.shield(function() ts.sleep(15); log[#log + 1] = "flushed" end)
        log[#log + 1] = "not reached"
      end)
    end, 1000)
    assert.is_false(ok)
    assert.is_true(ts.is_timeout(err))
    assert.same({ "flushed" }, log)
  end)

  it("returns fn's results and raises fn's errors when not cancelled", function()
    local t = ts.run(function()
      local a, b = ts.shield(function(x) ts.sleep(1); return x, x * 2 end, 4)
      local ok, e = ts.pcall(ts.shield, function() error("inner", 0) end)
      return a, b, ok, e
    end)
    local a, b, ok, e = t:wait(1000)
    assert.same({ 4, 8, false }, { a, b, ok })
    assert.truthy(tostring(e):find("inner", 1, true))
  end)
end)

describe("await cleanup", function()
  it("applies only to its own await, not to a later await of the same task", function()
    local cleaned = {}
    local first_cb, second_cb
    local op = ts.wrap(1, function(cb) first_cb = cb end, {
      cleanup = function(v) cleaned[#cleaned + 1] = v end,
      on_cancel = function() cleaned[#cleaned + 1] = "on_cancel" end,
    })
    local t = ts.run(function()
      op()                                         -- completes asynchronously
      ts.await(function(cb) second_cb = cb end)    -- a plain await: no cleanup
    end)
    first_cb("fd")
    t:cancel()
    second_cb("late value")
    assert.same({}, cleaned)
  end)
end)
