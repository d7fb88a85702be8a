-- Runs busted on one fixture file in a child process, as scripts/test.sh runs a lane:
--   local child = dofile("spec/helpers/child_runner.lua")
--   local code, out = child.nvim("spec/fixtures/failing.lua")       -- this lane's Neovim
--   local code, out = child.puc("spec/fixtures/failing.lua")        -- PUC Lua 5.1 + luv
-- (Neovim-only: uses vim.system.) Returns the exit code and stdout .. stderr.
local M = {}
local root = vim.fn.getcwd()
local uv = vim.uv

M.root = root

--- True when dir is a get-nvim.sh install (DEST with bin/nvim and the stamp).
function M.is_get_nvim_dest(dir)
  return uv.fs_stat(dir .. "/.get-nvim.stamp") ~= nil and uv.fs_stat(dir .. "/bin/nvim") ~= nil
end

-- The Neovim of this lane: scripts/test.sh exports the command it runs (the get-nvim.sh wrapper
-- DEST/bin/nvim for the downloaded lanes). Otherwise: that wrapper if vim.v.progpath (the real
-- binary, DEST/root/usr/bin/nvim) is one of ours, else vim.v.progpath (it finds its runtime).
local lane_nvim = os.getenv("TSASYNC_TEST_NVIM")
if not lane_nvim or lane_nvim == "" then
  local dest = vim.fn.fnamemodify(vim.v.progpath, ":h:h:h:h")
  lane_nvim = M.is_get_nvim_dest(dest) and dest .. "/bin/nvim" or vim.v.progpath
end
M.lane_nvim = lane_nvim

local function run(args, shell)
  local cmd = shell and { "sh", "-c", shell .. ' "$@"', "sh", unpack(args) } or args
  local r = vim.system(cmd, { cwd = root, text = true }):wait(20000)
  return r.code, (r.stdout or "") .. (r.stderr or "")
end

--- Runs spec/runner.lua on `fixture` in a child of this lane's Neovim; `shell` = a sh -c prefix.
function M.nvim(fixture, shell)
  return run({ lane_nvim, "--headless", "--clean", "-l", "spec/runner.lua", fixture }, shell)
end

--- The PUC Lua 5.1 interpreter of the puc lane (.deps/lua), or nil when it is not installed.
function M.puc_lua()
  local lua = root .. "/.deps/lua/bin/lua5.1"
  return uv.fs_stat(lua) and lua or nil
end

--- Runs spec/puc_runner.lua on `fixture` under PUC Lua 5.1 + luv.
function M.puc(fixture)
  return run({ M.puc_lua(), "spec/puc_runner.lua", fixture })
end

--- The closing "N passed, N failed, N skipped" line of a runner's output (or the whole output).
function M.summary(out)
  return out:match("([^\n]*%d+ passed, %d+ failed[^\n]*)%s*$") or out
end

return M
