-- Conformance of tsasync's vim.async polyfill (tsasync.compat.vim_async_polyfill) with the
-- behaviour of Neovim 0.13's built-in vim.async (lewis6991/async.nvim): task start order,
-- checkpoints, structured children, level-triggered close and failures, closables, timeouts,
-- iteration order, semaphores, tracebacks, and the polyfill's own options.
local A = require("tsasync.compat.vim_async_polyfill")
local selector = require("tsasync.compat.vim_async")
local ts = require("tsasync")
local timers = require("tsasync.timers")
local run, await, pawait = A.run, A.await, A.pawait

local handles
local notified
local base_timers -- deadlines other spec files left pending (this process runs them all)

-- Fails unless `task` ends in an error matching `pat` (anchored).
local function check_err(task, pat)
  local ok, err = task:pwait(500)
  assert.is_false(ok, "task succeeded")
  assert.is_truthy(type(err) == "string" and err:match("^" .. pat .. "$"), "unexpected error: " .. tostring(err))
  return err
end

-- Suspends forever on a uv timer (a closable), recorded so specs can check it gets closed.
local function eternity()
  await(function()
    local timer = vim.uv.new_timer()
    handles[#handles + 1] = timer
    return timer
  end)
end

local function wait_for(cond) assert.is_true(vim.wait(500, cond, 1)) end

describe("vim.async polyfill", function()
  local saved_notify
  before_each(function()
    handles = {}
    notified = {}
    base_timers = timers.pending()
    saved_notify = vim.notify
    vim.notify = function(msg, level) notified[#notified + 1] = { msg = msg, level = level } end
  end)
  after_each(function()
    vim.notify = saved_notify
    for i, h in ipairs(handles) do
      assert.is_true(h:is_closing(), "uv handle " .. i .. " left open")
    end
    -- No new deadline may stay armed; deadlines left by earlier spec files may expire meanwhile.
    assert.is_true(timers.pending() <= base_timers, "a timer is left armed")
  end)

  describe("module", function()
    it("exports the vim.async API and marks itself as the polyfill", function()
      for _, name in ipairs({ "run", "await", "pawait", "wrap", "iter", "sleep", "timeout", "semaphore", "checkpoint", "is_closing", "config" }) do
        assert.equal("function", type(A[name]), name)
      end
      assert.is_true(A.polyfill)
    end)

    it("tsasync.compat.vim_async selects the polyfill where Neovim has no vim.async", function()
      assert.is_nil(vim.async)
      assert.is_true(selector.polyfill)
      assert.equal(A, selector.impl)
      assert.equal(A.run, selector.run)
      assert.equal(A.await, selector.await)
    end)
  end)

  describe("run and start order", function()
    it("runs a top-level task at once until its first checkpoint", function()
      local log = {}
      local t = run(function() log[#log + 1] = "body"; A.sleep(1); log[#log + 1] = "resumed" end)
      log[#log + 1] = "after run"
      t:wait(500)
      assert.same({ "body", "after run", "resumed" }, log)
    end)

    it("passes arguments and returns every result, nils included", function()
      assert.same({ n = 4, 1, nil, "x", nil }, { n = 4, run(function(a, b, c) return a, b, c, nil end, 1, nil, "x"):wait(100) })
    end)

    it("run(name, fn, ...) names the task; unnamed tasks have no name", function()
      local t = run("loader", function(x) return x end, 7)
      assert.equal("loader", t.name)
      assert.equal(7, t:wait(100))
      assert.is_nil(run(function() end).name)
    end)

    it("rejects what is neither a name nor a function", function()
      assert.has_error(function() run(42) end)
      assert.matches("func: expected callable, got nil", select(2, pcall(run, "name")))
    end)

    it("accepts a callable table", function()
      local callable = setmetatable({}, { __call = function(_, x) return x * 2 end })
      assert.equal(10, run(callable, 5):wait(100))
    end)

    it("a child starts at the parent's next checkpoint, not before", function()
      local log = {}
      run(function()
        run(function() log[#log + 1] = "child" end)
        log[#log + 1] = "parent before"
        await(vim.schedule)
        log[#log + 1] = "parent after"
      end):wait(500)
      assert.same({ "parent before", "child", "parent after" }, log)
    end)

    it("checkpoint() starts pending children before the parent continues", function()
      local log = {}
      run(function()
        run(function() log[#log + 1] = "child1" end)
        run(function() log[#log + 1] = "child2" end)
        log[#log + 1] = "before"
        A.checkpoint()
        log[#log + 1] = "after"
      end):wait(500)
      assert.same({ "before", "child1", "child2", "after" }, log)
    end)

    it("await(child) starts the awaited child before the other pending ones", function()
      local log = {}
      run(function()
        run(function() log[#log + 1] = "first created" end)
        local second = run(function() log[#log + 1] = "awaited" end)
        await(second)
      end):wait(500)
      assert.same({ "awaited", "first created" }, log)
    end)

    it("children pending when the parent returns start then and are waited for", function()
      local log = {}
      local parent = run(function()
        run(function() log[#log + 1] = "child"; A.sleep(5); log[#log + 1] = "child done" end)
        log[#log + 1] = "parent returns"
      end)
      assert.equal("awaiting", parent:status())
      parent:wait(500)
      assert.same({ "parent returns", "child", "child done" }, log)
    end)

    it("a task created in a callback called synchronously inside a task is its child", function()
      local release
      local parent = run(function()
        local function call(f) f() end
        call(function() run(function() await(function(cb) release = cb end) end) end)
      end)
      local ok, err = parent:pwait(20)
      assert.is_false(ok)
      assert.equal("timeout", err)
      release()
      parent:wait(100)
    end)

    it("a task created from an event-loop callback is top-level", function()
      local child, release
      local parent = run(function()
        await(function(cb)
          vim.schedule(function()
            child = run(function() await(function(c) release = c end) end)
            cb()
          end)
        end)
      end)
      parent:wait(100)
      assert.equal("awaiting", child:status())
      release()
      child:wait(100)
    end)

    it("a task created inside an awaited function's setup is top-level", function()
      local inner, release
      local outer = run(function()
        await(function(cb)
          inner = run(function() await(function(c) release = c end) end)
          cb()
        end)
      end)
      outer:wait(100)
      assert.is_false(inner:completed())
      release()
      inner:wait(200)
    end)

    it("a closed pending child never runs its function", function()
      local ran = false
      local child
      run(function()
        child = run(function() ran = true end)
        child:close()
        assert.is_true(child:completed())
        A.checkpoint()
      end):wait(100)
      assert.is_false(ran)
      check_err(child, "closed")
    end)

    it("pending children do not run when the parent fails before a checkpoint", function()
      local ran, child = false, nil
      local parent = run(function()
        child = run(function() ran = true end)
        error("PARENT")
      end)
      check_err(parent, ".*vim_async_spec.lua:%d+: PARENT")
      check_err(child, "closed")
      assert.is_false(ran)
    end)

    it("does not keep the arguments alive once the task started", function()
      local arg = {}
      local weak = setmetatable({ arg }, { __mode = "v" })
      local t = run(function(_) A.sleep(100) end, "used", arg)
      arg = nil
      collectgarbage(); collectgarbage()
      local gone = weak[1] == nil
      t:close()
      check_err(t, "closed")
      assert.is_true(gone)
    end)

    it("a top-level task created in a fast event starts on the main loop", function()
      local in_fast
      local t
      local timer = vim.uv.new_timer()
      timer:start(1, 0, function()
        timer:close()
        t = run(function() in_fast = vim.in_fast_event() end)
      end)
      wait_for(function() return t ~= nil and t:completed() end)
      assert.is_false(in_fast)
    end)
  end)

  describe("await and pawait", function()
    it("await(fn) passes a callback and returns its values unchanged", function()
      local a, b = run(function()
        return await(function(cb) vim.schedule(function() cb("x", nil) end) end)
      end):wait(100)
      assert.equal("x", a)
      assert.is_nil(b)
    end)

    it("await(argc, fn, ...) puts the callback at position argc; error-first stays error-first", function()
      local err, stat = run(function() return await(2, vim.uv.fs_stat, "/") end):wait(500)
      assert.is_nil(err)
      assert.equal("directory", stat.type)
      local err2 = run(function() return await(2, vim.uv.fs_stat, "/no/such/path") end):wait(500)
      assert.matches("ENOENT", err2)
    end)

    it("await(argc, fn) fills missing arguments with nil up to argc", function()
      local got = run(function()
        return await(3, function(a, b, cb) cb(select("#", a, b), a, b) end, "only")
      end):wait(100)
      assert.equal(2, got)
    end)

    it("await(task) returns the task's results", function()
      local t = run(function() A.sleep(1); return 1, "two" end)
      assert.same({ 1, "two" }, { run(function() return await(t) end):wait(200) })
    end)

    it("a synchronously completing callback does not grow the stack", function()
      local function deep(n)
        if n == 0 then return "bottom" end
        await(function(cb) cb() end)
        return deep(n - 1)
      end
      assert.equal("bottom", run(function() return deep(20000) end):wait(5000))
    end)

    it("outside a task await and pawait raise 'Not in async context'", function()
      assert.equal("Not in async context", select(2, pcall(await, vim.schedule)))
      assert.equal("Not in async context", select(2, pcall(pawait, vim.schedule)))
      assert.equal("Not in async context", select(2, pcall(A.sleep, 1)))
    end)

    it("await inside a tsasync task (not a vim.async one) is refused", function()
      local ok, err = ts.block_on(function() return pcall(await, vim.schedule) end, 100)
      assert.is_false(ok)
      assert.equal("Not in async context", err)
    end)

    it("rejects anything but a task, a function or an argc", function()
      local ok, err = run(function() return pcall(await, "nope") end):wait(100)
      assert.is_false(ok)
      assert.matches("Invalid arguments, expected Task or %(argc, func%) got: nope", err)
    end)

    it("an error raised while setting the operation up is raised by await", function()
      check_err(run(function() await(function() error("SETUP") end) end), ".*vim_async_spec.lua:%d+: SETUP")
    end)

    it("a nil error is normalized to 'error(nil)'", function()
      check_err(run(function() error() end), "error%(nil%)")
      check_err(run(function() await(function() error() end) end), "error%(nil%)")
    end)

    it("a setup error caught by pcall is not pending afterwards", function()
      local t = run(function()
        local ok = pcall(await, function() error("once") end)
        A.sleep(1)
        return ok
      end)
      assert.is_false(t:wait(100))
    end)

    it("only the first callback call counts", function()
      local calls = 0
      local v = run(function()
        return await(function(cb)
          cb("first")
          vim.schedule(function() calls = calls + 1; cb("second") end)
        end)
      end):wait(100)
      assert.equal("first", v)
      wait_for(function() return calls == 1 end)
    end)

    it("pawait returns true and the results", function()
      local ok, a, b = run(function() return pawait(run(function() A.sleep(1); return 1, 2 end)) end):wait(100)
      assert.same({ true, 1, 2 }, { ok, a, b })
    end)

    it("pawait accepts the callback forms", function()
      local r = { run(function()
        local ok1, v = pawait(function(cb) vim.schedule(function() cb("s") end) end)
        local ok2, x, y = pawait(2, function(p, cb) cb(p, "done") end, "arg")
        return ok1, v, ok2, x, y
      end):wait(100) }
      assert.same({ true, "s", true, "arg", "done" }, r)
    end)

    it("pawait returns a task's error as data and the task continues", function()
      local r = { run(function()
        local ok, err = pawait(run(function() A.sleep(1); error("ASYNC CHILD") end))
        A.sleep(1)
        return ok, err
      end):wait(200) }
      assert.is_false(r[1])
      assert.matches("ASYNC CHILD", r[2])
      assert.is_nil(r[2]:match("child error:"))
    end)

    it("pawait returns an error raised during setup as data", function()
      local ok, err = run(function() return pawait(function() error() end) end):wait(100)
      assert.is_false(ok)
      assert.equal("error(nil)", err)
    end)

    it("pawait of a child that fails at once: starts it, returns the error, continues", function()
      local log = {}
      local t = run(function()
        local child = run(function() log[#log + 1] = "child"; error("SYNC") end)
        log[#log + 1] = "after run"
        local ok, err = pawait(child)
        log[#log + 1] = ok and "ok" or (err:match("SYNC") and "got error")
        A.sleep(1)
        return "parent ok"
      end)
      assert.equal("parent ok", t:wait(200))
      assert.same({ "after run", "child", "got error" }, log)
    end)

    it("await of a failed task raises its error unwrapped, and it stays pending", function()
      local log = {}
      local parent = run(function()
        local child = run(function() error("AWAITED") end)
        local ok1, e1 = pcall(await, child)
        log[#log + 1] = (not ok1 and e1:match("AWAITED") and not e1:match("child error")) and "caught" or "?"
        local ok2, e2 = pcall(A.sleep, 1)
        log[#log + 1] = (not ok2 and e2:match("AWAITED")) and "again" or "?"
      end)
      local err = check_err(parent, ".*vim_async_spec.lua:%d+: AWAITED")
      assert.is_nil(err:match("child error"))
      assert.same({ "caught", "again" }, log)
    end)

    it("a false error stays false", function()
      local t = run(function()
        local child = run(function() error(false, 0) end)
        local ok, e = pcall(await, child)
        assert.is_false(ok)
        assert.is_false(e)
      end)
      local ok, err = t:pwait(100)
      assert.is_false(ok)
      assert.is_false(err)
    end)

    it("awaiting a closed task raises 'closed'", function()
      local t1 = run(eternity)
      t1:close()
      check_err(run(function() await(t1) end), "closed")
    end)
  end)

  describe("wrap", function()
    it("makes a callback function awaitable", function()
      local stat = A.wrap(2, vim.uv.fs_stat)
      local err, s = run(function() return stat("/") end):wait(500)
      assert.is_nil(err)
      assert.equal("directory", s.type)
    end)

    it("validates its arguments", function()
      assert.matches("argc: expected number, got string", select(2, pcall(A.wrap, "2", print)))
      assert.matches("func: expected callable, got nil", select(2, pcall(A.wrap, 2, nil)))
    end)

    it("a wrapped function's closable is closed when the task is closed", function()
      local w = A.wrap(1, function(_cb)
        local timer = vim.uv.new_timer()
        handles[#handles + 1] = timer
        return timer
      end)
      local t = run(function() w() end)
      t:close()
      check_err(t, "closed")
    end)
  end)

  describe("closables", function()
    it("a returned closable is closed before the task continues", function()
      local log = {}
      run(function()
        await(function(cb)
          vim.schedule(cb)
          return { close = function(_, done) log[#log + 1] = "closed"; vim.schedule(done) end }
        end)
        log[#log + 1] = "continued"
      end):wait(200)
      assert.same({ "closed", "continued" }, log)
    end)

    it("sleep's timer (a uv timer with new_timer) is closed after firing", function()
      A.config({ new_timer = function()
        local t = vim.uv.new_timer()
        handles[#handles + 1] = t
        return t
      end })
      local ok, err = pcall(function() run(function() A.sleep(1) end):wait(200) end)
      A.config({ new_timer = false })
      assert(ok, err)
      assert.equal(1, #handles)
    end)

    it("a closable already closing is not closed again", function()
      local closes = 0
      local c = { closing = false }
      function c:is_closing() return self.closing end
      function c:close(cb) closes = closes + 1; self.closing = true; if cb then vim.schedule(cb) end end
      local v = run(function()
        c:close()
        return await(function(cb) vim.schedule(function() cb("R") end); return c end)
      end):wait(100)
      assert.equal("R", v)
      assert.equal(1, closes)
    end)

    it("a closable closed early (its close calls the callback) finishes the await", function()
      assert.equal("FINISH", run(function()
        await(1, function(cb)
          local timer = vim.uv.new_timer()
          handles[#handles + 1] = timer
          timer:close(cb)
          return timer
        end)
        return "FINISH"
      end):wait(200))
    end)

    it("closing a task suspended on a closable closes it and waits for its close callback", function()
      local cleaned = false
      local t = run(function()
        await(function()
          return { close = function(_, done) vim.schedule(function() cleaned = true; done() end) end }
        end)
      end)
      t:close()
      assert.is_false(t:completed())
      check_err(t, "closed")
      assert.is_true(cleaned)
    end)

    it("a close method that raises fails the task with that error", function()
      local t = run(function()
        await(function() return { close = function() error("CLOSE_ERR") end } end)
      end)
      t:close()
      check_err(t, ".*vim_async_spec.lua:%d+: CLOSE_ERR")
    end)

    it("a nil raised by close is normalized", function()
      local t = run(function() await(function() return { close = function() error() end } end) end)
      t:close()
      check_err(t, "error%(nil%)")
    end)

    it("an awaited top-level task is not closed when the awaiter is closed", function()
      local other = run(function() A.sleep(20); return "done" end)
      local t = run(function() await(other) end)
      t:close()
      check_err(t, "closed")
      assert.equal("done", other:wait(200))
    end)

    it("an awaited child is closed with its parent, before the parent completes", function()
      local child
      local t = run(function()
        child = run(eternity)
        await(child)
      end)
      t:close()
      check_err(t, "closed")
      assert.is_true(child:completed())
      check_err(child, "closed")
    end)
  end)

  describe("close", function()
    it("closes a suspended task: it raises 'closed'", function()
      local t = run(eternity)
      t:close()
      check_err(t, "closed")
    end)

    it("close of a completed task has no effect and runs the callback at once", function()
      local t = run(function() return 1 end)
      local called = false
      t:close(function() called = true end)
      assert.is_true(called)
      assert.equal(1, t:wait(10))
    end)

    it("close(callback) calls back once the task has completed", function()
      local cleaned, called = false, false
      local t = run(function()
        await(function() return { close = function(_, done) vim.schedule(function() cleaned = true; done() end) end } end)
      end)
      t:close(function() called = cleaned end)
      wait_for(function() return t:completed() end)
      assert.is_true(called)
    end)

    it("closing twice is harmless", function()
      local t = run(eternity)
      t:close()
      t:close()
      check_err(t, "closed")
    end)

    it("closing is level-triggered: every later checkpoint raises 'closed'", function()
      local log = {}
      local t = run(function()
        for i = 1, 3 do
          local ok, err = pcall(A.sleep, 50)
          log[#log + 1] = (not ok and err == "closed") and ("closed " .. i) or ("ok " .. i)
        end
        log[#log + 1] = "end"
      end)
      run(function() A.sleep(1); t:close() end):wait(100)
      check_err(t, "closed")
      assert.same({ "closed 1", "closed 2", "closed 3", "end" }, log)
    end)

    it("checkpoint() re-raises a caught close", function()
      local log = {}
      local t = run(function()
        pcall(A.sleep, 50)
        log[#log + 1] = "cleanup"
        A.checkpoint()
        log[#log + 1] = "after"
      end)
      t:close()
      check_err(t, "closed")
      assert.same({ "cleanup" }, log)
    end)

    it("is_closing() tells a closed task; false outside tasks", function()
      local seen = {}
      local t = run(function()
        seen[#seen + 1] = A.is_closing()
        pcall(A.sleep, 50)
        seen[#seen + 1] = A.is_closing()
      end)
      t:close()
      check_err(t, "closed")
      assert.same({ false, true }, seen)
      assert.is_false(A.is_closing())
    end)

    it("a task that returns normally after being closed ends 'closed'", function()
      local t = run(function() pcall(A.sleep, 50); return "SUCCESS" end)
      t:close()
      check_err(t, "closed")
    end)

    it("an error raised after a caught close wins over 'closed'", function()
      local t = run(function() pcall(A.sleep, 50); error("TASK_ERROR") end)
      t:close()
      check_err(t, ".*vim_async_spec.lua:%d+: TASK_ERROR")
    end)

    it("pawait does not protect the task's own close", function()
      local log = {}
      local t = run(function()
        local ok, err = pcall(pawait, function()
          local timer = vim.uv.new_timer()
          handles[#handles + 1] = timer
          return timer
        end)
        log[#log + 1] = (not ok and err == "closed") and "raised" or "returned"
      end)
      run(function() A.sleep(1); t:close() end):wait(100)
      check_err(t, "closed")
      assert.same({ "raised" }, log)
    end)

    it("closing a parent closes its children (also ones created outside stay alive)", function()
      local outside = run(function() A.sleep(10) end)
      local c1, c2
      local parent = run(function()
        c1 = run(function() A.sleep(10) end)
        c2 = run(function() A.sleep(10) end):detach()
        await(outside)
      end)
      parent:close()
      check_err(parent, "closed")
      check_err(c1, "closed")
      outside:wait(100)
      c2:wait(100)
    end)

    it("a closed child does not fail its parent", function()
      assert.equal("ok", run(function() run(eternity):close(); A.sleep(1); return "ok" end):wait(100))
    end)

    it("a whole tree is closed: grandchildren too", function()
      local grandchild
      local parent = run(function()
        run(function()
          grandchild = run(function() while true do A.sleep(5) end end)
          await(grandchild)
        end)
        A.sleep(1000)
      end)
      run(function() A.sleep(5); parent:close() end):wait(100)
      check_err(parent, "closed")
      check_err(grandchild, "closed")
    end)

    it("closing a task while it waits for its children closes them", function()
      local child
      local parent = run(function() child = run(eternity) end)
      assert.is_false(parent:completed())
      parent:close()
      check_err(parent, "closed")
      check_err(child, "closed")
    end)
  end)

  describe("structured children and errors", function()
    it("the parent waits for its children", function()
      local c1, c2
      local parent = run(function()
        c1 = run(A.sleep, 10)
        c2 = run(A.sleep, 15)
      end)
      parent:wait(500)
      assert.is_true(c1:completed() and c2:completed())
    end)

    it("children finishing before the parent do not fail it", function()
      run(function() run(A.sleep, 1); run(A.sleep, 1); A.sleep(20) end):wait(500)
    end)

    it("an unhandled child error fails the parent with 'child error: <err>'", function()
      local parent = run(function()
        run(function() A.sleep(2); error("CHILD") end)
        A.sleep(200)
      end)
      check_err(parent, "child error: .*vim_async_spec.lua:%d+: CHILD")
    end)

    it("the child error interrupts the parent's checkpoint and closes the siblings", function()
      local sibling, continued = nil, false
      local parent = run(function()
        run(function() A.sleep(1); error("CHILD") end)
        sibling = run(eternity)
        A.sleep(200)
        continued = true
      end)
      check_err(parent, "child error: .*CHILD")
      check_err(sibling, "closed")
      assert.is_false(continued)
    end)

    it("the parent's own synchronous error wins over a later child error", function()
      local parent = run(function()
        run(function() A.sleep(5); error("CHILD") end)
        error("PARENT")
      end)
      check_err(parent, ".*vim_async_spec.lua:%d+: PARENT")
    end)

    it("a child error stays pending after pcall catches it (level-triggered)", function()
      local log = {}
      local parent = run(function()
        run(function() A.sleep(2); error("CHILD") end)
        local ok1, e1 = pcall(A.sleep, 200)
        log[#log + 1] = (not ok1 and e1:match("CHILD")) and "first" or "?"
        local ok2, e2 = pcall(A.sleep, 1)
        log[#log + 1] = (not ok2 and e2:match("CHILD")) and "second" or "?"
        log[#log + 1] = "returned"
      end)
      check_err(parent, "child error: .*CHILD")
      assert.same({ "first", "second", "returned" }, log)
    end)

    it("checkpoint() re-raises a caught child failure", function()
      local log = {}
      local parent = run(function()
        run(function() A.sleep(2); error("CHILD") end)
        pcall(A.sleep, 200)
        log[#log + 1] = "cleanup"
        A.checkpoint()
        log[#log + 1] = "after"
      end)
      check_err(parent, "child error: .*CHILD")
      assert.same({ "cleanup" }, log)
    end)

    it("the first child error is kept", function()
      local parent = run(function()
        run(function() A.sleep(2); error("ERROR_1") end)
        run(function() A.sleep(10); error("ERROR_2") end)
        pcall(A.sleep, 200)
        pcall(A.sleep, 200)
      end)
      check_err(parent, "child error: .*ERROR_1")
    end)

    it("pawait does not protect a pending child failure of the current task", function()
      local log = {}
      local parent = run(function()
        run(function() A.sleep(2); error("CHILD") end)
        local ok, err = pcall(pawait, function(cb) vim.defer_fn(cb, 100) end)
        log[#log + 1] = (not ok and err:match("child error:.*CHILD")) and "raised" or "?"
        log[#log + 1] = A.is_closing() and "closing" or "not closing"
      end)
      check_err(parent, "child error: .*CHILD")
      assert.same({ "raised", "not closing" }, log)
    end)

    it("a child failing while the parent waits for its children fails it once and closes the siblings", function()
      local completions, sibling = 0, nil
      local parent = run(function()
        sibling = run(eternity)
        run(function() A.sleep(1); error("CHILD") end)
      end)
      parent:on_complete(function() completions = completions + 1 end)
      check_err(parent, "child error: .*CHILD")
      check_err(sibling, "closed")
      assert.equal(1, completions)
    end)

    it("the parent completes only after the closed siblings finished their cleanup", function()
      local cleaned = false
      local parent = run(function()
        run(function()
          await(function()
            return { close = function(_, done) vim.schedule(function() cleaned = true; done() end) end }
          end)
        end)
        run(function() A.sleep(1); error("CHILD") end)
      end)
      check_err(parent, "child error: .*CHILD")
      assert.is_true(cleaned)
    end)

    it("an awaited child's failure is the awaiter's error, not a 'child error'", function()
      local parent = run(function() await(run(function() A.sleep(1); error("DIRECT") end)) end)
      local err = check_err(parent, ".*DIRECT")
      assert.is_nil(err:match("child error"))
    end)

    it("a detached child's failure does not fail the parent", function()
      local child
      local parent = run(function()
        child = run(function() A.sleep(1); error("DETACHED") end):detach()
        A.sleep(5)
        return "parent ok"
      end)
      assert.equal("parent ok", parent:wait(200))
      check_err(child, ".*DETACHED")
    end)

    it("a detached pending child starts on its own, after the parent's synchronous part", function()
      local log = {}
      run(function()
        run(function() log[#log + 1] = "detached" end):detach()
        log[#log + 1] = "parent"
        await(vim.schedule)
      end):wait(100)
      assert.same({ "parent", "detached" }, log)
    end)

    it("the parent does not wait for a detached child", function()
      local child
      local parent = run(function() child = run(A.sleep, 10000):detach() end)
      parent:wait(50)
      assert.is_false(child:completed())
      child:close()
      check_err(child, "closed")
    end)

    it("detaching the last child of a parent that returned completes the parent", function()
      local child
      local parent = run(function() child = run(eternity) end)
      assert.is_false(parent:completed())
      child:detach()
      parent:wait(100)
      child:close()
      check_err(child, "closed")
    end)

    it("detach returns the task", function()
      local t = run(function() end)
      assert.equal(t, t:detach())
    end)
  end)

  describe("task methods", function()
    it("status: awaiting while suspended, running inside, completed after", function()
      local inside
      local t
      t = run(function() A.sleep(5); inside = t:status() end)
      assert.equal("awaiting", t:status())
      t:wait(100)
      assert.equal("running", inside)
      assert.equal("completed", t:status())
    end)

    it("status of a pending child is awaiting; of a parent waiting for children, awaiting", function()
      local child_status
      local parent = run(function()
        local c = run(function() end)
        child_status = c:status()
        run(A.sleep, 10)
      end)
      assert.equal("awaiting", child_status)
      assert.equal("awaiting", parent:status())
      parent:wait(100)
    end)

    it("completed() is false until the task and its children are done", function()
      local t = run(function() run(A.sleep, 5) end)
      assert.is_false(t:completed())
      t:wait(100)
      assert.is_true(t:completed())
    end)

    it("on_complete gets (nil, ...) on success and (err) on failure", function()
      local got = {}
      run(function() return 1, 2 end):on_complete(function(...) got.ok = { n = select("#", ...), ... } end)
      run(function() error("E", 0) end):on_complete(function(...) got.err = { n = select("#", ...), ... } end)
      assert.same({ n = 3, nil, 1, 2 }, got.ok)
      assert.same({ n = 1, "E" }, got.err)
    end)

    it("on_complete observes a pending child without starting it", function()
      local log = {}
      run(function()
        local c = run(function() log[#log + 1] = "child ran"; return "v" end)
        c:on_complete(function(err, v) log[#log + 1] = v end)
        log[#log + 1] = "subscribed"
      end):wait(100)
      assert.same({ "subscribed", "child ran", "v" }, log)
    end)

    it("on_complete returns an unsubscribe function", function()
      local called = false
      local t = run(A.sleep, 5)
      local unsub = t:on_complete(function() called = true end)
      unsub()
      t:wait(100)
      assert.is_false(called)
    end)

    it("on_complete validates its callback", function()
      assert.matches("callback: expected callable, got nil", select(2, pcall(run(function() end).on_complete, run(function() end))))
    end)

    it("an error in an on_complete callback is reported, the others still run", function()
      local second = false
      local t = run(A.sleep, 1)
      t:on_complete(function() error("CB FAILED", 0) end)
      t:on_complete(function() second = true end)
      t:wait(100)
      assert.is_true(second)
      assert.equal(1, #notified)
      assert.matches("CB FAILED", notified[1].msg)
    end)

    it("raise_on_error reports the error with its traceback and returns the task", function()
      local t = run(function() A.sleep(1); error("LOUD") end)
      assert.equal(t, t:raise_on_error())
      t:pwait(100)
      assert.equal(1, #notified)
      assert.matches("LOUD\nstack traceback:", notified[1].msg)
    end)

    it("raise_on_error is silent for a task that succeeds", function()
      run(A.sleep, 1):raise_on_error():wait(100)
      assert.equal(0, #notified)
    end)
  end)

  describe("wait and pwait", function()
    it("wait returns the results; raises the error with the caller's position", function()
      assert.equal(3, run(function() return 3 end):wait())
      local t = run(function() error("W", 0) end)
      local ok, err = pcall(function() t:wait(10) end)
      assert.is_false(ok)
      assert.matches("vim_async_spec.lua:%d+: W$", err)
    end)

    it("wait(ms) raises 'timeout' (with position) and the task keeps running", function()
      local t = run(function() A.sleep(40); return "late" end)
      local ok, err = pcall(function() t:wait(5) end)
      assert.is_false(ok)
      assert.matches("vim_async_spec.lua:%d+: timeout$", err)
      assert.equal("late", t:wait(500))
    end)

    it("pwait returns true and the results, or false and the bare error", function()
      assert.same({ true, 1, 2 }, { run(function() return 1, 2 end):pwait(10) })
      assert.same({ false, "E" }, { run(function() error("E", 0) end):pwait(10) })
      local t = run(eternity)
      assert.same({ false, "timeout" }, { t:pwait(5) })
      t:close()
      check_err(t, "closed")
    end)

    it("wait and pwait validate the timeout", function()
      local t = run(function() end)
      assert.matches("timeout: expected number, got string", select(2, pcall(t.wait, t, "1")))
      assert.matches("timeout: expected number, got string", select(2, pcall(t.pwait, t, "1")))
    end)

    it("inside a task wait refuses to block (use await)", function()
      local r = { run(function()
        local other = run(A.sleep, 1):detach()
        local ok, err = other:pwait(10)
        return ok, err, other
      end):wait(100) }
      assert.is_false(r[1])
      assert.matches("cannot block inside a task", r[2])
      r[3]:wait(100)
    end)

    it("wait starts a detached child still waiting to start", function()
      local t
      run(function() t = run(function() return "x" end):detach() end):wait(100)
      assert.equal("x", t:wait(100))
    end)
  end)

  describe("traceback", function()
    it("shows where the error was raised, across awaited tasks, one header", function()
      local function leaf() await(run(function() error("GOT HERE") end)) end
      local t = run(function() await(run(function() await(run(leaf)) end)) end)
      local err = check_err(t, ".*vim_async_spec.lua:%d+: GOT HERE")
      local tb = t:traceback(err)
      assert.matches("^.-GOT HERE\nstack traceback:\n\t%[thread: 0x%x+%] %[C%]: in function 'error'", tb)
      local _, headers = tb:gsub("stack traceback:", "")
      assert.equal(1, headers)
      local threads = {}
      for th in tb:gmatch("%[(thread: 0x%x+)%]") do threads[th] = true end
      assert.is_true(vim.tbl_count(threads) >= 3)
    end)

    it("of a suspended task: where it waits, without a nil message", function()
      local t = run(eternity)
      local tb = t:traceback()
      assert.is_nil(tb:match("^nil"))
      assert.matches("stack traceback:", tb)
      assert.matches("vim_async_spec.lua", tb)
      t:close()
      check_err(t, "closed")
    end)

    it("does not keep a completed awaited task in later tracebacks", function()
      local t = run(function()
        pawait(run(function() error("child error here") end))
        error("parent error")
      end)
      local err = check_err(t, ".*parent error")
      local tb = t:traceback(err)
      assert.is_nil(tb:match("child error here"))
      assert.matches("in function 'error'", tb)
    end)
  end)

  describe("coroutine safety", function()
    it("a bare coroutine.yield fails the task", function()
      check_err(run(function() coroutine.yield("x") end), "Unexpected coroutine.yield%(%)")
    end)

    it("resuming a task's coroutine by hand fails it", function()
      local co
      local t = run(function() co = coroutine.running(); eternity() end)
      local ok, err = coroutine.resume(co)
      assert.is_false(ok)
      assert.equal("Unexpected coroutine.resume()", err)
      check_err(t, "Unexpected coroutine.resume%(%)")
      t:close()
    end)
  end)

  describe("timeout", function()
    it("returns the task's results when it finishes in time", function()
      assert.same({ "a", "b" }, { run(function() return A.timeout(200, run(function() A.sleep(1); return "a", "b" end)) end):wait(500) })
    end)

    it("closes the task and raises 'timeout' after the deadline", function()
      local task = run(eternity)
      check_err(run(A.timeout, 10, task), "timeout")
      check_err(task, "closed")
    end)

    it("waits for the task's cleanup before raising", function()
      local cleaned = false
      local task = run(function()
        await(function() return { close = function(_, done) vim.schedule(function() cleaned = true; done() end) end } end)
      end)
      check_err(run(A.timeout, 1, task), "timeout")
      assert.is_true(cleaned)
    end)

    it("raises the task's own error when it fails in time", function()
      check_err(run(A.timeout, 200, run(function() A.sleep(1); error("TARGET") end)), ".*vim_async_spec.lua:%d+: TARGET")
    end)

    it("nested timeouts: the inner deadline fires first", function()
      local r = { run(function()
        return pcall(A.timeout, 300, run(function()
          return A.timeout(5, run(eternity))
        end))
      end):wait(500) }
      assert.is_false(r[1])
      assert.equal("timeout", r[2])
    end)

    it("nested timeouts: the outer deadline closes the inner wait", function()
      local inner_task
      local outer = run(function()
        return A.timeout(10, run(function()
          inner_task = run(eternity)
          return A.timeout(1000, inner_task)
        end))
      end)
      check_err(outer, "timeout")
      check_err(inner_task, "closed")
    end)

    it("timeout validates its arguments", function()
      local r = { run(function() return pcall(A.timeout, "1", {}) end):wait(100) }
      assert.matches("duration: expected number, got string", r[2])
      r = { run(function() return pcall(A.timeout, 1, nil) end):wait(100) }
      assert.matches("task: expected table, got nil", r[2])
    end)

    it("stops its timer when the task finishes first (custom new_timer)", function()
      local timer = { closed = false }
      function timer:start() end
      function timer:close(cb) self.closed = true; if cb then cb() end end
      function timer:is_closing() return self.closed end
      A.config({ new_timer = function() return timer end })
      local ok, err = pcall(function()
        assert.equal("FINISH", run(A.timeout, 100, run(function() return "FINISH" end)):wait(100))
      end)
      A.config({ new_timer = false })
      assert(ok, err)
      assert.is_true(timer.closed)
    end)
  end)

  describe("iter", function()
    local function after_schedules(count, id)
      for _ = 1, count do await(vim.schedule) end
      return id
    end

    it("yields task handles in completion order, then nil", function()
      local tasks = { run(after_schedules, 3, 1), run(after_schedules, 1, 2), run(after_schedules, 2, 3) }
      local order = run(function()
        local out = {}
        local next_task = A.iter(tasks)
        while true do
          local t = next_task()
          if not t then break end
          out[#out + 1] = await(t)
        end
        assert.is_nil(next_task())
        return out
      end):wait(500)
      assert.same({ 2, 3, 1 }, order)
    end)

    it("tasks already complete come first, in the order they completed", function()
      local a = run(function() return "a" end)
      local b = run(function() return "b" end)
      local c = run(function() A.sleep(2); return "c" end)
      local order = run(function()
        local out = {}
        for t in A.iter({ c, b, a }) do out[#out + 1] = await(t) end
        return out
      end):wait(500)
      assert.same({ "b", "a", "c" }, order)
    end)

    it("a failed task is yielded too: pawait gives its error", function()
      local tasks = {}
      for i = 1, 4 do
        tasks[i] = run(function() await(vim.schedule); if i == 3 then error("ERR " .. i) end; return i end)
      end
      local r = run(function()
        local ok_n, errs = 0, {}
        for t in A.iter(tasks) do
          local ok, v = pawait(t)
          if ok then ok_n = ok_n + 1 else errs[#errs + 1] = v end
        end
        return ok_n, errs
      end)
      local ok_n, errs = r:wait(500)
      assert.equal(3, ok_n)
      assert.equal(1, #errs)
      assert.matches("ERR 3", errs[1])
    end)

    it("a closed task is yielded with 'closed'", function()
      local tasks = { run(function() return 1 end), run(eternity), run(function() A.sleep(1); return 3 end) }
      tasks[2]:close()
      local errs = run(function()
        local e = {}
        for t in A.iter(tasks) do
          local ok, v = pawait(t)
          if not ok then e[#e + 1] = v end
        end
        return e
      end):wait(500)
      assert.same({ "closed" }, errs)
    end)

    it("an empty list ends at once", function()
      assert.is_nil(run(function() return A.iter({})() end):wait(100))
    end)

    it("a false error is still an error", function()
      local t = run(function() await(vim.schedule); error(false, 0) end)
      local ok, err = run(function() return pawait(A.iter({ t })()) end):wait(100)
      assert.is_false(ok)
      assert.is_false(err)
    end)

    it("validates its argument", function()
      assert.matches("tasks: expected table, got nil", select(2, pcall(A.iter, nil)))
    end)

    it("a collected iterator unsubscribes from the tasks", function()
      local t = run(eternity)
      local calls = 0
      local it_ref = setmetatable({}, { __mode = "v" })
      do
        local it = A.iter({ t })
        it_ref[1] = it
      end
      collectgarbage(); collectgarbage()
      assert.is_nil(it_ref[1])
      t:on_complete(function() calls = calls + 1 end)
      t:close()
      check_err(t, "closed")
      assert.equal(1, calls)
    end)
  end)

  describe("semaphore", function()
    it("rejects permit counts that are not positive integers", function()
      for _, n in ipairs({ 0, -1, 1.5, math.huge }) do
        local ok, err = pcall(A.semaphore, n)
        assert.is_false(ok)
        assert.matches("permits: expected positive integer", err)
      end
      assert.matches("permits: expected number, got string", select(2, pcall(A.semaphore, "2")))
    end)

    it("limits concurrency and serves waiters in FIFO order", function()
      local log = {}
      run(function()
        local sem = A.semaphore(3)
        local tasks = {}
        for i = 1, 5 do
          tasks[i] = run(function()
            sem:with(function()
              log[#log + 1] = "start" .. i
              await(vim.schedule)
              log[#log + 1] = "end" .. i
            end)
          end)
        end
        for t in A.iter(tasks) do await(t) end
      end):wait(500)
      assert.same({ "start1", "start2", "start3", "end1", "end2", "end3", "start4", "start5", "end4", "end5" }, log)
    end)

    it("ping pong: a binary semaphore alternates two players fairly", function()
      local msgs, hits = {}, 0
      local function player(name, sem)
        while hits < 6 do
          sem:acquire()
          if hits >= 6 then sem:release(); break end
          hits = hits + 1
          msgs[#msgs + 1] = name
          A.sleep(2)
          sem:release()
        end
      end
      run(function()
        local sem = A.semaphore(1)
        run(player, "ping", sem)
        run(player, "pong", sem)
      end):wait(1000)
      assert.same({ "ping", "pong", "ping", "pong", "ping", "pong" }, msgs)
    end)

    it("a release wakes the waiter on the next loop turn, not inline", function()
      local log = {}
      run(function()
        local sem = A.semaphore(1)
        sem:acquire()
        run(function() sem:acquire(); log[#log + 1] = "waiter" end)
        A.checkpoint()
        log[#log + 1] = "before"
        sem:release()
        log[#log + 1] = "after"
        assert.same({ "before", "after" }, log)
        await(vim.schedule)
      end):wait(200)
      assert.same({ "before", "after", "waiter" }, log)
    end)

    it("a closed waiter does not take the permit of the next one", function()
      local got = false
      run(function()
        local sem = A.semaphore(1)
        sem:acquire()
        local first = run(function() sem:acquire() end)
        local second = run(function() sem:acquire(); got = true end)
        A.checkpoint()
        first:close()
        pawait(first)
        sem:release()
        await(second)
      end):wait(200)
      assert.is_true(got)
    end)

    it("with releases the permit when fn raises, and re-raises", function()
      run(function()
        local sem = A.semaphore(1)
        local ok, err = pcall(sem.with, sem, function() error("WITH_ERROR") end)
        assert.is_false(ok)
        assert.matches("WITH_ERROR", err)
        sem:acquire()
        sem:release()
      end):wait(100)
    end)

    it("with releases the permit when the task is closed", function()
      local release
      local sem = A.semaphore(1)
      local t = run(function() sem:with(function() await(function(cb) release = cb end) end) end)
      run(function()
        A.checkpoint()
        assert.is_not_nil(release)
        t:close()
        pawait(t)
        sem:acquire()
        sem:release()
      end):wait(200)
      check_err(t, "closed")
    end)

    it("with returns fn's results", function()
      assert.same({ 1, 2 }, { run(function() return A.semaphore():with(function() return 1, 2 end) end):wait(100) })
    end)

    it("releasing more than acquired raises", function()
      local sem = A.semaphore(1)
      local ok, err = pcall(sem.release, sem)
      assert.is_false(ok)
      assert.matches("Semaphore value is greater than max permits", err)
    end)

    it("acquire is a checkpoint: a closed task raises there even with permits free", function()
      local sem = A.semaphore(2)
      local t = run(function() pcall(A.sleep, 50); sem:acquire() end)
      t:close()
      check_err(t, "closed")
    end)
  end)

  describe("sleep and checkpoint", function()
    it("sleep validates its duration", function()
      local r = { run(function() return pcall(A.sleep, "1") end):wait(100) }
      assert.matches("duration: expected number, got string", r[2])
    end)

    it("sleep resumes on the main loop and leaves no timer armed", function()
      local fast = run(function() A.sleep(1); return vim.in_fast_event() end):wait(100)
      assert.is_false(fast)
    end)

    it("closing a sleeping task removes its deadline at once", function()
      local t = run(A.sleep, 10000)
      assert.equal(base_timers + 1, timers.pending())
      t:close()
      check_err(t, "closed")
      assert.equal(base_timers, timers.pending())
    end)

    it("checkpoint outside a task raises", function()
      assert.equal("Not in async context", select(2, pcall(A.checkpoint)))
    end)
  end)

  describe("unobserved errors and config", function()
    after_each(function() A.config({ report_unhandled = true, debug = false }) end)

    it("an unobserved top-level failure is reported on the next loop turn", function()
      run("lost", function() error("NOBODY LOOKED") end)
      assert.equal(0, #notified)
      wait_for(function() return #notified == 1 end)
      assert.matches('unhandled error in vim.async task "lost".*NOBODY LOOKED', notified[1].msg)
      assert.equal(vim.log.levels.ERROR, notified[1].level)
    end)

    it("observing the task (on_complete, await, pwait) silences the report", function()
      run(function() error("A", 0) end):on_complete(function() end)
      run(function() error("B", 0) end):pwait(10)
      local t = run(function() A.sleep(1); error("C", 0) end)
      run(function() pawait(t) end)
      vim.wait(30)
      assert.equal(0, #notified)
    end)

    it("a closed task is not reported; a child's error goes to its parent, not the report", function()
      local t = run(eternity)
      t:close()
      local p = run(function() run(function() error("X", 0) end) end)
      p:pwait(100)
      vim.wait(20)
      assert.equal(0, #notified)
    end)

    it("report_unhandled = false drops the error as the built-in does", function()
      A.config({ report_unhandled = false })
      run(function() error("DROPPED") end)
      vim.wait(20)
      assert.equal(0, #notified)
    end)

    it("debug = true adds where the task was created to the report", function()
      A.config({ debug = true })
      run(function() error("WHERE") end)
      wait_for(function() return #notified == 1 end)
      assert.matches("created at .*vim_async_spec.lua:%d+", notified[1].msg)
    end)

    it("validates its options", function()
      assert.matches("opts: expected table, got nil", select(2, pcall(A.config)))
      assert.matches("opts.report_unhandled: expected boolean, got string", select(2, pcall(A.config, { report_unhandled = "no" })))
      assert.matches("opts.wait: expected callable, got number", select(2, pcall(A.config, { wait = 1 })))
    end)

    it("wait and schedule options are used", function()
      local waits, scheduled = 0, 0
      A.config({
        wait = function(ms, cond) waits = waits + 1; return vim.wait(ms, cond) end,
        schedule = function(fn) scheduled = scheduled + 1; vim.schedule(fn) end,
      })
      local ok, err = pcall(function()
        run(function() run(function() end):detach(); A.sleep(1) end):wait(100)
      end)
      A.config({ wait = false, schedule = false })
      assert(ok, err)
      assert.is_true(waits >= 1)
      assert.is_true(scheduled >= 1)
    end)
  end)

  describe("tsasync underneath", function()
    it("tsasync operations work inside a vim.async task", function()
      assert.equal("ok", run(function() ts.sleep(1); return "ok" end):wait(100))
    end)

    it("closing a task suspended in a tsasync operation cancels that operation", function()
      local t = run(function() ts.sleep(10000) end)
      t:close()
      local ok, err = t:pwait(100)
      assert.is_false(ok)
      assert.is_truthy(err == "closed" or ts.is_cancelled(err))
      assert.equal(base_timers, timers.pending())
    end)

    it("cancelling an enclosing tsasync task closes the vim.async task inside", function()
      local inner
      local outer = ts.run(function()
        inner = run(function() A.sleep(10000) end)
        inner:on_complete(function() end)
        ts.sleep(10000)
      end)
      outer:cancel()
      assert.is_false(inner:completed()) -- top-level: not part of the tsasync tree
      inner:close()
      check_err(inner, "closed")
    end)

    it("a started child is a tsasync child of its parent's task", function()
      local kids
      local parent = run(function()
        run(A.sleep, 5)
        A.checkpoint()
        kids = #ts.current():children()
      end)
      parent:wait(100)
      assert.equal(1, kids)
    end)
  end)
end)
