-- Generates src/tsasync/uv/generated.ts from Neovim's own luv annotations
-- ($VIMRUNTIME/lua/uv/_meta.lua): for every callback-taking function of `vim.uv`, the position
-- of its callback, the callback's signature (error-first or not, result names and types), how
-- it repeats (stream) and what to release when the awaiting task is cancelled or a result arrives
-- after cancellation. Each wrapper also gets a doc comment with a `@help` heading and a text
-- derived from that metadata, which scripts/gen-doc.js turns into its entry of doc/tsasync.txt
-- (`ts.uv.fs_open()` and so on, under "Functions" in the ts.uv section); luv's own help
-- (`$VIMRUNTIME/doc/luvref.txt`) is linked when it has the function's tag.
--
--   nvim --headless --clean -l scripts/gen-uv.lua [meta.lua] [out.ts]      (`make generate`)
--
-- Loaded with `_G.GEN_UV_LIBRARY = true; local gen = dofile("scripts/gen-uv.lua")` it only
-- returns the parser (`gen.parse(path) -> list of specs`), which the coverage spec uses to
-- check the committed output against the running Neovim's annotations.
--
-- Only the few decisions that the annotations cannot carry are hand-kept, in OVERRIDES below.

local M = {}

-- ---- cleanup decisions the annotations cannot express (hand-kept, by function name) ----------
-- kind:   "once" (await one callback, the default), "stream" (repeating callback), "timer"
--         (stream when repeat > 0, else once), "listen" (stream of accepted clients),
--         "handle_stream" (the function creates a handle whose callback repeats),
--         "collect" (callback called synchronously per item: returns a list), "spawn".
-- cancel: what cancelling the awaiting task does: "req" (uv.cancel the returned request),
--         "close" (close the handle given as argument 1), "stop:<fn>" (call <fn>(argument 1)).
-- late:   what to do with values that arrive after cancellation: "fd" (close the fd among
--         them), "dir" (fs_closedir), "mkstemp" (close the fd, unlink the file), "mkdtemp"
--         (remove the directory).
-- pause:  the stream can be paused for back-pressure (`<stop>` then the start function again).
-- eof:    a nil first value (after err) ends the stream.
-- skip_empty: events whose values are all nil carry nothing (udp "nothing more to read").
-- doc:    a sentence added to the function's help entry (see doc_text below).
local OVERRIDES = {
  timer_start = { kind = "timer", cancel = "stop:timer_stop" },
  listen = { kind = "listen" },
  read_start = { pause = true, eof = true },
  udp_recv_start = { pause = true, skip_empty = true },
  new_async = { kind = "handle_stream" },
  new_work = { kind = "handle_stream" },
  walk = { kind = "collect", doc = "Refused on Neovim 0.10, where `vim.uv.walk` aborts the process." },
  spawn = { kind = "spawn" },
  signal_start_oneshot = { cancel = "stop:signal_stop" },
  tcp_connect = { cancel = "close" },
  pipe_connect = { cancel = "close" },
  pipe_connect2 = { cancel = "close" },
  fs_mkstemp = { late = "mkstemp" },
  fs_mkdtemp = { late = "mkdtemp" },
}

-- Types whose return marks a request that `uv.cancel` accepts (fs, getaddrinfo, getnameinfo, work).
local CANCELLABLE_REQ = {
  ["uv.uv_fs_t"] = true,
  ["uv.uv_getaddrinfo_t"] = true,
  ["uv.uv_getnameinfo_t"] = true,
}

-- ---- parsing --------------------------------------------------------------------------------------

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

