-- ts.fs on the real file system: read/write (atomic), append, stat, exists, mkdir_p, rm_rf,
-- copy, scandir, walk (concurrent).
local ts = require("tsasync")
local uv = vim.uv or vim.loop

local root
before_each(function() root = assert(uv.fs_mkdtemp(vim.fn.tempname() .. "-fsXXXXXX")) end)
after_each(function() vim.fn.delete(root, "rf") end)

local function run(fn, ms) return ts.block_on(fn, ms or 5000) end

describe("ts.fs", function()
  it("write_file then read_file round-trips, also lists of strings and empty files", function()
    local a, b, c = run(function()
      ts.fs.write_file(root .. "/a", "hello\nworld")
      ts.fs.write_file(root .. "/b", { "x", "y", "z" })
      ts.fs.write_file(root .. "/c", "")
      return ts.fs.read_file(root .. "/a"), ts.fs.read_file(root .. "/b"), ts.fs.read_file(root .. "/c")
    end)
    assert.equal("hello\nworld", a)
    assert.equal("xyz", b)
    assert.equal("", c)
  end)

  it("read_file reads files whose size stat does not know (/proc)", function()
    local s = run(function() return ts.fs.read_file("/proc/self/status") end)
    assert.matches("Pid:", s)
  end)

  it("read_file of a large file returns every byte", function()
    local big = string.rep("0123456789abcdef", 65536 * 2) -- 2 MiB
    local got = run(function()
      ts.fs.write_file(root .. "/big", big)
      return ts.fs.read_file(root .. "/big")
    end)
    assert.equal(#big, #got)
    assert.is_true(big == got)
  end)

  it("write_file is atomic: temp file + rename, keeps the mode, leaves no temp file", function()
    local path = root .. "/f"
    vim.fn.writefile({ "old" }, path)
    uv.fs_chmod(path, tonumber("600", 8))
    local ino_before = uv.fs_stat(path).ino
    run(function() ts.fs.write_file(path, "new") end)
    local st = uv.fs_stat(path)
    assert.equal("new", table.concat(vim.fn.readfile(path, "b"), "\n"))
    assert.are_not.equal(ino_before, st.ino) -- a new file was renamed over the old one
    assert.equal(tonumber("600", 8), st.mode % 4096)
    assert.same({ "f" }, vim.fn.readdir(root))
  end)

  it("write_file into a missing directory raises ENOENT and leaves nothing behind", function()
    local ok, err = run(function() return ts.pcall(ts.fs.write_file, root .. "/no/such/f", "x") end)
    assert.is_false(ok)
    assert.equal("ENOENT", err.code)
    assert.same({}, vim.fn.readdir(root))
  end)

  it("append creates and appends", function()
    local s = run(function()
      ts.fs.append(root .. "/log", "a")
      ts.fs.append(root .. "/log", { "b", "c" })
      return ts.fs.read_file(root .. "/log")
    end)
    assert.equal("abc", s)
  end)

  it("stat, exists; stat raises ENOENT as a UvError with the path", function()
    local st, e1, e2, e3, ok, err = run(function()
      ts.fs.write_file(root .. "/x", "12345")
      local ok, err = ts.pcall(ts.fs.stat, root .. "/missing")
      return ts.fs.stat(root .. "/x"), ts.fs.exists(root .. "/x"), ts.fs.exists(root .. "/missing"),
        ts.fs.exists(root .. "/x/under-a-file"), ok, err
    end)
    assert.equal(5, st.size)
    assert.equal("file", st.type)
    assert.is_true(e1)
    assert.is_false(e2)
    assert.is_false(e3)
    assert.is_false(ok)
    assert.is_true(ts.is_uv_error(err))
    assert.equal("ENOENT", err.code)
    assert.equal(root .. "/missing", err.path)
  end)

  it("mkdir_p creates parents, accepts existing directories, refuses a file in the way", function()
    local ok, err = run(function()
      ts.fs.mkdir_p(root .. "/a/b/c/")
      ts.fs.mkdir_p(root .. "/a/b")
      ts.fs.write_file(root .. "/file", "")
      return ts.pcall(ts.fs.mkdir_p, root .. "/file")
    end)
    assert.equal(1, vim.fn.isdirectory(root .. "/a/b/c"))
    assert.is_false(ok)
    assert.equal("EEXIST", err.code)
  end)

  it("rm_rf removes a tree (without following symlinks) and accepts a missing path", function()
    local outside = root .. "/outside"
    vim.fn.mkdir(outside)
    vim.fn.writefile({ "keep" }, outside .. "/keep")
    run(function()
      ts.fs.mkdir_p(root .. "/t/a/b")
      ts.fs.write_file(root .. "/t/a/b/f", "x")
      ts.fs.write_file(root .. "/t/g", "y")
      ts.uv.fs_symlink(outside, root .. "/t/link")
      ts.fs.rm_rf(root .. "/t")
      ts.fs.rm_rf(root .. "/t")
    end)
    assert.equal(0, vim.fn.isdirectory(root .. "/t"))
    assert.equal(1, vim.fn.filereadable(outside .. "/keep"))
  end)

  it("copy copies files and trees (symlinks as symlinks)", function()
    local a, b, l = run(function()
      ts.fs.mkdir_p(root .. "/src/sub")
      ts.fs.write_file(root .. "/src/one", "1")
      ts.fs.write_file(root .. "/src/sub/two", "2")
      ts.uv.fs_symlink("one", root .. "/src/ln")
      ts.fs.copy(root .. "/src", root .. "/dst")
      ts.fs.copy(root .. "/src/one", root .. "/single")
      return ts.fs.read_file(root .. "/dst/sub/two"), ts.fs.read_file(root .. "/single"), ts.uv.fs_readlink(root .. "/dst/ln")
    end)
    assert.same({ "2", "1", "one" }, { a, b, l })
  end)

  it("scandir iterates name, type; raises for a missing directory", function()
    local got, ok, err = run(function()
      ts.fs.mkdir_p(root .. "/d")
      ts.fs.write_file(root .. "/f", "")
      local got = {}
      for name, type in ts.fs.scandir(root) do got[name] = type end
      local ok, err = ts.pcall(ts.fs.scandir, root .. "/nope")
      return got, ok, err
    end)
    assert.same({ d = "directory", f = "file" }, got)
    assert.is_false(ok)
    assert.equal("ENOENT", err.code)
  end)

  it("walk visits every entry below dir exactly once, with any concurrency", function()
    -- 5 levels x 3 dirs each, 2 files per dir
    local want = {}
    local function build(dir, depth)
      for i = 1, 2 do
        local f = dir .. "/f" .. i
        vim.fn.writefile({}, f)
        want[f] = "file"
      end
      if depth == 0 then return end
      for i = 1, 3 do
        local d = dir .. "/d" .. i
        vim.fn.mkdir(d)
        want[d] = "directory"
        build(d, depth - 1)
      end
    end
    build(root, 4)
    local expected = vim.tbl_count(want)
    for _, conc in ipairs({ 1, 4, 64 }) do
      local got, n = run(function()
        local got, n = {}, 0
        for path, type in ts.fs.walk(root, { concurrency = conc }) do
          assert.is_nil(got[path], "twice: " .. path)
          got[path] = type
          n = n + 1
        end
        return got, n
      end)
      assert.equal(expected, n)
      assert.same(want, got)
    end
  end)

  it("walk keeps at most `concurrency` directory reads in flight", function()
    for i = 1, 20 do vim.fn.mkdir(root .. "/d" .. i) end
    local max_inflight = run(function()
      local it = ts.fs.walk(root, { concurrency = 3 })
      local max = 0
      local w -- the walk's state, an upvalue of the iterator
      for i = 1, 5 do
        local _, v = debug.getupvalue(it, i)
        if type(v) == "table" and v.inflight then w = v end
      end
      while true do
        local p = it()
        if w.inflight > max then max = w.inflight end
        if not p then break end
      end
      return max
    end)
    assert.is_true(max_inflight >= 1 and max_inflight <= 3, tostring(max_inflight))
  end)

  it("walk raises for a missing root; validates its options", function()
    local ok, err = run(function()
      local it = ts.fs.walk(root .. "/missing")
      return ts.pcall(it)
    end)
    assert.is_false(ok)
    assert.equal("ENOENT", err.code)
    run(function()
      assert.has_error(function() ts.fs.walk(root, { concurrency = 0 }) end,
        "ts.fs.walk: opts.concurrency must be a positive integer, got 0")
      assert.has_error(function() ts.fs.walk(root, { depth = 1 }) end, 'ts.fs.walk: unknown option "depth"')
    end)
    assert.has_error(function() ts.fs.read_file(42) end, "ts.fs.read_file: path must be a non-empty string, got number")
  end)

  it("cancelling read_file and write_file mid-flight closes their fds and removes the temp file", function()
    local function nfd() return #vim.fn.readdir("/proc/self/fd") end
    vim.fn.writefile({ string.rep("x", 1000) }, root .. "/r")
    local base = nfd()
    for i = 1, 30 do
      local t = ts.run(function()
        ts.fs.read_file(root .. "/r")
        ts.fs.write_file(root .. "/w", string.rep("y", 100000))
      end)
      -- cancel after i loop turns, landing in different awaits each time
      for _ = 1, i % 6 do vim.wait(0) end
      t:cancel()
      pcall(t.wait, t, 2000)
    end
    vim.wait(100, function() return nfd() == base end, 5)
    assert.equal(base, nfd())
    for _, name in ipairs(vim.fn.readdir(root)) do assert.is_nil(name:match("%.tmp$"), name) end
  end)
end)
