local ____exports = {}
local ____scheduler = require("tsasync.scheduler")
local pack = ____scheduler.pack
local ____runtime = require("tsasync.runtime")
local runtime = ____runtime.runtime
local ____await = require("tsasync.await")
local schedule = ____await.schedule
local ____errors = require("tsasync.errors")
local new_timeout = ____errors.new_timeout
local timers = require("tsasync.timers")
local ____task = require("tsasync.task")
local await_task = ____task.await_task
local check_cancel = ____task.check_cancel
local protect = ____task.protect
local register_wait_kind = ____task.register_wait_kind
local resume_error = ____task.resume_error
local resume_with = ____task.resume_with
local running_task = ____task.running_task
local spawn = ____task.spawn
local suspend = ____task.suspend
local ____client = require("tsasync.lsp.client")
local call = ____client.call
local resolve_client = ____client.resolve_client
local send_cancel = ____client.send_cancel
local track = ____client.track
local untrack = ____client.untrack
local ____error = require("tsasync.lsp.error")
local LspError = ____error.LspError
local codes = ____error.codes
local from_response = ____error.from_response
local SENDING = 0
local WAITING = 1
local DONE = 2
local function on_reply(op, err, result)
    local st = op.st
    if st == DONE then
        return
    end
    op.st = DONE
    if st == SENDING then
        op.err = err
        op.res = result
        return
    end
    untrack(op)
    if op.timer ~= nil then
        timers.remove(op.timer)
    end
    resume_with(
        op.t,
        pack(err, result)
    )
end
local function fail_op(tracked, err)
    local op = tracked
    if op.st ~= WAITING then
        return
    end
    op.st = DONE
    if op.timer ~= nil then
        timers.remove(op.timer)
    end
    resume_error(op.t, err)
end
local function on_timeout(arg)
    local op = arg
    if op.st ~= WAITING then
        return
    end
    op.st = DONE
    op.timer = nil
    untrack(op)
    send_cancel(op.client, op.id)
    local c = op.client
    resume_error(
        op.t,
        new_timeout(
            op.ms,
            ((((((("ts.lsp.request: " .. op.method) .. " to LSP client \"") .. c.name) .. "\" (id ") .. tostring(c.id)) .. ") timed out after ") .. tostring(op.ms)) .. " ms"
        )
    )
end
local function abort_op(arg)
    local op = arg
    if op.st == DONE then
        return
    end
    op.st = DONE
    untrack(op)
    if op.timer ~= nil then
        timers.remove(op.timer)
    end
    send_cancel(op.client, op.id)
end
register_wait_kind(
    abort_op,
    function(arg) return ((("LSP " .. arg.method) .. " (client \"") .. arg.client.name) .. "\")" end
)
--- Sends one request and waits for its reply: returns the handler's `err, result`.
local function send_once(t, c, method, params, bufnr, ms)
    check_cancel(t)
    local op = {
        t = t,
        client = c,
        id = -1,
        method = method,
        st = SENDING,
        ms = ms,
        fail = fail_op
    }
    local ok, id = call(
        c,
        "request",
        method,
        params,
        function(err, result) return on_reply(op, err, result) end,
        bufnr
    )
    if op.st == DONE then
        return op.err, op.res
    end
    op.st = DONE
    if ok ~= true or type(id) ~= "number" then
        error(
            LspError.new({
                code = codes.ClientExited,
                message = ((("LSP client \"" .. c.name) .. "\" (id ") .. tostring(c.id)) .. ") is stopped or stopping: the request was not sent",
                method = method,
                client_id = c.id,
                client_name = c.name
            }),
            0
        )
    end
    op.id = id
    op.st = WAITING
    track(op)
    if ms ~= nil then
        op.timer = timers.add(ms, on_timeout, op)
    end
    return suspend(t, abort_op, op)
end
--- The request loop shared by `request` and `request_all` (arguments already validated).
local function run_request(t, c, method, params, bufnr, ms, retry)
    local deadline = ms ~= nil and timers.now() + ms or nil
    local left = retry
    do
        while true do
            local remaining = deadline ~= nil and math.max(
                0,
                deadline - timers.now()
            ) or nil
            local err, result = send_once(
                t,
                c,
                method,
                params,
                bufnr,
                remaining
            )
            if err == nil or err == vim.NIL then
                local ____temp_0
                if result == vim.NIL then
                    ____temp_0 = nil
                else
                    ____temp_0 = result
                end
                return ____temp_0
            end
            local e = from_response(err, method, c.id, c.name)
            if e.code ~= codes.ContentModified or left <= 0 then
                error(e, 0)
            end
            left = left - 1
        end
    end
