-- Bad-input sweep of the core: every public function of require("tsasync") that needs no
-- Neovim (walked from the module table), and every method of the objects its constructors make
-- (Task, Future, channel/oneshot/broadcast/watch halves, Semaphore, Mutex, Event, Condvar,
-- Barrier), called with wrong types, nil, negative/NaN/huge numbers, a bad self, outside a task
-- and inside one. Each call either raises an error whose message starts with the function's
-- public name ("ts.sleep: ...", "Sender:send: ...") or is accepted (returns, or suspends and is
-- cancelled) without corrupting state: afterwards no task or deadline is left and the runtime
-- still runs tasks, channels and locks. spec/nvim/bad_input_spec.lua covers the Neovim layers.
local ts = require("tsasync")
local bad = dofile("spec/helpers/bad_input.lua")
local task_mod = require("tsasync.task")
local timers = require("tsasync.timers")

-- Neovim layers (swept in spec/nvim/bad_input_spec.lua); `inspect` opens windows.
local NVIM_ONLY = { system = true, process = true }
local NAMESPACES = { Future = true, Semaphore = true, Mutex = true, Event = true, Condvar = true, Barrier = true }

local function targets()
  local list = bad.functions("ts.", ts, NVIM_ONLY)
  for class in pairs(NAMESPACES) do
    for _, tg in ipairs(bad.functions("ts." .. class .. ".", ts[class])) do list[#list + 1] = tg end
  end
  local function add_methods(class, make)
    for _, tg in ipairs(bad.methods(class, make)) do list[#list + 1] = tg end
  end
  add_methods("Task", function() return ts.run(function() return 1 end) end)
  add_methods("Future", function() return ts.Future.new() end)
  add_methods("Sender", function() return (ts.channel(2)) end)
  add_methods("Receiver", function() return select(2, ts.channel(2)) end)
  add_methods("OneshotSender", function() return (ts.oneshot()) end)
  add_methods("BroadcastSender", function() return (ts.broadcast(2)) end)
  add_methods("BroadcastReceiver", function() local _, sub = ts.broadcast(2) return sub() end)
  add_methods("WatchSender", function() return (ts.watch(0)) end)
  add_methods("WatchReceiver", function() return select(2, ts.watch(0)) end)
  add_methods("Semaphore", function() return ts.Semaphore.new(1) end)
  add_methods("Mutex", function() return ts.Mutex.new() end)
  add_methods("Event", function() return ts.Event.new() end)
  add_methods("Condvar", function() return ts.Condvar.new() end)
  add_methods("Barrier", function() return ts.Barrier.new(2) end)
  return list
end

describe("bad input sweep (core)", function()
  local saved
  before_each(function() saved = ts.config() end)
  after_each(function() ts.config({ on_unhandled = saved.on_unhandled, debug = saved.debug, slow_step_ms = saved.slow_step_ms }) end)

  it("every public function rejects bad input by name or accepts it harmlessly", function()
    local reported = 0
    ts.config({ on_unhandled = function() reported = reported + 1 end })
    local live0, pending0 = task_mod.task_counts().live, timers.pending()
    local list = targets()
    local tried, findings = bad.sweep(list)
    -- let unhandled errors of tasks started with accepted input be reported
    ts.block_on(function() ts.schedule() end, 1000)
    ts.block_on(function() ts.sleep(1) end, 1000)
    io.stdout:write(("\n[bad input core] %d functions, %d calls (functions x cases x contexts), %d findings\n"):format(#list, tried, #findings))
    assert(#findings == 0, "unclear errors:\n  " .. table.concat(findings, "\n  "))
    assert.is_true(#list >= 100)
    -- nothing left behind, and the runtime still works
    assert.equal(pending0, timers.pending())
    assert.equal(live0, task_mod.task_counts().live)
    local tx, rx = ts.channel(1)
    local m = ts.Mutex.new()
    local got = ts.block_on(function()
      ts.run(function() m:with(function() tx:send(41) end) end)
      ts.sleep(1)
      return rx:recv() + 1
    end, 2000)
    assert.equal(42, got)
  end)
end)
