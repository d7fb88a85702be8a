-- Fast-event safety inside Neovim: tasks woken by libuv callbacks continue on the main loop,
-- all tasks woken in one loop turn share one vim.schedule, { fast = true } opts out.
local ts = require("tsasync")
local stats = require("tsasync.scheduler").stats
local uv = vim.uv or vim.loop

describe("fast-event safety", function()
  it("after awaiting a vim.uv callback a task can call vim.api at once", function()
    local t = ts.run(function()
      local err, stat = ts.await(2, uv.fs_stat, vim.fn.getcwd())
      assert(not err, err)
      local fast = vim.in_fast_event()
      local name = vim.api.nvim_buf_get_name(0) -- raises E5560 inside a fast event
      return fast, stat.type, type(name)
    end)
    assert.same({ false, "directory", "string" }, { t:wait(2000) })
  end)

  it("after ts.sleep (timer callback) too", function()
    local t = ts.run(function() ts.sleep(1); return vim.in_fast_event(), vim.api.nvim_get_current_buf() end)
    local fast, buf = t:wait(1000)
    assert.is_false(fast)
    assert.is_number(buf)
  end)

  it("tasks woken in one loop turn share one vim.schedule hop", function()
    local cbs = {}
    local tasks = {}
    for i = 1, 1000 do
      tasks[i] = ts.run(function() ts.await(function(cb) cbs[#cbs + 1] = cb end); return vim.in_fast_event() end)
    end
    local before = stats.hops
    local timer = uv.new_timer()
    timer:start(1, 0, function() -- one fast callback wakes all 1,000 tasks
      for _, cb in ipairs(cbs) do cb() end
      timer:close()
    end)
    assert.is_false(tasks[1000]:wait(2000))
    for i = 1, 1000 do assert.is_false(tasks[i]:wait()) end
    -- One hop carries every task woken in the loop turn (not one hop per task). On a slow
    -- machine 1,000 steps can exceed the 10 ms slice of one turn; the rest then continues in
    -- the next loop turn, with that turn's hop.
    local hops = stats.hops - before
    assert.is_true(hops >= 1 and hops <= 5, ("%d hops for 1,000 tasks woken in one loop turn"):format(hops))
  end)

  it("a task woken from the main loop resumes at once, without a hop", function()
    local f = ts.Future.new()
    local resumed = false
    ts.run(function() f:await(); resumed = true end)
    local before = stats.hops
    local checked
    vim.schedule(function()
      f:resolve()
      checked = resumed -- already resumed inside resolve
    end)
    vim.wait(1000, function() return checked ~= nil end)
    assert.is_true(checked)
    assert.equal(0, stats.hops - before)
  end)

  it("{ fast = true } on a wrapper keeps the task in the fast event", function()
    local stat = ts.wrap(2, uv.fs_stat, { fast = true })
    local t = ts.run(function()
      stat(vim.fn.getcwd())
      local fast = vim.in_fast_event()
      ts.schedule() -- and ts.schedule() leaves it
      return fast, vim.in_fast_event()
    end)
    assert.same({ true, false }, { t:wait(1000) })
  end)

  it("ts.run({ fast = true }) keeps a task in fast events; by default a task started from one starts on the main loop", function()
    local results = {}
    local timer = uv.new_timer()
    local t1, t2
    timer:start(1, 0, function()
      t1 = ts.run(function() return vim.in_fast_event() end)
      t2 = ts.run({ fast = true }, function() return vim.in_fast_event() end)
      timer:close()
    end)
    vim.wait(1000, function() return t1 ~= nil and t1:is_done() and t2:is_done() end)
    results = { t1:wait(), t2:wait() }
    assert.same({ false, true }, results)
  end)

  it("a fast task running in a libuv callback never runs other tasks in the fast event", function()
    local f = ts.Future.new()
    local normal = ts.run(function() f:await(); return vim.in_fast_event(), vim.api.nvim_get_current_buf() end)
    local child_fast
    local fast = ts.run({ fast = true }, function()
      ts.sleep(1) -- resumed inside the timer callback
      ts.run(function() child_fast = vim.in_fast_event() end) -- its child starts on the main loop
      f:resolve() -- wakes `normal`: it must continue on the main loop
      ts.sleep(1)
      return vim.in_fast_event()
    end)
    assert.is_true(fast:wait(1000))
    assert.same({ false }, { (normal:wait(1000)) })
    assert.is_false(child_fast)
  end)

  it("Task:wait and block_on refuse inside a fast event", function()
    local t = ts.run(function() ts.sleep(1000) end)
    local msgs = {}
    local timer = uv.new_timer()
    timer:start(1, 0, function()
      msgs[1] = select(2, pcall(t.wait, t, 10))
      msgs[2] = select(2, pcall(ts.block_on, function() end))
      timer:close()
    end)
    vim.wait(1000, function() return #msgs == 2 end)
    assert.truthy(msgs[1]:find("Task:wait: cannot block inside a fast event", 1, true))
    assert.truthy(msgs[2]:find("ts.block_on: cannot block inside a fast event", 1, true))
    t:cancel()
  end)

  it("unobserved failures are reported through vim.notify at ERROR level", function()
    local orig = vim.notify
    local got = {}
    vim.notify = function(msg, level) got[#got + 1] = { msg, level } end
    ts.run({ name = "notify me" }, function() error("reported") end)
    vim.wait(100, function() return #got > 0 end)
    vim.wait(20)
    vim.notify = orig
    assert.equal(1, #got)
    assert.equal(vim.log.levels.ERROR, got[1][2])
    assert.truthy(got[1][1]:find('unhandled error in task "notify me"', 1, true))
  end)

  it("ts.schedule from a task woken in a fast { fast = true } context reaches the main loop", function()
    local t = ts.run({ fast = true }, function()
      ts.sleep(1)
      local a = vim.in_fast_event()
      ts.schedule()
      return a, vim.in_fast_event()
    end)
    assert.same({ true, false }, { t:wait(1000) })
  end)
end)

describe("responsiveness", function()
  it("a drain of many ready tasks lets the loop turn after about 10 ms", function()
    local cbs, done, seen_by_timer = {}, 0, nil
    local n = 200
    local tasks = {}
    for i = 1, n do
      tasks[i] = ts.run(function()
        ts.await(function(cb) cbs[#cbs + 1] = cb end)
        local t0 = uv.hrtime()
        while uv.hrtime() - t0 < 1e6 do end -- 1 ms of work per task: 200 ms in all
        done = done + 1
      end)
    end
    local fire, probe = uv.new_timer(), uv.new_timer()
    fire:start(1, 0, function() -- one loop turn wakes all 200
      for _, cb in ipairs(cbs) do cb() end
      probe:start(5, 0, function() seen_by_timer = done end)
    end)
    vim.wait(5000, function() return done == n and seen_by_timer ~= nil end, 5)
    fire:close(); probe:close()
    assert.equal(n, done)
    assert.is_true(seen_by_timer < n, "a timer due during the drain ran only after all " .. n .. " tasks")
    for i = 1, n do assert.equal("done", tasks[i]:status()) end
  end)
end)
