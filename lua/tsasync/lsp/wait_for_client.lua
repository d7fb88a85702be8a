local ____exports = {}
local ____errors = require("tsasync.errors")
local new_timeout = ____errors.new_timeout
local ____runtime = require("tsasync.runtime")
local runtime = ____runtime.runtime
local ____scheduler = require("tsasync.scheduler")
local pack = ____scheduler.pack
local timers = require("tsasync.timers")
local ____task = require("tsasync.task")
local check_cancel = ____task.check_cancel
local register_wait_kind = ____task.register_wait_kind
local resume_error = ____task.resume_error
local resume_with = ____task.resume_with
local running_task = ____task.running_task
local suspend = ____task.suspend
local ____request = require("tsasync.lsp.request")
local check_opts = ____request.check_opts
local clients_for = ____request.clients_for
local leave_fast = ____request.leave_fast
local resolve_buf = ____request.resolve_buf
local function del_autocmds(aus)
    for ____, id in ipairs(aus) do
        pcall(vim.api.nvim_del_autocmd, id)
    end
end
--- Ends the wait: removes the deadline and the autocmds (later, when inside a fast event).
local function finish(w)
    w.done = true
    if w.timer ~= nil then
        timers.remove(w.timer)
    end
    w.timer = nil
    if runtime.in_fast_event() then
        runtime.schedule(function() return del_autocmds(w.aus) end)
    else
        del_autocmds(w.aus)
    end
end
local function abort_wait(arg)
    local w = arg
    if not w.done then
        finish(w)
    end
end
register_wait_kind(
    abort_wait,
    function() return "an LSP client to attach" end
)
--- Returns a client attached to {bufnr} (0 = current): at once when one is
-- (lowest id), else suspends until |LspAttach| brings one. {opts}: `name`
-- (only that client name counts), `timeout` (ms; raises a timeout error,
-- |ts.is_timeout()|; default: no limit). Raises if the buffer is wiped out
-- meanwhile. Cancelling the task removes the autocmds and the deadline at
-- once.
-- ```lua
-- ts.run(function()
--   local client = ts.lsp.wait_for_client(0,
--     { name = "lua_ls", timeout = 10000 })
--   print(client.name, client.id)
-- end)
-- ```
-- 
-- @help ts.lsp.wait_for_client({bufnr}, {opts})
function ____exports.wait_for_client(bufnr, opts)
    local fname = "ts.lsp.wait_for_client"
    local o = check_opts(fname, opts, {name = "string", timeout = "ms"})
    local t = running_task(fname)
    check_cancel(t)
    leave_fast()
    local buf = resolve_buf(fname, bufnr, 2)
    local now = clients_for(buf, nil, o.name)
    if #now > 0 then
        return now[1]
    end
    local w = {t = t, done = false, aus = {}}
    local group = vim.api.nvim_create_augroup("tsasync.lsp.wait_for_client", {clear = false})
    w.aus[1] = vim.api.nvim_create_autocmd(
        "LspAttach",
        {
            group = group,
            buffer = buf,
            desc = "tsasync: ts.lsp.wait_for_client",
            callback = function(args)
                if w.done then
                    return true
                end
                local ____opt_0 = args.data
                local id = ____opt_0 and ____opt_0.client_id
                local ____temp_2
                if id ~= nil then
                    ____temp_2 = vim.lsp.get_client_by_id(id)
                else
                    ____temp_2 = nil
                end
                local c = ____temp_2
                if c == nil or o.name ~= nil and c.name ~= o.name then
                    return false
                end
                finish(w)
                resume_with(
                    t,
                    pack(c)
                )
                return false
            end
        }
    )
    w.aus[2] = vim.api.nvim_create_autocmd(
        "BufWipeout",
        {
            group = group,
            buffer = buf,
            desc = "tsasync: ts.lsp.wait_for_client",
            callback = function()
                if w.done then
                    return true
                end
                finish(w)
                resume_error(
                    t,
                    ((fname .. ": buffer ") .. tostring(buf)) .. " was wiped out before an LSP client attached"
                )
                return false
            end
        }
    )
    if o.timeout ~= nil then
        local ms = o.timeout
        w.timer = timers.add(
            ms,
            function()
                if w.done then
                    return
                end
                w.timer = nil
                finish(w)
                local which = o.name ~= nil and ("\"" .. o.name) .. "\" " or ""
                resume_error(
                    t,
                    new_timeout(
                        ms,
                        ((((((fname .. ": no LSP client ") .. which) .. "attached to buffer ") .. tostring(buf)) .. " within ") .. tostring(ms)) .. " ms"
                    )
                )
            end,
            nil
        )
    end
    local c = suspend(t, abort_wait, w)
    return c
end
return ____exports
