-- ts.testing with real busted: spec/fixtures/testing_kit.lua run by a child runner (this lane's
-- Neovim through spec/runner.lua, and PUC Lua 5.1 through spec/puc_runner.lua). A hanging test
-- fails with its task tree and tracebacks instead of freezing the run; errors and failed
-- assertions keep the task's context; check_leaks fails the test that leaked a task.
local ts = require("tsasync")
local child = dofile("spec/helpers/child_runner.lua")

local function check_output(code, out)
  assert.are_not.equal(0, code, out)
  -- passes: the suspending body, the leaking body (its after_each fails), plain it
  assert.truthy(child.summary(out):find("3 passed, 4 failed, 0 skipped", 1, true), out)
  -- the hanging test: located at its body, with the task tree and both tracebacks
  assert.truthy(out:find('spec/fixtures/testing_kit.lua:14: ts.testing.it: test "hangs on purpose" did not finish within 300 ms; its task waits on: task "stuck child"', 1, true), out)
  assert.truthy(out:find("stuck child  [suspended]  waiting on: a future  (spec/fixtures/testing_kit.lua:16)", 1, true), out)
  assert.truthy(out:find('task "stuck child" (suspended, started at spec/fixtures/testing_kit.lua:16)\nstack traceback:', 1, true), out)
  assert.truthy(out:find("spec/fixtures/testing_kit.lua:17: in function", 1, true), out)
  assert.truthy(out:find("spec/fixtures/testing_kit.lua:20: in function", 1, true), out)
  -- an error in the body: an error, with the task's context
  assert.truthy(out:find('Error %-> [^\n]*\nkit fixture raises on purpose\nspec/fixtures/testing_kit.lua:25: boom from the body\nin task "test: raises on purpose"'), out)
  assert.truthy(out:find("spec/fixtures/testing_kit.lua:25: in function 'deep_helper'", 1, true), out)
  -- a failed assertion: still a busted failure, with the task's context
  assert.truthy(out:find('Failure %-> [^\n]*\nkit fixture fails an assertion on purpose\nspec/fixtures/testing_kit.lua:31: Expected objects to be equal.'), out)
  assert.truthy(out:find('in task "test: fails an assertion on purpose"', 1, true), out)
  -- the leak check
  assert.truthy(out:find("ts.testing.assert_no_leaks: left over after 100 ms:\nlive tasks: 1 (snapshot: 0)\n  leaked sleeper  [suspended]  waiting on: sleep (", 1, true), out)
  -- not unhandled: every error went to its test
  assert.is_nil(out:find("unhandled error", 1, true), out)
end

describe("ts.testing with real busted", function()
  ts.testing.check_leaks()

  it("nvim -l spec/runner.lua: hang, error, failure and leak are reported; the run does not freeze", function()
    local t0 = vim.uv.hrtime()
    local code, out = child.nvim("spec/fixtures/testing_kit.lua")
    check_output(code, out)
    assert.is_true((vim.uv.hrtime() - t0) / 1e6 < 15000, "the child run took too long") -- far below the 20 s kill
  end)

  it("PUC Lua 5.1 + luv: the same fixture, the same reports", function()
    if not child.puc_lua() then
      pending("no PUC Lua 5.1 in .deps/lua (make deps)")
      return
    end
    check_output(child.puc("spec/fixtures/testing_kit.lua"))
  end)

  it("the locations busted prints are the spec file's (LuaJIT)", function()
    local _, out = child.nvim("spec/fixtures/testing_kit.lua")
    assert.truthy(out:find("Error -> spec/fixtures/testing_kit.lua @ 14", 1, true), out)
    assert.truthy(out:find("Failure -> spec/fixtures/testing_kit.lua @ 29", 1, true), out)
  end)
end)
