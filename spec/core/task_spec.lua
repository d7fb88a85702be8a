-- Tasks: ts.run, Task methods, ts.current / ts.in_task. Core only (runs on Neovim and PUC Lua + luv).
local ts = require("tsasync")

local function turn() -- let the event loop run a few turns
  ts.block_on(function() ts.sleep(2) end)
end

describe("ts.run", function()
  local unhandled
  before_each(function()
    unhandled = {}
    ts.config({ on_unhandled = function(err, task) unhandled[#unhandled + 1] = { err = err, task = task } end })
  end)
  after_each(function() ts.config({ on_unhandled = false }) end)

  it("runs a function to completion at once from plain code and returns its values", function()
    local t = ts.run(function(a, b) return a + b, "x", nil end, 1, 2)
    assert.equal("done", t:status())
    assert.is_true(t:is_done())
    local ok, sum, x, n = t:result()
    assert.is_true(ok)
    assert.equal(3, sum)
    assert.equal("x", x)
    assert.is_nil(n)
    assert.same({ 3, "x", nil }, { t:wait() })
    assert.equal(3, select("#", t:wait()))
  end)

  it("keeps nil arguments and nil results", function()
    local t = ts.run(function(...) return select("#", ...), ... end, nil, 2, nil)
    assert.same({ 3, nil, 2, nil }, { t:wait() })
    assert.equal(4, select("#", t:wait()))
  end)

  it("suspends at its first suspension and reports status", function()
    local seen
    local t = ts.run(function() seen = ts.current():status(); ts.sleep(5); return 1 end)
    assert.equal("running", seen)
    assert.equal("suspended", t:status())
    assert.is_false(t:is_done())
    assert.equal(1, t:wait(1000))
    assert.equal("done", t:status())
  end)

  it("takes options: name, detach, fast", function()
    local t = ts.run({ name = "worker", fast = true }, function(x) return x end, 9)
    assert.equal("worker", t.name)
    assert.equal(9, t:wait())
    assert.equal("task", ts.run(function() end).name)
  end)

  it("rejects bad arguments with the function and argument named", function()
    assert.has_error(function() ts.run() end, "ts.run: expected fn or (opts, fn), got nil")
    assert.has_error(function() ts.run(42) end, "ts.run: expected fn or (opts, fn), got number")
    assert.has_error(function() ts.run({ name = "x" }) end, "ts.run: fn must be a function, got nil")
    assert.has_error(function() ts.run({ name = 1 }, function() end) end, "ts.run: opts.name must be a string, got number")
    assert.has_error(function() ts.run({ detach = "yes" }, function() end) end, "ts.run: opts.detach must be a boolean, got string")
    assert.has_error(function() ts.run({ bogus = true }, function() end) end, 'ts.run: unknown option "bogus"')
    -- the runtime still works afterwards
    assert.equal(1, ts.run(function() return 1 end):wait())
  end)

  it("a task started inside a task starts when the parent suspends (no preemption)", function()
    local order = {}
    ts.run(function()
      ts.run(function() order[#order + 1] = "child" end)
      order[#order + 1] = "parent before suspension"
      ts.sleep(1)
      order[#order + 1] = "parent after"
    end):wait(1000)
    assert.same({ "parent before suspension", "child", "parent after" }, order)
  end)
end)

describe("Task methods", function()
  before_each(function() ts.config({ on_unhandled = function() end }) end)
  after_each(function() ts.config({ on_unhandled = false }) end)

  it("result raises while running, then gives ok and values or false and the error", function()
    local t = ts.run(function() ts.sleep(2); error("bad", 0) end)
    assert.has_error(function() t:result() end)
    assert.has_error(function() t:wait(1000) end)
    local ok, err = t:result()
    assert.is_false(ok)
    assert.equal("bad", tostring(err):match("^bad"))
    assert.equal("failed", t:status())
  end)

  it("on_complete runs once with the outcome, at once when already complete, and can unsubscribe", function()
    local got = {}
    local t = ts.run(function() ts.sleep(1); return "v" end)
    t:on_complete(function(ok, v) got[#got + 1] = { ok, v } end)
    local unsub = t:on_complete(function() got[#got + 1] = "unsubscribed one ran" end)
    unsub()
    t:wait(1000)
    assert.same({ { true, "v" } }, got)
    t:on_complete(function(ok, v) got[#got + 1] = { ok, v, "late" } end)
    assert.same({ true, "v", "late" }, got[2])
    assert.has_error(function() t:on_complete("x") end, "Task:on_complete: fn must be a function, got string")
  end)

  it("an error inside on_complete is reported and does not break the scheduler", function()
    local reports = {}
    ts.config({ on_unhandled = false })
    local rt = require("tsasync.runtime").runtime
    local orig = rt.report_error
    rt.report_error = function(msg) reports[#reports + 1] = msg end
    local t = ts.run(function() ts.sleep(1); return 1 end)
    t:on_complete(function() error("observer broke") end)
    local other = ts.run(function() ts.sleep(3); return "still fine" end)
    assert.equal(1, t:wait(1000))
    assert.equal("still fine", other:wait(1000))
    rt.report_error = orig
    assert.equal(1, #reports)
    assert.truthy(reports[1]:find("observer broke", 1, true))
  end)

  it("traceback names the task and shows where it is suspended", function()
    local t = ts.run({ name = "tb" }, function() ts.sleep(50) end)
    local tb = t:traceback()
    assert.truthy(tb:find('task "tb"', 1, true))
    assert.truthy(tb:find("suspended", 1, true))
    assert.truthy(tb:find("task_spec.lua", 1, true))
    t:cancel()
  end)

  it("ts.current and ts.in_task", function()
    assert.is_nil(ts.current())
    assert.is_false(ts.in_task())
    local inside
    local t = ts.run(function() inside = { ts.current(), ts.in_task() } end)
    assert.equal(t, inside[1])
    assert.is_true(inside[2])
  end)

  it("tostring shows name and status", function()
    local t = ts.run({ name = "n" }, function() end)
    assert.equal('Task "n" (done)', tostring(t))
  end)

  it("a bare coroutine.yield inside a task yields to the other tasks and continues", function()
    local order = {}
    ts.run(function()
      ts.run(function() order[#order + 1] = "b" end)
      coroutine.yield()
      order[#order + 1] = "a"
    end):wait(1000)
    assert.same({ "b", "a" }, order)
  end)
end)
