-- Randomised scenarios for the core (no vim.*: runs on LuaJIT and PUC Lua 5.1 + luv).
--
--   local scenario = require("spec.helpers.scenario")
--   local r = scenario.run(seed)        -- r.violations: list of strings (empty when all held)
--
-- A scenario is a random tree of tasks. Each task draws its program from a private PRNG seeded
-- from its parent's (so the program of every task depends on the seed only, not on the
-- interleaving): sleeps, checkpoints, sends/receives on channels (ts.channel), try_send/
-- try_recv, ts.select over recv/send/future/timeout/default cases, semaphore sections
-- (acquire/release and Semaphore:with), awaiting futures and resolving/rejecting them, spawning
-- children (some detached, some observed with on_complete), awaiting its children, failing,
-- cancelling another task of the scenario, ts.timeout / ts.move_on_after / ts.pcall around a
-- nested program. A "closer" task closes every channel and settles every future after a
-- random delay and cancels what is left once nothing can make progress (no deadline pending,
-- no task ready): programs may deadlock legitimately (a task holding a permit awaits a child
-- that wants it); the cancellation must then end every task.
--
-- Invariants checked after each scenario (each broken one adds a line to r.violations):
--  1. every task ended exactly once, with a final status (counted by a finalizer that does
--     not observe errors), and every on_complete callback ran exactly once with the same outcome;
--  2. every failure that ended a task (its root cause) was observed by the program (await,
--     pawait, ts.pcall, on_complete, select) or reported to on_unhandled; on_unhandled saw each
--     task at most once and only failed ones; no failure is a raw runtime error (every error
--     the program raises is a unique table; channel-closed errors are expected);
--  3. every message sent (send returned, try_send true, select send case chosen) was received
--     exactly once or is still queued; none that was not sent was ever received;
--  4. a semaphore never has more holders than permits, and all permits are back at the end;
--  5. no pending deadline, no live task (compared with the count before the scenario).
local ts = require("tsasync")
local task_mod = require("tsasync.task")
local timers = require("tsasync.timers")
local scheduler = require("tsasync.scheduler")
local errors = require("tsasync.errors")

local M = {}

-- ---- deterministic PRNG ----------------------------------------------------------------------
-- Park-Miller "minimal standard" generator: every intermediate value stays below 2^53, so
-- doubles compute it exactly on LuaJIT and PUC Lua alike (math.random differs between them).
local Rng = {}
Rng.__index = Rng

function M.rng(seed)
  return setmetatable({ s = seed % 2147483646 + 1 }, Rng)
end

function Rng:next()
  self.s = (self.s * 16807) % 2147483647
  return self.s
end

--- integer in [a, b]
function Rng:int(a, b)
  return a + self:next() % (b - a + 1)
end

function Rng:chance(p)
  return self:next() < p * 2147483647
end

