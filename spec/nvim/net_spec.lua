-- ts.net against a real echo server on 127.0.0.1 started by the spec with ts.net.listen.
local ts = require("tsasync")

local function echo_server(received)
  return ts.net.listen("127.0.0.1", 0, function(conn)
    for line in conn:lines() do
      if received then received[#received + 1] = line end
      conn:write(line .. "\n")
    end
  end)
end

describe("ts.net", function()
  it("talks to an echo server: write, lines, read, close", function()
    local got = ts.block_on(function()
      local out = {}
      local server = echo_server()
      assert.is_true(server.port > 0)
      local conn = ts.net.connect("127.0.0.1", server.port)
      conn:write("hello\n")
      conn:write({ "wor", "ld\n" })
      local lines = conn:lines()
      out[1] = lines()
      out[2] = lines()
      conn:write("raw\n")
      out[3] = conn:read()
      conn:close()
      server:close()
      return out
    end, 5000)
    assert.same({ "hello", "world", "raw\n" }, got)
  end)

  it("serves many clients concurrently, each handler a task", function()
    local got = ts.block_on(function()
      local server = echo_server()
      local tasks = {}
      for i = 1, 20 do
        tasks[i] = ts.run(function()
          local conn = ts.net.connect("localhost", server.port) -- resolved with getaddrinfo
          conn:write("client " .. i .. "\n")
          local line = conn:lines()()
          conn:close()
          return line
        end)
      end
      local out = {}
      for i = 1, 20 do out[i] = tasks[i]:await() end
      server:close()
      return out
    end, 5000)
    for i = 1, 20 do assert.equal("client " .. i, got[i]) end
  end)

  it("read returns nil at EOF when the peer shuts down its side", function()
    local a, b = ts.block_on(function()
      local server = ts.net.listen("127.0.0.1", 0, function(conn)
        conn:write("bye")
        conn:shutdown()
        conn:read() -- until the client closes
      end)
      local conn = ts.net.connect("127.0.0.1", server.port)
      local a = conn:read()
      local b = conn:read()
      conn:close()
      server:close()
      return a, b
    end, 5000)
    assert.equal("bye", a)
    assert.is_nil(b)
  end)

  it("a refused connection raises a UvError", function()
    local ok, err = ts.block_on(function()
      local server = echo_server()
      local port = server.port
      server:close()
      ts.sleep(10)
      return ts.pcall(ts.net.connect, "127.0.0.1", port)
    end, 5000)
    assert.is_false(ok)
    assert.is_true(ts.is_uv_error(err))
    assert.equal("ECONNREFUSED", err.code)
  end)

  it("a socket is closed when the task that opened it is cancelled or fails", function()
    local open0 = ts.uv.stats.open
    local server, conn
    local done = false
    local host = ts.run(function()
      server = ts.net.listen("127.0.0.1", 0, function(c)
        c:read() -- blocks until the client goes away
        done = true
      end)
    end)
    vim.wait(100, function() return server ~= nil end)
    local t = ts.run(function()
      conn = ts.net.connect("127.0.0.1", server.port)
      conn:read() -- blocks
    end)
    assert.is_true(vim.wait(1000, function() return conn ~= nil end))
    t:cancel()
    assert.is_true(conn:is_closed())
    assert.is_true(vim.wait(1000, function() return done end)) -- the server saw EOF
    local t2 = ts.run(function()
      local c2 = ts.net.connect("127.0.0.1", server.port)
      conn = c2
      error("boom")
    end)
    pcall(t2.wait, t2, 1000)
    assert.is_true(conn:is_closed())
    host:cancel() -- closes the server and its handlers
    pcall(host.wait, host, 1000)
    assert.equal("cancelled", host:status())
    assert.is_true(vim.wait(1000, function() return ts.uv.stats.open == open0 end), "open " .. ts.uv.stats.open)
  end)

  it("a handler's error fails the server task and its caller", function()
    local t = ts.run(function()
      local server = ts.net.listen("127.0.0.1", 0, function() error("handler broke") end)
      local conn = ts.net.connect("127.0.0.1", server.port)
      conn:read()
    end)
    local ok, err = pcall(t.wait, t, 2000)
    assert.is_false(ok)
    assert.matches("handler broke", tostring(err))
  end)

  it("validates host, port and handler", function()
    ts.block_on(function()
      assert.has_error(function() ts.net.connect("127.0.0.1", 0) end, "ts.net.connect: port must be an integer in 1..65535, got 0")
      assert.has_error(function() ts.net.connect(nil, 80) end, "ts.net.connect: host must be a non-empty string, got nil")
      assert.has_error(function() ts.net.listen("127.0.0.1", 0, 5) end, "ts.net.listen: handler must be a function, got number")
    end)
  end)
end)
