-- Re-entrancy: awaiting from places Neovim calls back into Lua. Each either works or raises a
-- clear error, and never corrupts state: after every case no deadline or task is left behind
-- and the runtime still runs tasks. Documented in doc/tsasync.txt |tsasync-reentrancy|.
local ts = require("tsasync")
local timers = require("tsasync.timers")
local task_mod = require("tsasync.task")

local MUST_BE_IN_TASK = "must be called inside a task"
local C_CALLBACK = "cannot suspend inside a callback that a C function runs"

describe("re-entrancy", function()
  local live0, pending0
  before_each(function()
    live0, pending0 = task_mod.task_counts().live, timers.pending()
  end)
  after_each(function()
    -- nothing left behind, and the runtime still works
    assert.equal(pending0, timers.pending())
    assert.equal(live0, task_mod.task_counts().live)
    assert.equal(3, ts.block_on(function() ts.sleep(1) return 3 end, 1000))
  end)

  it("vim.schedule callbacks: awaiting raises clearly; ts.run inside works", function()
    local err, result
    vim.schedule(function()
      local ok, e = pcall(ts.sleep, 1)
      err = not ok and e
      ts.run(function()
        ts.sleep(1)
        result = vim.api.nvim_get_current_buf()
      end)
    end)
    assert.is_true(vim.wait(1000, function() return result ~= nil end))
    assert.truthy(tostring(err):find("ts.sleep: " .. MUST_BE_IN_TASK, 1, true))
  end)

  it("autocmds fired by the editor: awaiting raises clearly; ts.run inside works", function()
    local err, result
    local id = vim.api.nvim_create_autocmd("User", {
      pattern = "TsasyncReentry",
      callback = function()
        local ok, e = pcall(ts.sleep, 1)
        err = not ok and e
        ts.run(function() ts.sleep(1) result = "ran" end)
      end,
    })
    vim.api.nvim_exec_autocmds("User", { pattern = "TsasyncReentry" })
    vim.api.nvim_del_autocmd(id)
    assert.is_true(vim.wait(1000, function() return result ~= nil end))
    assert.truthy(tostring(err):find("ts.sleep: " .. MUST_BE_IN_TASK, 1, true))
  end)

  it("autocmds fired from inside a task: awaiting in the callback raises clearly, the task goes on", function()
    local err
    local id = vim.api.nvim_create_autocmd("User", {
      pattern = "TsasyncReentry2",
      callback = function()
        local ok, e = pcall(ts.sleep, 5)
        err = not ok and e
      end,
    })
    local t = ts.run(function()
      vim.api.nvim_exec_autocmds("User", { pattern = "TsasyncReentry2" })
      assert.equal(pending0, timers.pending()) -- the refused sleep left no deadline
      ts.sleep(1)
      return "after"
    end)
    assert.equal("after", t:wait(1000))
    vim.api.nvim_del_autocmd(id)
    -- 0.10 runs the callback on the task's coroutine (a C boundary), 0.11+ on another one
    local msg = tostring(err)
    assert.truthy(msg:find(C_CALLBACK, 1, true) or msg:find("coroutine that tsasync does not drive", 1, true), msg)
  end)

  it("vim.wait predicates: outside a task raise clearly; inside a task raise clearly and leave nothing", function()
    local ok1, e1 = pcall(vim.wait, 50, function() ts.sleep(1) return true end)
    assert.is_false(ok1)
    assert.truthy(tostring(e1):find("ts.sleep: " .. MUST_BE_IN_TASK, 1, true))
    local t = ts.run(function()
      local ok, e = pcall(vim.wait, 50, function() ts.sleep(1) return true end)
      assert.equal(pending0, timers.pending()) -- no stray deadline that would wake the task later
      ts.sleep(2) -- a stray wake-up from the refused sleep would end this early or twice
      return ok, e
    end)
    local ok2, e2 = t:wait(1000)
    assert.is_false(ok2)
    assert.truthy(tostring(e2):find(C_CALLBACK, 1, true))
  end)

  it("vim.wait inside a task pumps the loop, but other tasks run only once it returns", function()
    local flag = false
    local other = ts.run(function() ts.sleep(2) flag = true end)
    local t = ts.run(function()
      return vim.wait(50, function() return flag end)
    end)
    assert.is_false(t:wait(1000)) -- the other task could not run meanwhile
    other:wait(1000) -- but its wake-up was not lost
    assert.is_true(flag)
  end)

  it("vim.ui callbacks: ts.ui.* work with synchronous and deferred implementations; awaiting in a deferred callback raises clearly", function()
    local orig_input, orig_select = vim.ui.input, vim.ui.select
    finally(function() vim.ui.input, vim.ui.select = orig_input, orig_select end)
    vim.ui.input = function(_, on_confirm) on_confirm("typed") end
    vim.ui.select = function(items, _, on_choice) vim.schedule(function() on_choice(items[2], 2) end) end
    local got = ts.block_on(function()
      local a = ts.ui.input({ prompt = "x" })
      local b, i = ts.ui.select({ "a", "b" }, {})
      return a .. b .. i
    end, 1000)
    assert.equal("typedb2", got)
    -- a user callback that Lua calls synchronously inside a task runs on the task: it may await
    local t = ts.run(function()
      local out
      vim.ui.input({}, function(v) ts.sleep(1) out = v end)
      return out
    end)
    assert.equal("typed", t:wait(1000))
    -- called later from the main loop, the callback is outside every task
    local err
    vim.ui.select({ "a", "b" }, {}, function() local ok, e = pcall(ts.sleep, 1) err = e end)
    assert.is_true(vim.wait(1000, function() return err ~= nil end))
    assert.truthy(tostring(err):find("ts.sleep: " .. MUST_BE_IN_TASK, 1, true))
  end)
end)
