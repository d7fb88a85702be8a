-- Combinators inside Neovim: the generic-for form of ts.as_completed (LuaJIT yields across
-- the iterator call), the README's "two things concurrently with a deadline" example with
-- real processes, and editor helpers driven by autocmds.
local ts = require("tsasync")
local timers = require("tsasync.timers")

describe("combinators in Neovim", function()
  it("for t, i in ts.as_completed(list) iterates in completion order", function()
    local order = ts.block_on(function()
      local out = {}
      for t, i in ts.as_completed({
        function() ts.sleep(6); return "c" end,
        function() ts.sleep(1); return "a" end,
        function() ts.sleep(3); return "b" end,
      }) do
        out[#out + 1] = i .. "=" .. t:await()
      end
      return out
    end, 2000)
    assert.same({ "2=a", "3=b", "1=c" }, order)
  end)

  describe("README example: two processes concurrently with a deadline", function()
    local procs
    local system = ts.wrap(3, function(cmd, opts, on_exit)
      local p = vim.system(cmd, opts, on_exit)
      procs[#procs + 1] = p
      return p
    end, { on_cancel = function(proc) proc:kill("sigterm") end })

    local function fetch_both(ms, cmd1, cmd2)
      return ts.block_on(function()
        return ts.pcall(ts.timeout, ms, ts.all, {
          function() return system(cmd1, { text = true }) end,
          function() return system(cmd2, { text = true }) end,
        })
      end, 5000)
    end

    before_each(function() procs = {} end)

    it("returns both results when they finish in time", function()
      local base = timers.pending()
      local ok, res = fetch_both(5000, { "echo", "one" }, { "echo", "two" })
      assert.is_true(ok)
      assert.equal("one\n", res[1][1].stdout)
      assert.equal("two\n", res[2][1].stdout)
      assert.equal(base, timers.pending()) -- the 5 s deadline is gone already
    end)

    it("on timeout both processes were killed before the timeout error is raised", function()
      local ok, err = fetch_both(50, { "sleep", "10" }, { "sleep", "10" })
      assert.is_false(ok)
      assert.is_true(ts.is_timeout(err))
      assert.equal(2, #procs)
      for _, p in ipairs(procs) do
        local r = p:wait(2000)
        assert.equal(15, r.signal) -- SIGTERM from on_cancel, not a timeout of :wait
      end
    end)
  end)

  it("ts.debounce fed by an autocmd runs fn once, on the main loop, with the last event", function()
    local seen = {}
    local d = ts.debounce(20, function(ev)
      seen[#seen + 1] = { match = ev.match, fast = vim.in_fast_event(), buf = vim.api.nvim_get_current_buf() }
    end)
    local group = vim.api.nvim_create_augroup("tsasync_debounce_spec", { clear = true })
    vim.api.nvim_create_autocmd("User", { group = group, pattern = "TsDebounce*", callback = function(ev) d(ev) end })
    for i = 1, 3 do vim.api.nvim_exec_autocmds("User", { pattern = "TsDebounce" .. i }) end
    assert.is_true(vim.wait(2000, function() return #seen == 1 end, 5))
    vim.wait(50)
    vim.api.nvim_del_augroup_by_id(group)
    assert.equal(1, #seen)
    assert.equal("TsDebounce3", seen[1].match)
    assert.is_false(seen[1].fast)
    assert.is_number(seen[1].buf)
  end)

  it("ts.latest called from a keymap cancels the previous request", function()
    local log, n, last = {}, 0, nil
    local request = ts.latest(function(word)
      local ok = ts.pcall(ts.sleep, 30)
      log[#log + 1] = word .. (ok and " answered" or " cancelled")
    end)
    vim.keymap.set("n", "<Plug>(tsasync-latest)", function()
      n = n + 1
      last = request("k" .. n)
    end)
    for _ = 1, 3 do vim.api.nvim_feedkeys(vim.keycode("<Plug>(tsasync-latest)"), "x", false) end
    vim.keymap.del("n", "<Plug>(tsasync-latest)")
    last:wait(1000)
    assert.same({ "k1 cancelled", "k2 cancelled", "k3 answered" }, log)
  end)
end)
