-- An in-process LSP server for the specs: vim.lsp.start{ cmd = server.cmd } runs it inside
-- Neovim (Nvim >= 0.10), no process, no JSON. It records every message the client sends, so
-- specs can assert exactly what reached the "server" ($/cancelRequest with the right id, how
-- many times a request was retried, ...).
--
-- It behaves like Neovim's own RPC client would with a real server: replies are delivered on a
-- later main-loop turn (notify-reply callback first, then the handler, both scheduled), and a
-- RequestCancelled error reply never reaches the handler (Neovim's RPC layer drops it).
--
--   local fake = dofile("spec/helpers/fake_lsp.lua")
--   local server = fake.new({
--     capabilities = { hoverProvider = true },
--     handlers = { ["textDocument/hover"] = function(params, reply, id) reply(nil, { contents = "hi" }) end },
--   })
--   local client = server:start(bufnr)             -- started, initialized and attached
--   server.messages                                 -- { { kind = "request"|"notify", id?, method, params } }
--   server:requests("textDocument/hover")           -- the hover requests received, in order
--   server:cancels()                                -- ids of the $/cancelRequest notifications
--
-- A handler that does not call `reply` leaves the request pending ("never answers"). By default
-- a $/cancelRequest for a pending request is acknowledged with a RequestCancelled error (as
-- servers do); `opts.ignore_cancel = true` makes the server ignore it.
local M = {}

local RequestCancelled = -32800
local counter = 0

local Server = {}
Server.__index = Server

function M.new(opts)
  opts = opts or {}
  counter = counter + 1
  local self = setmetatable({
    name = opts.name or ("fake" .. counter),
    capabilities = opts.capabilities or {},
    handlers = opts.handlers or {},
    ignore_cancel = opts.ignore_cancel,
    messages = {},
    replies = {}, -- id -> reply function of requests still pending
    exited = false,
  }, Server)
  self.cmd = function(dispatchers) return self:_rpc(dispatchers) end
  return self
end

function Server:_rpc(dispatchers)
  local closing = false
  local next_id = 0
  local function exit()
    if self.exited then return end
    closing, self.exited = true, true
    vim.schedule(function() dispatchers.on_exit(0, 15) end)
  end
  self.exit = exit
  return {
    request = function(method, params, callback, notify_reply_callback)
      if closing then return false end
      next_id = next_id + 1
      local id = next_id
      table.insert(self.messages, { kind = "request", id = id, method = method, params = params })
      local answered = false
      local function reply(err, result)
        if answered or closing then return end
        answered = true
        self.replies[id] = nil
        vim.schedule(function()
          if notify_reply_callback then notify_reply_callback(id) end
        end)
        if err and err.code == RequestCancelled then return end -- dropped by Neovim's RPC layer
        vim.schedule(function() callback(err, result) end)
      end
      self.replies[id] = reply
      if method == "initialize" then
        reply(nil, { capabilities = self.capabilities, serverInfo = { name = self.name } })
      elseif method == "shutdown" then
        reply(nil, vim.NIL)
      elseif self.handlers[method] then
        self.handlers[method](params, reply, id)
      else
        reply({ code = -32601, message = "fake server: no handler for " .. method })
      end
      return true, id
    end,
    notify = function(method, params)
      if closing then return false end
      table.insert(self.messages, { kind = "notify", method = method, params = params })
      if method == "$/cancelRequest" and not self.ignore_cancel then
        local reply = self.replies[params.id]
        if reply then reply({ code = RequestCancelled, message = "cancelled" }) end
      elseif method == "exit" then
        exit()
      end
      return true
    end,
    is_closing = function() return closing end,
    terminate = exit,
  }
end

--- Starts a client for this server attached to `bufnr` and waits until it is initialized.
function Server:start(bufnr)
  local id = vim.lsp.start({
    name = self.name,
    cmd = self.cmd,
    root_dir = vim.fn.getcwd(),
  }, { bufnr = bufnr, reuse_client = function() return false end })
  assert(id, "vim.lsp.start failed")
  local client = vim.lsp.get_client_by_id(id)
  assert(vim.wait(2000, function() return client.initialized and client.attached_buffers[bufnr] ~= nil end), "fake client did not attach")
  self.client = client
  return client
end

--- The requests received for `method`, in order.
function Server:requests(method)
  local list = {}
  for _, m in ipairs(self.messages) do
    if m.kind == "request" and m.method == method then list[#list + 1] = m end
  end
  return list
end

--- The ids of the $/cancelRequest notifications received, in order.
function Server:cancels()
  local ids = {}
  for _, m in ipairs(self.messages) do
    if m.kind == "notify" and m.method == "$/cancelRequest" then ids[#ids + 1] = m.params.id end
  end
  return ids
end

--- Stops the client with force and waits until it is gone.
function Server:stop()
  local c = self.client
  if not c then return end
  if vim.fn.has("nvim-0.11") == 1 then c:stop(true) else c.stop(true) end
  vim.wait(2000, function() return vim.lsp.get_client_by_id(c.id) == nil end)
end

--- A scratch buffer with a file name (LSP attaches to named buffers) shown in the current window.
function M.buffer(lines, ext)
  local buf = vim.api.nvim_create_buf(true, false)
  vim.api.nvim_buf_set_name(buf, vim.fn.tempname() .. (ext or ".txt"))
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines or { "local alpha = 1", "print(alpha)" })
  vim.api.nvim_set_current_buf(buf)
  return buf
end

return M
