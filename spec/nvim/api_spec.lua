-- ts.api / ts.fn proxies (hop to the main loop only from a fast event) and ts.ui (awaits
-- whatever vim.ui.* is installed at call time).
local ts = require("tsasync")
local uv = vim.uv or vim.loop
local stats = require("tsasync.scheduler").stats

describe("ts.api / ts.fn", function()
  it("same arguments and results as vim.api / vim.fn", function()
    local buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, { "a", "b" })
    local lines, expanded = ts.block_on(function()
      return ts.api.nvim_buf_get_lines(buf, 0, -1, false), ts.fn.fnamemodify("/x/y.txt", ":t")
    end)
    assert.same({ "a", "b" }, lines)
    assert.equal("y.txt", expanded)
    assert.equal(vim.api.nvim_get_current_buf(), ts.api.nvim_get_current_buf()) -- also outside tasks
    vim.api.nvim_buf_delete(buf, { force = true })
  end)

  it("in a fast event inside a task they hop to the main loop first", function()
    local t = ts.run({ fast = true }, function()
      ts.await(2, uv.fs_stat, "/") -- resumes inside the fast callback (fast = true)
      local before = vim.in_fast_event()
      local name = ts.api.nvim_buf_get_name(0)
      local cwd = ts.fn.getcwd()
      return before, type(name), cwd == vim.fn.getcwd(), vim.in_fast_event()
    end)
    assert.same({ true, "string", true, false }, { t:wait(2000) })
  end)

  it("outside a fast event they call directly, with no hop", function()
    local hops
    ts.block_on(function()
      ts.schedule()
      local before = stats.hops
      ts.api.nvim_get_current_buf()
      ts.fn.getcwd()
      hops = stats.hops - before
    end)
    assert.equal(0, hops)
  end)

  it("in a fast event outside a task they raise a clear error", function()
    local err
    local timer = uv.new_timer()
    timer:start(1, 0, function()
      local _, e = pcall(ts.api.nvim_get_current_buf)
      err = e
      timer:close()
    end)
    vim.wait(1000, function() return err ~= nil end)
    assert.matches("ts.api.nvim_get_current_buf: called in a fast event (a libuv callback) outside a task", err, 1, true)
  end)

  it("an unknown name raises", function()
    assert.has_error(function() ts.api.nvim_no_such_function() end, "ts.api.nvim_no_such_function: no such function")
  end)
end)

describe("ts.ui", function()
  local saved_select, saved_input
  before_each(function() saved_select, saved_input = vim.ui.select, vim.ui.input end)
  after_each(function() vim.ui.select, vim.ui.input = saved_select, saved_input end)

  it("select awaits the vim.ui.select installed at call time", function()
    local seen
    vim.ui.select = function(items, opts, on_choice)
      seen = opts.prompt
      vim.defer_fn(function() on_choice(items[2], 2) end, 5) -- answers later, like a real picker
    end
    local item, idx = ts.block_on(function() return ts.ui.select({ "a", "b", "c" }, { prompt = "Pick" }) end, 2000)
    assert.same({ "b", 2, "Pick" }, { item, idx, seen })
    vim.ui.select = function(_, _, on_choice) on_choice(nil, nil) end -- dismissed
    local none = ts.block_on(function() return ts.ui.select({ "a" }) end, 2000)
    assert.is_nil(none)
  end)

  it("input awaits the vim.ui.input installed at call time", function()
    vim.ui.input = function(opts, on_confirm) on_confirm(opts.default .. "!") end
    assert.equal("x!", ts.block_on(function() return ts.ui.input({ default = "x" }) end, 2000))
  end)

  it("validates arguments", function()
    ts.block_on(function()
      assert.has_error(function() ts.ui.select("nope") end, "ts.ui.select: items must be a list, got string")
      assert.has_error(function() ts.ui.input(3) end, "ts.ui.input: opts must be a table, got number")
    end)
  end)
end)
