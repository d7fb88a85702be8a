-- ts.lsp against an in-process server that records every message (spec/helpers/fake_lsp.lua):
-- results, structured errors, ContentModified retries, timeouts and cancellation that reach the
-- server as $/cancelRequest, clients that exit, request_all, notify, wait_for_client, the flows.
local ts = require("tsasync")
local timers = require("tsasync.timers")
local tracker = require("tsasync.lsp.client")
local fake = dofile("spec/helpers/fake_lsp.lua")

local codes = ts.lsp.codes
local servers, bufs = {}, {}

local function server(opts)
  local s = fake.new(opts)
  servers[#servers + 1] = s
  return s
end

local function buffer(lines)
  local b = fake.buffer(lines)
  bufs[#bufs + 1] = b
  return b
end

local function pos_params(buf)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 0, character = 6 } }
end

--- Runs fn in a task and returns ok, values... (never raises).
local function run(fn, ms)
  local t = ts.run(fn)
  t:on_complete(function() end) -- observed: a failure is the result under test, not a report
  vim.wait(ms or 2000, function() return t:is_done() end)
  assert(t:is_done(), "task did not finish")
  return t:result()
end

local function never() end -- a handler that never answers

--- After each test: stop every server, wipe every buffer, check no request is still tracked.
local function cleanup()
  for _, s in ipairs(servers) do s:stop() end
  servers = {}
  for _, b in ipairs(bufs) do pcall(vim.api.nvim_buf_delete, b, { force = true }) end
  bufs = {}
  assert.equal(0, tracker.pending_count())
end

