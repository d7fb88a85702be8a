-- Errors: tracebacks, task context, wrappers that hide nothing, unhandled reporting.
local ts = require("tsasync")

describe("errors", function()
  local unhandled
  before_each(function()
    unhandled = {}
    ts.config({ on_unhandled = function(err, task) unhandled[#unhandled + 1] = { err = err, task = task } end })
  end)
  after_each(function() ts.config({ on_unhandled = false }) end)

  local function turns() ts.block_on(function() ts.sleep(5) end) end

  it("keep the message, the raise site's traceback, the task name and its start site", function()
    local function deep() error("deep failure") end
    local t = ts.run({ name = "loader" }, function() ts.sleep(1); deep() end)
    local ok, err = pcall(t.wait, t, 1000)
    assert.is_false(ok)
    local s = tostring(err)
    assert.truthy(s:find("^[^\n]*errors_spec.lua:%d+: deep failure"))
    assert.truthy(s:find('in task "loader" (started at ', 1, true))
    assert.truthy(s:find("in function 'deep'", 1, true) or s:find("deep", 1, true))
    assert.truthy(s:find("errors_spec.lua:", 1, true))
    assert.equal("loader", err.task)
    assert.truthy(err.message:find("deep failure", 1, true))
  end)

  it("re-raising through await adds context and hides nothing", function()
    local inner = ts.run({ name = "inner" }, function() ts.sleep(1); error({ code = "E42", data = { 1 } }) end)
    local outer = ts.run({ name = "outer" }, function() return inner:await() end)
    local ok, err = pcall(outer.wait, outer, 1000)
    assert.is_false(ok)
    assert.equal("E42", err.code) -- fields of a table error stay readable through two wrappers
    assert.same({ 1 }, err.data)
    local s = tostring(err)
    local i1 = s:find('in task "inner"', 1, true)
    local i2 = s:find('in task "outer"', 1, true)
    assert.truthy(i1 and i2 and i1 < i2)
  end)

  it("is_cancelled / is_timeout see through wrappers", function()
    local sleeper = ts.run(function() ts.sleep(60000) end)
    local waiter = ts.run({ name = "w" }, function() return sleeper:await() end)
    sleeper:cancel()
    local _, err = waiter:result()
    assert.equal("failed", waiter:status()) -- it was not cancelled itself: it failed awaiting a cancelled task
    assert.is_true(ts.is_cancelled(err))
    assert.is_false(ts.is_timeout(err))
    local tb = ts.run(function() ts.block_on(function() end) end)
    local _, terr = pcall(ts.block_on, function() ts.sleep(1000) end, 5)
    assert.is_true(ts.is_timeout(terr))
    assert.is_false(ts.is_cancelled(terr))
    assert.equal("failed", tb:status()) -- block_on refuses inside a task
    assert.is_false(ts.is_cancelled("cancelled"))
    assert.is_false(ts.is_timeout(nil))
  end)

  it("an unobserved failure of a root task is reported once, on a later loop turn", function()
    local t = ts.run({ name = "lost" }, function() error("nobody listens") end)
    assert.equal(0, #unhandled) -- not in the same turn: it could still be observed
    turns()
    turns()
    assert.equal(1, #unhandled)
    assert.equal(t, unhandled[1].task)
    assert.truthy(tostring(unhandled[1].err):find("nobody listens", 1, true))
  end)

  it("an observed failure is never reported", function()
    local t1 = ts.run(function() error("a") end)
    t1:on_complete(function() end) -- observed in the same turn
    local t2 = ts.run(function() ts.sleep(1); error("b") end)
    ts.run(function() t2:pawait() end)
    local t3 = ts.run(function() ts.sleep(1); error("c") end)
    pcall(t3.wait, t3, 1000)
    local t4 = ts.run(function() error("d") end)
    t4:result()
    turns()
    assert.equal(0, #unhandled)
  end)

  it("cancellations are not reported", function()
    local t = ts.run(function() ts.sleep(1000) end)
    t:cancel()
    turns()
    assert.equal(0, #unhandled)
  end)

  it("without a handler, unobserved failures go to the runtime's error sink", function()
    ts.config({ on_unhandled = false })
    local rt = require("tsasync.runtime").runtime
    local orig, got = rt.report_error, {}
    rt.report_error = function(msg) got[#got + 1] = msg end
    ts.run({ name = "dropped" }, function() error("to the sink") end)
    turns()
    rt.report_error = orig
    assert.equal(1, #got)
    assert.truthy(got[1]:find('unhandled error in task "dropped"', 1, true))
    assert.truthy(got[1]:find("to the sink", 1, true))
  end)

  it("a failing on_unhandled handler is itself reported, with the original error", function()
    ts.config({ on_unhandled = function() error("handler broke") end })
    local rt = require("tsasync.runtime").runtime
    local orig, got = rt.report_error, {}
    rt.report_error = function(msg) got[#got + 1] = msg end
    ts.run(function() error("original") end)
    turns()
    rt.report_error = orig
    assert.equal(2, #got)
    assert.truthy(got[1]:find("handler broke", 1, true))
    assert.truthy(got[2]:find("original", 1, true))
  end)
end)

describe("ts.config", function()
  it("validates keys and types and returns the settings in force", function()
    assert.has_error(function() ts.config("x") end, "ts.config: opts must be a table, got string")
    assert.has_error(function() ts.config({ nope = 1 }) end, 'ts.config: unknown option "nope"')
    assert.has_error(function() ts.config({ debug = 1 }) end, "ts.config: debug must be a boolean, got number")
    assert.has_error(function() ts.config({ on_unhandled = 1 }) end, "ts.config: on_unhandled must be a function or false, got number")
    assert.has_error(function() ts.config({ slow_step_ms = -1 }) end, "ts.config: slow_step_ms must be a non-negative number, got -1")
    local c = ts.config()
    assert.same({ on_unhandled = false, debug = false, slow_step_ms = 100 }, c)
  end)

  it("debug mode records the exact start site", function()
    ts.config({ debug = true })
    local t = ts.run(function() ts.sleep(100) end) local line = debug.getinfo(1, "l").currentline
    ts.config({ debug = false })
    assert.truthy(t:traceback():find("errors_spec.lua:" .. line, 1, true))
    t:cancel()
  end)

  it("debug mode warns about a step that runs longer than slow_step_ms, naming the task", function()
    local rt = require("tsasync.runtime").runtime
    local orig, got = rt.report_warning, {}
    rt.report_warning = function(msg) got[#got + 1] = msg end
    ts.config({ debug = true, slow_step_ms = 5 })
    local uv = rt.uv
    ts.run({ name = "hog" }, function() local t0 = uv.hrtime() while uv.hrtime() - t0 < 20e6 do end end)
    ts.config({ debug = false, slow_step_ms = 100 })
    rt.report_warning = orig
    assert.equal(1, #got)
    assert.truthy(got[1]:find('task "hog"', 1, true))
  end)
end)
