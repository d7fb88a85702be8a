-- bench/util.lua: helpers shared by the cases (loaded with dofile by bench/child.lua).
local U = {}

local uv = vim.uv
U.uv = uv

--- Monotonic clock in nanoseconds.
U.now = uv.hrtime

--- CPU time of this process in nanoseconds: for the cases that never wait for the event loop
--- (robust to other load on the machine, unlike wall time).
function U.cpu()
  return os.clock() * 1e9
end

--- Two full collections: the second one frees what finalizers of the first released.
function U.gc()
  collectgarbage("collect")
  collectgarbage("collect")
end

--- Lua heap in use, in KiB.
function U.kb()
  return collectgarbage("count")
end

--- Pumps the event loop until cond() is true; raises after `ms` (default 60 s).
function U.wait(cond, ms)
  if not vim.wait(ms or 60000, cond, 1) then error("bench: timed out waiting for the workload", 2) end
end

--- Runs the event loop for `ms` milliseconds.
function U.pump(ms)
  vim.wait(ms, function() return false end, 1)
end

--- Number of libuv timer handles that are active (vim.uv.walk sees luv handles only, on 0.11+).
function U.active_timers()
  local n = 0
  uv.walk(function(h)
    if h:get_type() == "timer" and h:is_active() then n = n + 1 end
  end)
  return n
end

--- Raises unless `v` is truthy (sanity checks run after the timed part).
function U.check(v, msg)
  if not v then error("bench: sanity check failed: " .. msg, 2) end
  return v
end

return U
