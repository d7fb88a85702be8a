-- Cancelling every wrapper family mid-flight releases what it held: the process's open fds
-- (/proc/self/fd), the handles the uv layer opened (ts.uv.stats.open) and, on Neovim >= 0.11,
-- every luv handle (vim.uv.walk; it aborts 0.10) return to their baseline.
-- A cancelled request that a libuv worker already runs cannot be stopped: its fd (or temp file)
-- appears only when it finishes, and its callback releases it. Such requests are counted in
-- ts.uv.stats.late, so the baseline is reached only once they are all back: a count of fds
-- alone can match the baseline while such an open is still running, and change just after.
local ts = require("tsasync")
local uv = vim.uv or vim.loop

local function nfd() return #vim.fn.readdir("/proc/self/fd") end

local function nhandles()
  if vim.fn.has("nvim-0.11") == 0 then return 0 end
  local n = 0
  uv.walk(function(h) if not h:is_closing() then n = n + 1 end end)
  return n
end

local function snapshot()
  return { fd = nfd(), open = ts.uv.stats.open, late = ts.uv.stats.late, handles = nhandles() }
end

local function assert_baseline(base)
  vim.wait(3000, function()
    local s = ts.uv.stats
    return s.late == base.late and nfd() == base.fd and s.open == base.open and nhandles() == base.handles
  end, 10)
  assert.same(base, snapshot())
end

-- Threads of this process blocked in the open of a FIFO (waiting for the other end).
local function fifo_opens()
  local n = 0
  for _, tid in ipairs(vim.fn.readdir("/proc/self/task")) do
    local ok, lines = pcall(vim.fn.readfile, "/proc/self/task/" .. tid .. "/wchan")
    if ok and lines[1] == "wait_for_partner" then n = n + 1 end
  end
  return n
end

-- Runs fn (which opens `fifo`) as a task until a libuv worker is blocked in that open, cancels
-- it there (uv.cancel cannot stop a running request), then opens the other end with
-- `partner_mode` so that the open finishes after the cancellation. Returns the partner's fd.
local function cancel_running_open(base, fifo, partner_mode, fn)
  local t = ts.run(fn)
  assert.is_true(vim.wait(3000, function() return fifo_opens() == 1 end, 5), "the open never blocked on the FIFO")
  t:cancel()
  assert.equal("cancelled", t:status()) -- released at once, although the open is still running
  -- The request still runs: no fd yet, so the fd count matches the baseline; the request is late.
  assert.same({ fd = base.fd, late = base.late + 1 }, { fd = nfd(), late = ts.uv.stats.late })
  local pfd = assert(uv.fs_open(fifo, partner_mode, 0)) -- lets the pending open finish
  assert.is_true(vim.wait(3000, function() return ts.uv.stats.late == base.late end, 5), "the late callback never came")
  assert.equal(base.fd + 1, nfd()) -- only the partner: the late fd was closed by its callback
  return pfd
end

-- Starts fn as a task, lets the loop turn `turns` times, cancels it and waits for it to end.
local function cancel_after(turns, fn)
  local t = ts.run(fn)
  for _ = 1, turns do vim.wait(0) end
  t:cancel()
  pcall(t.wait, t, 3000)
  assert.is_true(t:is_done())
  return t
end

-- Handles the loop creates once and keeps (the timer heap's driver, libuv's inotify fd, the
-- child watcher) are created before the baselines are taken.
local function warm_up(root)
  ts.block_on(function()
    ts.sleep(1)
    local ev = uv.new_fs_event()
    ts.uv.fs_event_start(ev, root, {}):close()
    ev:close()
    ts.system({ "true" })
  end, 3000)
end

