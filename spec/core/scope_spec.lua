-- ts.scope: waits for every task spawned into it, the first failure cancels the rest and is
-- raised, the scope is cancelled as a whole with the task running it, spawn after close raises.
local ts = require("tsasync")
local timers = require("tsasync.timers")

local function run(fn, ms) return ts.block_on(fn, ms or 2000) end

local function guarded(log, name, ms)
  return function()
    local ok = ts.pcall(ts.sleep, ms)
    log[#log + 1] = name .. (ok and " done" or " cleanup")
    if not ok then ts.checkpoint() end -- re-raise the (level-triggered) cancellation
  end
end

describe("ts.scope", function()
  local unhandled, base
  before_each(function()
    unhandled = {}
    ts.config({ on_unhandled = function(err) unhandled[#unhandled + 1] = err end })
    base = timers.pending()
  end)
  after_each(function() ts.config({ on_unhandled = false }) end)

  it("waits for every spawned task, also ones spawned by scope tasks, and returns fn's results", function()
    local log = {}
    local spawned
    local a, b = run(function()
      local x, y = ts.scope(function(scope)
        spawned = scope:spawn(guarded(log, "a", 5))
        scope:spawn(function()
          ts.sleep(1)
          scope:spawn({ name = "grandchild" }, guarded(log, "nested", 8))
          log[#log + 1] = "b done"
        end)
        return "r1", "r2"
      end)
      log[#log + 1] = "scope returned"
      return x, y
    end)
    assert.same({ "r1", "r2" }, { a, b })
    assert.same({ "b done", "a done", "nested done", "scope returned" }, log)
    assert.truthy(tostring(spawned):match("^Task"))
    assert.equal("done", spawned:status())
  end)

  it("the first failure cancels the rest (and fn), which complete before it is raised", function()
    local log = {}
    local ok, err = run(function()
      local ok, e = ts.pcall(ts.scope, function(scope)
        scope:spawn(guarded(log, "sibling", 60000))
        scope:spawn({ name = "bad" }, function() ts.sleep(2); error("scope task failed") end)
        local body_ok = ts.pcall(ts.sleep, 60000)
        log[#log + 1] = "fn interrupted " .. tostring(body_ok)
      end)
      log[#log + 1] = "scope raised"
      return ok, e
    end)
    assert.is_false(ok)
    assert.truthy(tostring(err):find("scope task failed", 1, true))
    assert.truthy(tostring(err):find('in task "bad"', 1, true))
    assert.is_false(ts.is_cancelled(err))
    assert.equal("scope raised", table.remove(log))
    table.sort(log)
    assert.same({ "fn interrupted false", "sibling cleanup" }, log)
    assert.equal(base, timers.pending())
    assert.same({}, unhandled)
  end)

  it("an error in fn itself fails the scope and cancels its tasks", function()
    local log = {}
    local ok, err = run(function()
      return ts.pcall(ts.scope, function(scope)
        scope:spawn(guarded(log, "task", 60000))
        ts.sleep(1)
        error("fn failed")
      end)
    end)
    assert.is_false(ok)
    assert.truthy(tostring(err):find("fn failed", 1, true))
    assert.same({ "task cleanup" }, log)
  end)

  it("is cancelled as a whole with the task running it; everything completes first", function()
    local log = {}
    local caller = ts.run(function()
      ts.scope(function(scope)
        scope:spawn(guarded(log, "one", 60000))
        scope:spawn(guarded(log, "two", 60000))
        guarded(log, "fn", 60000)()
      end)
      log[#log + 1] = "not reached"
    end)
    run(function() ts.sleep(2) end)
    caller:cancel("closing")
    table.sort(log)
    assert.same({ "fn cleanup", "one cleanup", "two cleanup" }, log)
    assert.equal("cancelled", caller:status())
    local _, err = caller:result()
    assert.equal("closing", err.reason)
    assert.equal(base, timers.pending())
  end)

  it("a task of the scope cancelled on its own is not a failure", function()
    local r = run(function()
      return ts.scope(function(scope)
        local t = scope:spawn(function() ts.sleep(60000) end)
        ts.sleep(1)
        t:cancel()
        return "fine"
      end)
    end)
    assert.equal("fine", r)
  end)

  it("spawn after the scope closed raises a clear error; spawn while failing starts cancelled", function()
    local kept, late
    local ok, err = run(function()
      ts.scope(function(scope) kept = scope end)
      return pcall(kept.spawn, kept, function() end)
    end)
    assert.is_false(ok)
    assert.truthy(err:find("scope:spawn: the scope is closed", 1, true))
    run(function()
      ts.pcall(ts.scope, function(scope)
        scope:spawn(function()
          local ok2 = ts.pcall(ts.sleep, 60000)
          assert(not ok2)
          late = scope:spawn(function() ts.sleep(1); return "ran" end) -- during cleanup: starts cancelled
        end)
        scope:spawn(function() error("x") end)
      end)
    end)
    assert.equal("cancelled", late:status())
  end)

  it("checks its arguments", function()
    local ok, e = pcall(ts.scope, function() end)
    assert.is_false(ok)
    assert.truthy(e:find("ts.scope: must be called inside a task", 1, true))
    local errs = run(function()
      local out = {}
      out[1] = select(2, pcall(ts.scope, "x"))
      ts.scope(function(scope)
        out[2] = select(2, pcall(scope.spawn, scope, 42))
        out[3] = select(2, pcall(scope.spawn, scope, { detach = true }, print))
        out[4] = select(2, pcall(scope.spawn, scope, { name = "n" }, "nope"))
      end)
      return out
    end)
    assert.truthy(errs[1]:find("ts.scope: fn must be a function, got string", 1, true))
    assert.truthy(errs[2]:find("scope:spawn: expected fn or (opts, fn), got number", 1, true))
    assert.truthy(errs[3]:find('scope:spawn: unknown option "detach"', 1, true))
    assert.truthy(errs[4]:find("scope:spawn: fn must be a function, got string", 1, true))
  end)
end)
