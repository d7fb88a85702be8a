local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local LspErrorProto
local ____errors = require("tsasync.errors")
local find_error = ____errors.find_error
--- `RequestCancelled` = -32800, `ContentModified` = -32801,
-- `ServerCancelled` = -32802, `RequestFailed` = -32803, the JSON-RPC codes
-- (`ParseError`, `InvalidRequest`, `MethodNotFound`, `InvalidParams`,
-- `InternalError`, `ServerNotInitialized`, `UnknownErrorCode`), and
-- tsasync's own `ClientExited` = "ClientExited" (a string: never a
-- server's code).
-- ```lua
-- local codes = ts.lsp.codes
-- if ts.is_lsp_error(err) and err.code == codes.ContentModified then
--   ...
-- end
-- ```
-- 
-- @help ts.lsp.codes
____exports.codes = {
    ParseError = -32700,
    InvalidRequest = -32600,
    MethodNotFound = -32601,
    InvalidParams = -32602,
    InternalError = -32603,
    ServerNotInitialized = -32002,
    UnknownErrorCode = -32001,
    RequestFailed = -32803,
    ServerCancelled = -32802,
    ContentModified = -32801,
    RequestCancelled = -32800,
    ClientExited = "ClientExited"
}
--- What `ts.lsp` raises for a failed request. Fields: `code`, `message`,
-- `data` (the server's error response), `method`, `client_id`,
-- `client_name`. `tostring(err)` is
-- "LSP error <code> from <client> (<method>): <message>". Through a task's
-- error wrapper (|tsasync-errors|) `code`, `data`, `method`, ... read
-- through; `message` is then the full text above. `ts.LspError.new(fields)`
-- makes one (fakes, tests). Timeouts are not LspErrors: they raise the
-- runtime's timeout error (|ts.is_timeout()|).
-- 
-- @help ts.LspError
____exports.LspError = __TS__Class()
local LspError = ____exports.LspError
LspError.name = "LspError"
function LspError.prototype.____constructor(self)
end
function LspError.new(fields)
    if type(fields) ~= "table" then
        error(
            "ts.LspError.new: fields must be a table, got " .. type(fields),
            2
        )
    end
    local c = type(fields.code)
    if c ~= "number" and c ~= "string" then
        error("ts.LspError.new: fields.code must be a number or a string, got " .. c, 2)
    end
    return setmetatable(
        {
            code = fields.code,
            message = fields.message ~= nil and tostring(fields.message) or "",
            data = fields.data,
            method = fields.method or "?",
            client_id = fields.client_id,
            client_name = fields.client_name
        },
        LspErrorProto
    )
end
LspErrorProto = ____exports.LspError.prototype
LspErrorProto.__tostring = function(e)
    local who = e.client_name ~= nil and " from " .. e.client_name or ""
    return ((((("LSP error " .. tostring(e.code)) .. who) .. " (") .. e.method) .. "): ") .. e.message
end
--- Builds the LspError of a server error response `err` (a `lsp.ResponseError`).
function ____exports.from_response(err, method, client_id, client_name)
    local ____temp_0
    if type(err) == "table" then
        ____temp_0 = err
    else
        ____temp_0 = {message = tostring(err)}
    end
    local r = ____temp_0
    local code = (type(r.code) == "number" or type(r.code) == "string") and r.code or ____exports.codes.UnknownErrorCode
    local ____exports_LspError_new_4 = ____exports.LspError.new
    local ____code_2 = code
    local ____temp_3 = r.message ~= nil and r.message ~= vim.NIL and tostring(r.message) or ""
    local ____temp_1
    if r.data == vim.NIL then
        ____temp_1 = nil
    else
        ____temp_1 = r.data
    end
    return ____exports_LspError_new_4({
        code = ____code_2,
        message = ____temp_3,
        data = ____temp_1,
        method = method,
        client_id = client_id,
        client_name = client_name
    })
end
--- True when {err} is, or wraps, a |ts.LspError| (task-error wrappers are
-- looked through, as |ts.is_cancelled()| does).
-- ```lua
-- local ok, err =
--   ts.pcall(ts.lsp.request, client, "textDocument/hover", params)
-- if not ok and ts.is_lsp_error(err) then
--   print(err.code, err.message)
-- end
-- ```
-- 
-- @help ts.is_lsp_error({err})
function ____exports.is_lsp_error(err)
    return find_error(err, LspErrorProto) ~= nil
end
return ____exports
