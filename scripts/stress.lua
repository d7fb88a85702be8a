-- make stress: long randomised and load runs (reported, never asserted on wall time).
--   nvim --headless --clean -l scripts/stress.lua scenarios FIRST N   -- a shard of scenarios
--   nvim --headless --clean -l scripts/stress.lua load                -- the load cases
-- Started by scripts/stress.sh. Exit status 1 when an invariant breaks.
vim.opt.runtimepath:prepend(vim.fn.getcwd())
local ts = require("tsasync")
local uv = vim.uv or vim.loop
local mode = arg[1]

local function out(fmt, ...)
  io.stdout:write(fmt:format(...), "\n")
  io.stdout:flush()
end

if mode == "scenarios" then
  local scenario = dofile("spec/helpers/scenario.lua")
  local first, n = tonumber(arg[2]), tonumber(arg[3])
  local t0 = uv.hrtime()
  local totals, failures = scenario.batch(first, n, { stop_after = 20 })
  out("scenarios %d..%d: %d scenarios, %d tasks, %d messages, %d failed tasks, %d reported, %d deadlocks cancelled, %d broke an invariant (%.1f s)",
    first, first + n - 1, totals.scenarios, totals.tasks, totals.messages, totals.failed, totals.reported, totals.deadlocks, #failures,
    (uv.hrtime() - t0) / 1e9)
  if #failures > 0 then
    out("%s", scenario.describe_failures(failures))
    os.exit(1)
  end
  os.exit(0)
end

-- ---- load ----------------------------------------------------------------------------------
-- A repeating 10 ms libuv timer on the main loop records how late each tick is (max lag).
local lag = { max = 0, last = 0, timer = nil }
local function lag_start()
  lag.max, lag.last = 0, uv.hrtime()
  lag.timer = uv.new_timer()
  lag.timer:start(10, 10, function()
    local now = uv.hrtime()
    local late = (now - lag.last) / 1e6 - 10
    if late > lag.max then lag.max = late end
    lag.last = now
  end)
end
local function lag_stop()
  lag.timer:stop()
  lag.timer:close()
  return lag.max
end

local function fd_count()
  local n = 0
  for _ in vim.fs.dir("/proc/self/fd") do n = n + 1 end
  return n
end

local function measure(name, fn)
  collectgarbage()
  local mem0 = collectgarbage("count")
  lag_start()
  local t0 = uv.hrtime()
  local detail = fn()
  local secs = (uv.hrtime() - t0) / 1e9
  local max_lag = lag_stop()
  out("%-44s %8.2f s  max lag of a 10 ms timer: %6.1f ms%s  (mem +%.0f MB)%s", name, secs, max_lag,
    max_lag > 50 and " (over 50 ms)" or "", (collectgarbage("count") - mem0) / 1024, detail and ("  " .. detail) or "")
end

local live0 = require("tsasync.task").task_counts().live
local pending0 = require("tsasync.timers").pending()
local fds0 = fd_count()

measure("100,000 concurrent tasks (sleep 1..100 ms)", function()
  local done = 0
  ts.block_on(function()
    -- started in chunks of 2,000 per loop turn; all 100,000 are alive at once
    for i = 1, 100000 do
      ts.run(function()
        ts.sleep(1 + i % 100)
        done = done + 1
      end)
      if i % 2000 == 0 then ts.sleep(0) end
    end
  end, 120000)
  assert(done == 100000, "tasks lost: " .. done)
  return ("%d completed"):format(done)
end)

measure("1,000,000 channel messages (4 -> 4, cap 128)", function()
  local tx, rx = ts.channel(128)
  local sum = 0
  ts.block_on(function()
    local producers = {}
    for p = 0, 3 do
      producers[#producers + 1] = ts.run(function()
        for i = p * 250000 + 1, (p + 1) * 250000 do tx:send(i) end
      end)
    end
    local consumers = {}
    for _ = 1, 4 do
      consumers[#consumers + 1] = ts.run(function()
        local n = 0
        while true do
          local v = rx:recv()
          if v == nil then return n end
          n = n + 1
          sum = sum + v
        end
      end)
    end
    ts.all(producers)
    tx:close()
    local got = 0
    for _, r in ipairs(ts.all(consumers)) do got = got + r[1] end
    assert(got == 1000000, "messages lost: " .. got)
  end, 120000)
  assert(sum == 1000000 * 1000001 / 2, "sum mismatch")
  return "1,000,000 received exactly once"
end)

local dir = vim.fn.tempname()
vim.fn.mkdir(dir, "p")
local files = {}
for i = 1, 100 do
  files[i] = dir .. "/f" .. i
  local f = assert(io.open(files[i], "w"))
  f:write(string.rep(string.char(65 + i % 26), 4096))
  f:close()
end
measure("10,000 concurrent file reads (ts.fs.read_file)", function()
  local bytes = 0
  ts.block_on(function()
    local tasks = {}
    -- started in chunks of 1,000 per loop turn (as the tasks case); all overlap
    for i = 1, 10000 do
      tasks[i] = ts.run(function()
        local n = #ts.fs.read_file(files[1 + i % 100]) -- read first: `bytes + ...` would read bytes before the await
        bytes = bytes + n
      end)
      if i % 1000 == 0 then ts.sleep(0) end
    end
    ts.all(tasks)
  end, 120000)
  assert(bytes == 10000 * 4096, "bytes: " .. bytes)
  return ("%d bytes"):format(bytes)
end)
vim.fn.delete(dir, "rf")

local live = require("tsasync.task").task_counts().live
local pending = require("tsasync.timers").pending()
out("after the load: live tasks %d (before %d), pending deadlines %d (before %d), open fds %d (before %d)",
  live, live0, pending, pending0, fd_count(), fds0)
os.exit((live == live0 and pending == pending0) and 0 or 1)
