-- Case 4: fan-out: 2,000 concurrent tasks each doing open/fstat/read/close of a small file (ms total).
-- The files (bench/run.lua creates them in a temporary directory, BENCH_DIR) are f1 .. f2000.
local N = 2000

local function paths(dir)
  local list = {}
  for i = 1, N do
    list[i] = dir .. "/f" .. i
  end
  return list
end

local function ts_impl(opts)
  return function(U, dir)
    local ts = require("tsasync")
    local uv, await = U.uv, ts.await
    local files = paths(dir)
    local function job(file)
      local _, fd = await(4, uv.fs_open, file, "r", 0)
      local _, st = await(2, uv.fs_fstat, fd)
      local _, data = await(4, uv.fs_read, fd, st.size, 0)
      await(2, uv.fs_close, fd)
      return #data
    end
    local dt, total
    for _ = 1, 2 do -- the first round warms up (JIT, page cache); the second is timed
      dt = nil
      ts.run(opts, function()
        local t0 = U.now()
        local tasks = {}
        for i = 1, N do
          tasks[i] = ts.run(opts, job, files[i])
        end
        total = 0
        for i = 1, N do
          total = total + tasks[i]:await()
        end
        dt = U.now() - t0
      end)
      U.wait(function() return dt ~= nil end)
      U.check(total == N * 1024, "read every byte: " .. tostring(total))
    end
    return { value = dt / 1e6 }
  end
end

return {
  title = "fan-out: 2,000 concurrent tasks, each open/fstat/read/close of a 1 KiB file",
  unit = "ms total",
  target = { kind = "ratio", max = 1.15 },
  sides = {
    ts = "a parent task starts 2,000 child tasks (`ts.await(4, uv.fs_open, ...)`, `fs_fstat`, `fs_read`, `fs_close`) and awaits each; every wake-up continues on the main loop (hops batched per loop turn)",
    ts_fast = "the same with `{ fast = true }` on the parent and the children: they continue inside the libuv callbacks",
    raw = "2,000 chains of nested luv callbacks (open → fstat → read → close) and a completion counter; no coroutine, no hop",
  },
  impls = {
    ts = ts_impl({}),
    ts_fast = ts_impl({ fast = true }),
    raw = function(U, dir)
      local uv = U.uv
      local files = paths(dir)
      local dt
      for _ = 1, 2 do -- the first round warms up, the second is timed
        local remaining, total = N, 0
        dt = nil
        local t0 = U.now()
        for i = 1, N do
          uv.fs_open(files[i], "r", 0, function(_, fd)
            uv.fs_fstat(fd, function(_, st)
              uv.fs_read(fd, st.size, 0, function(_, data)
                total = total + #data
                uv.fs_close(fd, function()
                  remaining = remaining - 1
                  if remaining == 0 then dt = U.now() - t0 end
                end)
              end)
            end)
          end)
        end
        U.wait(function() return dt ~= nil end)
        U.check(total == N * 1024, "read every byte: " .. tostring(total))
      end
      return { value = dt / 1e6 }
    end,
  },
}
