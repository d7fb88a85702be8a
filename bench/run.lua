-- bench/run.lua: the benchmark driver (`make bench`).
--
--   nvim --headless --clean -l bench/run.lua
--
-- Runs every case of bench/cases/ in fresh Neovim processes (bench/child.lua), REPS times for
-- each implementation (tsasync, its `{ fast = true }` variant where the case has one, and the
-- hand-written raw baseline), interleaved so that drift in machine load hits all sides alike.
-- Prints the median and the spread (min–max) of each side, the ratio tsasync/raw of the
-- medians, and the verdict for each target; writes the same report to bench/RESULTS.md.
--
-- Environment: BENCH_REPS (default 5), BENCH_CASES (e.g. "1,3,10": only those case numbers;
-- RESULTS.md is then not written unless BENCH_WRITE=1).
local uv = vim.uv
local ROOT = vim.fs.dirname(vim.fs.dirname(vim.fs.normalize(debug.getinfo(1, "S").source:sub(2))))
if not ROOT:match("^/") then ROOT = vim.fs.normalize(uv.cwd() .. "/" .. ROOT) end
local NVIM = vim.v.progpath
local REPS = tonumber(os.getenv("BENCH_REPS") or "") or 5
local ONLY = os.getenv("BENCH_CASES")
if ONLY == "" then ONLY = nil end
local IMPLS = { "ts", "ts_fast", "raw" }

local function log(...)
  io.stderr:write(string.format(...), "\n")
end

-- ---- cases ------------------------------------------------------------------------------

local cases = {}
for name, kind in vim.fs.dir(ROOT .. "/bench/cases") do
  local num = name:match("^(%d+)_.*%.lua$")
  if kind == "file" and num then
    local id = name:gsub("%.lua$", "")
    local keep = ONLY == nil
    for n in (ONLY or ""):gmatch("%d+") do
      if tonumber(n) == tonumber(num) then keep = true end
    end
    if keep then
      local c = dofile(ROOT .. "/bench/cases/" .. name)
      c.id, c.num = id, tonumber(num)
      table.insert(cases, c)
    end
  end
end
table.sort(cases, function(a, b) return a.num < b.num end)

-- ---- fixtures ---------------------------------------------------------------------------

-- Case 4 reads 2,000 files of 1 KiB: made here once, removed at the end.
local function make_files()
  local dir = assert(uv.fs_mkdtemp("/tmp/tsasync-bench-XXXXXX"))
  local data = string.rep("x", 1024)
  for i = 1, 2000 do
    local fd = assert(uv.fs_open(dir .. "/f" .. i, "w", 420))
    assert(uv.fs_write(fd, data, 0))
    assert(uv.fs_close(fd))
  end
  return dir
end

local function remove_files(dir)
  for i = 1, 2000 do
    uv.fs_unlink(dir .. "/f" .. i)
  end
  uv.fs_rmdir(dir)
end

-- ---- running ----------------------------------------------------------------------------

local function run_child(case, impl, dir)
  local cmd = { NVIM, "--headless", "--clean", "--cmd", "set rtp^=" .. ROOT, "-l", ROOT .. "/bench/child.lua", ROOT, case.id, impl }
  local r = vim.system(cmd, { env = { BENCH_DIR = dir }, text = true }):wait(180000)
  local json = (r.stdout or ""):match("BENCH_RESULT (%b{})")
  if r.code ~= 0 or json == nil then
    return { error = string.format("exit %s, signal %s: %s%s", r.code, r.signal, r.stdout or "", r.stderr or "") }
  end
  return vim.json.decode(json)
end

local function median(xs)
  local s = vim.deepcopy(xs)
  table.sort(s)
  local n = #s
  if n % 2 == 1 then return s[(n + 1) / 2] end
  return (s[n / 2] + s[n / 2 + 1]) / 2
end

