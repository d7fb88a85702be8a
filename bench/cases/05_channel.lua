-- Case 5: channel: 100,000 messages producer → consumer (ns/msg).
local N = 100000
local CAP = 128

return {
  title = "channel: 100,000 messages producer → consumer (capacity 128)",
  unit = "ns/msg",
  target = { kind = "ratio", max = 3.0 },
  sides = {
    ts = "`local tx, rx = ts.channel(128)`; a producer task `tx:send(i)`, a consumer task `rx:recv()`",
    raw = "two bare coroutines and a plain table queue (head/tail indexes) of capacity 128 (indexes reset when drained): the producer fills it and yields, the consumer drains it and yields, a loop resumes them in turn",
  },
  impls = {
    ts = function(U)
      local ts = require("tsasync")
      if ts.channel == nil then return { na = "ts.channel not available yet" } end
      local function round(n)
        local tx, rx = ts.channel(CAP)
        local sum, t0, dt = 0, U.cpu(), nil
        ts.run(function()
          for _ = 1, n do
            sum = sum + rx:recv()
          end
          dt = U.cpu() - t0
        end)
        ts.run(function()
          for i = 1, n do
            tx:send(i)
          end
        end)
        U.wait(function() return dt ~= nil end)
        U.check(sum == n * (n + 1) / 2, "sum of received values")
        return dt
      end
      round(N / 10) -- warm-up
      U.gc()
      return { value = round(N) / N }
    end,

    raw = function(U)
      local yield, resume = coroutine.yield, coroutine.resume
      local function round(n)
        local q, head, tail = {}, 1, 0
        local sum, produced_all, t0, dt = 0, false, U.cpu(), nil
        local producer = coroutine.create(function()
          for i = 1, n do
            if tail - head + 1 >= CAP then yield() end
            tail = tail + 1
            q[tail] = i
          end
          produced_all = true
        end)
        local consumer = coroutine.create(function()
          local got = 0
          while got < n do
            if head > tail then yield() end
            while head <= tail do
              sum = sum + q[head]
              q[head] = nil
              head = head + 1
              got = got + 1
            end
            head, tail = 1, 0 -- drained: reuse the slots from the start (the table stays small)
          end
          dt = U.cpu() - t0
        end)
        while dt == nil do
          if not produced_all then resume(producer) end
          resume(consumer)
        end
        U.check(sum == n * (n + 1) / 2, "sum of received values")
        return dt
      end
      round(N / 10)
      U.gc()
      return { value = round(N) / N }
    end,
  },
}
