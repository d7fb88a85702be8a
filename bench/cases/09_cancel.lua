-- Case 9: cancel 10,000 tasks sleeping 60 s (ms total, and active timers left: must be 0).
local N = 10000

return {
  title = "cancel 10,000 tasks sleeping 60 s",
  unit = "ms total",
  target = { kind = "timers", label = "0 timers left" },
  sides = {
    ts = "10,000 tasks in `ts.sleep(60000)`, then `task:cancel()` on each; time from the first cancel until all 10,000 are `cancelled`; timers left = `require(\"tsasync.timers\").pending()`, `driver_active()` and active timer handles seen by `vim.uv.walk`",
    raw = "10,000 bare coroutines sleeping on their own `uv.new_timer()`; cancel = `timer:stop()`, `timer:close()` and resume the coroutine with a cancellation flag so it ends",
  },
  impls = {
    ts = function(U)
      local ts = require("tsasync")
      local timers = require("tsasync.timers")
      local walk0 = U.active_timers()
      local tasks = {}
      local function sleeper()
        ts.sleep(60000)
      end
      for i = 1, N do
        tasks[i] = ts.run(sleeper)
      end
      U.check(timers.pending() == N, "all sleeping")
      U.gc()
      local t0 = U.cpu()
      for i = 1, N do
        tasks[i]:cancel()
      end
      local ndone = 0
      for i = 1, N do
        if tasks[i]:status() == "cancelled" then ndone = ndone + 1 end
      end
      local dt = U.cpu() - t0
      U.check(ndone == N, "all cancelled at once: " .. ndone)
      U.pump(20) -- loop turns: handle closes complete
      local walk = U.active_timers() - walk0
      return {
        value = dt / 1e6,
        timers_left = math.max(timers.pending(), timers.driver_active() and 1 or 0, walk),
        pending = timers.pending(),
        driver_active = timers.driver_active(),
        walk_active = walk,
      }
    end,

    raw = function(U)
      local uv = U.uv
      local running, yield, resume = coroutine.running, coroutine.yield, coroutine.resume
      local walk0 = U.active_timers()
      local cos, handles = {}, {}
      local function sleeper(i)
        local co = running()
        local timer = uv.new_timer()
        cos[i], handles[i] = co, timer
        timer:start(60000, 0, function()
          timer:close()
          resume(co)
        end)
        if yield() == "cancelled" then return "cancelled" end
      end
      for i = 1, N do
        resume(coroutine.create(sleeper), i)
      end
      U.gc()
      local t0 = U.cpu()
      for i = 1, N do
        local timer = handles[i]
        timer:stop()
        timer:close()
        resume(cos[i], "cancelled")
      end
      local ndone = 0
      for i = 1, N do
        if coroutine.status(cos[i]) == "dead" then ndone = ndone + 1 end
      end
      local dt = U.cpu() - t0
      U.check(ndone == N, "all cancelled at once: " .. ndone)
      U.pump(20)
      local walk = U.active_timers() - walk0
      return { value = dt / 1e6, timers_left = walk, walk_active = walk }
    end,
  },
}
