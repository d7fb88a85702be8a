-- ts.lsp against a real language server: typescript-language-server (+ typescript) from
-- .deps/tsls (installed by `make deps` / `make test`: scripts/get-tsls.sh) on the small project
-- spec/fixtures/tsproject. tsserver needs seconds to start and load a project: the deadlines
-- here are generous, and no assertion depends on timing.
local ts = require("tsasync")
local tracker = require("tsasync.lsp.client")

local root = vim.fn.getcwd()
local tsls_dir = root .. "/.deps/tsls"
local bin = tsls_dir .. "/node_modules/.bin/typescript-language-server"
local project = root .. "/spec/fixtures/tsproject"
local main_ts = project .. "/src/main.ts"
local math_ts = project .. "/src/math.ts"

local function call(c, name, ...)
  if vim.fn.has("nvim-0.11") == 1 then return c[name](c, ...) end
  return c[name](...)
end

describe("ts.lsp with typescript-language-server", function()
  local buf, client, notified
  local orig_notify = vim.notify

  setup(function()
    assert(vim.fn.executable(bin) == 1, bin .. " is not installed: run `make deps` (scripts/get-tsls.sh)")
    vim.cmd.edit(vim.fn.fnameescape(main_ts))
    buf = vim.api.nvim_get_current_buf()
    vim.bo[buf].filetype = "typescript"
    vim.lsp.start({
      name = "tsls",
      cmd = { bin, "--stdio" },
      root_dir = project,
      init_options = { hostInfo = "tsasync-spec", tsserver = { path = tsls_dir .. "/node_modules/typescript/lib" } },
    }, { bufnr = buf })
    client = ts.block_on(function() return ts.lsp.wait_for_client(buf, { name = "tsls", timeout = 60000 }) end, 65000)
  end)

  teardown(function()
    if client then
      call(client, "stop", true)
      vim.wait(5000, function() return vim.lsp.get_client_by_id(client.id) == nil end)
    end
    pcall(vim.api.nvim_buf_delete, buf, { force = true })
  end)

  before_each(function()
    notified = {}
    vim.notify = function(msg, level) notified[#notified + 1] = { msg = msg, level = level } end
  end)
  after_each(function() vim.notify = orig_notify end)

  --- Position of the first `add` call in main.ts (line 3, "const total: number = add(...)").
  local function at_add_call()
    vim.api.nvim_set_current_buf(buf)
    vim.api.nvim_win_set_cursor(0, { 3, 23 })
  end

  it("hover returns tsserver's signature of the function", function()
    at_add_call()
    local function text_of(h)
      local c = h.result.contents
      return type(c) == "table" and (c.value or vim.inspect(c)) or c
    end
    -- while tsserver still loads the project it answers with less (no hover, or "import add"): ask again
    local hovers = ts.block_on(function()
      local list
      for _ = 1, 120 do
        list = ts.lsp.hover(buf, { timeout = 10000, retry = 3 })
        if #list > 0 and text_of(list[1]):find("add(a: number", 1, true) then break end
        ts.sleep(250)
      end
      return list
    end, 60000)
    assert.equal(1, #hovers)
    assert.equal(client.id, hovers[1].client_id)
    local text = text_of(hovers[1])
    assert.matches("add%(a: number, b: number%): number", text)
    assert.matches("Adds two numbers", text)
  end)

  it("definition and a raw request lead to math.ts", function()
    at_add_call()
    local items, per = ts.block_on(function() return ts.lsp.definition(buf, { timeout = 20000 }) end, 25000)
    assert.is_nil(per[client.id].err)
    assert.equal(1, #items)
    assert.equal(math_ts, vim.fs.normalize(items[1].filename))
    assert.equal(2, items[1].lnum) -- "export function add(" is line 2
    local raw = ts.block_on(function()
      local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
      return ts.lsp.request(client, "textDocument/definition", params, { bufnr = buf, timeout = 20000 })
    end, 25000)
    local first = raw[1] or raw
    assert.equal(vim.uri_from_fname(math_ts), first.uri or first.targetUri)
  end)

  it("references from every client, with a deadline", function()
    at_add_call()
    local items = ts.block_on(function() return ts.lsp.references(buf, { timeout = 20000 }) end, 25000)
    -- declaration + use in math.ts, import + two calls in main.ts
    assert.equal(5, #items)
  end)

  it("cancelling a request mid-flight sends $/cancelRequest; no error follows; the server still answers", function()
    at_add_call()
    -- record what the client sends (its RPC object), without changing it
    local sent = {}
    local rpc = client.rpc
    local orig_request, orig_notify_rpc = rpc.request, rpc.notify
    rpc.request = function(method, params, ...)
      local ok, id = orig_request(method, params, ...)
      sent[#sent + 1] = { kind = "request", method = method, id = id }
      return ok, id
    end
    rpc.notify = function(method, params, ...)
      sent[#sent + 1] = { kind = "notify", method = method, params = params }
      return orig_notify_rpc(method, params, ...)
    end
    local t = ts.run(function()
      local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
      params.context = { includeDeclaration = true }
      return ts.lsp.request(client, "textDocument/references", params, { bufnr = buf })
    end)
    assert.equal("suspended", t:status()) -- the answer cannot have arrived: it is delivered on a later loop turn
    t:cancel()
    assert.equal("cancelled", t:status())
    rpc.request, rpc.notify = orig_request, orig_notify_rpc
    local req, cancel
    for _, m in ipairs(sent) do
      if m.kind == "request" and m.method == "textDocument/references" then req = m end
      if m.kind == "notify" and m.method == "$/cancelRequest" then cancel = m end
    end
    assert.is_not_nil(req)
    assert.is_not_nil(cancel)
    assert.same({ id = req.id }, cancel.params)
    assert.equal(0, tracker.pending_count())
    -- whatever the server answers now (RequestCancelled, or the result) is ignored quietly
    local after = ts.block_on(function() ts.sleep(500); return ts.lsp.hover(buf, { timeout = 20000 }) end, 25000)
    assert.equal(1, #after)
    assert.equal("cancelled", t:status())
    for _, n in ipairs(notified) do
      assert.is_true(n.level == nil or n.level < vim.log.levels.WARN, n.msg)
    end
  end)

  it("a timeout mid-flight raises is_timeout and cancels the request at the server", function()
    at_add_call()
    local cancels = {}
    local rpc = client.rpc
    local orig = rpc.notify
    rpc.notify = function(method, params, ...)
      if method == "$/cancelRequest" then cancels[#cancels + 1] = params.id end
      return orig(method, params, ...)
    end
    local ok, err = ts.block_on(function()
      return ts.pcall(ts.lsp.request, client, "workspace/symbol", { query = "add" }, { timeout = 0 })
    end, 10000)
    vim.wait(100, function() return #cancels == 1 end)
    rpc.notify = orig
    assert.is_false(ok)
    assert.is_true(ts.is_timeout(err))
    assert.equal(1, #cancels)
  end)
end)
