local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local call, settle, abort_wait, FutureProto
local ____scheduler = require("tsasync.scheduler")
local EMPTY = ____scheduler.EMPTY
local begin_batch = ____scheduler.begin_batch
local end_batch = ____scheduler.end_batch
local pack = ____scheduler.pack
local ____task = require("tsasync.task")
local check_cancel = ____task.check_cancel
local is_task = ____task.is_task
local protect = ____task.protect
local register_wait_kind = ____task.register_wait_kind
local report = ____task.report
local resume_error = ____task.resume_error
local resume_with = ____task.resume_with
local running_task = ____task.running_task
local suspend = ____task.suspend
local wl_add_callback = ____task.wl_add_callback
local wl_add_task = ____task.wl_add_task
local wl_remove_task = ____task.wl_remove_task
--- True when `x` is a Future.
function ____exports.is_future(x)
    return getmetatable(x) == FutureProto
end
function call(fn, f)
    local res
    if f.s == ____exports.RESOLVED then
        local v = f.v
        res = {pcall(
            fn,
            true,
            unpack(v, 1, v.n)
        )}
    else
        res = {pcall(fn, false, f.e)}
    end
    local ok, err = unpack(res, 1, 2)
    if not ok then
        report("tsasync: error in Future:on_complete callback: " .. tostring(err))
    end
end
function settle(f)
    local w = f.w
    if w == nil then
        return
    end
    f.w = nil
    local batch = begin_batch()
    for ____, o in ipairs(w) do
        do
            local __continue29
            repeat
                if o == false then
                    __continue29 = true
                    break
                end
                if type(o) == "function" then
                    call(o, f)
                elseif not is_task(o) then
                    o.fn(o, f)
                elseif f.s == ____exports.RESOLVED then
                    resume_with(o, f.v)
                else
                    resume_error(o, f.e)
                end
                __continue29 = true
            until true
            if not __continue29 then
                break
            end
        end
    end
    if batch then
        end_batch()
    end
end
function abort_wait(arg, t)
    local w = arg.w
    if w ~= nil then
        wl_remove_task(w, t)
    end
end
--- `t` waits for `f`.
function ____exports.await_future(t, f)
    check_cancel(t)
    if f.s == ____exports.RESOLVED then
        local v = f.v
        return unpack(v, 1, v.n)
    end
    if f.s == ____exports.REJECTED then
        return error(f.e, 0)
    end
    local ____wl_add_task_7 = wl_add_task
    local ____f_4, ____w_5 = f, "w"
    if ____f_4[____w_5] == nil then
        ____f_4[____w_5] = {}
    end
    ____wl_add_task_7(f.w, t)
    return suspend(t, abort_wait, f)
end
local PENDING = 0
--- `Future.s` once resolved.
____exports.RESOLVED = 1
--- `Future.s` once rejected.
____exports.REJECTED = 2
--- Raises `<fname>: not called on a Future` unless `self` is one (a method called with a dot).
local function check_future(____self, fname)
    if not ____exports.is_future(____self) then
        error(
            ((((fname .. ": not called on a Future (got ") .. type(____self)) .. "); call it with a colon: f:") .. (string.match(fname, ":(.*)$"))) .. "(...)",
            3
        )
    end
end
--- A one-shot completion cell.
-- ```lua
-- local f = ts.Future.new()
-- ts.run(function() print(f:await()) end)
-- f:resolve("hello")  -- the task prints "hello"
-- ```
-- 
-- @typeParam R the resolved values, as a tuple.
____exports.Future = __TS__Class()
local Future = ____exports.Future
Future.name = "Future"
function Future.prototype.____constructor(self)
end
function Future.new()
    return setmetatable({s = PENDING}, FutureProto)
end
function Future.prototype.resolve(self, ...)
    check_future(self, "Future:resolve")
    if self.s ~= PENDING then
        error("Future:resolve: the future is already completed", 2)
    end
    self.s = ____exports.RESOLVED
    self.v = select("#", ...) == 0 and EMPTY or pack(...)
    settle(self)
end
function Future.prototype.reject(self, err)
    check_future(self, "Future:reject")
    if self.s ~= PENDING then
        error("Future:reject: the future is already completed", 2)
    end
    if err == nil then
        error("Future:reject: err must not be nil", 2)
    end
    self.s = ____exports.REJECTED
    self.e = err
    settle(self)
end
function Future.prototype.await(self)
    check_future(self, "Future:await")
    return ____exports.await_future(
        running_task("Future:await"),
        self
    )
end
function Future.prototype.pawait(self)
    check_future(self, "Future:pawait")
    local cur = running_task("Future:pawait")
    return protect(cur, ____exports.await_future, cur, self)
end
function Future.prototype.is_done(self)
    check_future(self, "Future:is_done")
    return self.s ~= PENDING
end
function Future.prototype.on_complete(self, fn)
    check_future(self, "Future:on_complete")
    if type(fn) ~= "function" then
        error(
            "Future:on_complete: fn must be a function, got " .. type(fn),
            2
        )
    end
    if self.s ~= PENDING then
        call(fn, self)
        return function()
        end
    end
    local ____wl_add_callback_3 = wl_add_callback
    local ____self_0, ____w_1 = self, "w"
    if ____self_0[____w_1] == nil then
        ____self_0[____w_1] = {}
    end
    return ____wl_add_callback_3(self.w, fn)
end
function Future.prototype.result(self)
    check_future(self, "Future:result")
    if self.s == PENDING then
        error("Future:result: the future has not completed", 2)
    end
    if self.s == ____exports.REJECTED then
        return false, self.e
    end
    local v = self.v
    return true, unpack(v, 1, v.n)
end
FutureProto = ____exports.Future.prototype
FutureProto.__tostring = function(f) return ("Future (" .. (f.s == PENDING and "pending" or (f.s == ____exports.RESOLVED and "resolved" or "rejected"))) .. ")" end
register_wait_kind(
    abort_wait,
    function() return "a future" end
)
return ____exports
