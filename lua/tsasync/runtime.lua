local ____lualib = require("tsasync.lualib_bundle")
local __TS__ArraySplice = ____lualib.__TS__ArraySplice
local ____exports = {}
--- The longest wait `Runtime.wait` accepts (about 24 days); "forever" for our purposes.
____exports.FOREVER = 2147483647
local function nvim_runtime(v)
    local uv = v.uv or v.loop
    return {
        host = "nvim",
        uv = uv,
        schedule = v.schedule,
        in_fast_event = v.in_fast_event,
        now = uv.now,
        wait = function(ms, cond)
            local ok, code = v.wait(ms, cond, 10)
            if ok then
                return true, nil
            end
            return false, code == -2 and "interrupted" or "timeout"
        end,
        report_error = function(msg) return v.notify(msg, v.log.levels.ERROR) end,
        report_warning = function(msg) return v.notify(msg, v.log.levels.WARN) end
    }
end
--- libuv handles the runtime opens for itself while it waits (`wait` on plain luv): leak checks
-- (`ts.testing`) do not count them. Weak keys.
____exports.own_handles = setmetatable({}, {__mode = "k"})
local function luv_runtime()
    local uv = require("luv")
    local pending = {}
    local timer
    local armed = false
    local function flush()
        armed = false
        local batch = __TS__ArraySplice(pending, 0, #pending)
        for ____, fn in ipairs(batch) do
            local ok, err = pcall(fn)
            if not ok then
                io.stderr:write(("tsasync: error in scheduled callback: " .. tostring(err)) .. "\n")
            end
        end
    end
    return {
        host = "luv",
        uv = uv,
        schedule = function(fn)
            pending[#pending + 1] = fn
            if not armed then
                armed = true
                if timer == nil then
                    timer = uv.new_timer()
                end
                timer:start(0, 0, flush)
            end
        end,
        in_fast_event = function() return false end,
        now = uv.now,
        wait = function(ms, cond)
            if cond() then
                return true, nil
            end
            uv.update_time()
            local deadline = uv.now() + ms
            local guard = uv.new_timer()
            guard:start(
                ms,
                0,
                function()
                end
            )
            local stopper = uv.new_prepare()
            ____exports.own_handles[guard] = true
            ____exports.own_handles[stopper] = true
            stopper:start(function()
                if cond() then
                    uv.stop()
                end
            end)
            do
                local ____try, ____hasReturned, ____returnValue = pcall(function()
                    do
                        while true do
                            uv.run("once")
                            if cond() then
                                return true, {true, nil}
                            end
                            uv.update_time()
                            if uv.now() >= deadline then
                                return true, {false, "timeout"}
                            end
                            if not guard:is_active() then
                                guard:start(
                                    math.max(
                                        0,
                                        deadline - uv.now()
                                    ),
                                    0,
                                    function()
                                    end
                                )
                            end
                        end
                    end
                end)
                do
                    guard:close()
                    stopper:close()
                end
                if not ____try then
                    error(____hasReturned, 0)
                end
                if ____try and ____hasReturned then
                    return unpack(____returnValue)
                end
            end
        end,
        report_error = function(msg) return io.stderr:write(msg .. "\n") end,
        report_warning = function(msg) return io.stderr:write(msg .. "\n") end
    }
end
--- The runtime in use, chosen once when the core is loaded.
____exports.runtime = _G.vim ~= nil and nvim_runtime(_G.vim) or luv_runtime()
return ____exports
