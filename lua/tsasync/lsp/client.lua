local ____exports = {}
local fail_all, hook_exit, poll, watch_replies, pending, hooked, polls, watching_replies
local ____runtime = require("tsasync.runtime")
local runtime = ____runtime.runtime
local timers = require("tsasync.timers")
local ____task = require("tsasync.task")
local ppcall = ____task.ppcall
local report = ____task.report
local ____error = require("tsasync.lsp.error")
local LspError = ____error.LspError
local codes = ____error.codes
--- True when `c`'s methods are `:` methods (Nvim 0.11+), false for field functions (0.10).
function ____exports.method_style(c)
    local mt = getmetatable(c)
    return mt ~= nil and type(rawget(mt, "request")) == "function"
end
--- Calls client method `name` with up to four arguments in the form this Neovim expects.
function ____exports.call(c, name, a, b, d, e)
    local f = c[name]
    if ____exports.method_style(c) then
        return f(
            c,
            a,
            b,
            d,
            e
        )
    end
    return f(a, b, d, e)
end
function fail_all(c, code, signal)
    local list = pending[c.id]
    if list == nil then
        return
    end
    pending[c.id] = nil
    local ops = {}
    for ____, op in pairs(list) do
        ops[#ops + 1] = op
    end
    local how = code == nil and "stopped" or ((("exited (code " .. tostring(code)) .. ", signal ") .. tostring(signal)) .. ")"
    for ____, op in ipairs(ops) do
        op.fail(
            op,
            LspError.new({
                code = codes.ClientExited,
                message = ((((("LSP client \"" .. c.name) .. "\" (id ") .. tostring(c.id)) .. ") ") .. how) .. " before answering",
                method = op.method,
                client_id = c.id,
                client_name = c.name
            })
        )
    end
end
function hook_exit(c)
    hooked[c] = true
    local cbs = rawget(c, "_on_exit_cbs")
    if type(cbs) == "table" then
        cbs[#cbs + 1] = function(code, signal)
            local ____fail_all_2 = fail_all
            local ____c_1 = c
            local ____code_0 = code
            if ____code_0 == nil then
                ____code_0 = "?"
            end
            return ____fail_all_2(____c_1, ____code_0, signal)
        end
        return
    end
    poll(c)
end
function poll(c)
    if polls[c.id] ~= nil then
        return
    end
    polls[c.id] = timers.add(
        200,
        function()
            polls[c.id] = nil
            local list = pending[c.id]
            if list == nil or (next(list)) == nil then
                return
            end
            local ok, stopped = ppcall(____exports.call, c, "is_stopped")
            if ok and stopped == true then
                fail_all(c, nil, nil)
            else
                poll(c)
            end
        end,
        nil
    )
end
function watch_replies()
    watching_replies = true
    local group = vim.api.nvim_create_augroup("tsasync.lsp.replies", {clear = true})
    vim.api.nvim_create_autocmd(
        "LspRequest",
        {
            group = group,
            desc = "tsasync: end requests whose reply Neovim swallowed",
            callback = function(args)
                local data = args.data
                if data == nil or data.request == nil or data.request.type ~= "complete" then
                    return
                end
                local list = pending[data.client_id]
                local op = list and list[data.request_id]
                if op == nil then
                    return
                end
                runtime.schedule(function()
                    local l = pending[op.client.id]
                    if l == nil or l[op.id] ~= op then
                        return
                    end
                    l[op.id] = nil
                    op.fail(
                        op,
                        LspError.new({
                            code = codes.RequestCancelled,
                            message = "the server cancelled the request",
                            method = op.method,
                            client_id = op.client.id,
                            client_name = op.client.name
                        })
                    )
                end)
            end
        }
    )
end
--- The client `x` designates (a Client or a client id), validated; raises `<fname>: ...`.
function ____exports.resolve_client(fname, x, level)
    if type(x) == "number" then
        local c = vim.lsp.get_client_by_id(x)
        if c == nil then
            error(
                (fname .. ": no LSP client with id ") .. tostring(x),
                level + 1
            )
        end
        return c
    end
    if type(x) == "table" and type(x.id) == "number" and type(x.request) == "function" then
        return x
    end
    return error(
        (fname .. ": client must be a vim.lsp.Client or a client id, got ") .. type(x),
        level + 1
    )
end
pending = {}
hooked = setmetatable({}, {__mode = "k"})
polls = {}
watching_replies = false
--- Starts tracking `op`: its client's exit, or a swallowed reply, fails it.
function ____exports.track(op)
    local c = op.client
    local list = pending[c.id]
    if list == nil then
        list = {}
        pending[c.id] = list
    end
    list[op.id] = op
    if not watching_replies then
        watch_replies()
    end
    if hooked[c] ~= true then
        hook_exit(c)
    end
end
--- Stops tracking `op` (answered, cancelled, timed out).
function ____exports.untrack(op)
    local list = pending[op.client.id]
    if list ~= nil and list[op.id] == op then
        list[op.id] = nil
    end
end
--- Number of tracked requests (for specs and the inspector).
function ____exports.pending_count()
    local n = 0
    for ____, list in pairs(pending) do
        for ____ in pairs(list) do
            n = n + 1
        end
    end
    return n
end
--- Sends `$/cancelRequest` for request `id` (scheduled when inside a fast event: it runs autocmds).
function ____exports.send_cancel(c, id)
    if runtime.in_fast_event() then
        runtime.schedule(function() return ____exports.send_cancel(c, id) end)
        return
    end
    local ok, err = ppcall(____exports.call, c, "cancel_request", id)
    if not ok then
        report((((("tsasync: sending $/cancelRequest for request " .. tostring(id)) .. " to LSP client \"") .. c.name) .. "\" failed: ") .. tostring(err))
    end
end
return ____exports
