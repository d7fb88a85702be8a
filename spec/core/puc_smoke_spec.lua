-- Smoke test of the PUC Lua 5.1 lane (and of spec/core/ on the Neovim lanes): the interpreter is
-- what the lane claims, luv is loadable as require("luv"), and coroutines drive a luv timer.
-- Uses no vim.* on purpose, like every spec under spec/core/.
local uv = require("luv")

describe("spec/core lane", function()
  it("runs on Lua 5.1 semantics (PUC 5.1 without jit, LuaJIT inside Neovim)", function()
    assert.are.equal("Lua 5.1", _VERSION)
    if jit == nil then
      assert.is_nil(rawget(_G, "vim"))
      assert.is_function(setfenv) -- a 5.1 function, gone in 5.2+
    end
  end)

  it("has luv as require('luv')", function()
    local v = uv.version()
    assert.is_number(v)
    assert.is_true(v > 0)
    assert.is_string(uv.version_string())
  end)

  it("has coroutines", function()
    local co = coroutine.create(function(a)
      local b = coroutine.yield(a + 1)
      return b * 2
    end)
    local ok, v = coroutine.resume(co, 1)
    assert.is_true(ok)
    assert.are.equal(2, v)
    assert.are.equal("suspended", coroutine.status(co))
    ok, v = coroutine.resume(co, 21)
    assert.is_true(ok)
    assert.are.equal(42, v)
    assert.are.equal("dead", coroutine.status(co))
  end)

  it("resumes a coroutine from a luv timer callback", function()
    local timer = uv.new_timer()
    local result, co
    co = coroutine.create(function()
      timer:start(1, 0, function()
        timer:close()
        assert(coroutine.resume(co, "tick"))
      end)
      result = coroutine.yield()
    end)
    assert(coroutine.resume(co))
    if rawget(_G, "vim") == nil then
      uv.run("default") -- our own loop: returns once the timer is closed
    else
      -- inside Neovim luv is Neovim's own loop: let it run instead of calling uv.run()
      vim.wait(1000, function() return result ~= nil end, 1)
    end
    assert.are.equal("tick", result)
  end)
end)
