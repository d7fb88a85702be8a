local ____exports = {}
local ____task = require("tsasync.task")
local settings = ____task.settings
--- Changes runtime settings and returns the settings now in force. Unknown keys and values
-- of the wrong type raise an error; nothing is changed then.
-- ```lua
-- ts.config({ on_unhandled = function(err, task) log(task.name, err) end })
-- ```
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
