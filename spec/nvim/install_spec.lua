-- Install test: clone this repository's HEAD with git into a temp dir, install it from there
-- with Neovim 0.12's vim.pack.add (file:// source) in a fresh Neovim whose XDG dirs are
-- another temp dir (never the user's), then require("tsasync") works and :checkhealth tsasync
-- is clean (spec/fixtures/pack_install.lua runs inside that Neovim).
local root = vim.fn.getcwd()

local function sh(cmd, opts)
  local r = vim.system(cmd, vim.tbl_extend("force", { text = true }, opts or {})):wait(60000)
  assert(r.code == 0, table.concat(cmd, " ") .. " failed (" .. tostring(r.code) .. "):\n" .. (r.stderr or "") .. (r.stdout or ""))
  return vim.trim(r.stdout or "")
end

describe("install with vim.pack", function()
  if vim.pack == nil then
    pending(("vim.pack.add needs Neovim 0.12+ (this is %s): the install test runs in the newest lane"):format(tostring(vim.version())))
    return
  end

  local tmp
  after_each(function()
    if tmp then vim.fn.delete(tmp, "rf") end
  end)

  it("a git clone of HEAD installs with vim.pack.add; require and :checkhealth tsasync are clean", function()
    tmp = vim.fn.tempname()
    vim.fn.mkdir(tmp, "p")
    local rev = sh({ "git", "-C", root, "rev-parse", "HEAD" })
    local clone = tmp .. "/repo"
    sh({ "git", "clone", "-q", root, clone })
    sh({ "git", "-C", clone, "checkout", "-q", rev })
    assert.equal(rev, sh({ "git", "-C", clone, "rev-parse", "HEAD" }))
    local xdg = tmp .. "/xdg"
    local env = {
      XDG_CONFIG_HOME = xdg .. "/config", XDG_DATA_HOME = xdg .. "/data",
      XDG_STATE_HOME = xdg .. "/state", XDG_CACHE_HOME = xdg .. "/cache",
      TSASYNC_SRC = clone, TSASYNC_REV = rev, NVIM_APPNAME = "tsasync-install-test",
    }
    local out = sh({ vim.v.progpath, "--headless", "-u", "NONE", "-i", "NONE", "-l", root .. "/spec/fixtures/pack_install.lua" },
      { env = env, stdin = false })
    local r = vim.json.decode(out:match("[^\n]*$"))
    assert.is_true(r.ok, r.err)
    local installed = xdg .. "/data/tsasync-install-test/site/pack/core/opt/tsasync"
    assert.same({ installed .. "/lua/tsasync/init.lua" }, r.path) -- one copy, the installed one
    assert.equal(rev, r.rev)
    assert.matches("^ran %d+%.%d+", r.result)
    assert.is_true(r.command) -- plugin/tsasync.lua was loaded
    local report = table.concat(r.health, "\n")
    assert.matches("tsasync", report)
    assert.matches("OK tsasync", report)
    assert.matches('OK require%("tsasync"%) resolves to one copy', report)
    assert.not_matches("WARNING", report)
    assert.not_matches("ERROR", report)
  end)
end)
