-- Errors raised by user callbacks given to tsasync never break the scheduler: each is reported
-- (through the runtime's error sink, or on_unhandled for failing task bodies), exactly once,
-- and other tasks keep running. Callbacks covered: Task:on_complete, Future:on_complete,
-- ts.wrap's cleanup and on_cancel, ts.debounce / ts.throttle / ts.latest targets, and the
-- on_unhandled handler itself. (ts.select takes no handler callbacks: its cases are data.)
local ts = require("tsasync")
local rt = require("tsasync.runtime").runtime
local task_mod = require("tsasync.task")
local timers = require("tsasync.timers")

describe("errors in user callbacks", function()
  local reports, unhandled, orig_report, saved
  before_each(function()
    reports, unhandled = {}, {}
    orig_report = rt.report_error
    rt.report_error = function(m) reports[#reports + 1] = m end
    saved = ts.config().on_unhandled
    ts.config({ on_unhandled = function(err) unhandled[#unhandled + 1] = err end })
  end)
  after_each(function()
    rt.report_error = orig_report
    ts.config({ on_unhandled = saved or false })
  end)

  -- A bystander that must keep running through every failure: 20 ticks of sleep(1) + a channel.
  local function bystander()
    local tx, rx = ts.channel(1)
    local t = ts.run({ name = "bystander" }, function()
      local n = 0
      for i = 1, 20 do
        ts.sleep(1)
        tx:send(i)
        n = n + rx:recv()
      end
      return n
    end)
    return function()
      assert.equal(210, t:wait(2000))
    end
  end

  local function settle()
    ts.block_on(function() ts.sleep(2) end, 1000)
    ts.block_on(function() ts.schedule() end, 1000)
  end

  it("Task:on_complete and Future:on_complete", function()
    local live0 = task_mod.task_counts().live
    local done = bystander()
    local t = ts.run(function() ts.sleep(1) return 1 end)
    local after = 0
    t:on_complete(function() error("on_complete boom") end)
    t:on_complete(function(ok, v) after = v end) -- later observers still run
    local f = ts.Future.new()
    f:on_complete(function() error("future boom") end)
    local waiter = ts.run(function() return f:await() end)
    f:resolve(7)
    t:wait(1000)
    assert.equal(7, waiter:wait(1000))
    -- already complete: called at once, still reported
    t:on_complete(function() error("late boom") end)
    done()
    settle()
    assert.equal(1, after)
    assert.equal(3, #reports)
    local all = table.concat(reports, "\n")
    for _, m in ipairs({ "on_complete boom", "future boom", "late boom" }) do assert.truthy(all:find(m, 1, true), m) end
    assert.equal(live0, task_mod.task_counts().live)
  end)

  it("ts.wrap cleanup and on_cancel", function()
    local pending0 = timers.pending()
    local done = bystander()
    local late_cb
    local op = ts.wrap(1, function(cb) late_cb = cb end, {
      cleanup = function() error("cleanup boom") end,
    })
    local op2 = ts.wrap(1, function() return "handle" end, {
      on_cancel = function() error("on_cancel boom") end,
    })
    local a = ts.run(function() op() end)
    local b = ts.run(function() op2() end)
    a:cancel()
    b:cancel()
    late_cb("late value") -- arrives after cancellation: goes to cleanup, which fails
    done()
    settle()
    assert.equal("cancelled", a:status())
    assert.equal("cancelled", b:status())
    assert.equal(2, #reports)
    assert.equal(pending0, timers.pending())
  end)

  it("debounce, throttle and latest targets", function()
    local done = bystander()
    local d = ts.debounce(1, function() error("debounce boom") end)
    local th = ts.throttle(1, function() error("throttle boom") end)
    local l = ts.latest(function() ts.sleep(1) error("latest boom") end)
    d() d()
    th()
    l()
    done()
    settle()
    local msgs = {}
    for _, e in ipairs(unhandled) do msgs[#msgs + 1] = tostring(e) end
    local all = table.concat(msgs, "\n")
    assert.truthy(all:find("debounce boom", 1, true))
    assert.truthy(all:find("throttle boom", 1, true))
    assert.truthy(all:find("latest boom", 1, true))
    assert.equal(3, #unhandled) -- two debounced calls ran once
  end)

  it("the on_unhandled handler itself", function()
    local done = bystander()
    ts.config({ on_unhandled = function() error("handler boom") end })
    ts.run(function() error("task boom") end)
    ts.run(function() ts.sleep(1) error("task boom 2") end)
    done()
    settle()
    -- each: the handler failure and the original error are both reported
    assert.equal(4, #reports)
    local all = table.concat(reports, "\n")
    assert.truthy(all:find("handler boom", 1, true))
    assert.truthy(all:find("task boom 2", 1, true))
  end)
end)
