-- Case 6: memory of 50,000 tasks suspended on a future that never completes (bytes/task, after full GC).
local N = 50000

return {
  title = "memory: 50,000 tasks suspended on a future that never completes",
  unit = "bytes/task",
  target = { kind = "ratio", max = 1.5 },
  sides = {
    ts = "`ts.run(fn)` × 50,000, each `f:await()` on one `ts.Future.new()`; Lua heap growth (`collectgarbage(\"count\")` after two full collections) divided by 50,000",
    raw = "50,000 bare coroutines, each appends itself to a plain waiter list and yields",
  },
  impls = {
    ts = function(U)
      local ts = require("tsasync")
      local f = ts.Future.new()
      local function waiter()
        f:await()
      end
      ts.run(waiter) -- warm-up: anything the first task creates lazily
      U.gc()
      local before = U.kb()
      for _ = 1, N do
        ts.run(waiter)
      end
      U.gc()
      local bytes = (U.kb() - before) * 1024 / N
      local last = ts.run(waiter)
      U.check(last:status() == "suspended", "tasks stay suspended")
      return { value = bytes }
    end,

    raw = function(U)
      local waiters = {}
      local running, yield, create, resume = coroutine.running, coroutine.yield, coroutine.create, coroutine.resume
      local function waiter()
        waiters[#waiters + 1] = running()
        yield()
      end
      resume(create(waiter))
      U.gc()
      local before = U.kb()
      for _ = 1, N do
        resume(create(waiter))
      end
      U.gc()
      local bytes = (U.kb() - before) * 1024 / N
      U.check(#waiters == N + 1 and coroutine.status(waiters[N + 1]) == "suspended", "coroutines stay suspended")
      return { value = bytes }
    end,
  },
}
