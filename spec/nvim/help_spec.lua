-- doc/tsasync.txt: generated from the doc comments in src/ (scripts/gen-doc.js, `make doc`);
-- :helptags accepts it, and every public function and method has a tag (`ts.x()`,
-- `ts.mod.x()`, `ts.uv.x()`, `Class:method()`), so `:help` finds all of the API.
local ts = require("tsasync")

local function helptags()
  local d = vim.fn.tempname()
  vim.fn.mkdir(d .. "/doc", "p")
  vim.fn.writefile(vim.fn.readfile(vim.fn.getcwd() .. "/doc/tsasync.txt"), d .. "/doc/tsasync.txt")
  vim.cmd("helptags " .. vim.fn.fnameescape(d .. "/doc")) -- raises on duplicate tags
  local tags = {}
  for _, l in ipairs(vim.fn.readfile(d .. "/doc/tags")) do tags[l:match("^[^\t]+")] = true end
  return tags
end

-- Methods of an object: the functions reachable through its metatable's __index chain.
local function methods(obj)
  local found, seen = {}, {}
  local mt = getmetatable(obj)
  local idx = mt and mt.__index
  while type(idx) == "table" and not seen[idx] do
    seen[idx] = true
    for k, v in pairs(idx) do
      if type(v) == "function" and not k:match("^_") and k ~= "constructor" and k ~= "____constructor" then found[k] = true end
    end
    local m = getmetatable(idx)
    idx = m and m.__index
  end
  local list = vim.tbl_keys(found)
  table.sort(list)
  return list
end

describe("doc/tsasync.txt", function()
  local tags
  setup(function() tags = helptags() end)

  local function missing(names)
    local out = {}
    for _, n in ipairs(names) do
      if not tags[n .. "()"] and not tags[n] then out[#out + 1] = n end
    end
    return out
  end

  it("has a tag for every function of require('tsasync') and of its modules", function()
    local names = {}
    for k, v in pairs(ts) do
      if type(v) == "function" then names[#names + 1] = "ts." .. k
      elseif type(v) == "table" and k:match("^%l") then
        for k2, v2 in pairs(v) do
          if type(v2) == "function" and not k2:match("^_") then names[#names + 1] = "ts." .. k .. "." .. k2 end
        end
      end
    end
    assert.is_true(#names > 50)
    assert.same({}, missing(names))
  end)

  it("has a tag for every method of tasks, futures, channels and primitives", function()
    local objects = {}
    local t = ts.run(function() end)
    objects.Task = t
    objects.Future = ts.Future.new()
    local tx, rx = ts.channel(1)
    objects.Sender, objects.Receiver = tx, rx
    objects.Semaphore = ts.Semaphore.new(1)
    objects.Mutex = ts.Mutex.new()
    objects.Event = ts.Event.new()
    objects.Condvar = ts.Condvar.new()
    objects.Barrier = ts.Barrier.new(1)
    local names = {}
    for class, obj in pairs(objects) do
      for _, m in ipairs(methods(obj)) do names[#names + 1] = class .. ":" .. m end
    end
    assert.is_true(#names > 40)
    assert.same({}, missing(names))
  end)

  it("has an entry for every luv wrapper of ts.uv (the generated list)", function()
    local names = {}
    for name in pairs(ts.uv.specs) do names[#names + 1] = "ts.uv." .. name end
    assert.is_true(#names > 50)
    assert.same({}, missing(names))
  end)

  it("is what scripts/gen-doc.js makes of the doc comments in src/", function()
    local root = vim.fn.getcwd()
    local out = vim.fn.tempname()
    local r = vim.system({ "node", root .. "/scripts/gen-doc.js", out }, { cwd = root }):wait()
    assert.are.equal(0, r.code, r.stderr)
    assert.are.equal(table.concat(vim.fn.readfile(out), "\n"), table.concat(vim.fn.readfile(root .. "/doc/tsasync.txt"), "\n"))
    os.remove(out)
  end)

  it("gen-doc.js rejects a broken doc comment (entry without a section, unknown link)", function()
    local root = vim.fn.getcwd()
    local tmp = vim.fn.tempname()
    vim.fn.mkdir(tmp .. "/scripts", "p")
    vim.fn.writefile(vim.fn.readfile(root .. "/scripts/gen-doc.js"), tmp .. "/scripts/gen-doc.js")
    local function gen(files)
      vim.fn.delete(tmp .. "/src", "rf")
      vim.fn.mkdir(tmp .. "/src/tsasync", "p")
      for name, text in pairs(files) do vim.fn.writefile(vim.split(text, "\n"), tmp .. "/src/tsasync/" .. name) end
      return vim.system({ "node", tmp .. "/scripts/gen-doc.js", "--partial", tmp .. "/out.txt" }):wait()
    end
    local ok = gen({ ["run.ts"] = "/**\n * @section tsasync-tasks\n */\n/**\n * Text.\n * @help ts.run({fn})\n */\nexport function run() {}" })
    assert.are.equal(0, ok.code, ok.stderr)
    local text = table.concat(vim.fn.readfile(tmp .. "/out.txt"), "\n")
    assert.matches("ts.run%(%{fn%}%) +%*ts%.run%(%)%*\n    Text%.", text)
    local r = gen({ ["run.ts"] = "/**\n * Text.\n * @help ts.run({fn})\n */\nexport function run() {}" })
    assert.are_not.equal(0, r.code)
    assert.matches("before any @section marker", r.stderr)
    r = gen({ ["run.ts"] = "/**\n * @section tsasync-tasks\n */\n/**\n * See |ts.nothing()|.\n * @help ts.run({fn})\n */" })
    assert.are.equal(0, r.code) -- --partial: links are not checked
    r = gen({ ["run.ts"] = "/**\n * @section tsasync-nowhere\n */" })
    assert.are_not.equal(0, r.code)
    assert.matches("no such section", r.stderr)
    r = gen({ ["run.ts"] = "/**\n * @section tsasync-tasks\n */\n/**\n * " .. string.rep("x", 80) .. "\n * @help ts.run({fn})\n */" })
    assert.are_not.equal(0, r.code)
    assert.matches("longer than 78 columns", r.stderr)
    vim.fn.delete(tmp, "rf")
  end)

  it("parses as vimdoc without errors (code blocks closed, no broken links or spans)", function()
    local lines = vim.fn.readfile(vim.fn.getcwd() .. "/doc/tsasync.txt")
    local root = vim.treesitter.get_string_parser(table.concat(lines, "\n"), "vimdoc"):parse()[1]:root()
    local bad = {}
    local function walk(node)
      if node:type() == "ERROR" or node:missing() then
        local row = node:range()
        -- the parser always flags the closing modeline (Neovim's own lua.txt too)
        if not (lines[row + 1] or ""):match("^ vim:") then bad[#bad + 1] = (row + 1) .. ": " .. (lines[row + 1] or "") end
      end
      for child in node:iter_children() do walk(child) end
    end
    walk(root)
    assert.same({}, bad)
  end)
end)
