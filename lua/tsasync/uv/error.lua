local ____exports = {}
local ____errors = require("tsasync.errors")
local find_error = ____errors.find_error
--- Metatable of UvError values.
____exports.UvErrorMT = {__tostring = function(e) return e.message end}
--- Makes a UvError from luv's error message (`"ENOENT: no such file or directory: /x"`) and,
-- when luv returned one separately, its error name.
function ____exports.new_uv_error(name, msg, path, code)
    local message = tostring(msg)
    local c = type(code) == "string" and code or nil
    if c == nil then
        local m = string.match(message, "^(E[%u%d_]+)")
        c = m or "EUNKNOWN"
    end
    return setmetatable(
        {
            kind = "uv",
            code = c,
            name = name,
            message = message,
            path = type(path) == "string" and path or nil
        },
        ____exports.UvErrorMT
    )
end
--- True when `err` is, or wraps, a |ts.UvError| (fields read through the
-- task context, see |tsasync-errors|).
-- ```lua
-- local ok, err = ts.pcall(ts.fs.stat, "/nope")
-- if not ok and ts.is_uv_error(err) and err.code == "ENOENT" then
--   ...
-- end
-- ```
-- 
-- @help ts.is_uv_error({err})
function ____exports.is_uv_error(err)
    return find_error(err, ____exports.UvErrorMT) ~= nil
end
--- The UvError inside `err` (under task-error wrappers), or nil.
function ____exports.as_uv_error(err)
    return find_error(err, ____exports.UvErrorMT)
end
--- A libuv failure, raised by `ts.uv`, `ts.fs`, `ts.net` and `ts.system`.
-- Fields: `code` (`"ENOENT"`), `name` (the luv function, `"fs_open"`),
-- `message` (luv's, `"ENOENT: no such file or directory: /x"`), `path`
-- (when the call had one), `kind` (always `"uv"`). `tostring(err)` is the
-- message.
-- `ts.UvError`: make or recognise UvErrors from Lua, e.g. in wrappers of your own.
-- ```lua
-- error(ts.UvError.new("fs_open", "ENOENT: no such file or directory: /x", "/x"))
-- if ts.UvError.is(err) then ... end -- same as ts.is_uv_error(err)
-- ```
-- 
-- @help ts.UvError
____exports.UvError = {
    new = function(name, message, path, code)
        if type(name) ~= "string" then
            error(
                "ts.UvError.new: name must be a string, got " .. type(name),
                2
            )
        end
        return ____exports.new_uv_error(name, message, path, code)
    end,
    is = function(err) return ____exports.is_uv_error(err) end
}
return ____exports
