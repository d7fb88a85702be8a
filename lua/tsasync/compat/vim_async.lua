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
--- `vim.async.await(...)`: suspends until the awaited task or callback operation completes.
local await_ = ____exports.impl.await
____exports.await = await_
--- `vim.async.pawait(...)`: protected await, `ok, ...` or `false, err`.
____exports.pawait = ____exports.impl.pawait
--- `vim.async.wrap(argc, fn)`: makes a callback-taking function awaitable.
____exports.wrap = ____exports.impl.wrap
--- `vim.async.iter(tasks)`: an iterator over `tasks` in completion order.
____exports.iter = ____exports.impl.iter
--- `vim.async.sleep(ms)`: suspends the running task for `ms` milliseconds.
____exports.sleep = ____exports.impl.sleep
--- `vim.async.timeout(duration, task)`: awaits `task`; after `duration` ms closes it and raises "timeout".
____exports.timeout = ____exports.impl.timeout
--- `vim.async.semaphore(permits)`: a semaphore of `permits` permits (default 1).
____exports.semaphore = ____exports.impl.semaphore
--- `vim.async.checkpoint()`: raises a pending close or failure, starts pending children.
____exports.checkpoint = ____exports.impl.checkpoint
--- `vim.async.is_closing()`: true when the current task has been closed (false outside tasks).
____exports.is_closing = ____exports.impl.is_closing
--- The polyfill's `config`; nil with the built-in (whose runtime options are private).
____exports.config = ____exports.impl.config
return ____exports
