local ____lualib = require("tsasync.lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local ____exports = {}
local ____task = require("tsasync.task")
local check_cancel = ____task.check_cancel
local running_task = ____task.running_task
local ____request = require("tsasync.lsp.request")
local check_opts = ____request.check_opts
local leave_fast = ____request.leave_fast
local request_all_in = ____request.request_all_in
local FLOW_OPTS = {win = "number", timeout = "ms", retry = "count", name = "string"}
--- Validates a flow call and finds its window and buffer.
local function start(fname, bufnr, opts, extra)
    if bufnr ~= nil and (type(bufnr) ~= "number" or bufnr ~= math.floor(bufnr) or bufnr < 0) then
        error(
            (fname .. ": bufnr must be a buffer number, got ") .. tostring(bufnr),
            3
        )
    end
    local kinds = extra == nil and FLOW_OPTS or __TS__ObjectAssign({}, FLOW_OPTS, extra)
    local o = check_opts(fname, opts, kinds, 4)
    local t = running_task(fname)
    check_cancel(t)
    leave_fast()
    local win
    if o.win ~= nil then
        if not vim.api.nvim_win_is_valid(o.win) then
            error(
                ((fname .. ": opts.win ") .. tostring(o.win)) .. " is not a valid window",
                3
            )
        end
        win = o.win == 0 and vim.api.nvim_get_current_win() or o.win
        local wb = vim.api.nvim_win_get_buf(win)
        if bufnr ~= nil and bufnr ~= 0 and bufnr ~= wb then
            error(
                (((((fname .. ": window ") .. tostring(win)) .. " shows buffer ") .. tostring(wb)) .. ", not buffer ") .. tostring(bufnr),
                3
            )
        end
    elseif bufnr == nil or bufnr == 0 or bufnr == vim.api.nvim_get_current_buf() then
        win = vim.api.nvim_get_current_win()
    else
        if not vim.api.nvim_buf_is_valid(bufnr) then
            error(
                ((fname .. ": bufnr ") .. tostring(bufnr)) .. " is not a valid buffer",
                3
            )
        end
        win = vim.fn.bufwinid(bufnr)
        if win == -1 then
            error(
                ((fname .. ": buffer ") .. tostring(bufnr)) .. " is not shown in any window (the position is a window's cursor): pass opts.win",
                3
            )
        end
    end
    return {
        t = t,
        buf = vim.api.nvim_win_get_buf(win),
        win = win,
        o = o
    }
end
local function ask(f, method, params)
    return request_all_in(
        f.t,
        f.buf,
        method,
        params,
        f.o
    )
end
--- Raises the lowest client's error when every client failed.
local function raise_if_all_failed(per)
    local first_err
    local first_id = math.huge
    for id, r in pairs(per) do
        if r.err == nil then
            return
        end
        if id < first_id then
            first_id = id
            first_err = r.err
        end
    end
    if first_err ~= nil then
        error(first_err, 0)
    end
end
local function ids(per)
    local list = {}
    for id in pairs(per) do
        list[#list + 1] = id
    end
    table.sort(list)
    return list
end
local function position(f)
    return function(c) return vim.lsp.util.make_position_params(f.win, c.offset_encoding) end
end
--- `{ { client_id = n, result = lsp.Hover }, ... }` (empty answers left out).
-- ```lua
-- ts.run(function()
--   for _, h in ipairs(ts.lsp.hover(0, { timeout = 1000 })) do
--     print(h.client_id, vim.inspect(h.result.contents))
--   end
-- end)
-- ```
-- 
-- @help ts.lsp.hover({bufnr}, {opts})
function ____exports.hover(bufnr, opts)
    local f = start("ts.lsp.hover", bufnr, opts)
    local per = ask(
        f,
        "textDocument/hover",
        position(f)
    )
    raise_if_all_failed(per)
    local list = {}
    for ____, id in ipairs(ids(per)) do
        local r = per[id].result
        if r ~= nil then
            list[#list + 1] = {client_id = id, result = r}
        end
    end
    return list, per
end
local function as_list(r)
    if r == nil or r == vim.NIL then
        return {}
    end
    local t = r
    if t.uri ~= nil or t.targetUri ~= nil then
        return {r}
    end
    return r
end
local function locations(f, method, params)
    local per = ask(f, method, params)
    raise_if_all_failed(per)
    local items = {}
    for ____, id in ipairs(ids(per)) do
        do
            local __continue29
            repeat
                local locs = as_list(per[id].result)
                local c = vim.lsp.get_client_by_id(id)
                if #locs == 0 or c == nil then
                    __continue29 = true
                    break
                end
                for ____, it in ipairs(vim.lsp.util.locations_to_items(locs, c.offset_encoding)) do
                    items[#items + 1] = it
                end
                __continue29 = true
            until true
            if not __continue29 then
                break
            end
        end
    end
    return items, per
end
--- Definitions of the symbol at the cursor as quickfix items
-- (`vim.lsp.util.locations_to_items` with each client's encoding;
-- `user_data` is the Location or LocationLink); the per-client table holds
-- the `Location | Location[] | LocationLink[]` results.
-- ```lua
-- local items = ts.lsp.definition(0, { timeout = 2000 })
-- if items[1] then
--   vim.cmd.edit(items[1].filename)
--   vim.api.nvim_win_set_cursor(0, { items[1].lnum, items[1].col - 1 })
-- end
-- ```
-- 
-- @help ts.lsp.definition({bufnr}, {opts})
function ____exports.definition(bufnr, opts)
    local f = start("ts.lsp.definition", bufnr, opts)
    return locations(
        f,
        "textDocument/definition",
        position(f)
    )
end
--- References to the symbol at the cursor as quickfix items, as for
-- |ts.lsp.definition()|. `opts.include_declaration` (default true).
-- ```lua
-- local items = ts.lsp.references(0,
--   { timeout = 2000, include_declaration = false })
-- vim.fn.setqflist({}, " ", { title = "references", items = items })
-- ```
-- 
-- @help ts.lsp.references({bufnr}, {opts})
function ____exports.references(bufnr, opts)
    local f = start("ts.lsp.references", bufnr, opts, {include_declaration = "boolean"})
    local ____f_o_include_declaration_0 = f.o.include_declaration
    if ____f_o_include_declaration_0 == nil then
        ____f_o_include_declaration_0 = true
    end
    local incl = ____f_o_include_declaration_0
    local pos = position(f)
    return locations(
        f,
        "textDocument/references",
        function(c)
            local p = pos(c)
            p.context = {includeDeclaration = incl}
            return p
        end
    )
end
--- `{ { client_id = n, item = lsp.CompletionItem }, ... }`; a
-- CompletionList's items are unpacked (its `isIncomplete` stays in the
-- per-client table).
-- ```lua
-- local items = ts.lsp.completion(0, { timeout = 500 })
-- for _, c in ipairs(items) do print(c.client_id, c.item.label) end
-- ```
-- 
-- @help ts.lsp.completion({bufnr}, {opts})
function ____exports.completion(bufnr, opts)
    local f = start("ts.lsp.completion", bufnr, opts)
    local pos = position(f)
    local per = ask(
        f,
        "textDocument/completion",
        function(c)
            local p = pos(c)
            p.context = {triggerKind = 1}
            return p
        end
    )
    raise_if_all_failed(per)
    local list = {}
    for ____, id in ipairs(ids(per)) do
        do
            local __continue39
            repeat
                local r = per[id].result
                if r == nil or r == vim.NIL then
                    __continue39 = true
                    break
                end
                for ____, item in ipairs(r.items or r) do
                    list[#list + 1] = {client_id = id, item = item}
                end
                __continue39 = true
            until true
            if not __continue39 then
                break
            end
        end
    end
    return list, per
end
--- The LSP diagnostics a client published for lines `first..last` of `buf` (push and pull).
local function line_diagnostics(c, buf, first, last)
    local list = {}
    for ____, pull in ipairs({false, true}) do
        local ns = vim.lsp.diagnostic.get_namespace(c.id, pull)
        for ____, d in ipairs(vim.diagnostic.get(buf, {namespace = ns})) do
            local ____opt_1 = d.user_data
            local l = ____opt_1 and ____opt_1.lsp
            if l ~= nil and d.lnum >= first and d.lnum <= last then
                list[#list + 1] = l
            end
        end
    end
    return list
end
--- `{ { client_id = n, action = lsp.CodeAction|lsp.Command }, ... }`.
-- `opts.range = { start = { row, col }, ["end"] = { row, col } }` (as
-- |nvim_win_get_cursor()|; default the cursor), `opts.only` (kinds). The
-- context carries each client's own diagnostics on those lines.
-- ```lua
-- local actions = ts.lsp.code_actions(0,
--   { only = { "quickfix" }, timeout = 1000 })
-- ```
-- 
-- @help ts.lsp.code_actions({bufnr}, {opts})
function ____exports.code_actions(bufnr, opts)
    local f = start("ts.lsp.code_actions", bufnr, opts, {range = "table", only = "table"})
    local o = f.o
    local range = o.range
    if range ~= nil and (type(range.start) ~= "table" or type(range["end"]) ~= "table") then
        error("ts.lsp.code_actions: opts.range must be { start = { row, col }, [\"end\"] = { row, col } }", 2)
    end
    local only = o.only
    local per = ask(
        f,
        "textDocument/codeAction",
        function(c)
            local p = range ~= nil and vim.lsp.util.make_given_range_params(range.start, range["end"], f.buf, c.offset_encoding) or vim.lsp.util.make_range_params(f.win, c.offset_encoding)
            local r = p.range
            p.context = {
                diagnostics = line_diagnostics(c, f.buf, r.start.line, r["end"].line),
                only = only,
                triggerKind = 1
            }
            return p
        end
    )
    raise_if_all_failed(per)
    local list = {}
    for ____, id in ipairs(ids(per)) do
        for ____, action in ipairs(as_list(per[id].result)) do
            list[#list + 1] = {client_id = id, action = action}
        end
    end
    return list, per
end
--- `{ { client_id = n, edit = lsp.WorkspaceEdit }, ... }` for renaming the
-- symbol at the cursor to {new_name}. `opts.bufnr`; `opts.apply = true`
-- applies the first edit (lowest client id; narrow with `opts.name`) with
-- `vim.lsp.util.apply_workspace_edit(edit, client.offset_encoding)` before
-- returning; the others are not applied (two servers' edits of one rename
-- would conflict).
-- ```lua
-- ts.run(function()
--   ts.lsp.rename("new_name", { apply = true, timeout = 2000 })
-- end)
-- ```
-- 
-- @help ts.lsp.rename({new_name}, {opts})
function ____exports.rename(new_name, opts)
    if type(new_name) ~= "string" or new_name == "" then
        error(
            "ts.lsp.rename: new_name must be a non-empty string, got " .. tostring(new_name),
            2
        )
    end
    if opts ~= nil and type(opts) ~= "table" then
        error(
            "ts.lsp.rename: opts must be a table, got " .. type(opts),
            2
        )
    end
    local f = start("ts.lsp.rename", opts and opts.bufnr, opts, {bufnr = "number", apply = "boolean"})
    local apply = f.o.apply == true
    local pos = position(f)
    local per = ask(
        f,
        "textDocument/rename",
        function(c)
            local p = pos(c)
            p.newName = new_name
            return p
        end
    )
    raise_if_all_failed(per)
    local list = {}
    for ____, id in ipairs(ids(per)) do
        local e = per[id].result
        if e ~= nil and e ~= vim.NIL then
            list[#list + 1] = {client_id = id, edit = e}
        end
    end
    if apply and #list > 0 then
        local c = vim.lsp.get_client_by_id(list[1].client_id)
        vim.lsp.util.apply_workspace_edit(list[1].edit, c ~= nil and c.offset_encoding or "utf-16")
    end
    return list, per
end
return ____exports