local function summary(runs)
  local vals = {}
  for _, r in ipairs(runs) do
    vals[#vals + 1] = r.value
  end
  return { median = median(vals), min = math.min(unpack(vals)), max = math.max(unpack(vals)), runs = runs }
end

local function max_field(runs, key)
  local m
  for _, r in ipairs(runs) do
    local v = r[key]
    if type(v) == "boolean" then v = v and 1 or 0 end
    if v ~= nil and (m == nil or v > m) then m = v end
  end
  return m
end

local t_start = uv.hrtime()
local dir = make_files()
local results = {}
local ok, err = pcall(function()
  for _, case in ipairs(cases) do
    local res = { runs = {}, na = nil, errors = {} }
    results[case.id] = res
    local impls = {}
    for _, impl in ipairs(IMPLS) do
      if case.impls[impl] then
        impls[#impls + 1] = impl
        res.runs[impl] = {}
      end
    end
    local t0 = uv.hrtime()
    for rep = 1, REPS do
      for _, impl in ipairs(impls) do
        if not (res.na and res.na[impl]) and not res.errors[impl] then
          local r = run_child(case, impl, dir)
          if r.na then
            res.na = res.na or {}
            res.na[impl] = r.na
          elseif r.error then
            res.errors[impl] = r.error
            log("case %s, %s, run %d FAILED:\n%s", case.id, impl, rep, r.error)
          else
            table.insert(res.runs[impl], r)
          end
        end
      end
    end
    for _, impl in ipairs(impls) do
      if #res.runs[impl] > 0 and not res.errors[impl] then res[impl] = summary(res.runs[impl]) end
    end
    log("case %-18s %5.1f s", case.id, (uv.hrtime() - t0) / 1e9)
  end
end)
remove_files(dir)
if not ok then error(err, 0) end

-- ---- report -----------------------------------------------------------------------------

local function fmt(v)
  if v == nil then return "?" end
  local a = math.abs(v)
  if a >= 1000 then return string.format("%.0f", v) end
  if a >= 100 then return string.format("%.1f", v) end
  if a >= 10 then return string.format("%.2f", v) end
  if a >= 0.01 or a == 0 then return string.format("%.2f", v) end
  return string.format("%.3f", v)
end

local function cell(s)
  if s == nil then return "—" end
  return string.format("%s (%s–%s)", fmt(s.median), fmt(s.min), fmt(s.max))
end

local function limit(tg)
  return tg.label or ("≤ " .. (tg.max == math.floor(tg.max) and string.format("%.1f", tg.max) or tostring(tg.max)))
end

-- Returns ratio text, target text, verdict ("pass"/"MISS"/"n/a"), note.
local function judge(case, res, impl)
  local s, raw = res[impl], res.raw
  local tg = case.target
  if res.na and res.na[impl] then return "—", limit(tg), "n/a", res.na[impl] end
  if res.errors[impl] then return "—", limit(tg), "ERROR", "failed: see the run's output" end
  if s == nil then return "—", "", "n/a", "" end
  local ratio = raw and raw.median ~= 0 and s.median / raw.median or nil
  local rtext = ratio and string.format("%.2f", ratio) or "—"
  if tg.kind == "ratio" then
    return rtext, limit(tg), (ratio and ratio <= tg.max) and "pass" or "MISS", ""
  elseif tg.kind == "max" then
    return "—", tg.label, s.median <= tg.max and "pass" or "MISS", string.format("%s %s retained (median)", fmt(s.median), case.unit)
  elseif tg.kind == "timers" then
    local left = max_field(s.runs, "timers_left")
    local note = string.format("timers left: %d (pending() %d, driver_active() %s, uv.walk %d)", left,
      max_field(s.runs, "pending") or 0, (max_field(s.runs, "driver_active") or 0) == 1 and "true" or "false",
      max_field(s.runs, "walk_active") or 0)
    return rtext, tg.label, left == 0 and "pass" or "MISS", note
  elseif tg.kind == "hops" then
    local hops, turns, calls = max_field(s.runs, "value"), max_field(s.runs, "turns"), max_field(s.runs, "schedule_calls")
    local note = string.format("%d hop(s) (stats.hops), %d `vim.schedule` call(s), wake-ups in %d loop turn(s)", hops, calls, turns)
    return "—", tg.label, (hops == turns and calls == hops and turns >= 1) and "pass" or "MISS", note
  end
  return rtext, "", "?", ""
end

local LABEL = { ts = "tsasync", ts_fast = "tsasync `{ fast = true }`" }

local rows, verdicts, notes = {}, {}, {}
for _, case in ipairs(cases) do
  local res = results[case.id]
  for _, impl in ipairs({ "ts", "ts_fast" }) do
    if case.impls[impl] then
      local ratio, target, verdict, note = judge(case, res, impl)
      local tcell = cell(res[impl])
      if res.na and res.na[impl] then tcell = "n/a (" .. res.na[impl] .. ")" end
      local name = case.title .. (impl == "ts_fast" and ", `{ fast = true }`" or "")
      rows[#rows + 1] = string.format("| %d%s | %s | %s | %s | %s | %s | %s | %s |", case.num, impl == "ts_fast" and "f" or "",
        name, case.unit, tcell, cell(res.raw), ratio, target, verdict)
      verdicts[#verdicts + 1] = string.format("- %d%s %s: **%s**%s", case.num, impl == "ts_fast" and "f" or "", LABEL[impl] == "tsasync" and case.title or (case.title .. ", " .. LABEL[impl]), verdict, note ~= "" and (" — " .. note) or "")
    end
  end
  notes[#notes + 1] = string.format("%d. **%s**", case.num, case.title)
  for _, impl in ipairs(IMPLS) do
    if case.sides[impl] then
      notes[#notes + 1] = string.format("   - %s: %s", impl == "raw" and "raw" or LABEL[impl], case.sides[impl])
    end
  end
end

local function sh(cmd)
  local r = vim.system(cmd, { text = true, cwd = ROOT }):wait()
  return r.code == 0 and vim.trim(r.stdout) or nil
end

local cpus = uv.cpu_info() or {}
local version = vim.version()
local commit = sh({ "git", "rev-parse", "--short", "HEAD" }) or "?"
if (sh({ "git", "status", "--porcelain", "--", "src", "lua", "bench/cases", "bench/child.lua", "bench/util.lua" }) or "") ~= "" then
  commit = commit .. " + uncommitted changes"
end

local out = {}
local function add(s)
  out[#out + 1] = s
end
add("# tsasync benchmark results")
add("")
add("Written by `make bench` (bench/run.lua). Each case runs in a fresh headless Neovim process,")
add(string.format("%d times per side, the sides interleaved; cells show the median and (min–max) of the runs;", REPS))
add("ratio = tsasync median / raw median. Lower is better everywhere.")
add("")
add(string.format("- date: %s", os.date("!%Y-%m-%d %H:%M UTC")))
add(string.format("- Neovim: v%d.%d.%d%s", version.major, version.minor, version.patch,
  version.prerelease and ("-" .. tostring(version.prerelease)) or ""))
add(string.format("- LuaJIT: %s", jit and jit.version or "none"))
add(string.format("- machine: %d cores (%s), %s", #cpus, cpus[1] and vim.trim(cpus[1].model) or "?", sh({ "uname", "-sm" }) or "?"))
add(string.format("- tsasync: commit %s", commit))
add("")
add("| # | case | unit | tsasync | raw | ratio | target | result |")
add("|---|---|---|---|---|---|---|---|")
for _, r in ipairs(rows) do
  add(r)
end
add("")
add("## Targets")
add("")
for _, v in ipairs(verdicts) do
  add(v)
end
add("")
add("## What each side does")
add("")
add("\"Fast event\": a libuv callback, where most `vim.api` calls raise E5560. By default a tsasync task")
add("woken from one continues on the main loop, through one batched `vim.schedule` per loop turn; the raw")
add("callback baselines stay in the fast event (no hop), so rows 3, 4 and 8 compare a main-loop-safe")
add("continuation with one that is not; rows 3f and 4f show tsasync with `{ fast = true }` (no hop).")
add("")
for _, n in ipairs(notes) do
  add(n)
end
-- What was learned while profiling (kept by hand in bench/NOTES.md).
local nf = io.open(ROOT .. "/bench/NOTES.md", "r")
if nf then
  add("")
  local notes = nf:read("*a"):gsub("\n## ", "\n### "):gsub("^# [^\n]*\n", "## Notes\n"):gsub("%s+$", "")
  add(notes)
  nf:close()
end
local report = table.concat(out, "\n") .. "\n"

io.stdout:write(report)
if ONLY == nil or os.getenv("BENCH_WRITE") == "1" then
  local f = assert(io.open(ROOT .. "/bench/RESULTS.md", "w"))
  f:write(report)
  f:close()
  log("written: bench/RESULTS.md (%.0f s in all)", (uv.hrtime() - t_start) / 1e9)
end
local failed = false
for _, res in pairs(results) do
  if next(res.errors) then failed = true end
end
if failed then os.exit(1) end