describe("cancellation releases resources", function()
  local root
  before_each(function()
    root = assert(uv.fs_mkdtemp(vim.fn.tempname() .. "-cancelXXXXXX"))
    warm_up(root)
  end)
  after_each(function() vim.fn.delete(root, "rf") end)

  it("fs: a late fd (fs_open of a FIFO finishing after cancellation) is closed", function()
    local fifo = root .. "/fifo"
    assert.equal(0, vim.fn.system({ "mkfifo", fifo }) and vim.v.shell_error)
    local base = snapshot()
    uv.fs_close(cancel_running_open(base, fifo, "w", function() ts.uv.fs_open(fifo, "r", 0) end))
    assert_baseline(base)
  end)

  it("fs: read_file / append of a FIFO cancelled while their open runs close the late fd", function()
    local fifo = root .. "/fifo"
    assert.equal(0, vim.fn.system({ "mkfifo", fifo }) and vim.v.shell_error)
    local base = snapshot()
    uv.fs_close(cancel_running_open(base, fifo, "w", function() ts.fs.read_file(fifo) end))
    uv.fs_close(cancel_running_open(base, fifo, "r", function() ts.fs.append(fifo, "x") end))
    assert_baseline(base)
  end)

  it("fs: read_file, write_file, walk, copy cancelled at many points", function()
    for i = 1, 10 do vim.fn.mkdir(root .. "/d" .. i .. "/sub", "p"); vim.fn.writefile({ "x" }, root .. "/d" .. i .. "/f") end
    local base = snapshot()
    for turns = 0, 12 do
      cancel_after(turns, function()
        ts.fs.write_file(root .. "/w", string.rep("z", 200000))
        ts.fs.read_file(root .. "/w")
        for _ in ts.fs.walk(root, { concurrency = 4 }) do end
        ts.fs.copy(root .. "/d1", root .. "/copy" .. turns)
      end)
    end
    assert_baseline(base)
    for _, name in ipairs(vim.fn.readdir(root)) do assert.is_nil(name:match("%.tmp$"), name) end
  end)

  it("getaddrinfo, random, a one-shot timer and a one-shot signal", function()
    local timer, sig = uv.new_timer(), uv.new_signal()
    local base = snapshot()
    cancel_after(0, function() ts.uv.getaddrinfo("localhost", "80") end)
    cancel_after(0, function() ts.uv.random(16, {}) end)
    cancel_after(0, function() ts.uv.timer_start(timer, 10000, 0) end)
    assert.is_false(timer:is_active())
    cancel_after(0, function() ts.uv.signal_start_oneshot(sig, "sigusr2") end)
    assert.is_false(sig:is_active())
    assert_baseline(base)
    timer:close()
    sig:close()
  end)

  it("sockets: connect, read, accept loop and handlers", function()
    local base = snapshot()
    local server
    local host = ts.run(function()
      server = ts.net.listen("127.0.0.1", 0, function(conn) conn:read() end)
    end)
    vim.wait(100, function() return server ~= nil end)
    for turns = 0, 5 do
      cancel_after(turns, function()
        local conn = ts.net.connect("127.0.0.1", server.port)
        conn:write("x")
        conn:read()
      end)
    end
    -- a raw connect cancelled before it completes: the handle is closed by the cancellation
    local tcp = uv.new_tcp()
    cancel_after(0, function() ts.uv.tcp_connect(tcp, "127.0.0.1", server.port) end)
    assert.is_true(tcp:is_closing())
    host:cancel()
    pcall(host.wait, host, 2000)
    assert_baseline(base)
  end)

  it("streams: read_start, fs_event and repeating timers are closed with their task", function()
    local timer, ev = uv.new_timer(), uv.new_fs_event()
    local fds = uv.pipe({ nonblock = true }, { nonblock = true })
    local r, w = uv.new_pipe(false), uv.new_pipe(false)
    r:open(fds.read)
    w:open(fds.write)
    local base = snapshot()
    cancel_after(1, function() ts.uv.read_start(r):recv() end)
    assert.is_false(r:is_active())
    cancel_after(1, function() ts.uv.timer_start(timer, 1, 1):recv(); ts.sleep(1000) end)
    assert.is_false(timer:is_active())
    cancel_after(1, function() ts.uv.fs_event_start(ev, root, {}):recv() end)
    assert.is_false(ev:is_active())
    cancel_after(1, function() ts.uv.new_async():recv() end)
    assert_baseline(base)
    for _, h in ipairs({ timer, ev, r, w }) do h:close() end
  end)

  it("processes: ts.system, ts.process and ts.uv.spawn are killed", function()
    local base = snapshot()
    local pids = {}
    cancel_after(2, function() ts.system({ "sleep", "30" }) end)
    cancel_after(2, function()
      local p = ts.process({ "sleep", "30" })
      pids[#pids + 1] = p.pid
      p:wait()
    end)
    cancel_after(2, function() ts.uv.spawn("sleep", { args = { "30" } }) end)
    assert_baseline(base)
    for _, pid in ipairs(pids) do assert.is_true(vim.wait(3000, function() return uv.kill(pid, 0) ~= 0 end, 10)) end
  end)
end)
