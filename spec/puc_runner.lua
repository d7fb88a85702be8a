-- PUC Lua 5.1 lane: busted under plain Lua 5.1 (Debian's lua5.1 + lua-luv from .deps/lua), for
-- the specs that use no vim.* (spec/core/). Started from the repo root by scripts/test.sh:
--   .deps/lua/bin/lua5.1 spec/puc_runner.lua spec/core [busted args...]
-- The wrapper .deps/lua/bin/lua5.1 sets LUA_PATH/LUA_CPATH for busted and luv (require("luv")).
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path -- require("tsasync") -> lua/tsasync/init.lua

-- Same clean exit as spec/runner.lua: busted 2.1 calls error() instead of os.exit() on Lua 5.1.
require("busted.compatibility").exit = function(code)
  io.stdout:flush()
  io.stderr:flush()
  os.exit(code == 0 and 0 or 1)
end

require("busted.runner")({ standalone = false, output = "spec/ci_output.lua" })

-- All passed (busted returns instead of exiting). Exit now rather than let lua.c call lua_close():
-- luv's loop finalizer then runs uv_run() on handles still open and crashes (SIGSEGV in luv.so,
-- luv 1.44) -- Neovim's lanes never close their Lua state either. Report active handles, though
-- (something still running after the specs); the runtime keeps two stopped timers for reuse.
local ok, uv = pcall(require, "luv")
if ok then
  local open = {}
  uv.walk(function(h)
    if not h:is_closing() and h:is_active() then open[#open + 1] = tostring(h) end
  end)
  if #open > 0 then
    io.stderr:write(("puc_runner: %d active luv handle(s) at exit: %s\n"):format(#open, table.concat(open, ", ")))
  end
end
io.stdout:flush()
io.stderr:flush()
os.exit(0)
