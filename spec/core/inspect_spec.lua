-- The live task tree (core part of the inspector): roots once suspended, children under them,
-- what each task waits on, ages and start sites in debug mode.
local ts = require("tsasync")

local function find(rows, name)
  for _, r in ipairs(rows) do if r.task.name == name then return r end end
end

describe("ts.inspect.tree", function()
  ts.testing.check_leaks() -- no task, deadline, handle or fd left by a test
  it("lists suspended roots with their children, status and what they wait on", function()
    local f = ts.Future.new()
    local parent = ts.run({ name = "insp-parent" }, function()
      ts.run({ name = "insp-sleeper" }, function() ts.sleep(60000) end)
      ts.run({ name = "insp-waiter" }, function() f:await() end)
      ts.sleep(60000)
    end)
    ts.run({ name = "insp-quick" }, function() end) -- never suspends: never listed
    ts.block_on(function() ts.sleep(1) end)
    local rows = ts.inspect.tree()
    local p, s, w = find(rows, "insp-parent"), find(rows, "insp-sleeper"), find(rows, "insp-waiter")
    assert.truthy(p and s and w)
    assert.is_nil(find(rows, "insp-quick"))
    assert.equal(0, p.depth)
    assert.equal(1, s.depth)
    assert.truthy(s.text:find("[suspended]", 1, true))
    assert.truthy(s.text:find("waiting on: sleep (", 1, true))
    assert.truthy(w.text:find("waiting on: a future", 1, true))
    assert.truthy(p.text:find("inspect_spec.lua:", 1, true)) -- where its function was defined
    parent:cancel()
    assert.is_nil(find(ts.inspect.tree(), "insp-parent"))
  end)

  it("describes a task awaiting another task, and a finished body waiting for children", function()
    local target = ts.run({ name = "insp-target" }, function() ts.sleep(60000) end)
    local awaiting = ts.run({ name = "insp-awaiting" }, function() target:await() end)
    local body_done = ts.run({ name = "insp-body-done" }, function() ts.run(function() ts.sleep(60000) end) end)
    ts.block_on(function() ts.sleep(1) end)
    assert.equal('task "insp-target"', awaiting:waiting_on())
    assert.equal("its children", body_done:waiting_on())
    assert.equal(1, #body_done:children())
    awaiting:cancel(); target:cancel(); body_done:cancel()
    assert.equal("", target:waiting_on())
  end)

  it("debug mode records ages and exact start sites", function()
    ts.config({ debug = true })
    local t = ts.run({ name = "insp-debug" }, function() ts.sleep(60000) end) local line = debug.getinfo(1, "l").currentline
    ts.config({ debug = false })
    ts.block_on(function() ts.sleep(5) end)
    assert.is_true(t:age() >= 0)
    assert.equal("inspect_spec.lua:" .. line, t:site():match("[^/]*$"))
    t:cancel()
    assert.is_nil(ts.run(function() end):age())
  end)
end)
