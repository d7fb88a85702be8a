-- Synchronisation primitives: Semaphore, Mutex, Event, Condvar, Barrier. FIFO fairness,
-- `with` releasing on error and cancellation, no permit leaked by cancelled waiters, use from
-- plain code.
local ts = require("tsasync")

describe("ts.Semaphore", function()
  it("limits concurrency and serves waiters FIFO", function()
    local sem = ts.Semaphore.new(2)
    local order, active, peak = {}, 0, 0
    ts.block_on(function()
      local tasks = {}
      for i = 1, 6 do
        tasks[i] = ts.run(function()
          sem:acquire()
          order[#order + 1] = i
          active = active + 1
          peak = math.max(peak, active)
          ts.sleep(2)
          active = active - 1
          sem:release()
        end)
      end
      for _, t in ipairs(tasks) do t:await() end
    end, 2000)
    assert.same({ 1, 2, 3, 4, 5, 6 }, order)
    assert.equal(2, peak)
    assert.equal(2, sem:available())
  end)

  it("a released permit goes to the oldest waiter, not to a later try_acquire", function()
    local sem = ts.Semaphore.new(1)
    assert.is_true(sem:try_acquire())
    assert.is_false(sem:try_acquire())
    local w = ts.run(function() sem:acquire(); return "got it" end)
    sem:release() -- from plain code: handed straight to w
    assert.is_false(sem:try_acquire())
    assert.equal("got it", w:wait(100))
    assert.equal(0, sem:available()) -- w holds it
    sem:release()
    assert.equal(1, sem:available())
    sem:release() -- a release without an acquire adds a permit
    assert.equal(2, sem:available())
  end)

  it("a semaphore made with 0 permits signals: release from plain code, acquire in a task", function()
    local sem = ts.Semaphore.new(0)
    local t = ts.run(function() sem:acquire(); sem:acquire(); return "two signals" end)
    sem:release()
    assert.equal("suspended", t:status())
    sem:release()
    assert.equal("two signals", t:wait(100))
    assert.equal(0, sem:available())
  end)

  it("a waiter cancelled while waiting takes no permit and leaks none", function()
    local sem = ts.Semaphore.new(1)
    sem:try_acquire()
    local a = ts.run(function() sem:acquire() end)
    local b = ts.run(function() sem:acquire(); return "b" end)
    a:cancel()
    sem:release()
    assert.equal("b", b:wait(100))
    assert.equal(0, sem:available())
    sem:release()
    assert.equal(1, sem:available())
  end)

  it("a waiter granted a permit and cancelled before it ran owns it; with() releases it", function()
    local sem = ts.Semaphore.new(1)
    sem:try_acquire()
    local ran = false
    local t = ts.run(function()
      sem:with(function()
        ran = true
        ts.sleep(1) -- raises the pending cancellation
      end)
    end)
    ts.run(function()
      sem:release() -- grants t (queued)
      t:cancel()    -- before t ran
    end)
    assert.equal("cancelled", t:status())
    assert.is_true(ran)
    assert.equal(1, sem:available()) -- released by with()
  end)

  it("with() returns fn's results and releases on error and on cancellation", function()
    local sem = ts.Semaphore.new(1)
    assert.same({ 1, nil, 3 }, { ts.block_on(function() return sem:with(function(a, b, c) return a, b, c end, 1, nil, 3) end) })
    assert.equal(1, sem:available())
    local ok, err = pcall(ts.block_on, function() return sem:with(function() error({ code = 5 }) end) end)
    assert.is_false(ok)
    assert.equal(5, err.code)
    assert.equal(1, sem:available())
    local t = ts.run(function() sem:with(ts.sleep, 60000) end)
    assert.equal(0, sem:available())
    t:cancel()
    assert.equal("cancelled", t:status())
    assert.equal(1, sem:available())
  end)

  it("validates and refuses to suspend outside a task", function()
    assert.has_error(function() ts.Semaphore.new(-1) end, "ts.Semaphore.new: n must be a non-negative integer, got -1")
    assert.has_error(function() ts.Semaphore.new("2") end)
    local sem = ts.Semaphore.new(0)
    local ok, err = pcall(sem.acquire, sem)
    assert.is_false(ok)
    assert.matches("Semaphore:acquire: must be called inside a task", err, 1, true)
    local t = ts.run(function() return sem:with("x") end)
    assert.matches("Semaphore:with: fn must be a function, got string", tostring(select(2, t:result())), 1, true)
    assert.is_false(sem:try_acquire())
  end)
end)

describe("ts.Mutex", function()
  it("excludes, is FIFO, and with() unlocks on error and cancellation", function()
    local m = ts.Mutex.new()
    local order, inside = {}, 0
    ts.block_on(function()
      local tasks = {}
      for i = 1, 5 do
        tasks[i] = ts.run(function()
          m:with(function()
            inside = inside + 1
            assert(inside == 1, "two holders")
            order[#order + 1] = i
            ts.sleep(1)
            inside = inside - 1
          end)
        end)
      end
      for _, t in ipairs(tasks) do t:await() end
    end, 2000)
    assert.same({ 1, 2, 3, 4, 5 }, order)
    assert.is_false(m:is_locked())
    local ok = pcall(ts.block_on, function() m:with(function() error("x") end) end)
    assert.is_false(ok)
    assert.is_false(m:is_locked())
    local t = ts.run(function() m:with(ts.sleep, 60000) end)
    assert.is_true(m:is_locked())
    t:cancel()
    assert.is_false(m:is_locked())
  end)

  it("a cancelled waiter never holds the lock; unlock from plain code hands it to the next", function()
    local m = ts.Mutex.new()
    assert.is_true(m:try_lock())
    assert.is_false(m:try_lock())
    local a = ts.run(function() m:lock() end)
    local b = ts.run(function() m:lock(); return "b" end)
    a:cancel()
    m:unlock()
    assert.equal("b", b:wait(100))
    assert.is_true(m:is_locked())
    m:unlock()
    assert.is_false(m:is_locked())
    assert.has_error(function() m:unlock() end, "Mutex:unlock: the mutex is not locked")
  end)

  it("is not reentrant: locking it twice in one task raises instead of hanging", function()
    local m = ts.Mutex.new()
    local t = ts.run(function() m:lock(); m:lock() end)
    local ok, err = t:result()
    assert.is_false(ok)
    assert.matches("Mutex:lock: the running task already holds this mutex", tostring(err), 1, true)
  end)
end)

describe("ts.Event", function()
  it("wait suspends until set; set wakes all; clear resets; works from plain code", function()
    local ev = ts.Event.new()
    local woken = 0
    for _ = 1, 3 do ts.run(function() ev:wait(); woken = woken + 1 end) end
    assert.equal(0, woken)
    assert.is_false(ev:is_set())
    ev:set()
    assert.equal(3, woken)
    assert.is_true(ev:is_set())
    ts.block_on(function() ev:wait() end) -- set: returns at once
    ev:clear()
    local t = ts.run(function() ev:wait(); return "again" end)
    assert.equal("suspended", t:status())
    t:cancel()
    ev:set()
    assert.equal("cancelled", t:status())
    local ok, err = pcall(ev.wait, ev)
    assert.is_false(ok)
    assert.matches("Event:wait: must be called inside a task", err, 1, true)
  end)
end)

describe("ts.Condvar", function()
  it("notify_one wakes the longest waiter; notify_all wakes the rest", function()
    local cv = ts.Condvar.new()
    local order = {}
    for i = 1, 4 do ts.run(function() cv:wait(); order[#order + 1] = i end) end
    assert.equal(4, cv:waiting())
    assert.is_true(cv:notify_one())
    assert.same({ 1 }, order)
    assert.is_true(cv:notify_one())
    assert.same({ 1, 2 }, order)
    assert.equal(2, cv:notify_all())
    assert.same({ 1, 2, 3, 4 }, order)
    assert.is_false(cv:notify_one())
    assert.equal(0, cv:notify_all())
  end)

  it("wait(mutex) unlocks while waiting and locks again before returning", function()
    local m, cv = ts.Mutex.new(), ts.Condvar.new()
    local items, got = {}, {}
    local consumer = ts.run(function()
      m:with(function()
        while #items == 0 do cv:wait(m) end
        assert(m:is_locked())
        got[#got + 1] = table.remove(items, 1)
      end)
    end)
    assert.is_false(m:is_locked()) -- released while waiting
    ts.block_on(function()
      m:with(function()
        items[#items + 1] = "item"
        cv:notify_one()
        ts.sleep(1) -- the consumer cannot run while we hold the mutex
        assert.same({}, got)
      end)
    end)
    consumer:wait(1000)
    assert.same({ "item" }, got)
    assert.is_false(m:is_locked())
  end)

  it("a waiter cancelled in wait(mutex) consumes no notification and relocks before raising", function()
    local m, cv = ts.Mutex.new(), ts.Condvar.new()
    local a = ts.run(function() m:with(function() cv:wait(m) end) end)
    local b = ts.run(function() m:with(function() cv:wait(m) end); return "b" end)
    assert.equal(2, cv:waiting())
    assert.is_true(m:try_lock()) -- plain code holds the mutex
    a:cancel() -- removed from the condvar; must get the mutex back before raising
    assert.equal("suspended", a:status())
    assert.equal(1, cv:waiting())
    assert.is_true(cv:notify_one()) -- goes to b: a consumed no notification
    assert.equal(0, cv:waiting())
    m:unlock() -- a relocks, raises, with() unlocks; then b relocks and returns
    assert.equal("cancelled", a:status())
    assert.equal("b", b:wait(100))
    assert.is_false(m:is_locked())
  end)

  it("validates the mutex", function()
    local cv = ts.Condvar.new()
    local t = ts.run(function() cv:wait(ts.Mutex.new()) end)
    assert.matches("Condvar:wait: the mutex is not locked", tostring(select(2, t:result())), 1, true)
    local t2 = ts.run(function() cv:wait({}) end)
    assert.matches("Condvar:wait: mutex must be a ts.Mutex or nil, got table", tostring(select(2, t2:result())), 1, true)
  end)
end)

describe("ts.Barrier", function()
  it("releases n waiters together, exactly one leader, and is reusable", function()
    local b = ts.Barrier.new(3)
    for gen = 1, 2 do
      local results = {}
      local tasks = {}
      for i = 1, 3 do tasks[i] = ts.run(function() results[i] = b:wait() end) end
      for _, t in ipairs(tasks) do t:wait(100) end
      local leaders = 0
      for i = 1, 3 do if results[i] then leaders = leaders + 1 end end
      assert.equal(1, leaders, "generation " .. gen)
      assert.equal(0, b:waiting())
    end
  end)

  it("a cancelled waiter does not count", function()
    local b = ts.Barrier.new(2)
    local a = ts.run(function() return b:wait() end)
    a:cancel()
    assert.equal(0, b:waiting())
    local c = ts.run(function() return b:wait() end)
    assert.equal("suspended", c:status()) -- still needs one more
    local d = ts.run(function() return b:wait() end)
    assert.is_false(c:wait(100))
    assert.is_true(d:wait(100))
    assert.has_error(function() ts.Barrier.new(0) end, "ts.Barrier.new: n must be a positive integer, got 0")
  end)
end)
