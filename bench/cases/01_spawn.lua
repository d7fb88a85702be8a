-- Case 1: spawn 100,000 tasks that finish at once (ns/task).
local N = 100000

local function body(i)
  return i
end

return {
  title = "spawn 100,000 tasks that finish at once",
  unit = "ns/task",
  target = { kind = "ratio", max = 2.0 },
  sides = {
    ts = "`ts.run(fn, i)` from plain code: the task runs to completion at once",
    raw = "`coroutine.resume(coroutine.create(fn), i)`",
  },
  impls = {
    ts = function(U)
      local ts = require("tsasync")
      local run = ts.run
      local last
      local function batch(n)
        for i = 1, n do
          last = run(body, i)
        end
      end
      batch(N / 10) -- warm-up (JIT)
      U.gc()
      local t0 = U.cpu()
      batch(N)
      local dt = U.cpu() - t0
      U.check(last:status() == "done" and select(2, last:result()) == N, "last task done with its value")
      return { value = dt / N }
    end,

    raw = function(U)
      local create, resume = coroutine.create, coroutine.resume
      local ok, v
      local function batch(n)
        for i = 1, n do
          ok, v = resume(create(body), i)
        end
      end
      batch(N / 10)
      U.gc()
      local t0 = U.cpu()
      batch(N)
      local dt = U.cpu() - t0
      U.check(ok and v == N, "last coroutine returned its value")
      return { value = dt / N }
    end,
  },
}
