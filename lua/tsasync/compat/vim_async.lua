local ____exports = {}
local polyfill_module = require("tsasync.compat.vim_async_polyfill")
local function pick()
    local v = _G.vim
    if v == nil then
        return polyfill_module
    end
    local builtin = v.async
    if builtin ~= nil and type(builtin.run) == "function" and v.fn.has("nvim-0.13") == 1 then
        return builtin
    end
    return polyfill_module
end
--- The selected implementation: the built-in `vim.async` (Neovim 0.13+) or the polyfill module.
____exports.impl = pick()
--- True when the polyfill was selected.
____exports.polyfill = ____exports.impl == polyfill_module
--- `vim.async.run([name,] fn, ...)`: starts a task.
____exports.run = ____exports.impl.run
local await_ = ____exports.impl.await
____exports.await = await_
____exports.pawait = ____exports.impl.pawait
____exports.wrap = ____exports.impl.wrap
____exports.iter = ____exports.impl.iter
____exports.sleep = ____exports.impl.sleep
____exports.timeout = ____exports.impl.timeout
____exports.semaphore = ____exports.impl.semaphore
____exports.checkpoint = ____exports.impl.checkpoint
____exports.is_closing = ____exports.impl.is_closing
--- The polyfill's `config`; nil with the built-in (whose runtime options are private).
____exports.config = ____exports.impl.config
return ____exports
