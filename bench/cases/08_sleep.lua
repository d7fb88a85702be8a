-- Case 8: 10,000 concurrent sleep(5) (ms total).
local N = 10000
local MS = 5

return {
  title = "10,000 concurrent `sleep(5)`",
  unit = "ms total",
  target = { kind = "ratio", max = 1.5 },
  sides = {
    ts = "10,000 tasks `ts.sleep(5)` (entries on one timer heap driven by one libuv timer; all wake-ups of a loop turn continue on the main loop after one `vim.schedule`); from the first `ts.run` to the last task's end",
    raw = "10,000 bare coroutines, each sleeping on its own `uv.new_timer()` and resumed (then the timer closed) inside the timer callback, no hop",
  },
  impls = {
    ts = function(U)
      local ts = require("tsasync")
      local remaining, t1
      local function sleeper()
        ts.sleep(MS)
        remaining = remaining - 1
        if remaining == 0 then t1 = U.now() end
      end
      local function round(n)
        remaining, t1 = n, nil
        U.gc()
        local t0 = U.now()
        for _ = 1, n do
          ts.run(sleeper)
        end
        U.wait(function() return t1 ~= nil end)
        return (t1 - t0) / 1e6
      end
      round(N / 10) -- warm-up
      return { value = round(N) }
    end,

    raw = function(U)
      local uv = U.uv
      local running, yield, resume = coroutine.running, coroutine.yield, coroutine.resume
      local function sleep(ms)
        local co = running()
        local timer = uv.new_timer()
        timer:start(ms, 0, function()
          timer:close()
          resume(co)
        end)
        yield()
      end
      local remaining, t1
      local function sleeper()
        sleep(MS)
        remaining = remaining - 1
        if remaining == 0 then t1 = U.now() end
      end
      local function round(n)
        remaining, t1 = n, nil
        U.gc()
        local t0 = U.now()
        for _ = 1, n do
          resume(coroutine.create(sleeper))
        end
        U.wait(function() return t1 ~= nil end)
        return (t1 - t0) / 1e6
      end
      round(N / 10)
      return { value = round(N) }
    end,
  },
}
