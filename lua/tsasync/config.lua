local ____exports = {}
local ____task = require("tsasync.task")
local settings = ____task.settings
--- Changes settings; returns the settings in force (`ts.config()` only
-- reads them). Unknown keys and wrong types raise, changing nothing.
--   on_unhandled  fn(err, task) for unobserved failures (|tsasync-errors|),
--                 or false for the default (`vim.notify` at ERROR level)
--   debug         (boolean) record exact start sites; warn (WARN level)
--                 when one task step runs longer than `slow_step_ms`
--   slow_step_ms  (number, default 100)
-- ```lua
-- ts.config({
--   on_unhandled = function(err, task) log(task.name, err) end,
-- })
-- ```
-- 
-- @help ts.config({opts})
function ____exports.config(opts)
    if opts ~= nil then
        if type(opts) ~= "table" then
            error(
                "ts.config: opts must be a table, got " .. type(opts),
                2
            )
        end
        for k, v in pairs(opts) do
            if k == "on_unhandled" then
                if v ~= false and type(v) ~= "function" then
                    error(
                        "ts.config: on_unhandled must be a function or false, got " .. type(v),
                        2
                    )
                end
            elseif k == "debug" then
                if type(v) ~= "boolean" then
                    error(
                        "ts.config: debug must be a boolean, got " .. type(v),
                        2
                    )
                end
            elseif k == "slow_step_ms" then
                if type(v) ~= "number" or v ~= v or v < 0 then
                    error(
                        "ts.config: slow_step_ms must be a non-negative number, got " .. tostring(v),
                        2
                    )
                end
            else
                error(
                    ("ts.config: unknown option \"" .. tostring(k)) .. "\"",
                    2
                )
            end
        end
        if opts.on_unhandled ~= nil then
            local ____settings_1 = settings
            local ____temp_0
            if opts.on_unhandled == false then
                ____temp_0 = nil
            else
                ____temp_0 = opts.on_unhandled
            end
            ____settings_1.on_unhandled = ____temp_0
        end
        if opts.debug ~= nil then
            settings.debug = opts.debug
        end
        if opts.slow_step_ms ~= nil then
            settings.slow_step_ms = opts.slow_step_ms
        end
    end
    return {on_unhandled = settings.on_unhandled or false, debug = settings.debug, slow_step_ms = settings.slow_step_ms}
end
return ____exports
