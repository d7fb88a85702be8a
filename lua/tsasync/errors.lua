local ____exports = {}
--- The innermost error under any task-error wrappers.
function ____exports.root_cause(err)
    local e = err
    while getmetatable(e) == ____exports.TaskErrorMT do
        e = rawget(e, "cause")
    end
    return e
end
--- The first line of a wrapped error's text: the root error as it prints itself.
function ____exports.headline_of(err)
    local e = ____exports.root_cause(err)
    local mt = getmetatable(e)
    if type(e) == "table" and (mt == nil or mt.__tostring == nil) then
        return ____exports.message_of(e)
    end
    return tostring(e)
end
--- The message of any error value: a table error's `message` field, else `tostring`.
function ____exports.message_of(err)
    local e = ____exports.root_cause(err)
    if type(e) == "table" then
        local ok, m = pcall(function() return e.message end)
        if ok and type(m) == "string" then
            return m
        end
    end
    return tostring(e)
end
--- Metatable of cancellation errors.
____exports.CancelledMT = {__tostring = function(e) return e.reason == nil and "cancelled" or "cancelled: " .. tostring(e.reason) end}
--- Metatable of timeout errors.
____exports.TimeoutMT = {__tostring = function(e) return e.message end}
--- Metatable of task error wrappers: fields the wrapper lacks are read from the cause.
____exports.TaskErrorMT = {
    __index = function(____self, key)
        local cause = rawget(____self, "cause")
        if key == "message" then
            return ____exports.message_of(cause)
        end
        if type(cause) == "table" then
            return cause[key]
        end
        return nil
    end,
    __tostring = function(____self)
        local layers = {}
        local e = ____self
        while getmetatable(e) == ____exports.TaskErrorMT do
            layers[#layers + 1] = e
            e = rawget(e, "cause")
        end
        local parts = {____exports.headline_of(____self)}
        do
            local i = #layers - 1
            while i >= 0 do
                local te = layers[i + 1]
                parts[#parts + 1] = (((("in task \"" .. te.task) .. "\" (started at ") .. te.site) .. ")\n") .. te.traceback
                i = i - 1
            end
        end
        return table.concat(parts, "\n")
    end
}
--- Makes a cancellation error.
function ____exports.new_cancelled(reason)
    return setmetatable({kind = "cancelled", reason = reason}, ____exports.CancelledMT)
end
--- Makes a timeout error with `message` (default `"timeout after <ms> ms"`).
function ____exports.new_timeout(ms, message)
    return setmetatable(
        {
            kind = "timeout",
            ms = ms,
            message = message or ("timeout after " .. tostring(ms)) .. " ms"
        },
        ____exports.TimeoutMT
    )
end
--- Wraps `cause` with a task's context.
function ____exports.new_task_error(cause, task, site, traceback)
    return setmetatable({cause = cause, task = task, site = site, traceback = traceback}, ____exports.TaskErrorMT)
end
--- Follows task-error wrappers down to the first error that has metatable `mt`.
function ____exports.find_error(err, mt)
    local e = err
    do
        local depth = 0
        while depth < 1000 do
            local m = getmetatable(e)
            if m == mt then
                return e
            end
            if m ~= ____exports.TaskErrorMT then
                return nil
            end
            e = rawget(e, "cause")
            depth = depth + 1
        end
    end
    return nil
end
--- True when `err` is, or wraps, a cancellation error. `err` is any error
-- value, e.g. the second result of |ts.pcall()| or |Task:pawait()|.
-- 
-- @help ts.is_cancelled({err})
function ____exports.is_cancelled(err)
    return ____exports.find_error(err, ____exports.CancelledMT) ~= nil
end
--- True when `err` is, or wraps, a timeout error (|Task:wait()|,
-- |ts.block_on()|, |ts.timeout()|). False for cancellations.
-- 
-- @help ts.is_timeout({err})
function ____exports.is_timeout(err)
    return ____exports.find_error(err, ____exports.TimeoutMT) ~= nil
end
--- Metatable of aggregate errors: `tostring` gives the message and one line per failure.
____exports.AggregateMT = {__tostring = function(e)
    local lines = {e.message}
    local errs = e.errors
    do
        local i = 1
        while i <= #errs do
            local line = string.gsub(
                ____exports.message_of(errs[i]),
                "\n",
                "\n      "
            )
            lines[#lines + 1] = (("  [" .. tostring(i)) .. "] ") .. line
            i = i + 1
        end
    end
    return table.concat(lines, "\n")
end}
--- Makes an aggregate error from `errors` (a Lua list, kept as is).
function ____exports.new_aggregate(message, errors)
    return setmetatable({kind = "aggregate", message = message, errors = errors}, ____exports.AggregateMT)
end
return ____exports
