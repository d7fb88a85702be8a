-- Awaiting: ts.await in every form, ts.pawait, ts.wrap, ts.sleep, ts.checkpoint, stack safety.
local ts = require("tsasync")

-- A callback API that completes later, on the event loop (through a sleeping task).
local function later(ms, ...)
  local n, args = select("#", ...), { ... }
  return function(cb)
    ts.run({ detach = true }, function() ts.sleep(ms); cb(unpack(args, 1, n)) end)
  end
end

describe("ts.await", function()
  it("awaits function(cb) and returns what the callback received, unchanged", function()
    local t = ts.run(function()
      local a = { ts.await(function(cb) cb(nil, "value", nil) end) }
      local b = { ts.await(later(2, "e", nil)) }
      return a, b
    end)
    local a, b = t:wait(1000)
    assert.same({ nil, "value", nil }, a)
    assert.same({ "e", nil }, b)
  end)

  it("ts.await(argc, fn, ...) puts the callback at position argc", function()
    local function api3(x, y, cb) cb(nil, x + y) end
    local function api6(a, b, c, d, e, cb) cb(a .. b .. c .. d .. e) end
    local function api1(cb) cb("only") end
    local t = ts.run(function()
      return { ts.await(3, api3, 1, 2) }, { ts.await(6, api6, "a", "b", "c", "d", "e") }, { ts.await(1, api1) },
        { ts.await(3, function(x, y, cb) cb(x, y) end, nil, 7) }
    end)
    local r3, r6, r1, holes = t:wait(1000)
    assert.same({ nil, 3 }, r3)
    assert.same({ "abcde" }, r6)
    assert.same({ "only" }, r1)
    assert.same({ nil, 7 }, holes)
  end)

  it("returns many values from a late callback", function()
    local t = ts.run(function() return ts.await(later(1, 1, 2, 3, 4, 5, nil)) end)
    assert.same({ 1, 2, 3, 4, 5, nil }, { t:wait(1000) })
    assert.equal(6, select("#", t:wait(1000)))
  end)

  it("awaits tasks and futures", function()
    local f = ts.Future.new()
    local child = ts.run(function() ts.sleep(1); return "c" end)
    local t = ts.run(function() return ts.await(child), ts.await(f) end)
    f:resolve("f")
    assert.same({ "c", "f" }, { t:wait(1000) })
  end)

  it("rejects bad input with the function and argument named", function()
    assert.has_error(function() ts.await(function() end) end, "ts.await: must be called inside a task (start one with ts.run)")
    local errs = {}
    ts.run(function()
      for _, args in ipairs({ { "str" }, { 0, function() end }, { 1.5, function() end }, { 2, "notfn" },
        { 2, function() end, 1, 2 }, { function() end, 1 } }) do
        local ok, e = pcall(ts.await, unpack(args))
        errs[#errs + 1] = (not ok) and e or "no error"
      end
    end):wait(1000)
    assert.truthy(errs[1]:find("ts.await: expected a Task, a Future, a function(cb) or an argc number, got string", 1, true))
    assert.truthy(errs[2]:find("ts.await: argc must be a positive integer, got 0", 1, true))
    assert.truthy(errs[3]:find("ts.await: argc must be a positive integer, got 1.5", 1, true))
    assert.truthy(errs[4]:find("ts.await: fn (argument 2) must be a function, got string", 1, true))
    assert.truthy(errs[5]:find("ts.await: got 2 arguments but the callback goes at position 2", 1, true))
    assert.truthy(errs[6]:find("ts.await: extra arguments given with a callback function", 1, true))
  end)

  it("refuses to run from a foreign coroutine inside a task", function()
    local msg
    ts.run(function()
      local co = coroutine.create(function() return ts.await(function(cb) end) end)
      local _, e = coroutine.resume(co)
      msg = e
    end):wait(1000)
    assert.truthy(tostring(msg):find("coroutine that tsasync does not drive", 1, true))
  end)

  it("a task cannot await itself", function()
    local t
    t = ts.run(function() ts.sleep(1); return pcall(t.await, t) end)
    local ok, e = t:wait(1000)
    assert.is_false(ok)
    assert.truthy(e:find("cannot await itself", 1, true))
  end)
end)

describe("stack safety", function()
  it("200,000 awaits of a synchronous callback in one task", function()
    local function sync(x, cb) cb(x) end
    local t = ts.run(function()
      local n = 0
      for i = 1, 200000 do n = n + ts.await(2, sync, 1) end
      return n
    end)
    assert.equal(200000, t:wait(10000))
  end)

  it("200,000 synchronous completions through ts.wrap and futures", function()
    local w = ts.wrap(2, function(x, cb) cb(x) end)
    local t = ts.run(function()
      local n = 0
      for _ = 1, 100000 do n = n + w(1) end
      for _ = 1, 100000 do
        local f = ts.Future.new()
        f:resolve(1)
        n = n + f:await()
      end
      return n
    end)
    assert.equal(200000, t:wait(10000))
  end)

  it("10,000 tasks each starting the next", function()
    local function chain(i) if i > 0 then ts.run(chain, i - 1) end return i end
    local t = ts.run(chain, 10000)
    assert.equal(10000, t:wait(10000))
    assert.equal("done", t:status())
  end)

  it("10,000 tasks each awaiting the next", function()
    local function chain(i) if i == 0 then ts.sleep(1) return 0 end return ts.run(chain, i - 1):await() + 1 end
    assert.equal(10000, ts.run(chain, 10000):wait(10000))
  end)

  it("a long chain of futures resolved from plain code", function()
    local fs = {}
    for i = 1, 5000 do fs[i] = ts.Future.new() end
    for i = 1, 4999 do ts.run(function() fs[i + 1]:resolve(fs[i]:await() + 1) end) end
    fs[1]:resolve(1)
    assert.equal(5000, ts.run(function() return fs[5000]:await() end):wait(1000))
  end)
end)

describe("ts.pawait", function()
  it("returns true and values, or false and the error", function()
    local t = ts.run(function()
      local failing = ts.run(function() ts.sleep(1); error({ code = 7 }) end)
      failing:on_complete(function() end)
      local a = { ts.pawait(function(cb) cb(1, 2) end) }
      local b = { ts.pawait(failing) }
      local c = { failing:pawait() }
      return a, b, c
    end)
    local a, b, c = t:wait(1000)
    assert.same({ true, 1, 2 }, a)
    assert.is_false(b[1])
    assert.equal(7, b[2].code)
    assert.is_false(c[1])
  end)

  it("never hides the running task's own cancellation", function()
    local after = "not reached"
    local t = ts.run(function()
      local ok, e = ts.pawait(later(1000))
      after = { ok, e }
    end)
    t:cancel()
    assert.equal("cancelled", t:status())
    assert.equal("not reached", after)
  end)

  it("validates like ts.await (raises, does not return the error)", function()
    local ok, e
    ts.run(function() ok, e = pcall(ts.pawait, "x") end):wait(1000)
    assert.is_false(ok)
    assert.truthy(e:find("ts.pawait: expected a Task", 1, true))
  end)
end)

describe("ts.wrap", function()
  it("makes a reusable awaitable function", function()
    local add = ts.wrap(3, function(a, b, cb) cb(a + b) end)
    assert.equal(5, ts.run(function() return add(2, 3) end):wait())
    assert.has_error(function() add(1, 2) end, "ts.wrap'd function: must be called inside a task (start one with ts.run)")
  end)

  it("validates its arguments", function()
    assert.has_error(function() ts.wrap(0, print) end, "ts.wrap: argc must be a positive integer, got 0")
    assert.has_error(function() ts.wrap(1, "x") end, "ts.wrap: fn must be a function, got string")
    assert.has_error(function() ts.wrap(1, print, { cleanup = 1 }) end, "ts.wrap: opts.cleanup must be a function, got number")
    assert.has_error(function() ts.wrap(1, print, { nope = 1 }) end, 'ts.wrap: unknown option "nope"')
    local w = ts.wrap(2, function(a, cb) cb(a) end)
    local ok, e
    ts.run(function() ok, e = pcall(w, 1, 2) end):wait()
    assert.is_false(ok)
    assert.truthy(e:find("got 2 arguments, expected at most 1", 1, true))
  end)

  it("on_cancel receives what fn returned; cleanup receives late values", function()
    local handle = { stopped = false }
    local pending_cb
    local open = ts.wrap(1, function(cb) pending_cb = cb; return handle, "extra" end, {
      on_cancel = function(h, extra) h.stopped = extra end,
      cleanup = function(err, fd) handle.closed = fd end,
    })
    local t = ts.run(function() return open() end)
    assert.is_true(t:cancel())
    assert.equal("extra", handle.stopped)
    assert.is_nil(handle.closed)
    pending_cb(nil, 42) -- the operation completes after the cancellation
    assert.equal(42, handle.closed)
    assert.equal("cancelled", t:status())
  end)

  it("after a cancelled await, a late callback never reaches the task's later awaits", function()
    local cbs = {}
    local op = ts.wrap(1, function(cb) cbs[#cbs + 1] = cb end)
    local results = {}
    local t = ts.run(function()
      results[#results + 1] = { ts.pcall(op) }
      ts.shield(function()
        results[#results + 1] = { op() } -- the same task awaits again, shielded
      end)
      return "end"
    end)
    t:cancel()
    cbs[1]("late") -- the first, cancelled operation completes now: must not resume the second await
    assert.equal(1, #results)
    cbs[2]("second")
    assert.equal("second", results[2][1])
    assert.is_false(results[1][1])
    assert.equal("cancelled", t:status())
  end)
end)

describe("ts.sleep / ts.checkpoint", function()
  it("sleeps at least the given time of loop time", function()
    local uv = require("tsasync.runtime").runtime.uv
    local t = ts.run(function()
      local t0 = uv.now()
      ts.sleep(20)
      return uv.now() - t0
    end)
    assert.is_true(t:wait(1000) >= 20)
  end)

  it("sleeps at least the given time of real time, also after computing in the same loop turn", function()
    local uv = require("tsasync.runtime").runtime.uv
    local t = ts.run(function()
      local t0 = uv.hrtime()
      while uv.hrtime() - t0 < 30e6 do end -- 30 ms of work: the loop time is now stale
      local s0 = uv.hrtime()
      ts.sleep(50)
      return (uv.hrtime() - s0) / 1e6
    end)
    assert.is_true(t:wait(1000) >= 49)
  end)

  it("tasks with equal deadlines wake in the order they slept", function()
    local order = {}
    local tasks = {}
    for i = 1, 20 do tasks[i] = ts.run(function() ts.sleep(5); order[#order + 1] = i end) end
    tasks[20]:wait(1000)
    for i = 1, 20 do assert.equal(i, order[i]) end
  end)

  it("validates ms", function()
    local errs = {}
    ts.run(function()
      for _, v in ipairs({ -1, "1", 0 / 0, math.huge }) do
        local _, e = pcall(ts.sleep, v)
        errs[#errs + 1] = e
      end
    end):wait()
    for _, e in ipairs(errs) do assert.truthy(e:find("ts.sleep: ms must be a non-negative finite number", 1, true)) end
    assert.has_error(function() ts.sleep(1) end, "ts.sleep: must be called inside a task (start one with ts.run)")
  end)

  it("checkpoint lets ready tasks run and delivers cancellation", function()
    local order = {}
    local t = ts.run(function()
      ts.run(function() order[#order + 1] = "child" end)
      ts.checkpoint()
      order[#order + 1] = "parent"
      ts.current():cancel()
      ts.checkpoint()
      order[#order + 1] = "not reached"
    end)
    assert.has_error(function() t:wait(1000) end)
    assert.same({ "child", "parent" }, order)
    assert.equal("cancelled", t:status())
  end)

  it("ts.schedule continues on the main loop", function()
    local t = ts.run(function() ts.schedule(); return "after hop" end)
    assert.equal("after hop", t:wait(1000))
  end)
end)
