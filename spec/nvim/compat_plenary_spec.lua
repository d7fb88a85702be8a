-- require("tsasync.compat.plenary"): every function of plenary.async's API, in plenary's call
-- styles (a.wrap(fn, argc), tx(...)/rx() oneshot, tx.send/rx.recv with dots, permit:forget()).
local ts = require("tsasync")
local a = require("tsasync.compat.plenary")
local fake = dofile("spec/helpers/fake_lsp.lua")

local function wait_for(pred, ms)
  assert(vim.wait(ms or 2000, pred), "condition not met in time")
end

local tmp = vim.fn.tempname()
vim.fn.mkdir(tmp, "p")

describe("compat.plenary: run, void, wrap", function()
  it("wrap(fn, argc) suspends inside a task and returns the callback's values", function()
    local add = a.wrap(function(x, y, cb) vim.defer_fn(function() cb(x + y, "ok") end, 5) end, 3)
    assert.is_true(a.is_leaf_function(add))
    assert.equal(3, a.get_leaf_function_argc(add))
    assert.is_false(a.is_leaf_function(print))
    assert.same({ 3, "ok" }, { a.util.block_on(function() return add(1, 2) end) })
  end)

  it("wrap: a call with all argc arguments passes the callback straight through", function()
    local add = a.wrap(function(x, y, cb) cb(x + y) end, 3)
    local got
    add(2, 3, function(v) got = v end)
    assert.equal(5, got)
  end)

  it("wrap validates its arguments (argc second) and extra arguments", function()
    assert.has_error(function() a.wrap(2, function() end) end, "plenary.async.wrap: func must be a function, got number")
    assert.has_error(function() a.wrap(function() end) end, "plenary.async.wrap: argc must be a positive integer, got nil")
    local f = a.wrap(function(cb) cb() end, 1)
    local ok, err = pcall(a.util.block_on, function() return f(1, 2) end)
    assert.is_false(ok)
    assert.matches("got 2 arguments, expected at most 1", tostring(err))
  end)

  it("run(fn, callback) runs fn as a root task and calls callback with its results", function()
    local got
    local t = a.run(function() a.util.sleep(5); return 1, nil, 3 end, function(...) got = { n = select("#", ...), ... } end)
    assert.is_true(ts.Task ~= nil and getmetatable(t) ~= nil)
    wait_for(function() return got ~= nil end)
    assert.same({ n = 3, 1, nil, 3 }, got)
  end)

  it("run: roots even inside a task (plenary's coroutines are independent), and leaves get the callback", function()
    local inner
    ts.block_on(function()
      inner = a.run(function() a.util.sleep(20) end)
    end)
    assert.is_false(inner:is_done()) -- block_on's task did not wait for it
    wait_for(function() return inner:is_done() end)
    local got
    local leaf = a.wrap(function(cb) cb("leaf") end, 1)
    assert.is_nil(a.run(leaf, function(v) got = v end))
    assert.equal("leaf", got)
  end)

  it("run: an error is reported as an unhandled task failure", function()
    local seen
    ts.config({ on_unhandled = function(e) seen = tostring(e) end })
    local t = a.run(function() error("boom") end, function() end)
    wait_for(function() return seen ~= nil end)
    ts.config({ on_unhandled = false })
    assert.equal("failed", t:status())
    assert.matches("boom", seen)
  end)

  it("void(fn) returns a plain function starting fn(...) as a task", function()
    local got
    local f = a.void(function(x, y) a.util.sleep(1); got = x .. y end)
    local t = f("a", "b")
    assert.is_nil(got)
    wait_for(function() return got == "ab" end)
    assert.equal("done", t:status())
    assert.has_error(function() a.void(nil) end, "plenary.async.void: func must be a function, got nil")
  end)
end)

