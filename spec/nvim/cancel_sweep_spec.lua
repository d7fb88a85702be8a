-- Cancellation sweep: for every wrapper family, run the operation once counting its
-- suspensions (n), then for k = 1..n run it again and cancel it while it is suspended at its
-- k-th suspension. After each run the resources are back to their baseline: open fds
-- (/proc/self/fd), handles of the uv layer (ts.uv.stats.open), every luv handle (vim.uv.walk,
-- Neovim >= 0.11), live tasks, pending deadlines, LSP requests tracked, and the primitive's own
-- state (lock free, permits back, nothing left queued). spec/nvim/uv_cancel_spec.lua covers
-- late fds and killed processes in detail.
local ts = require("tsasync")
local timers = require("tsasync.timers")
local task_mod = require("tsasync.task")
local tracker = require("tsasync.lsp.client")
local fake = dofile("spec/helpers/fake_lsp.lua")
local uv = vim.uv or vim.loop

local function nfd() return #vim.fn.readdir("/proc/self/fd") end
local function nhandles()
  if vim.fn.has("nvim-0.11") == 0 then return 0 end -- uv.walk aborts on 0.10
  local n = 0
  uv.walk(function(h) if not h:is_closing() then n = n + 1 end end)
  return n
end
local function handle_list()
  if vim.fn.has("nvim-0.11") == 0 then return "" end
  local l = {}
  uv.walk(function(h) if not h:is_closing() then l[#l + 1] = tostring(h):match("^[%w_]+") end end)
  return table.concat(l, " ")
end

local function snapshot()
  return {
    fd = nfd(), open = ts.uv.stats.open, handles = nhandles(), live = task_mod.task_counts().live,
    deadlines = timers.pending(), lsp = tracker.pending_count(),
    -- requests whose task was cancelled but whose callback has not come yet: what they produce
    -- (an fd, a temp file) is released when it comes, so "back to baseline" includes this
    late = ts.uv.stats.late,
  }
end

-- Counts the yields of the coroutine of task `t` (the task's own suspensions).
local real_yield = coroutine.yield
local watch = { co = nil, n = 0, at = nil, fn = nil }
local function counting_yield(...)
  if watch.co ~= nil and coroutine.running() == watch.co then
    watch.n = watch.n + 1
    if watch.n == watch.at then
      -- cancel once it has suspended here (before anything else runs on the main loop)
      local t = watch.task
      vim.schedule(function() t:cancel("sweep") end)
    end
  end
  return real_yield(...)
end

-- Runs op(ctx) in a task; cancels it at its `at`-th suspension (never when nil). Returns the
-- task and the number of suspensions it made.
local function run_op(op, ctx, at)
  coroutine.yield = counting_yield
  watch.n, watch.at, watch.co = 0, at, nil
  local t = ts.run({ name = "sweep" }, function()
    watch.co = coroutine.running()
    watch.task = task_mod.current_task()
    return op(ctx)
  end)
  t:on_complete(function() end) -- the outcome is checked here, not reported
  local ok = vim.wait(5000, function() return t:is_done() end, 1)
  watch.co = nil
  coroutine.yield = real_yield
  assert(ok, "operation did not end")
  return t, watch.n
end

local function settle(base)
  vim.wait(3000, function()
    local s = snapshot()
    for k, v in pairs(base) do if s[k] ~= v then return false end end
    return true
  end, 5)
end

-- The sweep of one family: `setup()` returns ctx (and a check(ctx) of its own state and a
-- teardown), `op(ctx)` is the operation.
local function sweep(name, family)
  local ctx = family.setup and family.setup() or {}
  -- warm-up run: creates what the loop keeps for good (timer driver, child watcher, ...)
  local _, n = run_op(family.op, ctx)
  assert(n >= 1, name .. ": no suspension counted")
  local base = snapshot()
  local cancelled_at = 0
  for k = 1, n do
    local t = run_op(family.op, ctx, k)
    if t:status() == "cancelled" then cancelled_at = cancelled_at + 1 end
    settle(base)
    local s = snapshot()
    assert.same(base, s, ("%s: cancelled at suspension %d of %d (handles: %s; fds: %s)"):format(name, k, n, handle_list(),
      table.concat(vim.tbl_map(function(f) return uv.fs_readlink("/proc/self/fd/" .. f) or "?" end, vim.fn.readdir("/proc/self/fd")), " ")))
    if family.check then family.check(ctx, k) end
  end
  if family.teardown then family.teardown(ctx) end
  return n, cancelled_at
end

describe("cancellation sweep", function()
  local root
  local results = {}
  before_each(function()
    root = assert(uv.fs_mkdtemp(vim.fn.tempname() .. "-sweepXXXXXX"))
  end)
  after_each(function() vim.fn.delete(root, "rf") end)
  teardown(function()
    local parts = {}
    for _, r in ipairs(results) do parts[#parts + 1] = ("%s %d/%d"):format(r[1], r[3], r[2]) end
    io.stdout:write("\n[cancel sweep] family: cancelled/suspension points: " .. table.concat(parts, ", ") .. "\n")
  end)

  local function run_family(name, family)
    local n, c = sweep(name, family)
    results[#results + 1] = { name, n, c }
    assert.is_true(c >= 1, name .. ": no run ended cancelled")
  end

  it("uv fs (ts.uv.fs_*, ts.fs.read_file, copy, walk, mkdir_p, rm_rf)", function()
    vim.fn.writefile({ "hello", "world" }, root .. "/a")
    run_family("uv fs", {
      op = function()
        -- an fd the task received is the task's to close (late ones are the runtime's)
        local fd = ts.uv.fs_open(root .. "/a", "r", 438)
        local ok, e = ts.pcall(function()
          local st = ts.uv.fs_fstat(fd)
          ts.uv.fs_read(fd, st.size, 0)
        end)
        uv.fs_close(fd)
        if not ok then error(e, 0) end
        ts.fs.read_file(root .. "/a")
        ts.fs.mkdir_p(root .. "/m/n/o")
        ts.fs.copy(root .. "/a", root .. "/m/n/o/b")
        for _ in ts.fs.walk(root .. "/m") do end
        ts.fs.rm_rf(root .. "/m")
      end,
    })
  end)

  it("ts.fs.write_file (temp file + rename: no temp file left)", function()
    local target = root .. "/w"
    run_family("fs write_file", {
      op = function() ts.fs.write_file(target, string.rep("z", 100000)) end,
      check = function()
        -- nothing but the target may be left: no temporary file, at any cancellation point
        for _, nm in ipairs(vim.fn.readdir(root)) do assert.equal("w", nm, "left behind: " .. nm) end
      end,
    })
  end)

  it("streams (ts.uv.read_start on a pipe)", function()
    run_family("streams", {
      op = function()
        local fds = uv.pipe({ nonblock = true }, { nonblock = true })
        local rp, wp = uv.new_pipe(false), uv.new_pipe(false)
        rp:open(fds.read)
        wp:open(fds.write)
        local s = ts.uv.read_start(rp)
        local ok = pcall(function()
          for i = 1, 3 do
            wp:write("chunk" .. i)
            s:recv()
            ts.sleep(1)
          end
        end)
        s:close()
        rp:close()
        wp:close()
        if not ok then ts.checkpoint() end
      end,
    })
  end)

  it("processes (ts.system, ts.process)", function()
    run_family("processes", {
      op = function()
        ts.system({ "sh", "-c", "sleep 0.01; echo hi" })
        local p = ts.process({ "sh", "-c", "echo a; sleep 0.01; echo b" })
        for _ in p:lines() do end
        p:wait()
      end,
    })
  end)

  it("sockets (ts.net.listen, connect, write, read)", function()
    run_family("sockets", {
      op = function()
        local server = ts.net.listen("127.0.0.1", 0, function(conn)
          local line = conn:read()
          if line then conn:write(line) end
          conn:close()
        end)
        local ok = pcall(function()
          local c = ts.net.connect("127.0.0.1", server.port)
          c:write("ping")
          c:read()
          c:close()
        end)
        server:close()
        if not ok then ts.checkpoint() end
      end,
    })
  end)

  it("LSP requests (fake server answering after 5 ms)", function()
    local server = fake.new({
      capabilities = { hoverProvider = true },
      handlers = {
        ["textDocument/hover"] = function(_, reply)
          vim.defer_fn(function() reply(nil, { contents = "hi" }) end, 5)
        end,
      },
    })
    local buf = fake.buffer({ "local x = 1" })
    local client = server:start(buf)
    local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 0, character = 6 } }
    run_family("lsp", {
      op = function()
        ts.lsp.request(client, "textDocument/hover", params, { bufnr = buf })
        ts.lsp.request(client, "textDocument/hover", params, { bufnr = buf, timeout = 1000 })
      end,
    })
    -- every cancelled request reached the server as $/cancelRequest
    assert.is_true(#server:cancels() >= 1)
    server:stop()
    pcall(vim.api.nvim_buf_delete, buf, { force = true })
  end)

  it("channel ops (send, recv, select, oneshot, broadcast, watch)", function()
    local ctx = {}
    run_family("channels", {
      setup = function() return ctx end,
      op = function()
        local tx, rx = ts.channel(0)
        local otx, orx = ts.oneshot()
        local btx, sub = ts.broadcast(4)
        local wtx, wrx = ts.watch(0)
        local brx = sub()
        local partner = ts.run(function()
          ts.sleep(1)
          rx:recv()
          ts.sleep(1)
          tx:send("back")
          ts.sleep(1)
          otx:send(1)
          ts.sleep(1)
          btx:send(1)
          ts.sleep(1)
          wtx:send(1)
        end)
        ctx.rx, ctx.partner = rx, partner
        tx:send("to partner")
        rx:recv()
        orx:recv()
        brx:recv()
        wrx:changed()
        ts.select({ { recv = rx }, { timeout = 1 } })
      end,
      check = function()
        -- the partner ends (cancelled with its parent) and nothing was left queued
        assert.is_true(ctx.partner:is_done())
        assert.equal(0, ctx.rx:len())
      end,
    })
  end)

  it("locks (Mutex, Semaphore, Condvar, Event, Barrier)", function()
    local ctx = { m = ts.Mutex.new(), s = ts.Semaphore.new(1), ev = ts.Event.new() }
    run_family("locks", {
      setup = function() return ctx end,
      op = function(c)
        c.ev:clear()
        local cv = ts.Condvar.new()
        local b = ts.Barrier.new(2)
        local holder = ts.run(function()
          c.m:with(function()
            c.s:with(function() ts.sleep(1) end)
          end)
          ts.sleep(1)
          c.m:lock()
          cv:notify_all()
          c.m:unlock()
          ts.sleep(1)
          c.ev:set()
          b:wait()
        end)
        ts.sleep(0)
        c.m:with(function()
          c.s:acquire()
          c.s:release()
        end)
        c.m:with(function() cv:wait(c.m) end) -- relocked on cancellation too: with unlocks
        c.ev:wait()
        b:wait()
        holder:await()
      end,
      check = function(c)
        assert.is_false(c.m:is_locked())
        assert.equal(1, c.s:available())
      end,
    })
  end)

  it("combinators (all, race, any, map, timeout, move_on_after, scope, shield)", function()
    run_family("combinators", {
      op = function()
        local function nap(ms) return function() ts.sleep(ms) return ms end end
        ts.all({ nap(1), nap(2) })
        ts.race({ nap(1), nap(3) })
        ts.any({ nap(2), nap(1) })
        ts.map({ 1, 2, 3 }, function(x) ts.sleep(x) return x end, { concurrency = 2 })
        ts.timeout(50, nap(1))
        ts.move_on_after(1, nap(20))
        ts.scope(function(s) s:spawn(nap(1)) s:spawn(nap(2)) end)
        ts.shield(nap(1))
      end,
    })
  end)
end)
