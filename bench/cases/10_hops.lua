-- Case 10: 1,000 tasks woken from uv callbacks in one loop turn: how many vim.schedule hops
-- were used (must be 1 per turn, not 1 per task).
local N = 1000

-- Counts vim.schedule calls. Installed before tsasync is loaded (its host adapter keeps a
-- reference to vim.schedule).
local function count_schedule()
  local counter = { calls = 0 }
  local orig = vim.schedule
  vim.schedule = function(fn)
    counter.calls = counter.calls + 1
    return orig(fn)
  end
  return counter
end

-- Counts loop turns (a check handle runs once per iteration) and records in how many
-- distinct turns the uv callbacks fired.
local function turn_counter(uv)
  local c = { turn = 0, seen = {}, turns = 0 }
  c.handle = uv.new_check()
  c.handle:start(function()
    c.turn = c.turn + 1
  end)
  function c.mark()
    if not c.seen[c.turn] then
      c.seen[c.turn] = true
      c.turns = c.turns + 1
    end
  end
  return c
end

-- Calls cb from a libuv timer (a fast event). All N timers are started in one loop turn with
-- the same timeout, so they expire, and wake their tasks, in one turn.
local function timer_cb(uv, turns)
  return function(cb)
    local timer = uv.new_timer()
    timer:start(10, 0, function()
      timer:close()
      turns.mark()
      cb()
    end)
  end
end

return {
  title = "1,000 tasks woken from uv callbacks in one loop turn",
  unit = "hops",
  target = { kind = "hops", label = "1 hop per loop turn" },
  sides = {
    ts = "1,000 tasks `ts.await(1, fn)` where fn starts a libuv timer that calls back; hops counted by `require(\"tsasync.scheduler\").stats.hops` and by wrapping `vim.schedule`; loop turns with wake-ups counted by a `uv.new_check()` handle",
    raw = "1,000 bare coroutines, each timer callback `vim.schedule`s its coroutine's resumption (so it continues on the main loop, as the tsasync tasks do)",
  },
  impls = {
    ts = function(U)
      local sched_calls = count_schedule()
      local ts = require("tsasync")
      local stats = require("tsasync.scheduler").stats
      local turns = turn_counter(U.uv)
      local fire = timer_cb(U.uv, turns)
      local remaining, in_fast = N, 0
      local function worker()
        ts.await(1, fire)
        if vim.in_fast_event() then in_fast = in_fast + 1 end
        remaining = remaining - 1
      end
      local hops0, calls0 = stats.hops, sched_calls.calls
      for _ = 1, N do
        ts.run(worker)
      end
      U.wait(function() return remaining == 0 end)
      turns.handle:close()
      U.check(in_fast == 0, "tasks continued on the main loop")
      return {
        value = stats.hops - hops0,
        schedule_calls = sched_calls.calls - calls0,
        turns = turns.turns,
      }
    end,

    raw = function(U)
      local sched_calls = count_schedule()
      local turns = turn_counter(U.uv)
      local fire = timer_cb(U.uv, turns)
      local running, yield, resume = coroutine.running, coroutine.yield, coroutine.resume
      local remaining, in_fast = N, 0
      local function worker()
        local co = running()
        fire(function()
          vim.schedule(function()
            resume(co)
          end)
        end)
        yield()
        if vim.in_fast_event() then in_fast = in_fast + 1 end
        remaining = remaining - 1
      end
      local calls0 = sched_calls.calls
      for _ = 1, N do
        resume(coroutine.create(worker))
      end
      U.wait(function() return remaining == 0 end)
      turns.handle:close()
      U.check(in_fast == 0, "coroutines continued on the main loop")
      local calls = sched_calls.calls - calls0
      return { value = calls, schedule_calls = calls, turns = turns.turns }
    end,
  },
}