describe("compat.plenary: util", function()
  it("sleep and scheduler: scheduler leaves a fast event for the main loop", function()
    local t = ts.run({ fast = true }, function()
      a.util.sleep(5)
      local timer = vim.uv.new_timer()
      ts.await(function(cb) timer:start(1, 0, cb) end)
      timer:close()
      local before = vim.in_fast_event() -- a fast task stays in the libuv callback
      a.util.scheduler()
      return before, vim.in_fast_event()
    end)
    assert.same({ true, false }, { t:wait(1000) })
  end)

  it("block_on returns results, raises the function's error and raises on timeout", function()
    assert.same({ 1, 2 }, { a.util.block_on(function() return 1, 2 end) })
    assert.has_error(function() a.util.block_on(function() error("bad", 0) end) end)
    local ok, err = pcall(a.util.block_on, function() a.util.sleep(1000) end, 20)
    assert.is_false(ok)
    assert.is_true(ts.is_timeout(err))
    local f = a.util.will_block(function() return 7 end, 100)
    assert.equal(7, f())
  end)

  it("join returns every function's values in input order", function()
    local r = a.util.block_on(function()
      return a.util.join({
        function() a.util.sleep(20); return 1, 2 end,
        function() return "x" end,
        function() a.util.sleep(5) end,
      })
    end)
    assert.same({ { 1, 2 }, { "x" }, {} }, r)
    assert.same({}, a.util.block_on(function() return a.util.join({}) end))
    assert.has_error(function() a.util.block_on(function() a.util.join({ 1 }) end) end)
  end)

  it("join raises the first error and cancels the others", function()
    local other
    local ok, err = pcall(a.util.block_on, function()
      a.util.join({
        function() a.util.sleep(5); error("first", 0) end,
        function() other = ts.current(); a.util.sleep(1000) end,
      })
    end)
    assert.is_false(ok)
    assert.matches("first", tostring(err))
    assert.equal("cancelled", other:status())
  end)

  it("run_all runs join as a task and calls back with its results", function()
    local got
    a.util.run_all({ function() return 1 end, function() return 2 end }, function(r) got = r end)
    wait_for(function() return got ~= nil end)
    assert.same({ { 1 }, { 2 } }, got)
  end)

  it("run_first returns the first callback's values and ignores later ones", function()
    local r = { a.util.block_on(function()
      return a.util.run_first({
        function(cb) vim.defer_fn(function() cb("slow") end, 40) end,
        function(cb) vim.defer_fn(function() cb("fast", 2) end, 5) end,
      })
    end) }
    assert.same({ "fast", 2 }, r)
  end)

  it("race returns the first to finish and cancels the others", function()
    local loser
    local r = a.util.block_on(function()
      return a.util.race({
        function() loser = ts.current(); a.util.sleep(1000); return "slow" end,
        function() a.util.sleep(5); return "fast" end,
      })
    end)
    assert.equal("fast", r)
    assert.equal("cancelled", loser:status())
  end)

  it("apcall and protected: true, values or false, err; leaves get the callback at argc", function()
    local leaf = a.wrap(function(x, cb) vim.defer_fn(function() cb(x * 2) end, 1) end, 2)
    local res = { a.util.block_on(function()
      local r1 = { a.util.apcall(leaf, 21) }
      local r2 = { a.util.apcall(function(x) a.util.sleep(1); return x end, "v") }
      local r3 = { a.util.apcall(function() a.util.sleep(1); error("e", 0) end) }
      local r4 = { a.util.protected(function() return "p" end)() }
      return r1, r2, r3, r4
    end) }
    assert.same({ { true, 42 }, { true, "v" }, { false, "e" }, { true, "p" } }, res)
  end)
end)

