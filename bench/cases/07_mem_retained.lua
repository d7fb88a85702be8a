-- Case 7: memory retained after 100,000 finished child tasks (bytes/task; must be ~0).
local N = 100000
local BATCH = 1000

local function child(i)
  return i
end

return {
  title = "memory retained after 100,000 finished child tasks",
  unit = "bytes/task",
  target = { kind = "max", max = 1, label = "≤ 1 B/task (~0)" },
  sides = {
    ts = "one parent task starts 100 batches of 1,000 children (`ts.run(child, i)`) and lets each batch finish (`ts.checkpoint()`); heap growth of the live parent after two full collections, divided by 100,000 (one batch before the first measurement, so table capacities reached at 1,000 live children are not counted)",
    raw = "one coroutine creates and runs the same batches of bare coroutines",
  },
  impls = {
    ts = function(U)
      local ts = require("tsasync")
      local bytes, parent_done
      local parent = ts.run(function()
        local function batch()
          local last
          for i = 1, BATCH do
            last = ts.run(child, i)
          end
          ts.checkpoint() -- the children run (and finish) before the parent continues
          U.check(last:status() == "done", "children finished")
        end
        batch()
        U.gc()
        local before = U.kb()
        for _ = 1, N / BATCH do
          batch()
        end
        U.gc()
        bytes = (U.kb() - before) * 1024 / N
        parent_done = true
      end)
      U.wait(function() return parent_done == true end)
      U.check(parent:status() ~= "failed", "parent did not fail")
      return { value = bytes }
    end,

    raw = function(U)
      local create, resume, status = coroutine.create, coroutine.resume, coroutine.status
      local bytes
      local parent = coroutine.create(function()
        local function batch()
          local last
          for i = 1, BATCH do
            last = create(child)
            resume(last, i)
          end
          U.check(status(last) == "dead", "children finished")
        end
        batch()
        U.gc()
        local before = U.kb()
        for _ = 1, N / BATCH do
          batch()
        end
        U.gc()
        bytes = (U.kb() - before) * 1024 / N
      end)
      U.check(resume(parent), "parent ran")
      return { value = bytes }
    end,
  },
}
