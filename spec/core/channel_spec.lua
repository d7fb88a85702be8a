-- Channels (ts.channel) and oneshots: FIFO, exactly-once delivery, backpressure, rendezvous,
-- close, cancellation safety, use from plain code. No `for ... in rx:iter()` here: on PUC Lua
-- 5.1 a for-in iterator cannot suspend (spec/nvim/channel_spec.lua covers iter).
local ts = require("tsasync")

local function drain(rx)
  local got = {}
  while true do
    local v = rx:recv()
    if v == nil then return got end
    got[#got + 1] = v
  end
end

describe("ts.channel", function()
  it("delivers in FIFO order (unbounded, bounded, rendezvous)", function()
    for _, cap in ipairs({ false, 1, 3, 0 }) do
      local tx, rx = ts.channel(cap or nil)
      local consumer = ts.run(drain, rx)
      ts.run(function()
        for i = 1, 100 do tx:send(i) end
        tx:close()
      end)
      local got = consumer:wait(2000)
      assert.equal(100, #got, "capacity " .. tostring(cap))
      for i = 1, 100 do assert.equal(i, got[i]) end
    end
  end)

  it("delivers 100,000 messages from 4 producers to 4 consumers exactly once", function()
    for _, cap in ipairs({ 8, false }) do
      local tx, rx = ts.channel(cap or nil)
      local seen, count = {}, 0
      local dup = 0
      ts.block_on(function()
        local producers = {}
        for p = 0, 3 do
          producers[#producers + 1] = ts.run(function()
            for i = p * 25000 + 1, (p + 1) * 25000 do
              tx:send(i)
              if i % 997 == 0 then ts.checkpoint() end -- interleave the producers
            end
          end)
        end
        for _ = 1, 4 do
          ts.run(function()
            while true do
              local v = rx:recv()
              if v == nil then return end
              if seen[v] then dup = dup + 1 end
              seen[v] = true
              count = count + 1
            end
          end)
        end
        for _, p in ipairs(producers) do p:await() end
        tx:close()
      end, 20000)
      assert.equal(0, dup)
      assert.equal(100000, count)
      for i = 1, 100000 do
        if not seen[i] then error("message " .. i .. " lost (capacity " .. tostring(cap) .. ")") end
      end
    end
  end)

  it("bounded: send suspends while full; blocked senders proceed in the order they blocked", function()
    local tx, rx = ts.channel(2)
    local log = {}
    local senders = {}
    for i = 1, 5 do
      senders[i] = ts.run(function()
        tx:send(i)
        log[#log + 1] = "sent " .. i
      end)
    end
    assert.same({ "sent 1", "sent 2" }, log)
    assert.equal("suspended", senders[3]:status())
    assert.equal(5, rx:len()) -- 2 buffered + 3 offered by blocked senders
    local got = {}
    ts.block_on(function()
      for _ = 1, 5 do got[#got + 1] = rx:recv() end
    end)
    assert.same({ 1, 2, 3, 4, 5 }, got)
    assert.same({ "sent 1", "sent 2", "sent 3", "sent 4", "sent 5" }, log)
    assert.equal(0, rx:len())
  end)

  it("rendezvous: send waits for a receiver, and hands the value over directly", function()
    local tx, rx = ts.channel(0)
    assert.is_false(tx:try_send("x")) -- nobody waits
    local sent = false
    local s = ts.run(function() tx:send("a"); sent = true end)
    assert.is_false(sent)
    assert.equal(1, rx:len())
    local r = ts.run(function() return rx:recv() end)
    assert.equal("a", r:wait(1000))
    s:wait(1000)
    assert.is_true(sent)
    -- a waiting receiver: try_send hands over directly, nothing is buffered
    local r2 = ts.run(function() return rx:recv() end)
    assert.is_true(tx:try_send("b"))
    assert.equal(0, rx:len())
    assert.equal("b", r2:wait(1000))
  end)

  it("close: buffered messages are still received, then nil; send raises; try_send false", function()
    local tx, rx = ts.channel()
    assert.is_true(tx:try_send(1))
    assert.is_true(tx:try_send(2))
    tx:close()
    tx:close() -- idempotent
    rx:close()
    assert.is_true(tx:is_closed())
    assert.is_true(rx:is_closed())
    assert.is_false(tx:try_send(3))
    local t = ts.run(function() return tx:send(3) end)
    local ok, err = t:result()
    assert.is_false(ok)
    assert.matches("Sender:send: the channel is closed", tostring(err), 1, true)
    assert.same({ 1, 2 }, ts.block_on(function() return drain(rx) end))
    assert.same({ false, nil }, { rx:try_recv() })
    assert.is_nil(ts.block_on(function() return rx:recv() end))
  end)

  it("close wakes waiting receivers with nil and fails blocked senders (their values are not delivered)", function()
    local tx, rx = ts.channel(1)
    local r1 = ts.run(function() return rx:recv() end)
    local r2 = ts.run(function() return "got", rx:recv() end)
    rx:close()
    assert.same({ "got", nil }, { r2:wait(100) })
    assert.is_nil(r1:wait(100))

    local tx2, rx2 = ts.channel(1)
    tx2:try_send("kept")
    local s = ts.run(function() tx2:send("dropped") end)
    tx2:close()
    local ok, err = s:result()
    assert.is_false(ok)
    assert.matches("closed while the send waited", tostring(err), 1, true)
    assert.same({ "kept" }, ts.block_on(function() return drain(rx2) end))
    assert.is_true(tx:is_closed())
  end)

  it("a receiver cancelled while waiting loses no message: the next receiver gets it", function()
    local tx, rx = ts.channel()
    local a = ts.run(function() return rx:recv() end)
    local b = ts.run(function() return rx:recv() end)
    a:cancel()
    tx:try_send("m")
    assert.equal("m", b:wait(100))
    assert.equal("cancelled", a:status())
    assert.equal(0, rx:len())
  end)

  it("a receiver handed a message and then cancelled before it ran keeps the message", function()
    local tx, rx = ts.channel()
    local got
    local a = ts.run(function()
      got = rx:recv()
      ts.sleep(1)
      got = "not reached"
    end)
    ts.run(function()
      tx:send("mine") -- wakes a (queued: this task is running)
      a:cancel()      -- before a ran again
    end)
    assert.equal("mine", got)
    assert.equal("cancelled", a:status())
    assert.equal(0, rx:len())
  end)

  it("a sender cancelled while blocked on a full channel does not deliver", function()
    local tx, rx = ts.channel(1)
    tx:try_send("first")
    local s = ts.run(function() tx:send("second") end)
    assert.equal(2, rx:len())
    s:cancel()
    assert.equal(1, rx:len())
    tx:close()
    assert.same({ "first" }, ts.block_on(function() return drain(rx) end))
    -- rendezvous too
    local tx0, rx0 = ts.channel(0)
    local s0 = ts.run(function() tx0:send("never") end)
    s0:cancel()
    assert.same({ false, nil }, { rx0:try_recv() })
  end)

  it("a sender whose value was taken and then cancelled returns normally; the value arrives once", function()
    local tx, rx = ts.channel(0)
    local log = {}
    local s = ts.run(function()
      tx:send("v")
      log[#log + 1] = "send returned"
      ts.sleep(1)
      log[#log + 1] = "not reached"
    end)
    ts.run(function()
      log[#log + 1] = rx:recv()
      s:cancel()
    end)
    assert.same({ "v", "send returned" }, log)
    assert.equal("cancelled", s:status())
    assert.same({ false, nil }, { rx:try_recv() })
  end)

  it("a cancelled task takes nothing: recv raises before consuming", function()
    local tx, rx = ts.channel()
    tx:try_send(1)
    local t = ts.run(function()
      ts.current():cancel()
      return rx:recv()
    end)
    assert.equal("cancelled", t:status())
    assert.equal(1, rx:len())
  end)

  it("works from plain code: try_send wakes a task, try_recv takes, len counts", function()
    local tx, rx = ts.channel(2)
    local t = ts.run(function() return rx:recv() end)
    assert.is_true(tx:try_send("hello"))
    assert.equal("hello", t:wait(100))
    assert.is_true(tx:try_send(1))
    assert.is_true(tx:try_send(2))
    assert.is_false(tx:try_send(3)) -- full
    assert.equal(2, rx:len())
    assert.same({ true, 1 }, { rx:try_recv() })
    assert.same({ true, 2 }, { rx:try_recv() })
    assert.same({ false, nil }, { rx:try_recv() })
  end)

  it("keeps FIFO order across buffer growth and wrap-around", function()
    local tx, rx = ts.channel()
    local expect, n = 1, 0
    for round = 1, 50 do
      for _ = 1, round * 3 do n = n + 1; tx:try_send(n) end
      for _ = 1, round * 2 do
        local ok, v = rx:try_recv()
        assert.is_true(ok)
        assert.equal(expect, v)
        expect = expect + 1
      end
    end
    while true do
      local ok, v = rx:try_recv()
      if not ok then break end
      assert.equal(expect, v)
      expect = expect + 1
    end
    assert.equal(n + 1, expect)
  end)

  it("validates its arguments and refuses to suspend outside a task", function()
    assert.has_error(function() ts.channel(-1) end, "ts.channel: capacity must be nil (unbounded), 0 (rendezvous) or a positive integer, got -1")
    assert.has_error(function() ts.channel(1.5) end)
    assert.has_error(function() ts.channel("3") end)
    local tx, rx = ts.channel()
    assert.has_error(function() tx:try_send(nil) end, "Sender:try_send: value must not be nil (nil is not a message)")
    local t = ts.run(function() tx:send(nil) end)
    local _, err = t:result()
    assert.matches("Sender:send: value must not be nil", tostring(err), 1, true)
    local ok, e = pcall(tx.send, tx, 1)
    assert.is_false(ok)
    assert.matches("Sender:send: must be called inside a task", e, 1, true)
    assert.matches("try_send", e, 1, true)
    ok, e = pcall(rx.recv, rx)
    assert.is_false(ok)
    assert.matches("Receiver:recv: must be called inside a task", e, 1, true)
    ok, e = pcall(tx.try_send, 5)
    assert.is_false(ok)
    assert.matches("call it with a colon", e, 1, true)
    assert.equal(0, rx:len()) -- nothing was corrupted
  end)
end)

describe("ts.oneshot", function()
  it("carries one value, sent from plain code; recv returns it, then nil", function()
    local tx, rx = ts.oneshot()
    local t = ts.run(function() return rx:recv(), rx:recv() end)
    assert.is_true(tx:send("reply"))
    assert.same({ "reply", nil }, { t:wait(100) })
    assert.has_error(function() tx:send("again") end, "OneshotSender:send: a value was already sent (a oneshot carries one value)")
    assert.is_true(tx:is_closed())
  end)

  it("close without a value gives nil; send after the receiver closed returns false", function()
    local tx, rx = ts.oneshot()
    local t = ts.run(function() return rx:recv() end)
    tx:close()
    tx:close()
    assert.is_nil(t:wait(100))
    assert.has_error(function() tx:send(1) end, "OneshotSender:send: the oneshot is closed")
    local tx2, rx2 = ts.oneshot()
    rx2:close()
    assert.is_false(tx2:send(1))
    assert.has_error(function() ts.oneshot():send(nil) end)
  end)

  it("a value sent before anyone waits is kept; a cancelled receiver leaves it for the next", function()
    local tx, rx = ts.oneshot()
    local a = ts.run(function() return rx:recv() end)
    a:cancel()
    tx:send(42)
    assert.equal(42, ts.block_on(function() return rx:recv() end))
  end)
end)
