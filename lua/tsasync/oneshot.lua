local ____lualib = require("tsasync.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local ____exports = {}
local OneshotSenderProto
local ____channel = require("tsasync.channel")
local chan_close = ____channel.chan_close
local chan_new = ____channel.chan_new
local chan_offer = ____channel.chan_offer
local receiver_of = ____channel.receiver_of
local ____waiters = require("tsasync.waiters")
local bad_self = ____waiters.bad_self
--- The sending half of a oneshot: sends one value, never suspends.
-- 
-- @typeParam T the value type.
____exports.OneshotSender = __TS__Class()
local OneshotSender = ____exports.OneshotSender
OneshotSender.name = "OneshotSender"
function OneshotSender.prototype.____constructor(self)
end
function OneshotSender.prototype.send(self, value)
    if getmetatable(self) ~= OneshotSenderProto then
        bad_self("OneshotSender:send")
    end
    if value == nil then
        error("OneshotSender:send: value must not be nil (use tx:close() to send nothing)", 2)
    end
    if self.sent == true then
        error("OneshotSender:send: a value was already sent (a oneshot carries one value)", 2)
    end
    if self.own_close == true then
        error("OneshotSender:send: the oneshot is closed", 2)
    end
    self.sent = true
    local c = self.c
    if c.closed then
        return false
    end
    chan_offer(c, value)
    chan_close(c)
    return true
end
function OneshotSender.prototype.close(self)
    if getmetatable(self) ~= OneshotSenderProto then
        bad_self("OneshotSender:close")
    end
    self.own_close = true
    chan_close(self.c)
end
function OneshotSender.prototype.is_closed(self)
    if getmetatable(self) ~= OneshotSenderProto then
        bad_self("OneshotSender:is_closed")
    end
    return self.c.closed
end
OneshotSenderProto = ____exports.OneshotSender.prototype
OneshotSenderProto.__tostring = function(tx) return ("OneshotSender (" .. (tx.sent == true and "sent" or (tx.c.closed and "closed" or "open"))) .. ")" end
--- Returns `tx, rx` for one value. `tx:send(v)` never suspends, closes the
-- oneshot and returns `true`, or `false` when the receiver closed its side
-- first; a second send raises. `tx:close()` closes without a value.
-- `rx` is a channel receiver (|Receiver:recv()|, |Receiver:try_recv()|,
-- |Receiver:is_closed()| and |ts.select()| work on it): `rx:recv()`
-- returns the value, or nil when closed without one. Cancellation safe: a
-- receiver cancelled while waiting takes nothing; the value stays for the
-- next `recv`.
-- ```lua
-- local tx, rx = ts.oneshot()
-- ts.run(function() tx:send(compute()) end)
-- local v = rx:recv() -- inside a task
-- ```
-- 
-- @help ts.oneshot()
-- @first
function ____exports.oneshot()
    local c = chan_new(1)
    return setmetatable({c = c}, OneshotSenderProto), receiver_of(c)
end
return ____exports
