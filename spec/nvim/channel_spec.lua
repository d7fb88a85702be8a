-- Channels inside Neovim: `for v in rx:iter()` (LuaJIT can yield across a for-in iterator),
-- `#rx`, and feeding a channel from a vim.uv timer callback (a fast event) with try_send.
local ts = require("tsasync")
local uv = vim.uv or vim.loop

describe("channels in Neovim", function()
  it("for v in rx:iter() receives until the channel is closed and drained", function()
    local tx, rx = ts.channel(2)
    ts.run(function()
      for i = 1, 10 do tx:send(i) end
      tx:close()
    end)
    local t = ts.run(function()
      local got = {}
      for v in rx:iter() do got[#got + 1] = v end
      return got
    end)
    assert.same({ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, t:wait(1000))
  end)

  it("for v, missed in rx:iter() over a broadcast subscriber", function()
    local tx, subscribe = ts.broadcast(2)
    local rx = subscribe()
    for i = 1, 5 do tx:send(i) end
    tx:close()
    local t = ts.run(function()
      local got = {}
      for v, missed in rx:iter() do got[#got + 1] = v .. "/" .. missed end
      return got
    end)
    assert.same({ "4/3", "5/0" }, t:wait(1000))
  end)

  it("#rx counts waiting messages where __len is honoured (Neovim 0.12), rx:len() everywhere", function()
    local tx, rx = ts.channel()
    tx:try_send("a")
    tx:try_send("b")
    assert.equal(2, rx:len())
    local honoured = #setmetatable({}, { __len = function() return 1 end }) == 1
    if honoured then assert.equal(2, #rx) end
  end)

  it("a vim.uv timer callback (fast event) feeds a task with try_send; the task may call vim.api", function()
    local tx, rx = ts.channel()
    local timer = uv.new_timer()
    local n = 0
    local fast_seen = false
    timer:start(1, 1, function()
      fast_seen = fast_seen or vim.in_fast_event()
      n = n + 1
      assert(tx:try_send(n))
      if n == 20 then
        timer:stop()
        timer:close()
        tx:close()
      end
    end)
    local t = ts.run(function()
      local got = {}
      for v in rx:iter() do
        vim.api.nvim_get_current_buf() -- E5560 if the task were still inside the fast event
        got[#got + 1] = v
      end
      return got, vim.in_fast_event()
    end)
    local got, fast = t:wait(5000)
    assert.is_true(fast_seen)
    assert.is_false(fast)
    assert.equal(20, #got)
    for i = 1, 20 do assert.equal(i, got[i]) end
  end)

  it("Event:set and Semaphore:release from a fast callback wake tasks onto the main loop", function()
    local ev, sem = ts.Event.new(), ts.Semaphore.new(0)
    local t = ts.run(function()
      ev:wait()
      sem:acquire()
      return vim.in_fast_event(), vim.api.nvim_get_current_buf() ~= nil
    end)
    local timer = uv.new_timer()
    timer:start(1, 0, function()
      ev:set()
      sem:release()
      timer:close()
    end)
    assert.same({ false, true }, { t:wait(2000) })
  end)
end)
