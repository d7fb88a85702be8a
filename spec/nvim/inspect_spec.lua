-- :Tsasync tasks (the inspector buffer), command completion, :checkhealth tsasync.
local ts = require("tsasync")

describe(":Tsasync", function()
  setup(function() vim.cmd.runtime("plugin/tsasync.lua") end)

  local function buf_text(buf) return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n") end

  it("completes its subcommands", function()
    assert.same({ "health", "tasks" }, vim.fn.getcompletion("Tsasync ", "cmdline"))
    assert.same({ "tasks" }, vim.fn.getcompletion("Tsasync ta", "cmdline"))
  end)

  it("tasks: shows the live tree; r refreshes; x cancels the task under the cursor", function()
    local victim = ts.run({ name = "zz-victim" }, function() ts.sleep(60000) end)
    local other = ts.run({ name = "zz-other" }, function() ts.sleep(60000) end)
    vim.cmd("Tsasync tasks")
    local buf = vim.api.nvim_get_current_buf()
    local text = buf_text(buf)
    assert.truthy(text:find("zz-victim  [suspended]", 1, true))
    assert.truthy(text:find("waiting on: sleep", 1, true))
    assert.is_false(vim.bo[buf].modifiable)
    -- put the cursor on the victim's row and press x
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    for i, l in ipairs(lines) do if l:find("zz-victim", 1, true) then vim.api.nvim_win_set_cursor(0, { i, 0 }) end end
    vim.api.nvim_feedkeys("x", "x", false)
    assert.equal("cancelled", victim:status())
    assert.equal("suspended", other:status())
    assert.is_nil(buf_text(buf):find("zz-victim", 1, true))
    -- a task started later appears after r
    local late = ts.run({ name = "zz-late" }, function() ts.sleep(60000) end)
    assert.is_nil(buf_text(buf):find("zz-late", 1, true))
    vim.api.nvim_feedkeys("r", "x", false)
    assert.truthy(buf_text(buf):find("zz-late", 1, true))
    other:cancel(); late:cancel()
    vim.cmd("bwipeout!")
  end)

  it("reports an unknown subcommand clearly", function()
    local orig, got = vim.notify, nil
    vim.notify = function(msg, level) got = { msg, level } end
    vim.cmd("Tsasync bogus")
    vim.notify = orig
    assert.equal(vim.log.levels.ERROR, got[2])
    assert.truthy(got[1]:find('unknown subcommand "bogus"', 1, true))
  end)

  it(":checkhealth tsasync is clean", function()
    vim.cmd("checkhealth tsasync")
    local text = buf_text(vim.api.nvim_get_current_buf())
    assert.truthy(text:find("tsasync", 1, true))
    assert.truthy(text:find("resolves to one copy", 1, true))
    assert.truthy(text:find("live", 1, true))
    assert.is_nil(text:find("ERROR", 1, true))
    vim.cmd("bwipeout!")
  end)
end)
