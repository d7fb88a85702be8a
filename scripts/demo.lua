-- `make demo`: a headless tour of tsasync. Prints what happens, step by step.
--   nvim --headless --clean --cmd 'set rtp^=.' -l scripts/demo.lua
local ts = require("tsasync")
local uv = vim.uv or vim.loop

local t0 = uv.hrtime()
local function say(fmt, ...)
  io.stdout:write(string.format("[%5.0f ms] ", (uv.hrtime() - t0) / 1e6) .. string.format(fmt, ...) .. "\n")
end

-- Unhandled errors go to vim.notify by default; the demo prints them instead.
ts.config({ on_unhandled = function(err, task) say("unhandled error in task %q: %s", task.name, tostring(err):match("^[^\n]*")) end })

ts.block_on(function()
  say("1. three tasks sleep 300 ms each, concurrently")
  local start = uv.hrtime()
  local tasks = {}
  for i = 1, 3 do
    tasks[i] = ts.run({ name = "sleeper " .. i }, function()
      ts.sleep(300)
      return i
    end)
  end
  for i = 1, 3 do tasks[i]:await() end
  say("   all three done after %.0f ms (not 900)", (uv.hrtime() - start) / 1e6)

  say("2. a concurrent directory walk of $VIMRUNTIME (ts.fs.walk, 16 directories at a time)")
  start = uv.hrtime()
  local files, dirs = 0, 0
  for _, type in ts.fs.walk(vim.env.VIMRUNTIME, { concurrency = 16 }) do
    if type == "directory" then dirs = dirs + 1 else files = files + 1 end
  end
  say("   %d files in %d directories, %.0f ms", files, dirs, (uv.hrtime() - start) / 1e6)

  say("3. a timeout: ts.system({ 'sleep', '5' }, { timeout = 200 })")
  local ok, err = ts.pcall(ts.system, { "sleep", "5" }, { timeout = 200 })
  say("   ok=%s is_timeout=%s: %s", tostring(ok), tostring(ts.is_timeout(err)), tostring(err))

  say("4. a child process, cancelled")
  local pid
  local child = ts.run({ name = "child" }, function()
    local proc = ts.process({ "sleep", "60" })
    pid = proc.pid
    return proc:wait()
  end)
  ts.sleep(100)
  say("   pid %d running: %s", pid, tostring(uv.kill(pid, 0) == 0))
  child:cancel()
  local waited = 0
  while uv.kill(pid, 0) == 0 and waited < 3000 do
    ts.sleep(10)
    waited = waited + 10
  end
  say("   task %s; pid %d gone: %s (after %d ms)", child:status(), pid, tostring(uv.kill(pid, 0) ~= 0), waited)

  say("5. an echo server and a client on 127.0.0.1")
  local server = ts.net.listen("127.0.0.1", 0, function(conn)
    for line in conn:lines() do conn:write(line:upper() .. "\n") end
  end)
  local conn = ts.net.connect("127.0.0.1", server.port)
  conn:write("hello from the client\n")
  say("   port %d answered: %s", server.port, conn:lines()())
  conn:close()
  server:close()

  say("6. a UvError: ts.fs.read_file('/nonexistent')")
  local ok2, uerr = ts.pcall(ts.fs.read_file, "/nonexistent")
  say("   ok=%s code=%s name=%s path=%s", tostring(ok2), uerr.code, uerr.name, uerr.path)
end, 20000)

say("7. a task that fails with nobody watching is reported on the next loop turn:")
ts.run({ name = "careless" }, function()
  ts.sleep(10)
  error("nobody awaited me")
end)
vim.wait(200)
say("done")
