-- bench/probes/fanout_det.lua: a deterministic version of case 4 for instruction counts.
--
--   nvim --headless --clean --cmd 'set rtp^=ROOT' -l bench/probes/fanout_det.lua ts|fast|raw ROUNDS
--
-- 2,000 tasks (or raw callback chains), each making 4 awaits (argc 4, 2, 4, 2 like fs_open, fs_fstat,
-- fs_read, fs_close) on fake async functions that queue their callback; a driver loop compiled off
-- (jit.off, so it calls the callbacks from interpreted code, as luv calls them from C) completes them
-- in order. No threadpool, no timing: run under callgrind with ROUNDS 0 and 5 and divide the
-- difference by 40,000 operations (bench/probes/cg.sh does it). Not a fast event, so the default mode
-- behaves like `fast` here. The ten-millisecond time slice may park tasks under valgrind; the driver
-- then pumps the loop (cg.sh switches the slice off in the generated scheduler.lua for the run).
local mode, rounds = arg[1], tonumber(arg[2]) or 0
local N = 2000
local qcb, qv, qh, qt = {}, {}, 1, 0
local function push(cb, v) qt = qt + 1; qcb[qt] = cb; qv[qt] = v end
local function op4(_, _, _, cb) push(cb, 7) end
local function op2(_, cb) push(cb, { size = 1024 }) end
local function op4r(_, _, _, cb) push(cb, "data") end
local function op2c(_, cb) push(cb, true) end
local function driver()
  while qh <= qt do
    local cb, v = qcb[qh], qv[qh]
    qcb[qh] = nil; qv[qh] = nil; qh = qh + 1
    cb(nil, v)
  end
  qh, qt = 1, 0
end
jit.off(driver)
local run_round
if mode == "raw" then
  run_round = function()
    local remaining, total = N, 0
    for i = 1, N do
      op4(i, "r", 0, function(_, fd)
        op2(fd, function(_, st)
          op4r(fd, st.size, 0, function(_, data)
            total = total + #data
            op2c(fd, function() remaining = remaining - 1 end)
          end)
        end)
      end)
    end
    driver()
    assert(remaining == 0 and total == N * 4)
  end
else
  local ts = require("tsasync")
  local await = ts.await
  local opts = mode == "fast" and { fast = true } or {}
  local function job(i)
    local _, fd = await(4, op4, i, "r", 0)
    local _, st = await(2, op2, fd)
    local _, data = await(4, op4r, fd, st.size, 0)
    await(2, op2c, fd)
    return #data
  end
  run_round = function()
    local total
    ts.run(opts, function()
      local tasks = {}
      for i = 1, N do tasks[i] = ts.run(opts, job, i) end
      local sum = 0
      for i = 1, N do sum = sum + tasks[i]:await() end
      total = sum
    end)
    driver()
    while total ~= N * 4 do
      vim.wait(1, function() return false end)
      driver()
    end
  end
end
run_round(); run_round() -- warm-up (JIT)
collectgarbage("collect")
for _ = 1, rounds do run_round() end
