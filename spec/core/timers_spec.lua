-- The timer heap (tsasync.timers): deadlines grouped in buckets of one deadline each.
local ts = require("tsasync")
local timers = require("tsasync.timers")
local runtime = require("tsasync.runtime").runtime

-- Pumps the loop until every entry added by the spec fired or `ms` passed.
local function settle(ms)
  runtime.wait(ms or 1000, function() return timers.pending() == 0 end)
end

describe("tsasync.timers", function()
  before_each(function()
    -- Deadlines left by earlier spec files (detached sleepers) fire at once on a virtual clock.
    local clock = ts.testing.clock()
    clock:run_all()
    clock:restore()
    assert.equal(0, timers.pending())
  end)

  it("fires by deadline, and in insertion order for one deadline", function()
    local order = {}
    local function note(x) order[#order + 1] = x end
    runtime.uv.update_time()
    timers.add(30, note, "c1")
    timers.add(10, note, "a1")
    timers.add(30, note, "c2")
    timers.add(20, note, "b1")
    timers.add(10, note, "a2")
    assert.equal(5, timers.pending())
    assert.is_true(timers.driver_active())
    settle()
    assert.same({ "a1", "a2", "b1", "c1", "c2" }, order)
    assert.equal(0, timers.pending())
    assert.is_false(timers.driver_active())
  end)

  it("remove: false once fired or removed; removing a whole deadline leaves the others", function()
    local fired = {}
    local function note(x) fired[#fired + 1] = x end
    runtime.uv.update_time()
    local a = timers.add(10, note, "a")
    local b1 = timers.add(20, note, "b1")
    local b2 = timers.add(20, note, "b2")
    local c = timers.add(30, note, "c")
    assert.is_true(timers.remove(b1))
    assert.is_false(timers.remove(b1))
    assert.is_true(timers.remove(b2))
    assert.equal(2, timers.pending())
    settle()
    assert.same({ "a", "c" }, fired)
    assert.is_false(timers.remove(a))
    assert.is_false(timers.remove(c))
    -- removing every entry stops the driving timer
    local x = timers.add(50, note, "x")
    local y = timers.add(60, note, "y")
    timers.remove(y)
    timers.remove(x)
    assert.equal(0, timers.pending())
    assert.is_false(timers.driver_active())
  end)

  it("a callback may remove a later entry of its own deadline and add new ones", function()
    local fired = {}
    runtime.uv.update_time()
    local second
    timers.add(10, function()
      fired[#fired + 1] = "first"
      assert.is_true(timers.remove(second))
      timers.add(0, function() fired[#fired + 1] = "added with 0" end)
      timers.add(10, function() fired[#fired + 1] = "added with 10" end)
    end)
    second = timers.add(10, function() fired[#fired + 1] = "second" end)
    timers.add(10, function() fired[#fired + 1] = "third" end)
    settle()
    assert.same({ "first", "third", "added with 0", "added with 10" }, fired)
    assert.equal(0, timers.pending())
  end)

  it("10,000 sleeps of one deadline wake in the order they started", function()
    local order = {}
    runtime.uv.update_time()
    local tasks = {}
    for i = 1, 10000 do
      tasks[i] = ts.run(function()
        ts.sleep(5)
        order[#order + 1] = i
      end)
    end
    assert.equal(10000, timers.pending())
    tasks[5000]:cancel()
    assert.equal(9999, timers.pending())
    tasks[10000]:wait(2000)
    assert.equal(9999, #order)
    local ok = true
    for k = 2, #order do
      if order[k] <= order[k - 1] then ok = false end
    end
    assert.is_true(ok)
    assert.equal(0, timers.pending())
    assert.is_false(timers.driver_active())
  end)
end)
