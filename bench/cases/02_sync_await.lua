-- Case 2: 200,000 awaits of a callback that fires synchronously, in one task (ns/await).
local N = 200000

-- A callback-style function whose callback runs before it returns.
local function fire(x, cb)
  cb(x)
end

return {
  title = "200,000 awaits of a callback that fires synchronously, in one task",
  unit = "ns/await",
  target = { kind = "ratio", max = 1.5 },
  sides = {
    ts = "`ts.await(2, fire, i)` in one task; the callback fires before `fire` returns, so the task never suspends",
    raw = "one coroutine; an `await(fn, x)` helper passing a fresh closure as callback, with a flag for callbacks that fire synchronously (returns at once) and `coroutine.yield` otherwise",
  },
  impls = {
    ts = function(U)
      local ts = require("tsasync")
      local await = ts.await
      local dt, sum
      local t = ts.run(function()
        for i = 1, N / 10 do -- warm-up
          await(2, fire, i)
        end
        sum = 0
        local t0 = U.cpu()
        for i = 1, N do
          sum = sum + await(2, fire, i)
        end
        dt = U.cpu() - t0
      end)
      U.check(t:status() == "done", "task done: " .. tostring(t:status()))
      U.check(sum == N * (N + 1) / 2, "sum of awaited values")
      return { value = dt / N }
    end,

    raw = function(U)
      local running, yield, resume = coroutine.running, coroutine.yield, coroutine.resume
      local function await(fn, x)
        local co = running()
        local state, value = 0, nil -- 0 calling, 1 fired synchronously, 2 suspended
        fn(x, function(v)
          if state == 2 then
            resume(co, v)
          else
            state, value = 1, v
          end
        end)
        if state == 1 then return value end
        state = 2
        return yield()
      end
      local dt, sum
      local co = coroutine.create(function()
        for i = 1, N / 10 do
          await(fire, i)
        end
        sum = 0
        local t0 = U.cpu()
        for i = 1, N do
          sum = sum + await(fire, i)
        end
        dt = U.cpu() - t0
      end)
      U.check(resume(co), "coroutine ran")
      U.check(coroutine.status(co) == "dead", "coroutine finished")
      U.check(sum == N * (N + 1) / 2, "sum of awaited values")
      return { value = dt / N }
    end,
  },
}
