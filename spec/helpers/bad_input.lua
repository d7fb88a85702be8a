-- Bad-input sweep machinery shared by spec/core/bad_input_spec.lua and
-- spec/nvim/bad_input_spec.lua (no vim.* here).
--
-- Every target is a public function with its public name ("ts.sleep", "Sender:send"). Each is
-- called with each bad argument list, outside a task and inside one; a method also with a bad
-- self. A call passes when it
--   - raises a string (or an error object whose tostring is one) starting with "<name>:", or
--   - returns or suspends (the input is legitimately accepted; a suspended call is cancelled), or
--   - raises a structured error of the runtime (cancellation, timeout) it documents.
-- Anything else (a raw "attempt to index nil", another function's name) is a finding.
local ts = require("tsasync")

local M = {}

local NaN = 0 / 0

local function pack(...)
  return { n = select("#", ...), ... }
end

--- Argument lists tried on every function (after self for methods).
M.ARGS = {
  pack(),
  pack(nil, nil),
  pack("x"),
  pack(-1),
  pack(NaN),
  pack(math.huge),
  pack({}),
  pack(true),
  pack(function() end),
  pack(7777, "x"), -- not 1: ts.uv.fs_close(1) would close stdout (accepted: a valid fd)
  pack("x", {}, -1),
  pack(-1, NaN, "x"),
}

--- Bad selves tried on every method.
M.SELVES = { false, {}, "x", 42 }

local function describe_args(args)
  local parts = {}
  for i = 1, args.n or #args do
    local v = args[i]
    parts[#parts + 1] = type(v) == "number" and (v ~= v and "NaN" or tostring(v)) or type(v) == "string" and ("%q"):format(v) or type(v)
  end
  return "(" .. table.concat(parts, ", ") .. ")"
end

local function message_of(e)
  if type(e) == "string" then return e end
  local ok, s = pcall(tostring, e)
  return ok and s or "?"
end

-- Is `e` a clear error of function `name`?
local function clear(name, e)
  -- error(msg, level) puts the caller's position in front: "file.lua:12: ts.sleep: ..."
  local msg = message_of(e):gsub("^[^\n]-:%d+: ", "", 1)
  if msg:sub(1, #name + 1) == name .. ":" then return true end
  -- a documented structured outcome (deadline passed, cancelled)
  if ts.is_timeout(e) or ts.is_cancelled(e) then return true end
  -- a libuv failure: a ts.UvError whose `name` is the luv function (documented)
  if ts.is_uv_error and ts.is_uv_error(e) and name:match("[%w_]+$") == e.name then return true end
  return false, msg
end

-- Accepted input: what the call returned is the caller's to close (a stream, a handle; a task
-- that returns normally hands its streams to its caller).
local function close_results(res)
  for i = 2, res.n do
    local v = res[i]
    if type(v) == "table" or type(v) == "userdata" then
      local okc, close = pcall(function() return v.close end)
      if okc and type(close) == "function" then pcall(close, v) end
    end
  end
end

--- Runs `fn(unpack(args))` in the given context; returns nil when fine, else a finding string.
--- ctx: "plain" (outside tasks) or "task" (inside a fresh task).
function M.try(name, fn, args, ctx)
  if ctx == "plain" then
    local res = pack(pcall(fn, unpack(args, 1, args.n or #args)))
    if res[1] then
      close_results(res)
      return nil
    end
    local ok, msg = clear(name, res[2])
    if ok then return nil end
    return ("%s%s outside a task: %s"):format(name, describe_args(args), msg:match("[^\n]*"))
  end
  local finding
  local t = ts.run({ name = "bad_input" }, function()
    -- ts.pcall: a plain pcall cannot suspend inside on PUC Lua 5.1
    local res = pack(ts.pcall(fn, unpack(args, 1, args.n or #args)))
    if res[1] then
      close_results(res)
      return
    end
    local ok, msg = clear(name, res[2])
    if not ok then finding = ("%s%s inside a task: %s"):format(name, describe_args(args), msg:match("[^\n]*")) end
  end)
  if not t:is_done() then
    -- suspended: the input was accepted; cancel, and wait for the cleanup
    t:cancel("bad_input sweep")
    pcall(t.wait, t, 1000)
  end
  return finding
end

--- Sweeps `targets` = list of { name = "ts.sleep", fn = f, method = bool, make = function()
--- returning a fresh self (methods) }. Returns tried, findings.
function M.sweep(targets, opts)
  opts = opts or {}
  local tried, findings = 0, {}
  local function note(f)
    if f then findings[#findings + 1] = f end
  end
  for _, tg in ipairs(targets) do
    for _, ctx in ipairs(opts.contexts or { "plain", "task" }) do
      for _, a in ipairs(M.ARGS) do
        local args = a
        if tg.method then
          args = { n = a.n + 1, tg.make() }
          for i = 1, a.n do args[i + 1] = a[i] end
        end
        tried = tried + 1
        note(M.try(tg.name, tg.fn, args, ctx))
      end
      if tg.method then
        for _, s in ipairs(M.SELVES) do
          tried = tried + 1
          note(M.try(tg.name, tg.fn, { n = 2, s, 1 }, ctx))
        end
      end
    end
  end
  return tried, findings
end

--- The methods of `obj` (its metatable's __index table and its own function fields), as
--- targets named "<Class>:<method>".
function M.methods(class, make, skip)
  local obj = make()
  local seen, out = {}, {}
  local function add(k, v)
    if type(k) == "string" and type(v) == "function" and not seen[k] and not k:match("^_") and k ~= "new"
      and k ~= "constructor" and not (skip and skip[k]) then
      seen[k] = true
      out[#out + 1] = { name = class .. ":" .. k, fn = v, method = true, make = make }
    end
  end
  if type(obj) == "table" then
    for k, v in pairs(obj) do add(k, v) end
  end
  local mt = getmetatable(obj)
  local idx = type(mt) == "table" and rawget(mt, "__index")
  if type(idx) == "table" then
    for k, v in pairs(idx) do add(k, v) end
  end
  table.sort(out, function(a, b) return a.name < b.name end)
  return out
end

--- Functions of table `tbl` as targets named prefix .. key.
function M.functions(prefix, tbl, skip)
  local out = {}
  for k, v in pairs(tbl) do
    if type(v) == "function" and not (skip and skip[k]) then out[#out + 1] = { name = prefix .. k, fn = v } end
  end
  table.sort(out, function(a, b) return a.name < b.name end)
  return out
end

return M
