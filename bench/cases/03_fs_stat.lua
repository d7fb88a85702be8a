-- Case 3: 20,000 sequential uv.fs_stat awaits (µs/op).
local N = 20000
local WARM = 1000

local function path()
  return vim.fs.normalize(debug.getinfo(1, "S").source:sub(2))
end

local function ts_impl(opts)
  return function(U)
    local ts = require("tsasync")
    local uv, await = U.uv, ts.await
    local file = path()
    local dt, ok_all
    ts.run(opts, function()
      for _ = 1, WARM do
        await(2, uv.fs_stat, file)
      end
      ok_all = true
      local t0 = U.now()
      for _ = 1, N do
        local err, st = await(2, uv.fs_stat, file)
        if err or st.type ~= "file" then ok_all = false end
      end
      dt = U.now() - t0
    end)
    U.wait(function() return dt ~= nil end)
    U.check(ok_all, "every fs_stat succeeded")
    return { value = dt / N / 1e3 }
  end
end

return {
  title = "20,000 sequential `uv.fs_stat` awaits",
  unit = "µs/op",
  target = { kind = "ratio", max = 1.1 },
  sides = {
    ts = "one task, `ts.await(2, uv.fs_stat, path)` in a loop; the callback runs in a fast event, so each await continues on the main loop after a `vim.schedule` hop (the default)",
    ts_fast = "the same task started with `ts.run({ fast = true }, ...)`: it continues inside the libuv callback, no hop",
    raw = "plain luv callbacks: the callback of one `uv.fs_stat` issues the next, no coroutine and no hop",
  },
  impls = {
    ts = ts_impl({}),
    ts_fast = ts_impl({ fast = true }),
    raw = function(U)
      local uv = U.uv
      local file = path()
      local i, limit, t0, dt, ok_all = 0, WARM, nil, nil, true
      local function on_stat(err, st)
        if err or st.type ~= "file" then ok_all = false end
        i = i + 1
        if i < limit then
          uv.fs_stat(file, on_stat)
        elseif t0 == nil then -- warm-up over: the timed run
          i, limit, t0 = 0, N, U.now()
          uv.fs_stat(file, on_stat)
        else
          dt = U.now() - t0
        end
      end
      uv.fs_stat(file, on_stat)
      U.wait(function() return dt ~= nil end)
      U.check(ok_all, "every fs_stat succeeded")
      return { value = dt / N / 1e3 }
    end,
  },
}
