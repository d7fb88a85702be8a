-- ts.pcall / ts.xpcall: protected calls that may suspend inside, on LuaJIT and on PUC Lua 5.1.
local ts = require("tsasync")

describe("ts.pcall", function()
  it("catches errors raised after a suspension", function()
    local t = ts.run(function()
      return ts.pcall(function(x) ts.sleep(1); error("after sleep " .. x, 0) end, "x")
    end)
    assert.same({ false, "after sleep x" }, { t:wait(1000) })
  end)

  it("returns the values of a function that suspended several times", function()
    local t = ts.run(function()
      return ts.pcall(function(a, b)
        ts.sleep(1)
        local v = ts.await(function(cb) cb(a) end)
        ts.sleep(1)
        return v, b, nil
      end, 1, 2)
    end)
    local r = { t:wait(1000) }
    assert.same({ true, 1, 2, nil }, r)
  end)

  it("nests", function()
    local t = ts.run(function()
      local ok1, ok2, e = ts.pcall(function()
        ts.sleep(1)
        local ok, err = ts.pcall(function() ts.sleep(1); error("inner", 0) end)
        ts.sleep(1)
        return ok, err
      end)
      return ok1, ok2, e
    end)
    assert.same({ true, false, "inner" }, { t:wait(1000) })
  end)

  it("awaits inside it are cancellable and the cancellation is caught but stays pending", function()
    local log = {}
    local t = ts.run(function()
      local ok, e = ts.pcall(function() ts.sleep(60000) end)
      log[#log + 1] = ok == false and ts.is_cancelled(e)
      ts.sleep(1)
    end)
    t:cancel()
    assert.same({ true }, log)
    assert.equal("cancelled", t:status())
  end)

  it("works outside tasks too, and validates fn", function()
    assert.same({ false, "plain" }, { ts.pcall(error, "plain", 0) })
    assert.same({ true, 3 }, { ts.pcall(function(a, b) return a + b end, 1, 2) })
    assert.has_error(function() ts.pcall(nil) end, "ts.pcall: fn must be a function, got nil")
  end)

  it("works on callable tables", function()
    local callable = setmetatable({}, { __call = function(_, x) return x end })
    assert.same({ true, 5 }, { ts.pcall(callable, 5) })
  end)
end)

describe("ts.xpcall", function()
  it("passes the error through the handler, also after suspending", function()
    local t = ts.run(function()
      return ts.xpcall(function(x) ts.sleep(1); error({ v = x }) end, function(e) return "handled " .. e.v end, 7)
    end)
    assert.same({ false, "handled 7" }, { t:wait(1000) })
  end)

  it("debug.traceback as handler shows the failing function", function()
    local function failing_here() ts.sleep(1); error("tb test") end
    local t = ts.run(function() return ts.xpcall(failing_here, debug.traceback) end)
    local ok, tb = t:wait(1000)
    assert.is_false(ok)
    assert.truthy(tb:find("tb test", 1, true))
    assert.truthy(tb:find("pcall_spec.lua", 1, true))
  end)

  it("returns values on success and validates arguments", function()
    assert.same({ true, 1, 2 }, { ts.xpcall(function(a) return a, 2 end, print, 1) })
    assert.has_error(function() ts.xpcall(print, 1) end, "ts.xpcall: handler must be a function, got number")
    assert.has_error(function() ts.xpcall(1, print) end, "ts.xpcall: fn must be a function, got number")
  end)
end)