function Rng:pick(list)
  return list[self:int(1, #list)]
end

--- a PRNG for a child, drawn from this one
function Rng:fork()
  return M.rng(self:next())
end

-- ---- the scenario -----------------------------------------------------------------------------

local OPS = {
  "sleep", "sleep", "checkpoint", "send", "send", "send", "recv", "recv", "recv", "try", "select",
  "select", "sem", "with", "await_future", "settle_future", "spawn", "spawn", "spawn", "spawn",
  "spawn", "await_child", "await_child", "fail", "cancel", "timeout", "move_on", "pcall", "sleep",
  "recv", "send",
}

local function boom(env, what)
  env.nboom = env.nboom + 1
  return setmetatable({ boom = env.nboom, what = what }, {
    __tostring = function(b)
      return "boom " .. b.boom .. " (" .. b.what .. ")"
    end,
  })
end

-- Record that the program saw error `e` (observed its root cause).
local function observe(env, e)
  env.observed[errors.root_cause(e)] = true
end

-- A channel-closed send failure (expected after the closer ran) becomes a boom; cancellation
-- and other errors are raised unchanged (string errors are caught by invariant 2).
local function closed_to_boom(env, e)
  if type(e) == "string" and e:find("closed", 1, true) then return boom(env, "send on closed channel") end
  return e
end

local run_ops -- forward

local function recv_value(env, v)
  if v == nil then return end
  env.recvd[v] = (env.recvd[v] or 0) + 1
  if not env.sent[v] then
    env.recv_unsent = env.recv_unsent + 1
  end
end

local function new_msg(env)
  env.nmsg = env.nmsg + 1
  return env.nmsg
end

-- One operation of a task's program.
local function op(env, me, rng, depth)
  local kind = rng:pick(OPS)
  env.ops[kind] = (env.ops[kind] or 0) + 1
  if env.trace then env.trace[#env.trace + 1] = ("s%d d%d %s"):format(me.id, depth, kind); if env.trace_live then io.stderr:write(env.trace[#env.trace], "\n") end end
  if kind == "sleep" then
    ts.sleep(rng:int(0, 2))
  elseif kind == "checkpoint" then
    ts.checkpoint()
  elseif kind == "send" then
    local ch = rng:pick(env.chans)
    local id = new_msg(env)
    local ok, e = ts.pcall(ch.tx.send, ch.tx, id)
    if ok then
      env.sent[id] = true
    elseif not ts.is_cancelled(e) then
      error(closed_to_boom(env, e), 0)
    else
      error(e, 0)
    end
  elseif kind == "recv" then
    local ch = rng:pick(env.chans)
    recv_value(env, ch.rx:recv())
  elseif kind == "try" then
    local ch = rng:pick(env.chans)
    if rng:chance(0.5) then
      local id = new_msg(env)
      if ch.tx:try_send(id) then env.sent[id] = true end
    else
      local ok, v = ch.rx:try_recv()
      if ok then recv_value(env, v) end
    end
  elseif kind == "select" then
    local cases, what = {}, {}
    for _ = 1, rng:int(1, 3) do
      local c = rng:int(1, 4)
      if c == 1 then
        cases[#cases + 1] = { recv = rng:pick(env.chans).rx }
        what[#cases] = "recv"
      elseif c == 2 then
        local id = new_msg(env)
        cases[#cases + 1] = { send = rng:pick(env.chans).tx, value = id }
        what[#cases] = id
      elseif c == 3 then
        cases[#cases + 1] = { future = rng:pick(env.futs) }
        what[#cases] = "future"
      else
        cases[#cases + 1] = { timeout = rng:int(0, 2) }
        what[#cases] = "timeout"
      end
    end
    if rng:chance(0.2) then
      cases[#cases + 1] = { default = true }
      what[#cases] = "default"
    end
    local res = { ts.pcall(ts.select, cases) }
    if not res[1] then
      local e = res[2]
      if ts.is_cancelled(e) then error(e, 0) end
      -- a future case raised its error (observed here), or a send case hit a closed channel
      observe(env, e)
      error(closed_to_boom(env, e), 0)
    end
    local i = res[2]
    local w = what[i]
    if w == "recv" then
      recv_value(env, res[3])
    elseif type(w) == "number" then
      env.sent[w] = true
    end
  elseif kind == "sem" or kind == "with" then
    local s = rng:pick(env.sems)
    local prog = rng:fork()
    local function section()
      s.held = s.held + 1
      if s.held > s.n then env.violations[#env.violations + 1] = ("semaphore of %d has %d holders"):format(s.n, s.held) end
      local ok, e = ts.pcall(run_ops, env, me, prog, depth + 1, 2)
      s.held = s.held - 1
      if not ok then error(e, 0) end
    end
    if kind == "with" then
      s.sem:with(section)
    else
      s.sem:acquire()
      local ok, e = ts.pcall(section)
      s.sem:release()
      if not ok then error(e, 0) end
    end
  elseif kind == "await_future" then
    local f = rng:pick(env.futs)
    local res = { f:pawait() }
    if not res[1] then observe(env, res[2]) end
  elseif kind == "settle_future" then
    local f = rng:pick(env.futs)
    if not f:is_done() then
      if rng:chance(0.5) then f:resolve(1) else f:reject(boom(env, "future rejected")) end
    end
  elseif kind == "spawn" then
    if env.ntasks < env.max_tasks and depth < 4 then
      local detach = rng:chance(0.15)
      local child = M.spawn(env, rng:fork(), depth + 1, detach)
      me.kids[#me.kids + 1] = child
    end
  elseif kind == "await_child" then
    if #me.kids > 0 then
      local c = rng:pick(me.kids)
      local res = { c.task:pawait() }
      if not res[1] then observe(env, res[2]) end
    end
  elseif kind == "fail" then
    error(boom(env, "task failed"), 0)
  elseif kind == "cancel" then
    -- mostly a task other than the root (cancelling the root ends the whole scenario)
    local victim = env.tasks[(#env.tasks > 1 and rng:chance(0.9)) and rng:int(2, #env.tasks) or 1]
    if victim and victim.task then victim.task:cancel("scenario") end
  elseif kind == "timeout" or kind == "move_on" then
    local prog = rng:fork()
    local ms = rng:int(0, 3)
    if kind == "timeout" then
      ts.timeout(ms, run_ops, env, me, prog, depth + 1, 3)
    else
      ts.move_on_after(ms, run_ops, env, me, prog, depth + 1, 3)
    end
  elseif kind == "pcall" then
    local ok, e = ts.pcall(run_ops, env, me, rng:fork(), depth + 1, 3)
    if not ok then
      if ts.is_cancelled(e) then error(e, 0) end
      observe(env, e)
    end
  end
end

function run_ops(env, me, rng, depth, max)
  local n = rng:int(1, max)
  if depth >= 6 then n = 1 end
  if depth == 0 then n = n + 10 end
  for _ = 1, n do
    op(env, me, rng, depth)
  end
end

-- Starts a task of the scenario (a child of the running task unless detached or outside tasks).
function M.spawn(env, rng, depth, detach)
  env.ntasks = env.ntasks + 1
  local rec = { id = env.ntasks, ended = 0, kids = {}, completes = 0, detach = detach }
  env.tasks[#env.tasks + 1] = rec
  local observe_it = rng:chance(0.3)
  local t
  if rng:chance(0.4) then
    -- a resilient task: catches its program's failures (observing them) and runs another
    t = ts.run({ name = "s" .. rec.id, detach = detach or nil }, function()
      for _ = 1, rng:int(2, 4) do
        local ok, e = ts.pcall(run_ops, env, rec, rng, depth, 5)
        if not ok then
          if ts.is_cancelled(e) then error(e, 0) end
          observe(env, e)
        end
      end
    end)
  else
    t = ts.run({ name = "s" .. rec.id, detach = detach or nil }, run_ops, env, rec, rng, depth, 5)
  end
  rec.task = t
  rec.parent_name = t.parent and t.parent.name or "-"
  if t:is_done() then
    rec.ended, rec.status = 1, t:status() -- finished before we could attach a finalizer
  else
    task_mod.on_finish(t, env, function(tt)
      rec.ended = rec.ended + 1
      rec.status = tt:status()
    end)
  end
  if observe_it then
    rec.observed_cb = true
    t:on_complete(function(ok, e)
      rec.completes = rec.completes + 1
      rec.complete_ok = ok
      if not ok then observe(env, e) end
    end)
  end
  return rec
end

local function flush_loop()
  -- two main-loop turns: unhandled errors are reported on the turn after the failure
  for _ = 1, 2 do
    ts.block_on(function() ts.schedule() end, 1000)
  end
end

--- Runs the scenario of `seed`; returns { violations = {...}, counts = {...} }.
function M.run(seed, opts)
  opts = opts or {}
  local rng = M.rng(seed)
  local env = {
    seed = seed,
    chans = {}, sems = {}, futs = {}, tasks = {}, ntasks = 0, max_tasks = opts.max_tasks or 25,
    nmsg = 0, sent = {}, recvd = {}, recv_unsent = 0,
    nboom = 0, observed = {}, reported = {}, reported_tasks = {},
    violations = {}, ops = {}, trace = opts.trace and {} or nil, trace_live = opts.trace_live,
  }
  for _ = 1, rng:int(1, 3) do
    local cap = rng:pick({ -1, 0, 1, 2, 4 })
    local tx, rx = ts.channel(cap >= 0 and cap or nil)
    env.chans[#env.chans + 1] = { tx = tx, rx = rx }
  end
  for _ = 1, rng:int(1, 2) do
    local n = rng:int(1, 3)
    env.sems[#env.sems + 1] = { sem = ts.Semaphore.new(n), n = n, held = 0 }
  end
  for _ = 1, rng:int(1, 3) do
    env.futs[#env.futs + 1] = ts.Future.new()
  end

  local live0 = task_mod.task_counts().live
  local prev = ts.config().on_unhandled
  ts.config({
    on_unhandled = function(err, t)
      env.reported_tasks[t] = (env.reported_tasks[t] or 0) + 1
      local rc = errors.root_cause(err)
      env.reported[rc] = (env.reported[rc] or 0) + 1
    end,
  })

  -- The closer: closes the channels and settles the futures once every task is blocked (or,
  -- in some scenarios, after a random number of loop turns), and cancels what is still
  -- blocked after that; some scenarios also cancel the root at a random turn.
  local close_turn = rng:chance(0.3) and rng:int(1, 20) or math.huge
  local cancel_turn = rng:chance(0.2) and rng:int(1, 20) or math.huge
  local root = M.spawn(env, rng:fork(), 0, true)
  local closer = ts.run({ name = "closer", detach = true }, function()
    local closed, idle, turn = false, 0, 0
    while true do
      ts.sleep(0)
      turn = turn + 1
      local live = false
      for _, r in ipairs(env.tasks) do
        if not r.task:is_done() then live = true break end
      end
      if not live then break end
      if turn == cancel_turn then root.task:cancel("closer") end
      if timers.pending() == 0 and scheduler.ready_count() == 0 then idle = idle + 1 else idle = 0 end
      if not closed and (idle >= 2 or turn >= close_turn) then
        closed, idle = true, 0
        for _, ch in ipairs(env.chans) do ch.tx:close() end
        for _, f in ipairs(env.futs) do
          if not f:is_done() then f:resolve(0) end
        end
      elseif idle >= 2 then
        idle = 0
        env.deadlocks = (env.deadlocks or 0) + 1
        for _, r in ipairs(env.tasks) do r.task:cancel("deadlock") end
      end
    end
  end)
  local ok, err = pcall(closer.wait, closer, opts.limit_ms or 5000)
  flush_loop()
  ts.config({ on_unhandled = prev or false })
  local V = env.violations
  if not ok then
    V[#V + 1] = "scenario did not end: " .. tostring(err)
    for _, r in ipairs(env.tasks) do
      if not r.task:is_done() then V[#V + 1] = ("  task s%d %s waiting on %s"):format(r.id, r.task:status(), r.task:waiting_on()) end
    end
    return { violations = V, env = env }
  end

  -- 1. ended exactly once; on_complete exactly once with the same outcome
  local nfailed = 0
  for _, r in ipairs(env.tasks) do
    local st = r.task:status()
    if r.ended ~= 1 then V[#V + 1] = ("task s%d ended %d times (status %s)"):format(r.id, r.ended, st) end
    if r.status ~= st then V[#V + 1] = ("task s%d ended as %s but reports %s"):format(r.id, tostring(r.status), st) end
    if st ~= "done" and st ~= "failed" and st ~= "cancelled" then V[#V + 1] = ("task s%d not final: %s"):format(r.id, st) end
    if r.observed_cb and (r.completes ~= 1 or r.complete_ok ~= (st == "done")) then
      V[#V + 1] = ("task s%d: on_complete ran %d times (ok=%s) for status %s"):format(r.id, r.completes, tostring(r.complete_ok), st)
    end
    -- 2. every failure observed or reported
    if st == "failed" then
      nfailed = nfailed + 1
      local _, e = r.task:result()
      local rc = errors.root_cause(e)
      if type(rc) ~= "table" then
        V[#V + 1] = ("task s%d failed with a raw error: %s"):format(r.id, tostring(e))
      elseif not env.observed[rc] and not env.reported[rc] then
        V[#V + 1] = ("task s%d: failure %s was neither observed nor reported"):format(r.id, tostring(rc))
      end
    end
  end
  for t, n in pairs(env.reported_tasks) do
    if n ~= 1 then V[#V + 1] = ("%s reported %d times"):format(tostring(t), n) end
    if t:status() ~= "failed" then V[#V + 1] = ("%s reported but its status is %s"):format(tostring(t), t:status()) end
  end
  -- 3. messages: sent once = received once or still queued
  local queued = {}
  for _, ch in ipairs(env.chans) do
    while true do
      local got, v = ch.rx:try_recv()
      if not got then break end
      if v ~= nil then queued[v] = (queued[v] or 0) + 1 end
    end
  end
  for id = 1, env.nmsg do
    local want = env.sent[id] and 1 or 0
    local have = (env.recvd[id] or 0) + (queued[id] or 0)
    if have ~= want then
      V[#V + 1] = ("message %d: sent %d, received %d, queued %d"):format(id, want, env.recvd[id] or 0, queued[id] or 0)
    end
  end
  -- 4. permits
  for i, s in ipairs(env.sems) do
    if s.sem:available() ~= s.n or s.held ~= 0 then
      V[#V + 1] = ("semaphore %d: %d of %d permits available, %d holders at the end"):format(i, s.sem:available(), s.n, s.held)
    end
  end
  -- 5. nothing left behind
  if timers.pending() ~= 0 then V[#V + 1] = ("%d deadline(s) pending after the scenario"):format(timers.pending()) end
  local live = task_mod.task_counts().live
  if live ~= live0 then V[#V + 1] = ("%d live task(s) after the scenario (baseline %d)"):format(live, live0) end
  local nrep = 0
  for _ in pairs(env.reported_tasks) do nrep = nrep + 1 end
  return {
    violations = V,
    env = env,
    counts = { tasks = env.ntasks, messages = env.nmsg, failed = nfailed, reported = nrep, deadlocks = env.deadlocks or 0 },
  }
end

--- Runs `n` scenarios from seed `first`; returns totals and the failing seeds with their violations.
function M.batch(first, n, opts)
  local totals = { scenarios = 0, tasks = 0, messages = 0, failed = 0, reported = 0, deadlocks = 0 }
  local failures = {}
  for seed = first, first + n - 1 do
    local r = M.run(seed, opts)
    totals.scenarios = totals.scenarios + 1
    if r.counts then
      for k, v in pairs(r.counts) do totals[k] = totals[k] + v end
    end
    if #r.violations > 0 then
      failures[#failures + 1] = { seed = seed, violations = r.violations }
      if opts and opts.stop_after and #failures >= opts.stop_after then break end
    end
  end
  return totals, failures
end

function M.describe_failures(failures)
  local lines = {}
  for _, f in ipairs(failures) do
    lines[#lines + 1] = ("seed %d:"):format(f.seed)
    for i = 1, math.min(#f.violations, 8) do lines[#lines + 1] = "  " .. f.violations[i] end
  end
  return table.concat(lines, "\n")
end

return M
