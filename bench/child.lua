-- bench/child.lua: runs ONE case implementation in this (fresh) Neovim process.
--   nvim --headless --clean --cmd 'set rtp^=ROOT' -l bench/child.lua ROOT CASE IMPL
-- Prints one line on stdout: "BENCH_RESULT <json>", the table the implementation returned
-- ({ value = ..., ... }, { na = "why" }) or { error = traceback }.
local root, case, impl = arg[1], arg[2], arg[3]
local U = dofile(root .. "/bench/util.lua")
local C = dofile(root .. "/bench/cases/" .. case .. ".lua")
local fn = C.impls[impl]
local ok, res
if fn == nil then
  ok, res = false, "no implementation '" .. tostring(impl) .. "' in case " .. case
else
  ok, res = xpcall(fn, debug.traceback, U, os.getenv("BENCH_DIR"))
end
if not ok then res = { error = tostring(res) } end
io.stdout:write("BENCH_RESULT " .. vim.json.encode(res) .. "\n")
io.stdout:flush()
