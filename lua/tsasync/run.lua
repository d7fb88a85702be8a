local ____exports = {}
local run_opts
local ____task = require("tsasync.task")
local spawn = ____task.spawn
function run_opts(opts, fn, ...)
    for k, v in pairs(opts) do
        if k == "name" then
            if type(v) ~= "string" then
                error(
                    "ts.run: opts.name must be a string, got " .. type(v),
                    3
                )
            end
        elseif k == "detach" or k == "fast" then
            if type(v) ~= "boolean" then
                error(
                    (("ts.run: opts." .. k) .. " must be a boolean, got ") .. type(v),
                    3
                )
            end
        else
            error(
                ("ts.run: unknown option \"" .. tostring(k)) .. "\"",
                3
            )
        end
    end
    return spawn(opts, fn, ...)
end
--- Starts `fn(...)` as a task and returns it. `ts.run(opts, fn, ...)` takes options:
-- `name` (shown in errors and the inspector), `detach` (a root task even inside a task),
-- `fast` (resume inside fast events). Inside a task the new task is a child: the parent
-- waits for it and fails when it fails unobserved.
-- ```lua
-- local t = ts.run(function(a, b) ts.sleep(10); return a + b end, 1, 2)
-- ```
function ____exports.run(a, ...)
    local ta = type(a)
    if ta == "function" then
        return spawn(nil, a, ...)
    end
    if ta == "table" and getmetatable(a) == nil then
        return run_opts(a, ...)
    end
    return error("ts.run: expected fn or (opts, fn), got " .. ta, 2)
end
return ____exports
