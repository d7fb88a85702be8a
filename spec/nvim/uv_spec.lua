-- ts.uv: generated wrappers of every callback-taking luv function; UvError; ts.uv.p; streams.
-- Real files, pipes, sockets and signals; no mocks.
local ts = require("tsasync")
local uv = vim.uv or vim.loop

local function tmpdir()
  local d = assert(uv.fs_mkdtemp(vim.fn.tempname() .. "-uvXXXXXX"))
  return d
end

local function rm(path) vim.fn.delete(path, "rf") end

describe("ts.uv coverage", function()
  it("has a wrapper for every callback-taking function in the running Neovim's luv annotations", function()
    local meta = vim.env.VIMRUNTIME .. "/lua/uv/_meta.lua"
    if vim.fn.filereadable(meta) == 0 then
      -- Neovim 0.10 ships no luv annotations: check every generated name against vim.uv instead.
      for name in pairs(ts.uv.specs) do
        assert.is_function(ts.uv[name], name)
      end
      return
    end
    _G.GEN_UV_LIBRARY = true
    local gen = dofile("scripts/gen-uv.lua")
    _G.GEN_UV_LIBRARY = nil
    local parsed = gen.parse(meta)
    assert.is_true(#parsed >= 60, "parsed only " .. #parsed)
    local seen = {}
    for _, s in ipairs(parsed) do
      seen[s.name] = true
      assert.is_function(ts.uv[s.name], s.name)
      local g = ts.uv.specs[s.name]
      assert.is_table(g, s.name .. " missing from generated.ts (run make generate)")
      assert.same({ s.nparams, s.cb, s.err, s.kind }, { g.nparams, g.cb, g.err, g.kind }, s.name)
      assert.is_function(vim.uv[s.name], s.name .. " annotated but absent from vim.uv")
    end
    for name in pairs(ts.uv.specs) do assert.is_true(seen[name], name .. " is generated but no longer annotated") end
  end)

  it("every one-shot function has a protected form ts.uv.p.<name>", function()
    for name, spec in pairs(ts.uv.specs) do
      if spec.kind == "once" or spec.kind == "spawn" or spec.kind == "timer" then
        assert.is_function(ts.uv.p[name], name)
      end
    end
  end)

  it("a function missing from this Neovim's luv raises a clear error when called", function()
    local saved = vim.uv.fs_statfs
    vim.uv.fs_statfs = nil
    package.loaded["tsasync.uv.wrap"] = nil
    local ok, wrap = pcall(require, "tsasync.uv.wrap")
    vim.uv.fs_statfs = saved
    package.loaded["tsasync.uv.wrap"] = nil
    require("tsasync.uv.wrap")
    assert.is_true(ok, wrap)
    local t = ts.run(function() return ts.pcall(wrap.uv.fs_statfs, "/") end)
    local okc, err = t:wait(1000)
    assert.is_false(okc)
    assert.matches("ts.uv.fs_statfs: not available in this Neovim's luv", err, 1, true)
  end)

  it("the cleanup metadata covers the resources that can arrive late", function()
    local s = ts.uv.specs
    assert.equal("fd", s.fs_open.late)
    assert.equal("dir", s.fs_opendir.late)
    assert.equal("mkstemp", s.fs_mkstemp.late)
    assert.equal("req", s.fs_stat.cancel)
    assert.equal("req", s.getaddrinfo.cancel)
    assert.equal("close", s.tcp_connect.cancel)
    assert.equal(2, s.fs_opendir.cb) -- callback in the middle: fs_opendir(path, cb, entries)
    assert.equal("stream", s.read_start.kind)
    assert.equal("read_stop", s.read_start.stop)
  end)
end)

describe("ts.uv one-shot calls", function()
  it("return the callback's values after the error", function()
    local d = tmpdir()
    local t = ts.run(function()
      local fd = ts.uv.fs_open(d .. "/a.txt", "w", 420)
      assert.equal(5, ts.uv.fs_write(fd, "hello", 0))
      ts.uv.fs_close(fd)
      local st = ts.uv.fs_stat(d .. "/a.txt")
      local fd2 = ts.uv.fs_open(d .. "/a.txt", "r", 420)
      local data = ts.uv.fs_read(fd2, 100, 0)
      ts.uv.fs_close(fd2)
      local dir = ts.uv.fs_opendir(d, 10) -- callback in the middle of luv's arguments
      local entries = ts.uv.fs_readdir(dir)
      ts.uv.fs_closedir(dir)
      local tfd, tpath = ts.uv.fs_mkstemp(d .. "/tmpXXXXXX") -- two values
      ts.uv.fs_close(tfd)
      return st.size, st.type, data, entries[1].name, type(tpath), vim.in_fast_event()
    end)
    assert.same({ 5, "file", "hello", "a.txt", "string", false }, { t:wait(2000) })
    rm(d)
  end)

  it("raise a UvError with code, name, message and path", function()
    local t = ts.run(function() return ts.pcall(ts.uv.fs_stat, "/nonexistent/x") end)
    local ok, err = t:wait(1000)
    assert.is_false(ok)
    assert.is_true(ts.is_uv_error(err))
    assert.equal("ENOENT", err.code)
    assert.equal("fs_stat", err.name)
    assert.equal("/nonexistent/x", err.path)
    assert.matches("^ENOENT: no such file or directory", err.message)
    assert.equal(err.message, tostring(err))
  end)

  it("ts.is_uv_error sees through the context of the tasks the error crossed", function()
    local t = ts.run(function()
      local inner = ts.run(function() ts.uv.fs_open("/nonexistent/y", "r", 420) end)
      return inner:pawait()
    end)
    local ok, err = t:wait(1000)
    assert.is_false(ok)
    assert.is_true(ts.is_uv_error(err))
    assert.equal("ENOENT", err.code)
    assert.equal("fs_open", err.name)
    assert.is_false(ts.is_uv_error("ENOENT: a string"))
    assert.is_false(ts.is_cancelled(err))
  end)

  it("ts.uv.p.<name> returns err, values instead of raising", function()
    local t = ts.run(function()
      local err, st = ts.uv.p.fs_stat("/nonexistent/z")
      local err2, st2 = ts.uv.p.fs_stat("/")
      return err.code, st, err2, st2.type
    end)
    assert.same({ "ENOENT", nil, nil, "directory" }, { t:wait(1000) })
  end)

  it("a synchronous luv failure (nil, err) raises instead of hanging", function()
    local t = ts.run(function()
      local tcp = uv.new_tcp()
      local ok, err = ts.pcall(ts.uv.shutdown, tcp) -- not connected: luv fails at once
      tcp:close()
      return ok, err
    end)
    local ok, err = t:wait(1000)
    assert.is_false(ok)
    assert.is_true(ts.is_uv_error(err))
    assert.equal("shutdown", err.name)
    assert.equal("ENOTCONN", err.code)
  end)

  it("refuses too many arguments and bad ones with the wrapper's name", function()
    local t = ts.run(function()
      local ok1, e1 = ts.pcall(ts.uv.fs_stat, "/", function() end)
      local ok2, e2 = ts.pcall(ts.uv.fs_read, "x", 1, 0)
      return ok1, e1, ok2, e2
    end)
    local ok1, e1, ok2, e2 = t:wait(1000)
    assert.is_false(ok1)
    assert.matches("ts.uv.fs_stat: got 2 arguments, expected at most 1", e1, 1, true)
    assert.is_false(ok2)
    assert.matches("ts.uv.fs_read:", e2, 1, true)
  end)

  it("must be called inside a task", function()
    assert.has_error(function() ts.uv.fs_stat("/") end, "ts.uv.fs_stat: must be called inside a task (start one with ts.run)")
  end)

  it("getaddrinfo, random and a one-shot timer", function()
    local t = ts.run(function()
      local addrs = ts.uv.getaddrinfo("127.0.0.1", nil, { family = "inet" })
      local bytes = ts.uv.random(8, {})
      local timer = uv.new_timer()
      ts.uv.timer_start(timer, 5, 0)
      timer:close()
      return addrs[1].addr, #bytes
    end)
    assert.same({ "127.0.0.1", 8 }, { t:wait(2000) })
  end)

  it("spawn awaits the exit code and signal", function()
    local t = ts.run(function() return ts.uv.spawn("sh", { args = { "-c", "exit 3" } }) end)
    assert.same({ 3, 0 }, { t:wait(2000) })
    local t2 = ts.run(function() return ts.pcall(ts.uv.spawn, "/nonexistent/binary", {}) end)
    local ok, err = t2:wait(2000)
    assert.is_false(ok)
    assert.equal("ENOENT", err.code)
    assert.equal("spawn", err.name)
  end)

  it("walk lists handles on Neovim >= 0.11 and refuses on 0.10", function()
    if vim.fn.has("nvim-0.11") == 1 then
      local timer = uv.new_timer()
      local found = false
      for _, h in ipairs(ts.uv.walk()) do if h == timer then found = true end end
      timer:close()
      assert.is_true(found)
    else
      assert.has_error(function() ts.uv.walk() end)
    end
  end)
end)

describe("ts.uv streams", function()
  local function pipe_pair()
    local fds = uv.pipe({ nonblock = true }, { nonblock = true })
    local r, w = uv.new_pipe(false), uv.new_pipe(false)
    r:open(fds.read)
    w:open(fds.write)
    return r, w
  end

  it("read_start: chunks in order, nil at EOF, back-pressure pauses the source", function()
    local r, w = pipe_pair()
    local t = ts.run(function()
      local s = ts.uv.read_start(r)
      s.limit = 2
      for i = 1, 50 do ts.uv.write(w, string.format("%04d", i)) end
      ts.sleep(20)
      local paused, buffered = s.paused, s:len()
      w:close()
      local got = {}
      for chunk in s:iter() do got[#got + 1] = chunk end
      return paused, buffered, table.concat(got), s:recv()
    end)
    local paused, buffered, data, after = t:wait(3000)
    assert.is_true(paused)
    assert.is_true(buffered <= 3, "buffered " .. buffered)
    local want = {}
    for i = 1, 50 do want[i] = string.format("%04d", i) end
    assert.equal(table.concat(want), data)
    assert.is_nil(after)
    r:close()
  end)

  it("a task cancelled in recv leaves the stream usable and loses nothing", function()
    local r, w = pipe_pair()
    local s
    local t1 = ts.run(function() s = ts.uv.read_start(r); s:recv() end)
    t1:cancel()
    local t2 = ts.run(function() return s:recv() end)
    -- t1 owned the stream (it created it) and ended cancelled: that closes the stream.
    assert.is_nil(t2:wait(1000))
    assert.is_true(s:is_closed())
    -- Receivers that do not own the stream can be cancelled without closing it.
    local s2 = ts.block_on(function() return ts.uv.read_start(r) end)
    local t3 = ts.run(function() return s2:recv() end)
    t3:cancel()
    local t4 = ts.run(function() ts.uv.write(w, "kept"); return s2:recv() end)
    assert.equal("kept", t4:wait(1000))
    s2:close()
    r:close()
    w:close()
  end)

  it("close() stops the callback and wakes the receiver with nil", function()
    local r, w = pipe_pair()
    local s = ts.block_on(function() return ts.uv.read_start(r) end)
    local t = ts.run(function() return s:recv() end)
    s:close()
    assert.is_nil(t:wait(1000))
    assert.is_false(r:is_active())
    s:close() -- idempotent
    r:close()
    w:close()
  end)

  it("errors are raised from recv after the buffered values", function()
    local s = ts.block_on(function()
      local sig = uv.new_signal()
      return ts.uv.signal_start(sig, "sigusr2"), sig
    end)
    local t = ts.run(function()
      uv.kill(uv.os_getpid(), "sigusr2")
      return s:recv()
    end)
    assert.equal("sigusr2", t:wait(2000))
    s:close()
    -- read error: a read on a closed-for-reading stream
    local st = require("tsasync.uv.stream")
    local s2 = st.new_stream({ what = "test stream" })
    st.stream_push(s2, { n = 1, "a" })
    st.stream_fail(s2, "boom")
    local t2 = ts.run(function()
      local a = s2:recv()
      local ok, err = ts.pcall(s2.recv, s2)
      return a, ok, err, s2:recv()
    end)
    assert.same({ "a", false, "boom" }, { t2:wait(1000) })
  end)

  it("a repeating timer is a stream of ticks", function()
    local t = ts.run(function()
      local timer = uv.new_timer()
      local s = ts.uv.timer_start(timer, 1, 1)
      local n = 0
      for tick in s:iter() do
        n = n + 1
        if n == 5 then s:close() end
      end
      local active = timer:is_active()
      timer:close()
      return n, active
    end)
    assert.same({ 5, false }, { t:wait(2000) })
  end)

  it("fs_event, fs_poll and udp_recv_start deliver their events", function()
    local d = tmpdir()
    local t = ts.run(function()
      local ev = uv.new_fs_event()
      local s = ts.uv.fs_event_start(ev, d, {})
      local fd = ts.uv.fs_open(d .. "/new.txt", "w", 420)
      ts.uv.fs_close(fd)
      local name, events = s:recv()
      s:close()
      ev:close()

      local poll = uv.new_fs_poll()
      local ps = ts.uv.fs_poll_start(poll, d .. "/new.txt", 10)
      ts.sleep(30)
      local fd2 = ts.uv.fs_open(d .. "/new.txt", "a", 420)
      ts.uv.fs_write(fd2, "more")
      ts.uv.fs_close(fd2)
      local prev, curr = ps:recv()
      ps:close()
      poll:close()

      local udp = uv.new_udp()
      udp:bind("127.0.0.1", 0)
      local port = udp:getsockname().port
      local us = ts.uv.udp_recv_start(udp)
      ts.uv.udp_send(udp, "ping", "127.0.0.1", port)
      local data, addr = us:recv()
      us:close()
      udp:close()
      return name, type(events), prev.size, curr.size, data, addr.ip
    end)
    assert.same({ "new.txt", "table", 0, 4, "ping", "127.0.0.1" }, { t:wait(3000) })
    rm(d)
  end)

  it("listen yields accepted clients; new_async carries what async_send sends", function()
    local t = ts.run(function()
      local server = uv.new_tcp()
      server:bind("127.0.0.1", 0)
      local port = server:getsockname().port
      local clients = ts.uv.listen(server, 16)
      local c = uv.new_tcp()
      ts.uv.tcp_connect(c, "127.0.0.1", port)
      local accepted = clients:recv()
      local peer_type = accepted:getpeername().ip
      accepted:close()
      ts.uv.stats.open = ts.uv.stats.open - 1 -- closed by hand, not through the layer
      c:close()
      clients:close()
      server:close()
      local a = ts.uv.new_async()
      a.handle:send("x", 2)
      local v1, v2 = a:recv()
      a:close()
      return peer_type, v1, v2
    end)
    assert.same({ "127.0.0.1", "x", 2 }, { t:wait(2000) })
  end)
end)

describe("ts.UvError", function()
  it("makes UvErrors like the wrappers raise, recognised by ts.is_uv_error", function()
    local ts = require("tsasync")
    local e = ts.UvError.new("fs_open", "ENOENT: no such file or directory: /x", "/x")
    assert.same({ "ENOENT", "fs_open", "/x" }, { e.code, e.name, e.path })
    assert.equal("ENOENT: no such file or directory: /x", tostring(e))
    assert.is_true(ts.UvError.is(e))
    assert.is_true(ts.is_uv_error(e))
    assert.equal("EPERM", ts.UvError.new("fs_chmod", "nope", nil, "EPERM").code)
    local ok, err = ts.block_on(function() return ts.pcall(ts.fs.stat, "/nonexistent/path") end)
    assert.is_false(ok)
    assert.is_true(ts.UvError.is(err))
    assert.has_error(function() ts.UvError.new(nil, "x") end, "ts.UvError.new: name must be a string, got nil")
  end)
end)
