-- Runs busted inside Neovim's LuaJIT, so specs can use vim.uv / vim.api / vim.wait / vim.lsp.
--   nvim --headless --clean -l spec/runner.lua [busted args...]   (defaults come from ./.busted)
-- Normally started by scripts/test.sh (make test / make spec), which also isolates XDG_* dirs.
local root = vim.fn.getcwd()
vim.opt.runtimepath:prepend(root) -- require("tsasync") -> <root>/lua/tsasync/init.lua

-- busted and its modules come from .deps/lua (scripts/get-lua-debs.sh), never from the system:
-- a luarocks tree (rocks/) if that path was taken, else Debian's packages extracted into root/.
local deps = os.getenv("TSASYNC_LUA_DEPS") or (root .. "/.deps/lua")
local triplet = vim.uv.os_uname().machine .. "-linux-gnu"
package.path = table.concat({
  deps .. "/rocks/share/lua/5.1/?.lua",
  deps .. "/rocks/share/lua/5.1/?/init.lua",
  deps .. "/root/usr/share/lua/5.1/?.lua",
  deps .. "/root/usr/share/lua/5.1/?/init.lua",
  package.path,
}, ";")
package.cpath = table.concat({
  deps .. "/rocks/lib/lua/5.1/?.so",
  deps .. "/root/usr/lib/" .. triplet .. "/lua/5.1/?.so",
  package.cpath,
}, ";")
if not package.searchpath("busted.runner", package.path) then
  io.stderr:write("spec/runner.lua: busted not found under " .. deps .. " (run `make deps`)\n")
  os.exit(1)
end

-- busted 2.1 (Debian bookworm) ends with compatibility.exit(), which on Lua 5.1 calls error()
-- instead of os.exit() when started from a file -> nvim prints "E5113: Lua chunk: [NULL]".
-- Replace it with a clean exit that keeps busted's convention (0 = all passed, 1 = otherwise).
require("busted.compatibility").exit = function(code)
  io.stdout:flush()
  io.stderr:flush()
  os.exit(code == 0 and 0 or 1)
end

require("busted.runner")({ standalone = false, output = root .. "/spec/ci_output.lua" })
