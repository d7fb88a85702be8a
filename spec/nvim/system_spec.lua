-- ts.system / ts.process with real child processes: results, errors, timeouts, streaming,
-- and killing on cancellation (the pid is proven gone).
local ts = require("tsasync")
local uv = vim.uv or vim.loop

local function run(fn, ms) return ts.block_on(fn, ms or 5000) end

-- True while a process with this pid exists (a zombie counts: it has not been reaped).
local function alive(pid)
  local ok = uv.kill(pid, 0)
  return ok == 0
end

local function wait_gone(pid, ms)
  return vim.wait(ms or 5000, function() return not alive(pid) end, 10)
end

describe("ts.system", function()
  it("returns code, signal, stdout, stderr; a non-zero exit is a result", function()
    local r = run(function() return ts.system({ "sh", "-c", "echo out; echo err >&2; exit 7" }) end)
    assert.equal(7, r.code)
    assert.equal(0, r.signal)
    assert.equal("out\n", r.stdout)
    assert.equal("err\n", r.stderr)
  end)

  it("passes vim.system options on (cwd, env, stdin)", function()
    local r = run(function()
      return ts.system({ "sh", "-c", "pwd; echo $TSX; cat" }, { cwd = "/", env = { TSX = "yes" }, stdin = "piped" })
    end)
    assert.equal("/\nyes\npiped", r.stdout)
  end)

  it("runs processes concurrently", function()
    local results = run(function()
      local tasks = {}
      for i = 1, 5 do tasks[i] = ts.run(function() return ts.system({ "sh", "-c", "sleep 0.2; echo " .. i }).stdout end) end
      local out = {}
      for i = 1, 5 do out[i] = tasks[i]:await() end
      return out
    end)
    assert.same({ "1\n", "2\n", "3\n", "4\n", "5\n" }, results)
  end)

  it("a missing executable raises a UvError ENOENT", function()
    local ok, err = run(function() return ts.pcall(ts.system, { "tsasync-no-such-binary" }) end)
    assert.is_false(ok)
    assert.is_true(ts.is_uv_error(err))
    assert.equal("ENOENT", err.code)
    assert.equal("tsasync-no-such-binary", err.path)
  end)

  it("timeout kills the process and raises an is_timeout error", function()
    local pidfile = vim.fn.tempname()
    local ok, err = run(function()
      return ts.pcall(ts.system, { "sh", "-c", "echo $$ > " .. pidfile .. "; exec sleep 30" }, { timeout = 200 })
    end)
    assert.is_false(ok)
    assert.is_true(ts.is_timeout(err))
    assert.matches("did not finish within 200 ms", tostring(err))
    local pid = tonumber(vim.fn.readfile(pidfile)[1])
    assert.is_true(wait_gone(pid))
    vim.fn.delete(pidfile)
  end)

  it("cancelling the task kills the process (SIGTERM) and the pid disappears", function()
    local pidfile = vim.fn.tempname()
    local t = ts.run(function() return ts.system({ "sh", "-c", "echo $$ > " .. pidfile .. "; exec sleep 30" }) end)
    assert.is_true(vim.wait(3000, function() return vim.fn.filereadable(pidfile) == 1 and #vim.fn.readfile(pidfile) > 0 end, 10))
    local pid = tonumber(vim.fn.readfile(pidfile)[1])
    assert.is_true(alive(pid))
    t:cancel()
    assert.is_true(wait_gone(pid, 3000), "pid " .. pid .. " still alive")
    assert.equal("cancelled", t:status())
    vim.fn.delete(pidfile)
  end)

  it("a process that ignores SIGTERM gets SIGKILL after the grace period", function()
    local pidfile = vim.fn.tempname()
    local killed = ts.uv.stats.killed
    local t = ts.run(function()
      return ts.system({ "sh", "-c", "trap '' TERM; echo $$ > " .. pidfile .. "; while :; do sleep 0.05; done" })
    end)
    assert.is_true(vim.wait(3000, function() return vim.fn.filereadable(pidfile) == 1 and #vim.fn.readfile(pidfile) > 0 end, 10))
    local pid = tonumber(vim.fn.readfile(pidfile)[1])
    vim.wait(100)
    t:cancel()
    vim.wait(500)
    assert.is_true(alive(pid), "should survive SIGTERM")
    assert.is_true(wait_gone(pid, 6000), "pid " .. pid .. " still alive after SIGKILL")
    assert.equal(killed + 1, ts.uv.stats.killed)
    vim.fn.delete(pidfile)
  end)

  it("validates its arguments", function()
    run(function()
      assert.has_error(function() ts.system("ls") end, "ts.system: cmd must be a non-empty list of strings, got string")
      assert.has_error(function() ts.system({}) end, "ts.system: cmd must be a non-empty list of strings, got an empty table")
      assert.has_error(function() ts.system({ "ls" }, { bogus = 1 }) end, 'ts.system: unknown option "bogus"')
      assert.has_error(function() ts.system({ "ls" }, { timeout = -1 }) end, "ts.system: opts.timeout must be a non-negative number of ms, got -1")
    end)
    assert.has_error(function() ts.system({ "ls" }) end, "ts.system: must be called inside a task (start one with ts.run)")
  end)
end)

describe("ts.process", function()
  it("streams stdout lines, takes stdin, and waits for the result", function()
    local lines, r, pid = run(function()
      local proc = ts.process({ "sh", "-c", "while read l; do echo got:$l; done; echo tail >&2; printf last" })
      proc:write("a\n")
      proc:write({ "b", "c" })
      proc:close_stdin()
      local lines = {}
      for line in proc:lines() do lines[#lines + 1] = line end
      return lines, proc:wait(), proc.pid
    end)
    assert.same({ "got:a", "got:b", "got:c", "last" }, lines)
    assert.equal(0, r.code)
    assert.equal("", r.stdout)
    assert.equal("tail\n", r.stderr)
    assert.is_number(pid)
  end)

  -- Back-pressure needs Neovim 0.11+ (0.10 closes the pipe at exit: there stdout is read at once).
  local survives = vim.fn.has("nvim-0.11") == 1

  it("back-pressure: stdout nobody reads stops being read at 64 chunks; the writer blocks", function()
    if not survives then
      pending("Neovim 0.10: stdout is buffered without limit (documented)")
      return
    end
    local n1, n2, done, more, r = run(function()
      local proc = ts.process({ "yes" }) -- writes forever
      assert.equal("y", proc:lines()())
      ts.sleep(300)
      local a = proc.out:len()
      ts.sleep(200)
      local b = proc.out:len() -- paused: nothing more arrived
      local it, got = proc:lines(), 0
      for _ = 1, 10 do
        if it() == "y" then got = got + 1 end
      end
      local is_done = proc:is_done()
      proc:kill()
      return a, b, is_done, got, proc:wait()
    end, 10000)
    assert.is_true(n1 <= 64, "buffered chunks: " .. n1)
    assert.equal(n1, n2)
    assert.is_false(done)
    assert.equal(10, more)
    assert.equal(15, r.signal) -- SIGTERM
  end)

  it("back-pressure loses nothing: every line arrives in order across pauses", function()
    local n, in_order, last = run(function()
      local proc = ts.process({ "seq", "1", "200000" }) -- 1.3 MB: more than the paused buffer
      ts.sleep(300)
      local count, ok, tail = 0, true, nil
      for line in proc:lines() do
        count = count + 1
        if tonumber(line) ~= count then ok = false end
        tail = line
      end
      assert.equal(0, proc:wait().code)
      return count, ok, tail
    end, 20000)
    assert.equal(200000, n)
    assert.is_true(in_order)
    assert.equal("200000", last)
  end)

  it("wait() and the end of the starting task lift back-pressure, so the process can exit", function()
    local BIG = { "sh", "-c", "yes | head -c 8000000" } -- more than 64 paused chunks can hold
    local r = run(function()
      local proc = ts.process(BIG)
      ts.sleep(100)
      return proc:wait()
    end, 20000)
    assert.equal(0, r.code)
    assert.equal(8000000, #r.stdout)
    local proc
    run(function() proc = ts.process(BIG) end) -- the task ends at once: nobody reads
    assert.is_true(vim.wait(20000, function() return proc:is_done() end, 10), "the process reached its exit")
    assert.equal(8000000, #run(function() return proc:wait() end).stdout)
  end)

  it("wait() returns the stdout that lines() did not consume", function()
    local r = run(function() return ts.process({ "printf", "x\ny" }):wait() end)
    assert.equal("x\ny", r.stdout)
  end)

  it("kill() sends a signal", function()
    local r = run(function()
      local proc = ts.process({ "sleep", "30" })
      proc:kill("sigkill")
      return proc:wait()
    end)
    assert.equal(9, r.signal)
  end)

  it("cancelling the task that started it kills the process; the pid disappears", function()
    local pid
    local t = ts.run(function()
      local proc = ts.process({ "sleep", "30" })
      pid = proc.pid
      proc:wait()
    end)
    assert.is_true(alive(pid))
    t:cancel()
    assert.is_true(wait_gone(pid, 3000))
  end)

  it("a failing owner kills it too; a normally finishing owner leaves it running", function()
    local p1, p2
    local t1 = ts.run(function()
      p1 = ts.process({ "sleep", "30" })
      ts.sleep(10)
      error("owner fails")
    end)
    assert.has_error(function() t1:wait(2000) end)
    assert.is_true(wait_gone(p1.pid, 3000))
    local proc = run(function() p2 = ts.process({ "sleep", "30" }); return p2 end)
    vim.wait(50)
    assert.is_true(alive(proc.pid))
    proc:kill("sigkill")
    assert.is_true(wait_gone(proc.pid, 3000))
  end)

  it("timeout kills it and wait() raises is_timeout", function()
    local ok, err = run(function()
      local proc = ts.process({ "sleep", "30" }, { timeout = 100 })
      return ts.pcall(proc.wait, proc)
    end)
    assert.is_false(ok)
    assert.is_true(ts.is_timeout(err))
  end)
end)