describe("compat.plenary: control", function()
  it("Condvar: wait, notify_one (one waiter), notify_all", function()
    local cv = a.control.Condvar.new()
    local woke = 0
    local tasks = {}
    for i = 1, 3 do tasks[i] = ts.run(function() cv:wait(); woke = woke + 1 end) end
    wait_for(function() return cv:waiting() == 3 end)
    cv:notify_one()
    wait_for(function() return woke == 1 end)
    cv:notify_all()
    wait_for(function() return woke == 3 end)
  end)

  it("Semaphore: acquire returns a permit, forget releases it (once), waiters proceed", function()
    assert.has_error(function() a.control.Semaphore.new(0) end)
    local sem = a.control.Semaphore.new(1)
    local order = {}
    local p1
    ts.block_on(function() p1 = sem:acquire() end)
    local t = ts.run(function() local p = sem:acquire(); order[#order + 1] = "second"; p:forget() end)
    vim.wait(20, function() return false end)
    assert.same({}, order)
    p1:forget()
    p1:forget() -- a second forget does not add a permit
    t:wait(1000)
    assert.same({ "second" }, order)
    assert.equal(1, sem.s:available())
  end)

  it("channel.oneshot: tx(...) once with any values, rx() once", function()
    local tx, rx = a.control.channel.oneshot()
    local t = ts.run(function() return rx() end)
    tx(1, nil, 3)
    assert.same({ 1, nil, 3 }, { t:wait(1000) })
    assert.has_error(function() tx(2) end, "Oneshot channel can only send once")
    local ok, err = pcall(ts.block_on, function() return rx() end)
    assert.is_false(ok)
    assert.matches("Oneshot channel can only receive one value!", tostring(err))
    local tx2, rx2 = a.control.channel.oneshot()
    tx2()
    assert.same({}, { ts.block_on(function() return rx2() end) })
  end)

  it("channel.counter: send counts, recv takes one, last takes all", function()
    local tx, rx = a.control.channel.counter()
    local t = ts.run(function() rx.recv(); return "got" end)
    vim.wait(10, function() return false end)
    assert.is_false(t:is_done())
    tx.send()
    assert.equal("got", t:wait(1000))
    tx.send(); tx:send(); tx.send()
    ts.block_on(function() rx.recv(); rx.last() end)
    local t2 = ts.run(function() rx.recv() end)
    vim.wait(10, function() return false end)
    assert.is_false(t2:is_done()) -- last() took the rest
    t2:cancel()
  end)

  it("channel.mpsc: send(...) with dots, recv oldest first, last newest", function()
    local tx, rx = a.control.channel.mpsc()
    local t = ts.run(function() return rx.recv() end)
    tx.send("a", nil, "c")
    assert.same({ "a", nil, "c" }, { t:wait(1000) })
    tx.send(1); tx.send(2); tx.send(3)
    local r = { ts.block_on(function() return rx.recv(), rx.last() end) }
    assert.same({ 1, 3 }, r)
  end)
end)

describe("compat.plenary: uv, api, lsp", function()
  it("uv: luv's error-first results with a message string", function()
    local path = tmp .. "/f.txt"
    vim.fn.writefile({ "hello" }, path)
    ts.block_on(function()
      local err, st = a.uv.fs_stat(path)
      assert.is_nil(err)
      assert.equal("file", st.type)
      local err2, st2 = a.uv.fs_stat(tmp .. "/missing")
      assert.is_nil(st2)
      assert.equal("string", type(err2))
      assert.matches("^ENOENT", err2)
      local _, fd = a.uv.fs_open(path, "r", 438)
      local _, data = a.uv.fs_read(fd, 100, 0)
      assert.equal("hello\n", data)
      assert.same({ nil, true }, { a.uv.fs_close(fd) })
      local _, dir = a.uv.fs_opendir(tmp, 10)
      local _, entries = a.uv.fs_readdir(dir)
      assert.equal("f.txt", entries[1].name)
      a.uv.fs_closedir(dir)
    end, 2000)
    for name in pairs({ close = 1, fs_open = 1, fs_read = 1, fs_close = 1, fs_unlink = 1, fs_write = 1, fs_mkdir = 1,
      fs_mkdtemp = 1, fs_rmdir = 1, fs_scandir = 1, fs_stat = 1, fs_fstat = 1, fs_lstat = 1, fs_rename = 1, fs_fsync = 1,
      fs_fdatasync = 1, fs_ftruncate = 1, fs_sendfile = 1, fs_access = 1, fs_chmod = 1, fs_fchmod = 1, fs_utime = 1,
      fs_futime = 1, fs_link = 1, fs_symlink = 1, fs_readlink = 1, fs_realpath = 1, fs_chown = 1, fs_fchown = 1,
      fs_copyfile = 1, fs_opendir = 1, fs_readdir = 1, fs_closedir = 1, shutdown = 1, listen = 1, write = 1, write2 = 1,
      tcp_connect = 1, pipe_connect = 1, udp_send = 1, udp_recv_start = 1, getaddrinfo = 1, getnameinfo = 1 }) do
      assert.equal("function", type(a.uv[name]), name)
    end
  end)

  it("uv: listen returns at the first connection, tcp_connect/write/shutdown/close, getaddrinfo", function()
    local server = vim.uv.new_tcp()
    server:bind("127.0.0.1", 0)
    local port = server:getsockname().port
    local client = vim.uv.new_tcp()
    local r = { ts.block_on(function()
      local l = ts.run(function() return a.uv.listen(server, 16) end)
      ts.sleep(1) -- let the listener start
      local err = a.uv.tcp_connect(client, "127.0.0.1", port)
      local lerr = l:await()
      local werr = a.uv.write(client, "x")
      local serr = a.uv.shutdown(client)
      a.uv.close(client)
      a.uv.close(server)
      local aerr, addrs = a.uv.getaddrinfo("127.0.0.1", nil, { family = "inet" })
      return err, lerr, werr, serr, aerr, addrs[1].addr
    end, 2000) }
    assert.same({ nil, nil, nil, nil, nil, "127.0.0.1" }, { unpack(r, 1, 6) })
  end)

  it("uv: udp_recv_start returns the first datagram", function()
    local recv = vim.uv.new_udp()
    recv:bind("127.0.0.1", 0)
    local port = recv:getsockname().port
    local send = vim.uv.new_udp()
    local data = ts.block_on(function()
      local t = ts.run(function() return a.uv.udp_recv_start(recv) end)
      ts.sleep(1)
      a.uv.udp_send(send, "ping", "127.0.0.1", port)
      local err, d = t:await()
      assert.is_nil(err)
      return d
    end, 2000)
    recv:recv_stop()
    recv:close()
    send:close()
    assert.equal("ping", data)
  end)

  it("api: vim.api that hops to the main loop from a fast event", function()
    local t = ts.run({ fast = true }, function()
      local timer = vim.uv.new_timer()
      ts.await(function(cb) timer:start(1, 0, cb) end)
      timer:close()
      assert.is_true(vim.in_fast_event())
      return a.api.nvim_buf_get_lines(0, 0, 1, false), vim.in_fast_event()
    end)
    assert.same({ vim.api.nvim_buf_get_lines(0, 0, 1, false), false }, { t:wait(1000) })
  end)

  it("lsp.buf_request and buf_request_all await the responses", function()
    local server = fake.new({
      capabilities = { hoverProvider = true },
      handlers = { ["textDocument/hover"] = function(_, reply) reply(nil, { contents = "hi" }) end },
    })
    local buf = fake.buffer({ "local x = 1" })
    local client = server:start(buf)
    local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 0, character = 6 } }
    local err, result, ctx, all = ts.block_on(function()
      local e, r, c = a.lsp.buf_request(buf, "textDocument/hover", params)
      local all = a.lsp.buf_request_all(buf, "textDocument/hover", params)
      return e, r, c, all
    end, 2000)
    assert.is_nil(err)
    assert.equal("hi", result.contents)
    assert.equal(client.id, ctx.client_id)
    assert.equal("hi", all[client.id].result.contents)
    server:stop()
    pcall(vim.api.nvim_buf_delete, buf, { force = true })
  end)

  it("lsp: cancelling the task cancels the request ($/cancelRequest)", function()
    local server = fake.new({ capabilities = { hoverProvider = true }, handlers = { ["textDocument/hover"] = function() end } })
    local buf = fake.buffer({ "x" })
    server:start(buf)
    local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 0, character = 0 } }
    local t = ts.run(function() a.lsp.buf_request_all(buf, "textDocument/hover", params) end)
    wait_for(function() return #server:requests("textDocument/hover") == 1 end)
    t:cancel()
    wait_for(function() return #server:cancels() == 1 end)
    assert.equal("cancelled", t:status())
    server:stop()
    pcall(vim.api.nvim_buf_delete, buf, { force = true })
  end)
end)

describe("compat.plenary: tests", function()
  local log = {}
  a.tests.before_each(function() a.util.sleep(1); log[#log + 1] = "before" end)
  a.tests.after_each(function() a.util.sleep(1); log[#log + 1] = "after" end)
  a.tests.it("runs its body as a task", function()
    a.util.sleep(5)
    assert.is_true(ts.in_task())
    log[#log + 1] = "it"
  end)
  a.tests.describe("a nested describe", function()
    a.tests.it("sees the hooks of the outer one", function()
      assert.same({ "before", "it", "after", "before" }, log)
    end)
  end)
  a.tests.pending("plenary's pending is busted's pending")

  it("add_globals and add_to_env install a.it and friends", function()
    local old = rawget(_G, "a")
    a.tests.add_globals()
    assert.equal(a, _G.a)
    assert.equal(a.tests.it, _G.a.it)
    assert.equal(a.tests.it, _G.a.spec)
    _G.a = old
    local env = setmetatable({}, { __index = _G })
    local f = setfenv(function() a.tests.add_to_env(); return rawget(getfenv(1), "a") end, env)
    assert.equal(a, f())
    assert.equal(a, env.a)
  end)
end)