-- Splits "a: T, b: fun(x: U), c: { k: V }" at top-level commas.
local function split_top(s)
  local out, depth, start = {}, 0, 1
  for i = 1, #s do
    local c = s:sub(i, i)
    if c == "(" or c == "{" or c == "<" or c == "[" then
      depth = depth + 1
    elseif c == ")" or c == "}" or c == ">" or c == "]" then
      depth = depth - 1
    elseif c == "," and depth == 0 then
      out[#out + 1] = trim(s:sub(start, i - 1))
      start = i + 1
    end
  end
  local last = trim(s:sub(start))
  if last ~= "" then out[#out + 1] = last end
  return out
end

-- Index of the parenthesis closing the one at `open`.
local function close_paren(s, open)
  local depth = 0
  for i = open, #s do
    local c = s:sub(i, i)
    if c == "(" then depth = depth + 1 elseif c == ")" then
      depth = depth - 1
      if depth == 0 then return i end
    end
  end
  error("unbalanced parentheses in: " .. s)
end

-- "fun(a: T, b: U?): R" -> { params = { {name, type}, ... }, ret = "R" }
local function parse_fun(s)
  s = trim(s)
  local open = s:find("(", 1, true)
  assert(s:sub(1, 3) == "fun" and open == 4, "not a fun type: " .. s)
  local close = close_paren(s, open)
  local params = {}
  for _, p in ipairs(split_top(s:sub(open + 1, close - 1))) do
    local name, ty = p:match("^([%w_%.]+)%s*:%s*(.+)$")
    params[#params + 1] = { name = name or p, type = ty and trim(ty) or "any" }
  end
  local ret = s:sub(close + 1):match("^%s*:%s*(.+)$")
  return { params = params, ret = ret and trim(ret) or nil }
end

local CALLBACK_NAMES = { callback = true, on_exit = true, after_work_callback = true }

-- Parses the annotation file into a list of function specs (only `uv.<name>` functions that
-- take a callback), in file order.
function M.parse(path)
  local f = assert(io.open(path, "r"))
  local lines = {}
  for line in f:lines() do lines[#lines + 1] = line end
  f:close()

  local aliases = {}
  for i, line in ipairs(lines) do
    local name = line:match("^%-%-%- @alias ([%w_%.]+)%s*$")
    if name and lines[i + 1] then
      local body = lines[i + 1]:match("^%-%-%- | (fun%(.+)$")
      if body then aliases[name] = body end
    end
  end
  local function resolve(ty)
    ty = trim(ty)
    local opt = false
    if ty:sub(-1) == "?" and ty:sub(1, 4) ~= "fun(" then ty, opt = ty:sub(1, -2), true end
    if aliases[ty] then return aliases[ty], opt end
    return ty, opt
  end

  local specs = {}
  local block = {}
  for _, line in ipairs(lines) do
    if line:match("^%-%-%-") then
      block[#block + 1] = line
    else
      local name, argstr = line:match("^function uv%.([%w_]+)%((.-)%) end")
      if name then
        local params, overloads, returns = {}, {}, {}
        for _, b in ipairs(block) do
          local rt = b:match("^%-%-%- @return ([^%s]+)")
          if rt then returns[#returns + 1] = rt end
          local pn, pt = b:match("^%-%-%- @param ([%w_%.]+) (.+)$")
          if pn then params[#params + 1] = { name = pn, type = trim(pt) } end
          local ov = b:match("^%-%-%- @overload (fun%(.+)$")
          if ov then overloads[#overloads + 1] = parse_fun(ov) end
        end
        local spec = M.callback_spec(name, params, overloads, returns[1], resolve)
        if spec then specs[#specs + 1] = spec end
      end
      block = {}
    end
  end
  return specs
end

-- The callback of one function, from its @overload (fs_*, getaddrinfo, ...) or its @param
-- list (handles, streams). nil when the function takes no callback.
function M.callback_spec(name, params, overloads, sync_ret, resolve)
  local list, ret
  local pos
  for _, ov in ipairs(overloads) do
    for i, p in ipairs(ov.params) do
      if CALLBACK_NAMES[p.name] then
        list, pos, ret = ov.params, i, ov.ret
      end
    end
  end
  if not pos then
    for i, p in ipairs(params) do
      local ty = resolve(p.type)
      if CALLBACK_NAMES[p.name] and ty:sub(1, 4) == "fun(" then list, pos, ret = params, i, sync_ret end
    end
  end
  if not pos then return nil end
  local cbtype = resolve(list[pos].type)
  local cb = parse_fun(cbtype)
  local err_first = cb.params[1] ~= nil and cb.params[1].name == "err"
  local results = {}
  for i = err_first and 2 or 1, #cb.params do
    local p = cb.params[i]
    local ty, opt = resolve(p.type)
    results[#results + 1] = { name = p.name, type = ty, opt = opt }
  end
  local args = {}
  for i, p in ipairs(list) do
    if i ~= pos then
      local ty, opt = resolve(p.type)
      args[#args + 1] = { name = p.name, type = ty, opt = opt }
    end
  end
  local ov = OVERRIDES[name] or {}
  local spec = {
    name = name,
    nparams = #list,
    cb = pos,
    err = err_first,
    args = args,
    results = results,
    ret = ret,
    kind = ov.kind or (name:match("_start$") and "stream") or "once",
    pause = ov.pause,
    eof = ov.eof,
    skip_empty = ov.skip_empty,
    doc = ov.doc,
  }
  if spec.kind == "stream" or spec.kind == "timer" then spec.stop = name:gsub("_start$", "_stop") end
  -- The path an error is about: the argument named `path`, if any.
  for i, a in ipairs(args) do
    if a.name == "path" and i < pos then spec.path = i break end
  end
  -- What to release on cancellation.
  local rtype = ret and ret:gsub("%?.*$", ""):gsub(",.*$", "") or nil
  if ov.cancel then
    spec.cancel = ov.cancel
  elseif rtype and CANCELLABLE_REQ[rtype] then
    spec.cancel = "req"
  end
  -- What to do with a result that arrives after cancellation.
  if ov.late then
    spec.late = ov.late
  else
    for _, r in ipairs(results) do
      if r.name == "fd" then spec.late = "fd" end
      if r.type == "uv.luv_dir_t" then spec.late = "dir" end
    end
  end
  return spec
end

-- ---- TypeScript output -------------------------------------------------------------------------

-- Lua annotation type -> TypeScript type (public declarations only; handles stay opaque).
local function ts_type(ty)
  ty = trim(ty)
  if ty:sub(1, 4) == "fun(" then return "((this: void, ...args: any[]) => unknown)" end
  local parts = split_top((ty:gsub("|", ",")))
  if #parts > 1 then
    local out, seen = {}, {}
    for _, p in ipairs(parts) do
      local t = ts_type(p)
      if not seen[t] then seen[t] = true out[#out + 1] = t end
    end
    return table.concat(out, " | ")
  end
  if ty:sub(-1) == "?" then return ts_type(ty:sub(1, -2)) .. " | undefined" end
  if ty == "integer" or ty == "number" then return "number" end
  if ty == "string" then return "string" end
  if ty == "boolean" then return "boolean" end
  if ty == "nil" then return "undefined" end
  if ty == "uv.buffer" then return "string | string[]" end
  if ty:match("^%d+$") then return ty end
  if ty == "string[]" then return "string[]" end
  if ty:match("^table") or ty:sub(1, 1) == "{" then return "LuaTable" end
  return "unknown"
end

local function ts_params(args)
  local out = {}
  for _, a in ipairs(args) do
    local n = a.name
    if n == "..." then
      out[#out + 1] = "...args: unknown[]"
    else
      local ty = ts_type(a.type)
      out[#out + 1] = n .. (a.opt and "?" or "") .. ": " .. ty
    end
  end
  -- TypeScript forbids a required parameter after an optional one.
  local seen_opt = false
  for i = 1, #out do
    if out[i]:find("?:", 1, true) then
      seen_opt = true
    elseif seen_opt and not out[i]:find("^%.%.%.") then
      out[i] = out[i]:gsub(": ", "?: ", 1)
    end
  end
  return table.concat(out, ", ")
end

local function ts_results(spec)
  local rs = {}
  for _, r in ipairs(spec.results) do
    local ty = ts_type(r.type)
    -- Optional values of error-first callbacks are absent only on error, which raises.
    if r.opt and not spec.err and ty ~= "unknown" and not ty:find("undefined") then ty = ty .. " | undefined" end
    if spec.err then ty = ty:gsub(" | undefined$", "") end
    rs[#rs + 1] = ty
  end
  return rs
end

local function q(s) return string.format("%q", s) end

-- ---- help entries -----------------------------------------------------------------------------
-- Each `ts.uv.<name>` gets a doc comment in the generated file: a `@help` heading (luv's
-- argument names, without the callback) and a short text derived from the spec (what it
-- returns, whether it is a stream, what cancelling the awaiting task does). scripts/gen-doc.js
-- turns them into the "Functions" part of the ts.uv section of doc/tsasync.txt.

local DOC_WIDTH = 74 -- entry text is indented by 4 in the help (78 columns)

-- "fs_read({fd}, {size} [, {offset}])": optional arguments from the first optional one on.
local function doc_heading(s)
  local req, opt = {}, {}
  for _, a in ipairs(s.args) do
    local n = a.name == "..." and "{...}" or "{" .. a.name:gsub("_$", "") .. "}"
    if a.opt or #opt > 0 then opt[#opt + 1] = n else req[#req + 1] = n end
  end
  local h = "ts.uv." .. s.name .. "(" .. table.concat(req, ", ")
  if #opt > 0 then h = h .. (#req > 0 and " [, " or "[") .. table.concat(opt, ", ") .. "]" end
  return h .. ")"
end

local function values(s)
  local n = {}
  for _, r in ipairs(s.results) do n[#n + 1] = r.name end
  return "`" .. table.concat(n, ", ") .. "`"
end

local LATE_DOC = {
  fd = "; a late `fd` is closed",
  dir = "; a late dir is closed (`fs_closedir`)",
  mkstemp = "; a late file is closed and removed",
  mkdtemp = "; a late directory is removed",
}

-- Sentences of the entry of spec `s`.
local function doc_sentences(s)
  local out = {}
  local function add(x) out[#out + 1] = x end
  local arg1 = s.args[1] and ("{" .. s.args[1].name .. "}") or "the handle"
  local kind = s.kind
  if kind == "once" then
    add(#s.results == 0 and "Waits for the callback; returns nothing." or ("Returns " .. values(s) .. "."))
    if s.cancel == "req" then
      add("Cancelling the task cancels the queued request" .. (LATE_DOC[s.late] or "") .. ".")
    elseif s.cancel == "close" then
      add("Cancelling the task closes " .. arg1 .. ".")
    elseif s.cancel and s.cancel:match("^stop:") then
      add("Cancelling the task stops " .. arg1 .. " (`" .. s.cancel:sub(6) .. "`).")
    else
      add("Cannot be taken back: on cancellation it completes in the background.")
    end
  elseif kind == "spawn" then
    add("Starts the process and waits for its exit: returns " .. values(s) .. ".")
    add("Cancelling the task kills the process: SIGTERM, then SIGKILL after 2 s.")
  elseif kind == "timer" then
    add("With {repeat} > 0 returns a stream (|ts.UvStream|) of `true` per tick;")
    add("else waits for the one tick and returns nothing.")
    add("Cancelling the task stops " .. arg1 .. " (`" .. s.stop .. "`).")
  elseif kind == "stream" then
    local what = #s.results == 0 and "`true`" or values(s)
    add("Returns a stream (|ts.UvStream|) of " .. what .. " per event" .. (s.eof and ", ending at EOF." or "."))
    if s.pause then
      add("The source pauses while `s.limit` events wait (nothing is lost).")
    else
      add("Keeps at most `s.limit` events, dropping the oldest.")
    end
    add("`s:close()` calls `" .. s.stop .. "`, as does a failure or cancellation of the task that made it.")
  elseif kind == "listen" then
    add("Returns a stream (|ts.UvStream|) of client handles, each accepted when received.")
    add("Closing the stream does not close " .. arg1 .. ": close it to stop listening.")
  elseif kind == "handle_stream" then
    add("Returns a stream (|ts.UvStream|) of the callback's arguments (" .. values(s) .. "), an event per")
    add("call; the handle it makes is `s.handle`.")
  elseif kind == "collect" then
    add("Returns the list of the callback's arguments (" .. values(s) .. " per call); never suspends.")
  end
  if s.doc then add(s.doc) end
  return out
end

-- Words of `sentences` wrapped at DOC_WIDTH columns.
local function wrap(sentences, width)
  local lines, cur = {}, ""
  for _, sentence in ipairs(sentences) do
    for word in sentence:gmatch("%S+") do
      if cur == "" then
        cur = word
      elseif #cur + 1 + #word > width then
        lines[#lines + 1] = cur
        cur = word
      else
        cur = cur .. " " .. word
      end
    end
  end
  if cur ~= "" then lines[#lines + 1] = cur end
  return lines
end

-- The doc comment lines (indented for an interface member) of spec `s`; `luvtags` is the set
-- of tags of Neovim's luvref.txt (a link to luv's own entry when it has one).
function M.doc_comment(s, luvtags)
  local sentences = doc_sentences(s)
  local tag = "uv." .. s.name .. "()"
  if luvtags[tag] then sentences[#sentences + 1] = "See |" .. tag .. "|." end
  local out = { "  /**" }
  for _, l in ipairs(wrap(sentences, DOC_WIDTH)) do out[#out + 1] = "   * " .. l end
  out[#out + 1] = "   * @help " .. doc_heading(s)
  out[#out + 1] = "   */"
  return out
end

-- Tags defined in Neovim's luvref.txt (empty when the file is missing).
local function luvref_tags(path)
  local tags = {}
  local f = io.open(path, "r")
  if not f then return tags end
  for tag in f:read("*a"):gmatch("%*([%w_%.]+%(%))%*") do tags[tag] = true end
  f:close()
  return tags
end

function M.render(specs, version, luvtags)
  luvtags = luvtags or {}
  local out = {}
  local function w(s) out[#out + 1] = s end
  w("// Generated by scripts/gen-uv.lua from $VIMRUNTIME/lua/uv/_meta.lua of Neovim " .. version .. ".")
  w("// Do not edit: run `make generate`. Hand-kept decisions live in the generator's OVERRIDES.")
  w("/**")
  w(" * @section tsasync-uv")
  w(" * Functions ~")
  w(" * One entry per `ts.uv` wrapper, written by `scripts/gen-uv.lua` from the")
  w(" * metadata (`ts.uv.specs`, generated from Neovim's luv annotations). The")
  w(" * arguments are luv's without the callback; the one-shot calls also have a")
  w(" * |ts.uv.p| form. A function the running luv lacks raises")
  w(" * \"ts.uv.<name>: not available in this Neovim's luv\". luv's own")
  w(" * documentation: |luvref|.")
  w(" */")
  w("import type { UvStream } from \"./stream\";")
  w("import type { UvError } from \"./error\";")
  w("")
  w("/** How one callback-taking luv function is wrapped. */")
  w("export interface UvSpec {")
  w("  /** Number of parameters including the callback. */")
  w("  readonly nparams: number;")
  w("  /** Position of the callback among them (1-based). */")
  w("  readonly cb: number;")
  w("  /** The callback's first value is an error message (`err`). */")
  w("  readonly err: boolean;")
  w("  /** Names of the callback's values after the error. */")
  w("  readonly results: readonly string[];")
  w("  /** \"once\" | \"stream\" | \"timer\" | \"listen\" | \"handle_stream\" | \"collect\" | \"spawn\". */")
  w("  readonly kind: string;")
  w("  /** Argument position of the path an error is about. */")
  w("  readonly path?: number;")
  w("  /** On cancellation: \"req\" (uv.cancel the request), \"close\" (argument 1), \"stop:<fn>\". */")
  w("  readonly cancel?: string;")
  w("  /** A result arriving after cancellation: \"fd\", \"dir\", \"mkstemp\", \"mkdtemp\". */")
  w("  readonly late?: string;")
  w("  /** Function that stops a stream's callback. */")
  w("  readonly stop?: string;")
  w("  /** The stream can pause for back-pressure. */")
  w("  readonly pause?: boolean;")
  w("  /** A nil value ends the stream. */")
  w("  readonly eof?: boolean;")
  w("  /** Events with only nil values are ignored. */")
  w("  readonly skip_empty?: boolean;")
  w("}")
  w("")
  w("/** Every callback-taking function of luv as annotated in Neovim " .. version .. ", by name. */")
  w("export const specs: { readonly [name: string]: UvSpec } = {")
  for _, s in ipairs(specs) do
    local rn = {}
    for _, r in ipairs(s.results) do rn[#rn + 1] = q(r.name) end
    local fields = {
      "nparams: " .. s.nparams,
      "cb: " .. s.cb,
      "err: " .. tostring(s.err),
      "results: [" .. table.concat(rn, ", ") .. "]",
      "kind: " .. q(s.kind),
    }
    if s.path then fields[#fields + 1] = "path: " .. s.path end
    if s.cancel then fields[#fields + 1] = "cancel: " .. q(s.cancel) end
    if s.late then fields[#fields + 1] = "late: " .. q(s.late) end
    if s.stop then fields[#fields + 1] = "stop: " .. q(s.stop) end
    if s.pause then fields[#fields + 1] = "pause: true" end
    if s.eof then fields[#fields + 1] = "eof: true" end
    if s.skip_empty then fields[#fields + 1] = "skip_empty: true" end
    w("  " .. s.name .. ": { " .. table.concat(fields, ", ") .. " },")
  end
  w("};")
  w("")
  w("/**")
  w(" * Typed signatures of `ts.uv.<name>`: luv's arguments without the callback; the result is")
  w(" * what the callback receives after its error (a stream for repeating callbacks).")
  w(" */")
  w("export interface UvWrappers {")
  for _, s in ipairs(specs) do
    for _, l in ipairs(M.doc_comment(s, luvtags)) do w(l) end
    local rs = ts_results(s)
    local ret
    if s.kind == "listen" then
      ret = "UvStream<[unknown]>"
    elseif s.kind == "stream" or s.kind == "handle_stream" then
      ret = "UvStream<[" .. (#rs == 0 and "true" or table.concat(rs, ", ")) .. "]>"
    elseif s.kind == "timer" then
      ret = "UvStream<[true]> | void"
    elseif s.kind == "collect" then
      ret = "unknown[]"
    elseif #rs == 0 then
      ret = "void"
    elseif #rs == 1 then
      ret = rs[1]
    else
      ret = "LuaMultiReturn<[" .. table.concat(rs, ", ") .. "]>"
    end
    w("  " .. s.name .. "(this: void" .. (#s.args > 0 and ", " or "") .. ts_params(s.args) .. "): " .. ret .. ";")
  end
  w("}")
  w("")
  w("/** `ts.uv.p.<name>`: the same calls returning `err, ...values` (err a UvError or nil) instead of raising. */")
  w("export interface UvPWrappers {")
  for _, s in ipairs(specs) do
    if s.kind == "once" or s.kind == "spawn" or s.kind == "timer" then
      w("  /** |ts.uv." .. s.name .. "()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */")
    end
    if s.kind == "once" or s.kind == "spawn" then
      local rs = ts_results(s)
      table.insert(rs, 1, "UvError | undefined")
      w("  " .. s.name .. "(this: void" .. (#s.args > 0 and ", " or "") .. ts_params(s.args) .. "): LuaMultiReturn<[" .. table.concat(rs, ", ") .. "]>;")
    elseif s.kind == "timer" then
      -- as ts.uv's: nothing once a one-shot timer fired (it cannot fail), a stream when repeating
      w("  " .. s.name .. "(this: void" .. (#s.args > 0 and ", " or "") .. ts_params(s.args) .. "): UvStream<[true]> | void;")
    end
  end
  w("}")
  w("")
  return table.concat(out, "\n")
end

local function main(meta, outpath)
  local v = vim.version()
  local version = string.format("%d.%d.%d", v.major, v.minor, v.patch)
  meta = meta or (vim.env.VIMRUNTIME .. "/lua/uv/_meta.lua")
  outpath = outpath or "src/tsasync/uv/generated.ts"
  local specs = M.parse(meta)
  local runtime = meta:gsub("/lua/uv/_meta%.lua$", "")
  local text = M.render(specs, version, luvref_tags(runtime .. "/doc/luvref.txt"))
  local f = assert(io.open(outpath, "w"))
  f:write(text)
  f:close()
  io.stdout:write(string.format("gen-uv: %d callback-taking functions from %s -> %s\n", #specs, meta, outpath))
end

if rawget(_G, "GEN_UV_LIBRARY") then return M end
main(...)