end
local function check_method(fname, method)
    if type(method) ~= "string" or method == "" then
        error(
            (fname .. ": method must be a non-empty string, got ") .. tostring(method),
            3
        )
    end
end
--- Validates an options table against the allowed keys and types (raises at the API function's caller).
function ____exports.check_opts(fname, opts, allowed, level)
    if level == nil then
        level = 3
    end
    if opts == nil then
        return {}
    end
    if type(opts) ~= "table" then
        error(
            (fname .. ": opts must be a table, got ") .. type(opts),
            level
        )
    end
    for k, v in pairs(opts) do
        local kind = allowed[k]
        if kind == nil then
            error(
                ((fname .. ": unknown option \"") .. tostring(k)) .. "\"",
                level
            )
        end
        local function bad(what)
            return error(
                (((((fname .. ": opts.") .. k) .. " must be ") .. what) .. ", got ") .. tostring(v),
                level + 1
            )
        end
        if kind == "ms" then
            if type(v) ~= "number" or v ~= v or v < 0 or v == math.huge then
                bad("a non-negative finite number of milliseconds")
            end
        elseif kind == "count" then
            if type(v) ~= "number" or v ~= math.floor(v) or v < 0 or v == math.huge then
                bad("a non-negative integer")
            end
        elseif kind == "bufnr" then
            if type(v) ~= "number" or v ~= math.floor(v) or v < 0 then
                bad("a buffer number")
            end
        elseif type(v) ~= kind then
            bad("a " .. kind)
        end
    end
    return opts
end
--- `bufnr` checked and resolved (0 = the current buffer).
function ____exports.resolve_buf(fname, bufnr, level)
    if type(bufnr) ~= "number" or bufnr ~= math.floor(bufnr) or bufnr < 0 then
        error(
            (fname .. ": bufnr must be a buffer number, got ") .. tostring(bufnr),
            level + 1
        )
    end
    local b = bufnr == 0 and vim.api.nvim_get_current_buf() or bufnr
    if not vim.api.nvim_buf_is_valid(b) then
        error(
            ((fname .. ": bufnr ") .. tostring(b)) .. " is not a valid buffer",
            level + 1
        )
    end
    return b
end
--- Moves the running task out of a fast event (the LSP client API runs autocmds).
function ____exports.leave_fast()
    if runtime.in_fast_event() then
        schedule()
    end
end
--- Sends a request and returns its result (`nil` for a JSON `null`),
-- suspending the task until the server answers. {opts}:
--   bufnr    buffer the request is about (default 0, the current one);
--            its pending changes are sent first
--   timeout  ms for the whole call, retries included: then
--            `$/cancelRequest` is sent and a timeout error raised
--            (|ts.is_timeout()|)
--   retry    how many times to send the request again when the server
--            answers ContentModified (-32801) (default 0)
-- Raises a |ts.LspError| for a server error (`code`, `message`, `data`,
-- `method`, `client_id`; |ts.is_lsp_error()|); with `code`
-- `ts.lsp.codes.ClientExited` when the client exits or is stopped before
-- answering, or is already stopping; with `code` RequestCancelled when the
-- server cancelled the request itself (Neovim hides that answer from
-- handlers; tsasync notices it anyway). Cancelling the task sends
-- `$/cancelRequest` at once; a late answer is ignored.
-- ```lua
-- ts.run(function()
--   local client = ts.lsp.wait_for_client(0, { timeout = 5000 })
--   local enc = client.offset_encoding
--   local params = vim.lsp.util.make_position_params(0, enc)
--   local hover = ts.lsp.request(client, "textDocument/hover", params,
--     { timeout = 1000, retry = 2 })
-- end)
-- ```
-- The protocol's methods are typed for TypeScript (|tsasync-lsp-types|);
-- other method names (custom server extensions) are accepted untyped.
-- Any other method (custom server extensions): untyped params and result.
-- 
-- @help ts.lsp.request({client}, {method}, {params}, {opts})
function ____exports.request(client, method, params, opts)
    local fname = "ts.lsp.request"
    check_method(fname, method)
    local o = ____exports.check_opts(fname, opts, {bufnr = "bufnr", timeout = "ms", retry = "count"})
    local c = resolve_client(fname, client, 2)
    local t = running_task(fname)
    check_cancel(t)
    ____exports.leave_fast()
    return run_request(
        t,
        c,
        method,
        params,
        o.bufnr or 0,
        o.timeout,
        o.retry or 0
    )
end
local function request_child(results, c, method, params, bufnr, ms, retry)
    local t = running_task("ts.lsp.request_all")
    local ok, v = protect(
        t,
        run_request,
        t,
        c,
        method,
        params,
        bufnr,
        ms,
        retry
    )
    results[c.id] = ok and ({result = v}) or ({err = v})
end
--- Clients attached to `bufnr` that support `method` (and are named `name`), by id.
function ____exports.clients_for(bufnr, method, name)
    local list = vim.lsp.get_clients({bufnr = bufnr, method = method, name = name})
    table.sort(
        list,
        function(a, b) return a.id < b.id end
    )
    return list
end
--- The internal form of `request_all`, for the editor flows (arguments validated).
function ____exports.request_all_in(t, bufnr, method, params, o)
    local results = {}
    local kids = {}
    for ____, c in ipairs(____exports.clients_for(bufnr, method, o.name)) do
        local ____temp_1
        if type(params) == "function" then
            ____temp_1 = params(c, bufnr)
        else
            ____temp_1 = params
        end
        local p = ____temp_1
        kids[#kids + 1] = spawn(
            {name = ((("lsp " .. method) .. " (") .. c.name) .. ")"},
            request_child,
            results,
            c,
            method,
            p,
            bufnr,
            o.timeout,
            o.retry or 0
        )
    end
    for ____, k in ipairs(kids) do
        await_task(t, k)
    end
    return results
end
--- Sends {method} to every client attached to {bufnr} (0 = current) that
-- supports it, concurrently; returns
-- ```lua
-- { [client_id] = { result = r } | { err = e } }
-- ```
-- once each answered, failed or timed out (`{}` when no client does).
-- A single client's failure never raises. {params} is a table, or a
-- function `(client, bufnr) -> params` called per client (for what depends
-- on the client, such as its `offset_encoding`). {opts}: `timeout` (ms, per
-- client: a late client gets `{ err = <timeout error> }` and a
-- `$/cancelRequest`), `retry` (as for |ts.lsp.request()|, per client),
-- `name` (only clients of that name). Cancelling the task cancels every
-- request in flight (one `$/cancelRequest` each).
-- ```lua
-- local function params(client)
--   return vim.lsp.util.make_position_params(0, client.offset_encoding)
-- end
-- local all = ts.lsp.request_all(0, "textDocument/hover", params,
--   { timeout = 500 })
-- for id, r in pairs(all) do
--   print(id, r.err or vim.inspect(r.result))
-- end
-- ```
-- Any other method: untyped.
-- 
-- @help ts.lsp.request_all({bufnr}, {method}, {params}, {opts})
function ____exports.request_all(bufnr, method, params, opts)
    local fname = "ts.lsp.request_all"
    check_method(fname, method)
    local o = ____exports.check_opts(fname, opts, {timeout = "ms", retry = "count", name = "string"})
    local t = running_task(fname)
    check_cancel(t)
    ____exports.leave_fast()
    local b = ____exports.resolve_buf(fname, bufnr, 2)
    return ____exports.request_all_in(
        t,
        b,
        method,
        params,
        o
    )
end
--- Sends a notification; returns true when sent (false once the client is
-- stopped). Never suspends; works outside tasks, not in fast events.
-- ```lua
-- ts.lsp.notify(client, "workspace/didChangeConfiguration",
--   { settings = {} })
-- ```
-- 
-- @help ts.lsp.notify({client}, {method}, {params})
function ____exports.notify(client, method, params)
    local fname = "ts.lsp.notify"
    check_method(fname, method)
    local c = resolve_client(fname, client, 2)
    if runtime.in_fast_event() then
        error(fname .. ": cannot be called inside a fast event (wrap it in vim.schedule)", 2)
    end
    local ok = call(c, "notify", method, params)
    return ok == true
end
return ____exports
