-- Structured concurrency: children, parents waiting, failure propagation, cancellation of subtrees, detach.
local ts = require("tsasync")

describe("structured concurrency", function()
  ts.testing.check_leaks() -- no task, deadline, handle or fd left by a test
  local unhandled
  before_each(function()
    unhandled = {}
    ts.config({ on_unhandled = function(err, task) unhandled[#unhandled + 1] = { err = err, task = task } end })
  end)
  after_each(function() ts.config({ on_unhandled = false }) end)

  it("a parent does not complete until its children complete", function()
    local child
    local parent = ts.run(function()
      child = ts.run(function() ts.sleep(10); return "c" end)
      return "p"
    end)
    assert.equal("suspended", parent:status())
    assert.equal("p", parent:wait(1000))
    assert.equal("done", child:status())
  end)

  it("a child's unobserved failure fails the parent and cancels the siblings", function()
    local sibling
    local parent = ts.run({ name = "parent" }, function()
      sibling = ts.run(function() ts.sleep(60000) end)
      ts.run({ name = "bad child" }, function() ts.sleep(1); error("child boom") end)
      ts.sleep(60000)
    end)
    local ok, err = pcall(parent.wait, parent, 1000)
    assert.is_false(ok)
    assert.equal("failed", parent:status())
    assert.equal("cancelled", sibling:status())
    assert.truthy(tostring(err):find("child boom", 1, true))
    assert.truthy(tostring(err):find('in task "bad child"', 1, true))
    assert.is_false(ts.is_cancelled(err))
  end)

  it("a child failure observed by the parent does not fail it", function()
    local parent = ts.run(function()
      local c = ts.run(function() ts.sleep(1); error("handled") end)
      local ok, e = c:pawait()
      return ok, tostring(e):match("handled")
    end)
    assert.same({ false, "handled" }, { parent:wait(1000) })
    assert.equal("done", parent:status())
  end)

  it("a child failure observed with on_complete does not fail the parent", function()
    local seen
    local parent = ts.run(function()
      local c = ts.run(function() ts.sleep(1); error("seen") end)
      c:on_complete(function(ok) seen = ok end)
      ts.sleep(5)
      return "fine"
    end)
    assert.equal("fine", parent:wait(1000))
    assert.is_false(seen)
  end)

  it("a child failure after the parent's body returned still fails the parent", function()
    local parent = ts.run(function()
      ts.run(function() ts.sleep(2); error("late child") end)
      return "body done"
    end)
    local ok, err = pcall(parent.wait, parent, 1000)
    assert.is_false(ok)
    assert.truthy(tostring(err):find("late child", 1, true))
    assert.equal(0, #unhandled) -- observed through the parent's wait: not reported
  end)

  it("cancelling a parent cancels its whole subtree", function()
    local leaves = {}
    local root = ts.run(function()
      for i = 1, 3 do
        ts.run(function()
          for j = 1, 3 do leaves[#leaves + 1] = ts.run(function() ts.sleep(60000) end) end
          ts.sleep(60000)
        end)
      end
      ts.sleep(60000)
    end)
    ts.block_on(function() ts.sleep(1) end) -- let the tree start
    assert.equal(9, #leaves)
    root:cancel()
    assert.equal("cancelled", root:status())
    for _, l in ipairs(leaves) do assert.equal("cancelled", l:status()) end
  end)

  it("children started after the parent was cancelled start cancelled", function()
    local log = {}
    local parent = ts.run(function()
      ts.current():cancel()
      local c = ts.run(function()
        log[#log + 1] = "child body runs"
        ts.sleep(1)
        log[#log + 1] = "not reached"
      end)
      log[#log + 1] = c
    end)
    assert.equal("cancelled", parent:status())
    assert.equal("child body runs", log[2])
    assert.equal("cancelled", log[1]:status())
  end)

  it("a failing parent cancels its children", function()
    local child
    local parent = ts.run(function()
      child = ts.run(function() ts.sleep(60000) end)
      ts.sleep(1)
      error("parent boom")
    end)
    pcall(parent.wait, parent, 1000)
    assert.equal("failed", parent:status())
    assert.equal("cancelled", child:status())
  end)

  it("detach: the parent neither waits for nor fails with a detached child", function()
    local child
    local parent = ts.run(function()
      child = ts.run(function() ts.sleep(5); error("detached boom") end):detach()
      local d2 = ts.run({ detach = true }, function() ts.sleep(60000) end)
      return d2
    end)
    local d2 = parent:wait(1000)
    assert.equal("done", parent:status())
    assert.equal("suspended", d2:status())
    ts.block_on(function() ts.sleep(10) end)
    assert.equal("failed", child:status())
    assert.equal(1, #unhandled) -- reported as a root's unobserved failure
    assert.equal(child, unhandled[1].task)
    d2:cancel()
  end)

  it("detach of the last child of a parent that already returned completes the parent", function()
    local child
    local parent = ts.run(function()
      child = ts.run(function() ts.sleep(60000) end)
      return "p"
    end)
    ts.block_on(function() ts.sleep(1) end)
    assert.equal("suspended", parent:status()) -- returned, waits for its child
    child:detach()
    assert.equal("done", parent:status())
    assert.equal("p", parent:wait(10))
    child:cancel()
  end)

  it("cancelling a child does not cancel or fail its parent", function()
    local parent = ts.run(function()
      local c = ts.run(function() ts.sleep(60000) end)
      ts.sleep(1)
      c:cancel() -- from inside a task: c unwinds as soon as this task suspends
      c:pawait()
      return c:status()
    end)
    assert.equal("cancelled", parent:wait(1000))
    assert.equal("done", parent:status())
  end)
end)
