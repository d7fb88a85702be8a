local ____exports = {}
local ____scheduler = require("tsasync.scheduler")
local stats = ____scheduler.stats
local ____task = require("tsasync.task")
local settings = ____task.settings
local task_counts = ____task.task_counts
local timers = require("tsasync.timers")
local ____version = require("tsasync.version")
local version = ____version.version
--- Reports the Neovim and Lua versions (an error on Neovim older than
-- 0.10), the fast-event policy and the hops made so far, whether
-- `require("tsasync")` resolves to exactly one copy on 'runtimepath', live
-- and started tasks, pending deadlines, unhandled errors reported so far,
-- and the debug settings (debug mode, and whether the unhandled-error
-- handler is custom: |ts.config()|). `:checkhealth` calls
-- `require("tsasync.health").check()`.
-- 
-- @help :checkhealth tsasync
-- @tag tsasync-health
function ____exports.check()
    vim.health.start("tsasync")
    local v = vim.version()
    local nvim = (((tostring(v.major) .. ".") .. tostring(v.minor)) .. ".") .. tostring(v.patch)
    if vim.fn.has("nvim-0.10") == 1 then
        vim.health.ok((("tsasync " .. version) .. " on Neovim ") .. nvim)
    else
        vim.health.error(("Neovim " .. nvim) .. " is older than 0.10", "tsasync supports Neovim 0.10 and newer")
    end
    vim.health.info("Lua: " .. (jit ~= nil and jit.version or _VERSION))
    vim.health.info(("fast events: tasks woken in libuv callbacks continue on the main loop, one vim.schedule per loop turn (" .. tostring(stats.hops)) .. " hops so far); { fast = true } opts out")
    local copies = vim.api.nvim_get_runtime_file("lua/tsasync/init.lua", true)
    if #copies == 1 then
        vim.health.ok("require(\"tsasync\") resolves to one copy: " .. copies[1])
    elseif #copies == 0 then
        vim.health.warn("lua/tsasync/init.lua is not on 'runtimepath' (loaded through package.path?)")
    else
        vim.health.warn(
            (tostring(#copies) .. " copies of tsasync on 'runtimepath'; the first wins:\n  ") .. table.concat(copies, "\n  "),
            "Remove the extra copies so every plugin shares one runtime"
        )
    end
    local counts = task_counts()
    vim.health.info(((((("tasks: " .. tostring(counts.live)) .. " live, ") .. tostring(counts.started)) .. " started since startup; ") .. tostring(timers.pending())) .. " pending deadlines")
    if counts.unhandled == 0 then
        vim.health.ok("no unhandled task errors reported")
    else
        vim.health.warn(
            tostring(counts.unhandled) .. " unhandled task error(s) reported since startup",
            "See :messages; handle errors with :await(), :pawait() or on_complete"
        )
    end
    vim.health.info((("debug mode: " .. (settings.debug and ("on (slow_step_ms = " .. tostring(settings.slow_step_ms)) .. ")" or "off")) .. "; unhandled-error handler: ") .. (settings.on_unhandled ~= nil and "custom" or "vim.notify"))
end
return ____exports