describe("ts.lsp.request", function()
  local notified
  local orig_notify = vim.notify
  before_each(function()
    notified = {}
    vim.notify = function(msg, level) notified[#notified + 1] = { msg = msg, level = level } end
  end)
  after_each(function()
    vim.notify = orig_notify
    cleanup()
  end)

  it("returns the server's result, with the params and buffer given", function()
    local s = server({
      capabilities = { hoverProvider = true },
      handlers = { ["textDocument/hover"] = function(p, reply) reply(nil, { contents = "hover at " .. p.position.character }) end },
    })
    local buf = buffer()
    local client = s:start(buf)
    local ok, r1, r2 = run(function()
      return ts.lsp.request(client, "textDocument/hover", pos_params(buf)),
        ts.lsp.request(client.id, "textDocument/hover", pos_params(buf), { bufnr = buf })
    end)
    assert.is_true(ok)
    assert.same({ contents = "hover at 6" }, r1)
    assert.same({ contents = "hover at 6" }, r2)
    assert.equal(2, #s:requests("textDocument/hover"))
    assert.same(pos_params(buf), s:requests("textDocument/hover")[1].params)
  end)

  it("a JSON null result is nil", function()
    local s = server({ handlers = { ["x/null"] = function(_, reply) reply(nil, vim.NIL) end } })
    local client = s:start(buffer())
    local ok, r = run(function() return ts.lsp.request(client, "x/null", {}) end)
    assert.is_true(ok)
    assert.is_nil(r)
  end)

  it("a server error raises an LspError with code, message, data, method", function()
    local s = server({
      handlers = { ["x/fail"] = function(_, reply) reply({ code = codes.InvalidParams, message = "bad params", data = { field = "x" } }) end },
    })
    local client = s:start(buffer())
    local _, raw = run(function() return select(2, ts.pcall(ts.lsp.request, client, "x/fail", {})) end)
    assert.equal(ts.LspError.prototype, getmetatable(raw)) -- the error itself, unwrapped
    assert.equal("bad params", raw.message)
    local ok, err = run(function() return ts.lsp.request(client, "x/fail", {}) end)
    assert.is_false(ok)
    assert.is_true(ts.is_lsp_error(err)) -- through the task's error wrapper
    assert.equal(-32602, err.code)
    assert.matches("bad params", err.message)
    assert.same({ field = "x" }, err.data)
    assert.equal("x/fail", err.method)
    assert.equal(client.id, err.client_id)
    assert.matches("LSP error %-32602 from " .. s.name .. " %(x/fail%): bad params", tostring(err))
    assert.is_false(ts.is_cancelled(err))
    assert.is_false(ts.is_timeout(err))
  end)

  it("an unknown method is a MethodNotFound LspError", function()
    local client = server():start(buffer())
    local _, err = run(function() return ts.lsp.request(client, "x/unknown", {}) end)
    assert.equal(codes.MethodNotFound, err.code)
  end)

  it("codes", function()
    assert.equal(-32800, codes.RequestCancelled)
    assert.equal(-32801, codes.ContentModified)
    assert.equal("ClientExited", codes.ClientExited)
  end)

  describe("ContentModified", function()
    local function flaky(times)
      local n = 0
      return server({
        handlers = {
          ["x/flaky"] = function(_, reply)
            n = n + 1
            if n <= times then reply({ code = codes.ContentModified, message = "content modified" }) else reply(nil, "fresh " .. n) end
          end,
        },
      })
    end

    it("retries up to opts.retry times", function()
      local s = flaky(2)
      local client = s:start(buffer())
      local ok, r = run(function() return ts.lsp.request(client, "x/flaky", {}, { retry = 2 }) end)
      assert.is_true(ok)
      assert.equal("fresh 3", r)
      assert.equal(3, #s:requests("x/flaky"))
    end)

    it("raises ContentModified once the retries are used up; no retry by default", function()
      local s = flaky(5)
      local client = s:start(buffer())
      local _, err = run(function() return ts.lsp.request(client, "x/flaky", {}, { retry = 1 }) end)
      assert.equal(codes.ContentModified, err.code)
      assert.equal(2, #s:requests("x/flaky"))
      local _, err2 = run(function() return ts.lsp.request(client, "x/flaky", {}) end)
      assert.equal(codes.ContentModified, err2.code)
      assert.equal(3, #s:requests("x/flaky"))
    end)

    it("other errors are not retried", function()
      local s = server({ handlers = { ["x/fail"] = function(_, reply) reply({ code = codes.RequestFailed, message = "no" }) end } })
      local client = s:start(buffer())
      local _, err = run(function() return ts.lsp.request(client, "x/fail", {}, { retry = 3 }) end)
      assert.equal(codes.RequestFailed, err.code)
      assert.equal(1, #s:requests("x/fail"))
    end)
  end)

  it("a timeout raises an is_timeout error and sends $/cancelRequest with the request's id", function()
    local s = server({ handlers = { ["x/slow"] = never } })
    local client = s:start(buffer())
    local before = timers.pending()
    local ok, err = run(function() return ts.lsp.request(client, "x/slow", {}, { timeout = 20 }) end)
    assert.is_false(ok)
    assert.is_true(ts.is_timeout(err))
    assert.is_false(ts.is_lsp_error(err))
    assert.matches("x/slow to LSP client \"" .. s.name .. "\" %(id %d+%) timed out after 20 ms", tostring(err))
    vim.wait(100, function() return #s:cancels() > 0 end)
    assert.same({ s:requests("x/slow")[1].id }, s:cancels())
    assert.equal(before, timers.pending())
  end)

  it("an answer before the deadline removes the deadline at once", function()
    local s = server({ handlers = { ["x/echo"] = function(p, reply) reply(nil, p) end } })
    local client = s:start(buffer())
    local before = timers.pending()
    local ok, r = run(function()
      local v = ts.lsp.request(client, "x/echo", { 1 }, { timeout = 60000 })
      return v, timers.pending()
    end)
    assert.is_true(ok)
    assert.same({ 1 }, r)
    assert.equal(before, timers.pending())
    assert.same({}, s:cancels())
  end)

  it("cancelling the task sends $/cancelRequest; a late answer is ignored", function()
    local s = server({ handlers = { ["x/slow"] = never }, ignore_cancel = true })
    local client = s:start(buffer())
    local t = ts.run(function() return ts.lsp.request(client, "x/slow", {}, { timeout = 60000 }) end)
    vim.wait(100, function() return #s:requests("x/slow") == 1 end)
    local id = s:requests("x/slow")[1].id
    local before = timers.pending()
    assert.is_true(t:cancel())
    assert.equal("cancelled", t:status())
    assert.same({ id }, s:cancels()) -- sent at once, from the main loop
    assert.equal(before - 1, timers.pending()) -- the deadline went with it
    s.replies[id](nil, "too late") -- the server answers anyway
    vim.wait(50)
    assert.equal("cancelled", t:status())
    assert.same({}, notified)
  end)

  it("cancelling a parent cancels the request of its child", function()
    local s = server({ handlers = { ["x/slow"] = never } })
    local client = s:start(buffer())
    local parent = ts.run(function()
      ts.run(function() ts.lsp.request(client, "x/slow", {}) end)
      ts.sleep(100000)
    end)
    vim.wait(100, function() return #s:requests("x/slow") == 1 end)
    parent:cancel()
    assert.same({ s:requests("x/slow")[1].id }, s:cancels())
    vim.wait(100, function() return parent:is_done() end)
    assert.equal("cancelled", parent:status())
  end)

  it("a client that exits fails its pending requests with ClientExited", function()
    local s = server({ handlers = { ["x/slow"] = never } })
    local client = s:start(buffer())
    local t1 = ts.run(function() return ts.lsp.request(client, "x/slow", {}) end)
    local t2 = ts.run(function() return ts.lsp.request(client, "x/slow", {}) end)
    vim.wait(100, function() return #s:requests("x/slow") == 2 end)
    s.exit()
    vim.wait(1000, function() return t1:is_done() and t2:is_done() end)
    for _, t in ipairs({ t1, t2 }) do
      local ok, err = t:result()
      assert.is_false(ok)
      assert.is_true(ts.is_lsp_error(err))
      assert.equal(codes.ClientExited, err.code)
      assert.equal("x/slow", err.method)
      assert.matches("exited", err.message)
    end
  end)

  it("stopping the client fails its pending requests too; a stopped client refuses new ones", function()
    local s = server({ handlers = { ["x/slow"] = never } })
    local client = s:start(buffer())
    local t = ts.run(function() return ts.lsp.request(client, "x/slow", {}) end)
    vim.wait(100, function() return #s:requests("x/slow") == 1 end)
    s:stop()
    vim.wait(1000, function() return t:is_done() end)
    local _, err = t:result()
    assert.equal(codes.ClientExited, err.code)
    local ok, err2 = run(function() return ts.lsp.request(client, "x/slow", {}) end)
    assert.is_false(ok)
    assert.equal(codes.ClientExited, err2.code)
  end)

  it("a server that cancels a request itself raises RequestCancelled (Neovim drops that reply)", function()
    local s = server({ handlers = { ["x/dropped"] = function(_, reply) reply({ code = codes.RequestCancelled, message = "server gave up" }) end } })
    local client = s:start(buffer())
    local ok, err = run(function() return ts.lsp.request(client, "x/dropped", {}) end, 1000)
    assert.is_false(ok)
    assert.is_true(ts.is_lsp_error(err))
    assert.equal(codes.RequestCancelled, err.code)
  end)

  it("calls client methods in the form this Neovim wants (no deprecation on 0.11+)", function()
    local s = server({ handlers = { ["x/slow"] = never, ["x/echo"] = function(p, reply) reply(nil, p) end } })
    local client = s:start(buffer())
    local deprecations = {}
    local orig = vim.deprecate
    vim.deprecate = function(name) deprecations[#deprecations + 1] = name end
    local ok = run(function()
      ts.lsp.request(client, "x/echo", {})
      ts.lsp.notify(client, "x/note", {})
      ts.pcall(ts.lsp.request, client, "x/slow", {}, { timeout = 5 }) -- cancel_request
    end)
    vim.wait(50, function() return #s:cancels() == 1 end)
    vim.deprecate = orig
    assert.is_true(ok)
    assert.same({}, deprecations)
    assert.equal(1, #s:cancels())
    assert.equal(vim.fn.has("nvim-0.11") == 1, require("tsasync.lsp.client").method_style(client))
  end)

  it("validates its arguments", function()
    local client = server():start(buffer())
    local function err_of(fn)
      local ok, e = run(fn)
      assert.is_false(ok)
      return tostring(e)
    end
    assert.matches("ts.lsp.request: client must be a vim.lsp.Client or a client id, got string", err_of(function() ts.lsp.request("x", "m", {}) end))
    assert.matches("ts.lsp.request: no LSP client with id 99999", err_of(function() ts.lsp.request(99999, "m", {}) end))
    assert.matches("ts.lsp.request: method must be a non%-empty string, got nil", err_of(function() ts.lsp.request(client) end))
    assert.matches('ts.lsp.request: unknown option "tiemout"', err_of(function() ts.lsp.request(client, "m", {}, { tiemout = 5 }) end))
    assert.matches("ts.lsp.request: opts.timeout must be a non%-negative finite number", err_of(function() ts.lsp.request(client, "m", {}, { timeout = -1 }) end))
    assert.matches("ts.lsp.request: opts.retry must be a non%-negative integer", err_of(function() ts.lsp.request(client, "m", {}, { retry = 1.5 }) end))
    assert.matches("ts.lsp.request_all: bufnr must be a buffer number", err_of(function() ts.lsp.request_all("x", "m", {}) end))
    assert.matches("ts.lsp.wait_for_client: opts.name must be a string", err_of(function() ts.lsp.wait_for_client(0, { name = 1 }) end))
    assert.has_error(function() ts.lsp.request(client, "m", {}) end, nil) -- outside a task
    local ok, e = pcall(ts.lsp.request, client, "m", {})
    assert.is_false(ok)
    assert.matches("ts.lsp.request: must be called inside a task", e)
    assert.equal(0, #server():requests("m"))
  end)
end)

describe("ts.lsp.request_all", function()
  after_each(cleanup)

  it("asks every attached client that supports the method; errors stay per client", function()
    local buf = buffer()
    local a = server({ capabilities = { hoverProvider = true }, handlers = { ["textDocument/hover"] = function(_, r) r(nil, { contents = "a" }) end } })
    local b = server({ capabilities = { hoverProvider = true }, handlers = { ["textDocument/hover"] = function(_, r) r({ code = codes.InternalError, message = "b broke" }) end } })
    local c = server({ capabilities = {} }) -- no hoverProvider: not asked
    local ca, cb, cc = a:start(buf), b:start(buf), c:start(buf)
    local seen = {}
    local ok, all = run(function()
      return ts.lsp.request_all(buf, "textDocument/hover", function(client, bufnr)
        seen[#seen + 1] = { client.id, bufnr }
        return pos_params(bufnr)
      end)
    end)
    assert.is_true(ok)
    assert.same({ contents = "a" }, all[ca.id].result)
    assert.is_nil(all[ca.id].err)
    assert.equal(codes.InternalError, all[cb.id].err.code)
    assert.is_nil(all[cc.id])
    assert.same({ { ca.id, buf }, { cb.id, buf } }, seen)
    assert.equal(0, #c:requests("textDocument/hover"))
  end)

  it("no client: an empty table", function()
    local buf = buffer()
    local ok, all = run(function() return ts.lsp.request_all(buf, "textDocument/hover", {}) end)
    assert.is_true(ok)
    assert.same({}, all)
  end)

  it("the timeout is per client: the late one gets a timeout error and a $/cancelRequest", function()
    local buf = buffer()
    local fast = server({ capabilities = { hoverProvider = true }, handlers = { ["textDocument/hover"] = function(_, r) r(nil, { contents = "fast" }) end } })
    local slow = server({ capabilities = { hoverProvider = true }, handlers = { ["textDocument/hover"] = never } })
    local cf, cs = fast:start(buf), slow:start(buf)
    -- 300 ms: the fast reply must arrive well within it, also on a loaded machine
    local ok, all = run(function() return ts.lsp.request_all(buf, "textDocument/hover", pos_params(buf), { timeout = 300 }) end)
    assert.is_true(ok)
    assert.same({ contents = "fast" }, all[cf.id].result)
    assert.is_true(ts.is_timeout(all[cs.id].err))
    vim.wait(100, function() return #slow:cancels() == 1 end)
    assert.same({ slow:requests("textDocument/hover")[1].id }, slow:cancels())
    assert.same({}, fast:cancels())
  end)

  it("cancelling the task cancels every request in flight", function()
    local buf = buffer()
    local s1 = server({ capabilities = { hoverProvider = true }, handlers = { ["textDocument/hover"] = never } })
    local s2 = server({ capabilities = { hoverProvider = true }, handlers = { ["textDocument/hover"] = never } })
    s1:start(buf)
    s2:start(buf)
    local t = ts.run(function() return ts.lsp.request_all(buf, "textDocument/hover", pos_params(buf)) end)
    vim.wait(200, function() return #s1:requests("textDocument/hover") == 1 and #s2:requests("textDocument/hover") == 1 end)
    t:cancel()
    vim.wait(200, function() return t:is_done() end)
    assert.equal("cancelled", t:status())
    assert.same({ s1:requests("textDocument/hover")[1].id }, s1:cancels())
    assert.same({ s2:requests("textDocument/hover")[1].id }, s2:cancels())
  end)

  it("opts.name keeps clients of that name", function()
    local buf = buffer()
    local a = server({ name = "alpha_ls", capabilities = { hoverProvider = true }, handlers = { ["textDocument/hover"] = function(_, r) r(nil, 1) end } })
    local b = server({ name = "beta_ls", capabilities = { hoverProvider = true }, handlers = { ["textDocument/hover"] = function(_, r) r(nil, 2) end } })
    local ca = a:start(buf)
    b:start(buf)
    local _, all = run(function() return ts.lsp.request_all(buf, "textDocument/hover", {}, { name = "alpha_ls" }) end)
    assert.same({ [ca.id] = { result = 1 } }, all)
  end)
end)

describe("ts.lsp.notify", function()
  after_each(cleanup)

  it("sends a notification without a task; false once the client is stopped", function()
    local s = server()
    local client = s:start(buffer())
    assert.is_true(ts.lsp.notify(client, "workspace/didChangeConfiguration", { settings = { x = 1 } }))
    assert.is_true(ts.lsp.notify(client.id, "x/other"))
    local last = s.messages[#s.messages]
    assert.same({ kind = "notify", method = "x/other" }, { kind = last.kind, method = last.method })
    local found
    for _, m in ipairs(s.messages) do
      if m.method == "workspace/didChangeConfiguration" then found = m end
    end
    assert.same({ settings = { x = 1 } }, found.params)
    s:stop()
    assert.is_false(ts.lsp.notify(client, "x/after"))
    assert.has_error(function() ts.lsp.notify(client, 5) end, nil)
  end)
end)

describe("ts.lsp.wait_for_client", function()
  after_each(cleanup)

  local function autocmds()
    return #vim.api.nvim_get_autocmds({ group = "tsasync.lsp.wait_for_client" })
  end

  it("returns at once when a client is attached", function()
    local buf = buffer()
    local client = server():start(buf)
    local t = ts.run(function() return ts.lsp.wait_for_client(buf) end)
    assert.equal("done", t:status()) -- never suspended
    assert.equal(client.id, select(2, t:result()).id)
  end)

  it("awaits LspAttach; a client of another name does not count", function()
    local buf = buffer()
    local t = ts.run(function() return ts.lsp.wait_for_client(buf, { name = "wanted", timeout = 5000 }) end)
    assert.equal("suspended", t:status())
    server({ name = "other" }):start(buf)
    vim.wait(50)
    assert.equal("suspended", t:status())
    local wanted = server({ name = "wanted" }):start(buf)
    local c = t:wait(2000)
    assert.equal(wanted.id, c.id)
    vim.wait(50)
    assert.equal(0, autocmds())
  end)

  it("times out with an is_timeout error and leaves no autocmd behind", function()
    local buf = buffer()
    local before = timers.pending()
    local ok, err = run(function() return ts.lsp.wait_for_client(buf, { timeout = 20 }) end)
    assert.is_false(ok)
    assert.is_true(ts.is_timeout(err))
    assert.matches("no LSP client attached to buffer " .. buf .. " within 20 ms", tostring(err))
    vim.wait(50, function() return autocmds() == 0 end)
    assert.equal(0, autocmds())
    assert.equal(before, timers.pending())
  end)

  it("cancellation removes the autocmds and the deadline", function()
    local buf = buffer()
    local before = timers.pending()
    local t = ts.run(function() return ts.lsp.wait_for_client(buf, { timeout = 60000 }) end)
    assert.equal(2, autocmds())
    t:cancel()
    assert.equal("cancelled", t:status())
    assert.equal(0, autocmds())
    assert.equal(before, timers.pending())
  end)

  it("raises when the buffer is wiped out meanwhile", function()
    local buf = buffer()
    local t = ts.run(function() return ts.lsp.wait_for_client(buf) end)
    vim.api.nvim_buf_delete(buf, { force = true })
    vim.wait(100, function() return t:is_done() end)
    local ok, err = t:result()
    assert.is_false(ok)
    assert.matches("buffer " .. buf .. " was wiped out", tostring(err))
  end)
end)

describe("ts.lsp flows", function()
  after_each(cleanup)

  local function loc(uri, line) return { uri = uri, range = { start = { line = line, character = 6 }, ["end"] = { line = line, character = 11 } } } end

  it("hover: the cursor position in each client's encoding; non-empty results by client", function()
    local buf = buffer()
    vim.api.nvim_win_set_cursor(0, { 2, 6 })
    local a = server({ capabilities = { hoverProvider = true }, handlers = { ["textDocument/hover"] = function(p, r) r(nil, { contents = "a@" .. p.position.line .. ":" .. p.position.character }) end } })
    local b = server({ capabilities = { hoverProvider = true }, handlers = { ["textDocument/hover"] = function(_, r) r(nil, vim.NIL) end } })
    local ca, cb = a:start(buf), b:start(buf)
    local ok, list, per = run(function() return ts.lsp.hover() end)
    assert.is_true(ok)
    assert.same({ { client_id = ca.id, result = { contents = "a@1:6" } } }, list)
    assert.same({}, per[cb.id])
    assert.equal(vim.uri_from_bufnr(buf), a:requests("textDocument/hover")[1].params.textDocument.uri)
  end)

  it("a flow raises when every client failed", function()
    local buf = buffer()
    server({ capabilities = { hoverProvider = true }, handlers = { ["textDocument/hover"] = function(_, r) r({ code = codes.InternalError, message = "down" }) end } }):start(buf)
    local ok, err = run(function() return ts.lsp.hover(buf) end)
    assert.is_false(ok)
    assert.equal(codes.InternalError, err.code)
  end)

  it("definition and references: quickfix items from every client", function()
    local buf = buffer({ "local alpha = 1", "print(alpha)", "print(alpha)" })
    local uri = vim.uri_from_bufnr(buf)
    local a = server({
      capabilities = { definitionProvider = true, referencesProvider = true },
      handlers = {
        ["textDocument/definition"] = function(_, r) r(nil, loc(uri, 0)) end,
        ["textDocument/references"] = function(p, r) r(nil, { loc(uri, 1), loc(uri, 2), p.context.includeDeclaration and loc(uri, 0) or nil }) end,
      },
    })
    local b = server({
      capabilities = { definitionProvider = true },
      handlers = { ["textDocument/definition"] = function(_, r) r(nil, { { targetUri = uri, targetRange = loc(uri, 0).range, targetSelectionRange = loc(uri, 0).range } }) end },
    })
    a:start(buf)
    b:start(buf)
    local ok, defs, refs = run(function()
      return ts.lsp.definition(buf, { timeout = 1000 }), ts.lsp.references(buf, { include_declaration = false })
    end)
    assert.is_true(ok)
    assert.equal(2, #defs)
    for _, it in ipairs(defs) do
      assert.same({ 1, 7 }, { it.lnum, it.col })
      assert.equal(vim.api.nvim_buf_get_name(buf), it.filename)
    end
    assert.same({ 2, 3 }, { refs[1].lnum, refs[2].lnum })
    assert.equal(2, #refs)
    assert.is_false(a:requests("textDocument/references")[1].params.context.includeDeclaration)
  end)

  it("completion merges CompletionLists and arrays", function()
    local buf = buffer()
    local a = server({ capabilities = { completionProvider = {} }, handlers = { ["textDocument/completion"] = function(_, r) r(nil, { isIncomplete = false, items = { { label = "one" }, { label = "two" } } }) end } })
    local b = server({ capabilities = { completionProvider = {} }, handlers = { ["textDocument/completion"] = function(_, r) r(nil, { { label = "three" } }) end } })
    local ca, cb = a:start(buf), b:start(buf)
    local _, items = run(function() return ts.lsp.completion(buf) end)
    assert.same({
      { client_id = ca.id, item = { label = "one" } },
      { client_id = ca.id, item = { label = "two" } },
      { client_id = cb.id, item = { label = "three" } },
    }, items)
    assert.same({ triggerKind = 1 }, a:requests("textDocument/completion")[1].params.context)
  end)

  it("code_actions sends the range, only and the client's diagnostics", function()
    local buf = buffer()
    local a = server({
      capabilities = { codeActionProvider = true },
      handlers = { ["textDocument/codeAction"] = function(_, r) r(nil, { { title = "fix it", kind = "quickfix" }, { title = "cmd", command = "x" } }) end },
    })
    local ca = a:start(buf)
    local lsp_diag = { range = { start = { line = 0, character = 0 }, ["end"] = { line = 0, character = 5 } }, message = "unused", severity = 2 }
    vim.lsp.diagnostic.on_publish_diagnostics(nil, { uri = vim.uri_from_bufnr(buf), diagnostics = { lsp_diag } }, { client_id = ca.id, method = "textDocument/publishDiagnostics" })
    local _, actions = run(function() return ts.lsp.code_actions(buf, { only = { "quickfix" }, range = { start = { 1, 0 }, ["end"] = { 1, 5 } } }) end)
    assert.same({ { client_id = ca.id, action = { title = "fix it", kind = "quickfix" } }, { client_id = ca.id, action = { title = "cmd", command = "x" } } }, actions)
    local p = a:requests("textDocument/codeAction")[1].params
    assert.same({ "quickfix" }, p.context.only)
    assert.equal("unused", p.context.diagnostics[1].message)
    assert.same({ line = 0, character = 0 }, p.range.start)
  end)

  it("rename returns the edits and applies the first with apply = true", function()
    local buf = buffer({ "local alpha = 1", "print(alpha)" })
    local uri = vim.uri_from_bufnr(buf)
    vim.api.nvim_win_set_cursor(0, { 1, 6 })
    local edit = {
      changes = {
        [uri] = {
          { range = { start = { line = 0, character = 6 }, ["end"] = { line = 0, character = 11 } }, newText = "beta" },
          { range = { start = { line = 1, character = 6 }, ["end"] = { line = 1, character = 11 } }, newText = "beta" },
        },
      },
    }
    local a = server({ capabilities = { renameProvider = true }, handlers = { ["textDocument/rename"] = function(_, r) r(nil, edit) end } })
    local ca = a:start(buf)
    local ok, edits = run(function() return ts.lsp.rename("beta", { apply = true, timeout = 1000 }) end)
    assert.is_true(ok)
    assert.same({ { client_id = ca.id, edit = edit } }, edits)
    assert.equal("beta", a:requests("textDocument/rename")[1].params.newName)
    assert.same({ "local beta = 1", "print(beta)" }, vim.api.nvim_buf_get_lines(buf, 0, -1, false))
    local ok2, e2 = run(function() return ts.lsp.rename("") end)
    assert.is_false(ok2)
    assert.matches("ts.lsp.rename: new_name must be a non%-empty string", tostring(e2))
  end)

  it("a buffer that no window shows needs opts.win", function()
    local shown = buffer()
    local hidden = vim.api.nvim_create_buf(true, false)
    bufs[#bufs + 1] = hidden
    vim.api.nvim_set_current_buf(shown)
    local ok, err = run(function() return ts.lsp.hover(hidden) end)
    assert.is_false(ok)
    assert.matches("is not shown in any window", tostring(err))
  end)
end)
