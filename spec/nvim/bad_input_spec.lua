-- Bad-input sweep of the Neovim layers (the core is in spec/core/bad_input_spec.lua): every
-- function of ts.fs, ts.net, ts.lsp, ts.ui, ts.inspect, ts.system / ts.process and ts.uv,
-- called with wrong types, nil, negative/NaN/huge numbers, outside a task and inside one. Each
-- raises an error starting with its public name ("ts.fs.read_file: ...") or accepts the input
-- harmlessly; afterwards no task, deadline, fd or uv-layer handle is left and the runtime works.
-- ts.api / ts.fn are excluded: they are vim.api / vim.fn with the same arguments and errors.
local ts = require("tsasync")
local bad = dofile("spec/helpers/bad_input.lua")
local task_mod = require("tsasync.task")
local timers = require("tsasync.timers")

local function nfd() return #vim.fn.readdir("/proc/self/fd") end

local function targets()
  local list = {}
  local function add(prefix, tbl, skip)
    for _, tg in ipairs(bad.functions(prefix, tbl, skip)) do list[#list + 1] = tg end
  end
  add("ts.fs.", ts.fs)
  add("ts.net.", ts.net)
  add("ts.lsp.", ts.lsp)
  add("ts.ui.", ts.ui)
  add("ts.inspect.", ts.inspect, { open = true, toggle = true }) -- open windows: covered by nvim/inspect_spec.lua
  list[#list + 1] = { name = "ts.system", fn = ts.system }
  list[#list + 1] = { name = "ts.process", fn = ts.process }
  add("ts.uv.", ts.uv)
  add("ts.uv.p.", ts.uv.p)
  return list
end

describe("bad input sweep (Neovim layers)", function()
  -- The sweep calls every ts.uv / ts.fs function with values like (7777, "x"): some succeed
  -- (fs_symlink creates "x"), so it runs in a scratch directory, never in the repository.
  local saved_cwd, scratch
  setup(function()
    saved_cwd = vim.fn.getcwd()
    scratch = vim.fn.tempname()
    vim.fn.mkdir(scratch, "p")
    vim.fn.chdir(scratch)
  end)
  teardown(function()
    vim.fn.chdir(saved_cwd)
    vim.fn.delete(scratch, "rf")
  end)

  it("every function rejects bad input by name or accepts it harmlessly", function()
    local saved = ts.config().on_unhandled
    ts.config({ on_unhandled = function() end })
    local orig_input, orig_select = vim.ui.input, vim.ui.select
    vim.ui.input = function(_, cb) cb(nil) end
    vim.ui.select = function(_, _, cb) cb(nil) end
    -- what the loop creates once and keeps (child watcher pipes, timer driver) exists before the baseline
    ts.block_on(function() ts.system({ "true" }) ts.sleep(1) end, 3000)
    local live0, pending0, fd0, open0 = task_mod.task_counts().live, timers.pending(), nfd(), ts.uv.stats.open
    local list = targets()
    local ok, tried, findings = pcall(bad.sweep, list)
    vim.ui.input, vim.ui.select = orig_input, orig_select
    vim.wait(200, function() return nfd() == fd0 and ts.uv.stats.open == open0 end, 10)
    ts.config({ on_unhandled = saved or false })
    assert(ok, tried)
    -- KNOWN (src/tsasync/fs.ts, not edited here: another engineer works on that file): outside a
    -- task, ts.fs.stat / scandir / exists name the ts.uv function they call instead of their own.
    local known, rest = {}, {}
    for _, f in ipairs(findings) do
      if f:match("^ts%.fs%.[%w_]+%b() outside a task: ts%.uv%.") then known[#known + 1] = f else rest[#rest + 1] = f end
    end
    findings = rest
    if #known > 0 then io.stdout:write("\n[bad input nvim] KNOWN, in fs.ts: " .. table.concat(known, "; ") .. "\n") end
    io.stdout:write(("\n[bad input nvim] %d functions, %d calls (functions x cases x contexts), %d findings\n"):format(#list, tried, #findings))
    assert(#findings == 0, #findings .. " unclear errors:\n  " .. table.concat(findings, "\n  ", 1, math.min(#findings, 60)))
    assert.equal(pending0, timers.pending())
    assert.equal(live0, task_mod.task_counts().live)
    assert.equal(fd0, nfd(), "fds: " .. table.concat(vim.tbl_map(function(f) return vim.uv.fs_readlink("/proc/self/fd/" .. f) or "?" end, vim.fn.readdir("/proc/self/fd")), " "))
    assert.equal(open0, ts.uv.stats.open, "uv-layer handles left open")
    assert.equal(2, ts.block_on(function() ts.sleep(1) return 2 end, 1000))
  end)
end)
