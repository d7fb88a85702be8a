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
--- Starts `fn(...)` as a task and returns the |tsasync-Task|. `nil`
-- arguments are kept. Inside a task the new task is a child: the parent
-- waits for it and fails when it fails unobserved (|tsasync-structured|).
-- Options:
--   name    (string)  shown in errors, reports and tracebacks ("task")
--   detach  (boolean) a root task even inside a task
--   fast    (boolean) resume inside fast events (no `vim.api` then)
-- ```lua
-- local t = ts.run({ name = "sum" }, function(a, b)
--   ts.sleep(10)
--   return a + b
-- end, 1, 2)
-- print(t:wait(100)) -- 3
-- ```
-- 
-- @help ts.run({fn}, {...})
-- @help ts.run({opts}, {fn}, {...})
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
