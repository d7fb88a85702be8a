-- Proves the test harness itself (scripts/test.sh + spec/runner.lua + .deps/ isolation):
-- which Neovim runs, where require("tsasync") comes from, that the user's config is untouched,
-- and that failures and a closed stdin are reported correctly by a child runner.
local root = vim.fn.getcwd()
local uv = vim.uv
local v = vim.version()
local version = ("%d.%d.%d"):format(v.major, v.minor, v.patch)

local child_runner = dofile("spec/helpers/child_runner.lua")
local lane_nvim = child_runner.lane_nvim
local is_get_nvim_dest = child_runner.is_get_nvim_dest
local child = child_runner.nvim

local function under(dir, path)
  return path ~= nil and path:sub(1, #dir + 1) == dir .. "/"
end

describe("harness", function()
  it("runs on Neovim >= 0.10 (this lane: " .. version .. ")", function()
    assert.is_true(v.major > 0 or v.minor >= 10, "Neovim " .. version .. " is older than 0.10")
    assert.is_table(jit, "Neovim without LuaJIT")
    local expected = os.getenv("TSASYNC_LANE_NVIM_VERSION") -- what the lane header printed
    if expected and expected ~= "" then
      assert.are.equal(expected, version)
    end
  end)

  it("resolves require('tsasync') to this repo's lua/tsasync/init.lua", function()
    local want = root .. "/lua/tsasync/init.lua"
    assert.are.equal(want, vim.api.nvim_get_runtime_file("lua/tsasync/init.lua", false)[1])
    local mod = require("tsasync") -- not reloaded: other specs may hold the loaded instance
    assert.is_not_nil(mod)
    -- every function the module exports was defined in this repo's lua/tsasync/ (init.lua may
    -- re-export functions of other modules)
    local dir = "@" .. root .. "/lua/tsasync/"
    for name, f in pairs(type(mod) == "table" and mod or {}) do
      if type(f) == "function" then
        local src = debug.getinfo(f, "S").source:gsub("^@%./", "@" .. root .. "/")
        if src:sub(1, 1) == "@" then -- Lua function (not a C function)
          assert.are.equal(dir, src:sub(1, #dir), "tsasync." .. tostring(name) .. " from " .. src)
        end
      end
    end
  end)

  it("keeps Neovim's XDG dirs under .deps/ (the user's config is untouched)", function()
    local deps = root .. "/.deps"
    for _, var in ipairs({ "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME" }) do
      assert.is_true(under(deps, os.getenv(var)), var .. "=" .. tostring(os.getenv(var)))
    end
    for _, what in ipairs({ "config", "data", "state", "cache" }) do
      local p = vim.fn.stdpath(what)
      assert.is_true(under(deps, p), "stdpath('" .. what .. "') = " .. p)
    end
    -- nothing of the user's own (~/.config/nvim, ~/.local/share/nvim/site, ...) on 'runtimepath'
    local home = vim.env.HOME
    for _, p in ipairs(vim.opt.runtimepath:get()) do
      if home and home ~= "" and home ~= "/" and under(home, p) then
        assert.is_true(p == root or under(root, p), "user dir on 'runtimepath': " .. p)
      end
    end
  end)

  it("has stdin on /dev/null", function()
    assert.are.equal("/dev/null", uv.fs_readlink("/proc/self/fd/0"))
    assert.are.equal("", io.stdin:read("*a") or "")
  end)

  it("reports a failing spec file (one pass, one failure) with a non-zero exit", function()
    local code, out = child("spec/fixtures/failing.lua")
    assert.are_not.equal(0, code, out)
    assert.is_truthy(child_runner.summary(out):find("1 passed, 1 failed", 1, true), out)
  end)

  it("passes with stdin closed (0<&-)", function()
    if not is_get_nvim_dest(vim.fn.fnamemodify(lane_nvim, ":h:h")) then
      pending("the closed-stdin guard is in get-nvim.sh's wrapper; this lane runs " .. lane_nvim)
      return
    end
    local code, out = child("spec/fixtures/passing.lua", "exec 0<&-; exec")
    assert.are.equal(0, code, out)
    assert.is_truthy(out:find("1 passed, 0 failed", 1, true), out)
  end)
end)
