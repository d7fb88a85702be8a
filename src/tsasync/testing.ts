/**
 * @section tsasync-testing
 * A kit for busted specs of code built on tsasync. It works with real busted
 * run by `nvim -l` (or any busted in Neovim), and on plain Lua 5.1 / LuaJIT
 * with luv: loading it touches no `vim.*`.
 *
 * ```lua
 * -- spec/my_plugin_spec.lua
 * local ts = require("tsasync")
 * local T = ts.testing
 *
 * describe("my plugin", function()
 *   T.check_leaks()                     -- no task/timer/handle/fd left
 *
 *   T.it("refreshes once per burst", function()
 *     local clock = T.clock()           -- nothing on the timer heap fires
 *     local n = 0
 *     local refresh = ts.debounce(200, function() n = n + 1 end)
 *     refresh(); clock:advance(150); refresh()
 *     clock:advance(199); assert.equal(0, n)
 *     clock:advance(1);   assert.equal(1, n)
 *     clock:restore()
 *   end, { timeout = 1000 })
 *
 *   T.it("loads the file", function()   -- the body is a task: it may await
 *     assert.truthy(ts.fs.read_file("README.md"))
 *   end)
 * end)
 * ```
 */
import { await_cb, check_ms } from "./await";
import { root_cause } from "./errors";
import { tree } from "./inspect";
import { own_handles, runtime } from "./runtime";
import { ready_count } from "./scheduler";
import * as timers from "./timers";
import { Task, current_task, err_of, fin, spawn, task_counts, yield_now } from "./task";
import { stats as uv_stats } from "./uv/track";

type Body = (this: void) => unknown;
type BustedIt = (this: void, name: string, fn?: Body) => unknown;
type BustedHook = (this: void, fn: Body) => unknown;

/** Default real-time limit of a test body run by `ts.testing.it`, in milliseconds. */
export const DEFAULT_TIMEOUT = 5000;
/** How long a timed-out test's task gets to unwind after it is cancelled. */
const UNWIND_MS = 1000;
/** Most deadlines one `advance`/`run_all` fires, and most yields one settle makes. */
const LIMIT = 100000;

/** Options of `ts.testing.it`. */
export interface ItOptions {
  /** Real-time limit of the body in milliseconds (default 5000). */
  timeout?: number;
}

function check_opts(fname: string, opts: unknown, keys: string[], level: number): void {
  if (opts === undefined) return;
  if (type(opts) !== "table") error(`${fname}: opts must be a table, got ${type(opts)}`, level);
  for (const [k, v] of pairs(opts as object)) {
    if (!keys.includes(k as string)) error(`${fname}: unknown option "${tostring(k)}"`, level);
    if (type(v) !== "number" || v !== v || (v as number) < 0 || v === math.huge) {
      error(`${fname}: opts.${tostring(k)} must be a non-negative finite number, got ${tostring(v)}`, level);
    }
  }
}

/** True for a function or a table with `__call`. */
function callable(f: unknown): boolean {
  return type(f) === "function" || getmetatable(f)?.__call !== undefined;
}

/** `busted`'s function `key` from a spec file's environment (or `_G`), checked. */
function busted_fn(env: unknown, key: string, fname: string): (this: void, ...args: any[]) => unknown {
  let f: unknown;
  if (type(env) === "table") f = (env as Record<string, unknown>)[key];
  f ??= (_G as Record<string, unknown>)[key];
  if (!callable(f)) {
    error(`${fname}: busted's ${key} not found in the caller's environment nor in _G (call it from a spec file, or use ts.testing.wrap(it))`, 3);
  }
  return f as (this: void, ...args: any[]) => unknown;
}

// ---- it -------------------------------------------------------------------------------------

/** The rows of the task tree under `t` (t's own row first), as `ts.inspect.tree()` shows them. */
function subtree(t: Task): Array<{ task: Task; text: string }> {
  const rows = tree();
  const out: Array<{ task: Task; text: string }> = [];
  let depth = -1;
  for (const r of rows) {
    if (depth < 0) {
      if (r.task === t) {
        depth = r.depth;
        out.push(r);
      }
    } else if (r.depth > depth) out.push(r);
    else break;
  }
  if (out.length === 0) out.push({ task: t, text: `${t.name}  [${t.status()}]  waiting on: ${t.waiting_on()}  (${t.site()})` });
  return out;
}

/** What a hanging test is doing: its task tree, then the traceback of each suspended task. */
function hang_report(name: string, t: Task, ms: number): string {
  const rows = subtree(t);
  const lines = [`ts.testing.it: test "${name}" did not finish within ${ms} ms; its task waits on: ${t.waiting_on()}`, "tasks:"];
  for (const r of rows) lines.push(`  ${r.text}`);
  for (let i = 0; i < rows.length && i < 10; i++) {
    const task = rows[i].task;
    if (!task.is_done()) lines.push(task.traceback());
  }
  if (rows.length > 10) lines.push(`(tracebacks of ${rows.length - 10} more tasks left out)`);
  return lines.join("\n");
}

/** Raises a failed test task's error: busted failures and pendings keep their kind. */
function raise_task_error(t: Task): never {
  const err = err_of(t);
  const root = root_cause(err);
  const mt = getmetatable(root) as { __type?: unknown } | undefined;
  if (type(root) === "table" && mt !== undefined) {
    if (mt.__type === "pending") return error(root, 0);
    // A busted failure (a failed assertion): stays a failure, with the task's context added.
    if (mt.__type === "failure") return error(setmetatable({ message: tostring(err) }, mt as LuaMetatable<object>), 0);
  }
  return error(err, 0);
}

function run_body(name: string, fn: Body, ms: number): void {
  const outer = active;
  const t = spawn({ name: `test: ${name}`, detach: true }, fn);
  t.observed = true; // its error fails the test: never reported as unhandled
  const [done, why] = runtime.wait(ms, () => fin(t) !== undefined);
  // A clock the body installed and left: time goes back to normal for the next test.
  if (active !== undefined && active !== outer) active.restore();
  if (!done) {
    const info = debug.getinfo(fn, "S");
    const where = info !== undefined ? `${info.short_src}:${info.linedefined}: ` : "";
    const report = where + (why === "interrupted" ? `ts.testing.it: test "${name}" interrupted` : hang_report(name, t, ms));
    t.cancel(`ts.testing.it: the test did not finish within ${ms} ms`);
    runtime.wait(UNWIND_MS, () => fin(t) !== undefined);
    error(fin(t) === undefined ? `${report}\n(the task did not unwind within ${UNWIND_MS} ms of its cancellation)` : report, 0);
  }
  if (fin(t) === "done") return;
  raise_task_error(t);
}

/**
 * Checks the arguments and returns the body busted runs; nil for a test without a body
 * (busted's pending test). Callers tail-call busted's `it` with it: busted records the frame
 * that called its `it` as the test's location, which then is the spec file (LuaJIT).
 */
function body_of(fname: string, name: unknown, fn: unknown, opts: ItOptions | undefined): Body | undefined {
  if (type(name) !== "string") error(`${fname}: name must be a string, got ${type(name)}`, 3);
  if (fn === undefined) return undefined;
  if (type(fn) !== "function") error(`${fname}: fn must be a function, got ${type(fn)}`, 3);
  check_opts(fname, opts, ["timeout"], 4);
  const ms = opts?.timeout ?? DEFAULT_TIMEOUT;
  return () => {
    if (current_task() !== undefined) error(`${fname}: the test runs inside a task (busted must call it from plain code)`, 0);
    run_body(name as string, fn as Body, ms);
  };
}

/**
 * busted's `it`, with {fn} run as a task under a real-time limit of
 * `opts.timeout` milliseconds (default 5000). The body may suspend
 * (|ts.sleep()|, |Task:await()|, ...). When it does not finish in time,
 * the test fails with the test task's tree (name, status, what each task
 * waits on, where it started, as |ts.inspect.tree()| shows it) and the
 * traceback of every suspended task in it (|Task:traceback()|), located at
 * the body's first line; then the task is cancelled (it gets 1 s to
 * unwind). An error raised by the body fails the test with the task's
 * context (message, task name, start site, traceback); a failed
 * assertion stays a busted failure, `pending()` stays pending; the error
 * is never also reported as unhandled. A virtual clock the body installed
 * and left is restored when the body ends. Without {fn} it is busted's
 * pending test.
 * busted defines `it` in each spec file's environment, not in `_G`:
 * `ts.testing.it` reads it from the caller's environment (`getfenv(2)`),
 * else from `_G`, else raises (use |ts.testing.wrap()| there). A body
 * that never suspends (a busy loop) cannot be interrupted: scheduling is
 * cooperative. On PUC Lua, busted prints the test's location as
 * "(tail call)"; LuaJIT shows the spec line.
 * @help ts.testing.it({name}, {fn} [, {opts}])
 */
export function it(this: void, name: string, fn?: Body, opts?: ItOptions): unknown {
  const env = getfenv(2) as unknown;
  const busted_it = busted_fn(env, "it", "ts.testing.it");
  const body = body_of("ts.testing.it", name, fn, opts);
  return busted_it(name, body);
}

/**
 * Returns a `ts.testing.it` bound to the busted `it` given, for code whose
 * environment does not hold busted's functions (a helper module).
 * ```lua
 * local tit = ts.testing.wrap(it)
 * ```
 * @help ts.testing.wrap({it})
 */
export function wrap(this: void, busted_it: BustedIt): (this: void, name: string, fn?: Body, opts?: ItOptions) => unknown {
  if (!callable(busted_it)) {
    error(`ts.testing.wrap: it must be a function, got ${type(busted_it)}`, 2);
  }
  return (name, fn, opts) => {
    const body = body_of("ts.testing.it", name, fn, opts);
    return busted_it(name, body);
  };
}

// ---- virtual clock ---------------------------------------------------------------------------

/** The installed virtual clock, if any. */
let active: VirtualClock | undefined;

/**
 * Inside a task: lets the tasks a firing woke run until every ready task has suspended again.
 * (From plain code they already ran: a wake-up outside any task runs the task at once.)
 */
function settle(fname: string): void {
  const cur = current_task();
  if (cur === undefined) return;
  for (let i = 0; ready_count() > 0; i++) {
    if (i >= LIMIT) error(`${fname}: tasks kept yielding (${LIMIT} rounds) without suspending on anything`, 3);
    yield_now(cur);
  }
}

/**
 * Installs a virtual clock on the shared timer heap and returns it. From
 * then on nothing on the heap fires by itself: |ts.sleep()|,
 * |ts.timeout()|, |ts.move_on_after()|, |ts.debounce()|, |ts.throttle()|,
 * |ts.select()| timeouts, LSP request timeouts, process kill grace
 * periods. The clock's time starts at 0; deadlines already pending keep
 * their remaining time, counted on the virtual clock. Real-time waits are
 * not virtual: |Task:wait()|, |ts.block_on()| and I/O. One clock at a
 * time (raises if one is installed).
 * ```lua
 * local clock = ts.testing.clock()
 * local t = ts.run(function() ts.sleep(1000); return "woke" end)
 * clock:advance(999); assert.is_false(t:is_done())
 * clock:advance(1);   assert.equal("woke", select(2, t:result()))
 * clock:restore()
 * ```
 * Returns a VirtualClock, whose methods `clock:now()`, `clock:advance()`,
 * `clock:run_all()` and `clock:restore()` follow:
 * @help ts.testing.clock()
 */
export function clock(this: void): VirtualClock {
  if (active !== undefined) error("ts.testing.clock: a virtual clock is already installed (restore it first)", 2);
  const c = new VirtualClock();
  c.t = 0;
  c.on = true;
  active = c;
  timers.set_clock({ now: () => c.t });
  return c;
}

/** Virtual time for the timer heap; made by `ts.testing.clock()`. */
export class VirtualClock {
  /** @internal the virtual time (ms) */
  declare t: number;
  /** @internal true until restored */
  declare on: boolean;

  /**
   * The virtual time in milliseconds (0 when the clock was installed).
   * @help clock:now()
   * @notag
   * @tag ts.testing-clock:now()
   */
  now(this: VirtualClock): number {
    return this.t;
  }

  /**
   * Moves virtual time forward by {ms}: every deadline that falls due fires,
   * earliest first (entries of one deadline in the order they were added),
   * and the tasks each one wakes run to their next suspension before the
   * next deadline fires; deadlines added meanwhile fire too when they fall
   * within {ms}. Deterministic. Called from plain code the woken tasks run
   * at once; called inside a task, the caller yields until every woken task
   * has suspended again. Tasks waiting on the main loop (|ts.schedule()|) or
   * on I/O need the event loop (`vim.wait`, |Task:wait()|). Returns the
   * number of deadlines fired; raises after 100000 (a task sleeping 0 ms
   * in a loop), and once the clock was restored.
   * @help clock:advance({ms})
   * @notag
   * @tag ts.testing-clock:advance()
   */
  advance(this: VirtualClock, ms: number): number {
    check_ms("clock:advance", ms);
    if (!this.on) error("clock:advance: the clock was restored", 2);
    const target = this.t + ms;
    let fired = 0;
    for (;;) {
      settle("clock:advance");
      const due = timers.next_due();
      if (due === undefined || due > target) break;
      if (fired >= LIMIT) error(`clock:advance: more than ${LIMIT} deadlines fell due (a task that sleeps in a loop?)`, 2);
      if (due > this.t) this.t = due;
      timers.run_due();
      fired += 1;
    }
    this.t = target;
    return fired;
  }

  /**
   * Advances to each pending deadline in turn until none is pending;
   * returns the virtual milliseconds that passed. Raises after {limit}
   * deadlines (default 10000: a periodic sleeper never runs out), and once
   * the clock was restored.
   * @help clock:run_all([{limit}])
   * @notag
   * @tag ts.testing-clock:run_all()
   */
  run_all(this: VirtualClock, limit?: number): number {
    if (limit !== undefined) check_ms("clock:run_all", limit, "limit");
    if (!this.on) error("clock:run_all: the clock was restored", 2);
    const max = limit ?? 10000;
    const t0 = this.t;
    let n = 0;
    for (;;) {
      settle("clock:run_all");
      const due = timers.next_due();
      if (due === undefined) break;
      if (n >= max) error(`clock:run_all: still ${timers.pending()} deadlines pending after ${max} (a periodic timer?)`, 2);
      n += this.advance(math.max(0, due - this.t));
    }
    return this.t - t0;
  }

  /**
   * Puts the real clock back. Deadlines still pending keep their remaining
   * virtual time and fire that many real milliseconds later (a debounce
   * whose quiet period spans the switch waits at most its `ms` more).
   * Restoring twice does nothing.
   * @help clock:restore()
   * @notag
   * @tag ts.testing-clock:restore()
   */
  restore(this: VirtualClock): void {
    if (!this.on) return;
    this.on = false;
    if (active === this) active = undefined;
    timers.set_clock(undefined);
  }
}


// ---- leaks -----------------------------------------------------------------------------------

/** What `ts.testing.snapshot()` counts. */
export interface Snapshot {
  /** Live tasks (`task_counts().live`). */
  tasks: number;
  /** Pending deadlines on the timer heap. */
  timers: number;
  /** Handles and processes the uv layer (`ts.uv`, `ts.net`, `ts.system`, ...) holds open. */
  uv_open: number;
  /** Open file descriptors of the process (where `/proc/self/fd` exists). */
  fds?: number;
  /**
   * Active libuv handles (`uv.walk`; not on Neovim 0.10, where walking aborts), except the
   * timer driving the timer heap (its deadlines are counted in `timers`).
   */
  handles?: number;
}

/** What a snapshot saw, to name what is new: tasks, fds and handles. */
interface Seen {
  tasks: LuaTable<Task, true>;
  fds: LuaTable<string, true>;
  handles: LuaTable<string, true>;
}

const seen_of = setmetatable(new LuaTable<Snapshot, Seen>(), { __mode: "k" }) as LuaTable<Snapshot, Seen>;

interface UvWalker {
  walk?: (this: void, cb: (this: void, h: { is_active(this: unknown): boolean; is_closing(this: unknown): boolean }) => void) => void;
  fs_scandir?: (this: void, path: string) => unknown;
  fs_scandir_next?: (this: void, req: unknown) => LuaMultiReturn<[string | undefined, string?]>;
  fs_readlink?: (this: void, path: string) => string | undefined;
}

let can_walk: boolean | undefined;

/** `uv.walk` works on luv and on Neovim >= 0.11 (on 0.10 it aborts on Neovim's own handles). */
function walk_ok(): boolean {
  if (can_walk === undefined) {
    const uv = runtime.uv as unknown as UvWalker;
    if (uv.walk === undefined) can_walk = false;
    else if (runtime.host !== "nvim") can_walk = true;
    else {
      const v = (_G as unknown as { vim: { version: (this: void) => { major: number; minor: number } } }).vim.version();
      can_walk = v.major > 0 || v.minor >= 11;
    }
  }
  return can_walk;
}

/** Names of the active, not closing libuv handles. */
function active_handles(): LuaTable<string, true> | undefined {
  if (!walk_ok()) return undefined;
  const set = new LuaTable<string, true>();
  (runtime.uv as unknown as UvWalker).walk!((h) => {
    if (h.is_active() && !h.is_closing() && !timers.is_driver(h) && !own_handles.has(h)) set.set(tostring(h), true);
  });
  return set;
}

/**
 * The process's open fds as `"fd -> target"` (from /proc/self/fd), or nil where there is no
 * such directory. The directory's own fd, closed once listed, has no target and is left out.
 */
function open_fds(): LuaTable<string, true> | undefined {
  const uv = runtime.uv as unknown as UvWalker;
  if (uv.fs_scandir === undefined || uv.fs_scandir_next === undefined || uv.fs_readlink === undefined) return undefined;
  const [ok, req] = pcall(uv.fs_scandir, "/proc/self/fd");
  if (!ok || req === undefined) return undefined;
  const set = new LuaTable<string, true>();
  for (;;) {
    const [fd] = uv.fs_scandir_next(req);
    if (fd === undefined) break;
    const target = uv.fs_readlink(`/proc/self/fd/${fd}`);
    if (target !== undefined) set.set(`${fd} -> ${target}`, true);
  }
  return set;
}

function count(set: LuaTable<string, true> | undefined): number | undefined {
  if (set === undefined) return undefined;
  let n = 0;
  for (const [_] of set) n += 1;
  return n;
}

/** Every live task reachable from the task tree, plus the running task and its ancestors. */
function live_tasks(): LuaTable<Task, true> {
  const set = new LuaTable<Task, true>();
  for (const r of tree()) set.set(r.task, true);
  for (let t = current_task(); t !== undefined; t = t.parent) set.set(t, true);
  return set;
}

/**
 * Counts what a test could leave behind: a table
 * `{ tasks, timers, uv_open, fds, handles }` = live tasks, pending
 * deadlines, handles and processes held by the uv layer
 * (`ts.uv.stats.open`), open file descriptors (from
 * `/proc/self/fd`; nil where it does not exist), active libuv handles
 * (`uv.walk`, except the timer heap's own timer; nil on Neovim 0.10,
 * where walking aborts). Give it to |ts.testing.assert_no_leaks()| after
 * the test.
 * ```lua
 * local snap = ts.testing.snapshot()
 * -- { tasks = 0, timers = 0, uv_open = 0, fds = 9, handles = 3 }
 * ```
 * @help ts.testing.snapshot()
 */
export function snapshot(this: void): Snapshot {
  const fds = open_fds();
  const handles = active_handles();
  const snap: Snapshot = {
    tasks: task_counts().live,
    timers: timers.pending(),
    uv_open: uv_stats.open,
    fds: count(fds),
    handles: count(handles),
  };
  seen_of.set(snap, { tasks: live_tasks(), fds: fds ?? new LuaTable(), handles: handles ?? new LuaTable() });
  return snap;
}

/** Adds a line to `lines` when `now` holds more than `before` entries, naming those not in `seen`. */
function grown(lines: string[], label: string, before: number, now: LuaTable<string, true> | undefined, seen: LuaTable<string, true>): void {
  const n = count(now);
  if (n === undefined || n <= before) return;
  const news: string[] = [];
  for (const [k] of now!) if (!seen.has(k)) news.push(k);
  table.sort(news);
  lines.push(`${label}: ${n} (snapshot: ${before})${news.length > 0 ? `: ${news.join(", ")}` : ""}`);
}

/** The leaks of `snap` now, in words; nil when nothing is left over. */
function leaks(snap: Snapshot, seen: Seen): string | undefined {
  const lines: string[] = [];
  // The running task and its ancestors are not leaks of the code under test.
  const mine = new LuaTable<Task, true>();
  let nmine = 0;
  for (let t = current_task(); t !== undefined; t = t.parent) {
    if (!seen.tasks.has(t)) nmine += 1;
    mine.set(t, true);
  }
  const tasks = task_counts().live - nmine;
  if (tasks > snap.tasks) {
    lines.push(`live tasks: ${tasks} (snapshot: ${snap.tasks})`);
    for (const r of tree()) if (!seen.tasks.has(r.task) && !mine.has(r.task)) lines.push(`  ${r.text}`);
  }
  const pending = timers.pending();
  if (pending > snap.timers) lines.push(`pending deadlines: ${pending} (snapshot: ${snap.timers})${timers.is_virtual() ? " (a virtual clock is installed)" : ""}`);
  if (uv_stats.open > snap.uv_open) lines.push(`handles held by the uv layer: ${uv_stats.open} (snapshot: ${snap.uv_open})`);
  if (snap.fds !== undefined) grown(lines, "open fds", snap.fds, open_fds(), seen.fds);
  if (snap.handles !== undefined) grown(lines, "active libuv handles", snap.handles, active_handles(), seen.handles);
  return lines.length > 0 ? lines.join("\n") : undefined;
}

function pause_cb(this: void, ms: number, cb: (this: void) => void): void {
  const tm = runtime.uv.new_timer();
  tm.start(ms, 0, () => {
    tm.close();
    cb();
  });
}

/**
 * Waits up to `opts.timeout` ms (default 1000; real time, pumping the
 * event loop) for the counts to come back to {snap}'s, then raises
 * listing what is left over: the new live tasks with their status, what
 * they wait on and where they started (as |ts.inspect.tree()| shows
 * them); pending deadlines; uv-layer handles; the new fds with their
 * targets; the new libuv handles. Counts below the snapshot are fine.
 * Inside a task, the running task and its ancestors are not counted, and
 * the wait uses short real-time pauses (a virtual clock does not stop it).
 * ```lua
 * local snap = ts.testing.snapshot()
 * start_and_stop_the_server()
 * ts.testing.assert_no_leaks(snap, { timeout = 500 })
 * ```
 * @help ts.testing.assert_no_leaks({snap} [, {opts}])
 */
export function assert_no_leaks(this: void, snap: Snapshot, opts?: { timeout?: number }): void {
  const seen = seen_of.get(snap);
  if (seen === undefined) error(`ts.testing.assert_no_leaks: snap must be a snapshot from ts.testing.snapshot(), got ${type(snap)}`, 2);
  check_opts("ts.testing.assert_no_leaks", opts, ["timeout"], 3);
  const ms = opts?.timeout ?? 1000;
  if (leaks(snap, seen) === undefined) return;
  if (current_task() === undefined) {
    if (runtime.in_fast_event()) error("ts.testing.assert_no_leaks: cannot wait inside a fast event", 2);
    runtime.wait(ms, () => leaks(snap, seen) === undefined);
  } else {
    const t0 = runtime.uv.hrtime();
    while (leaks(snap, seen) !== undefined && (runtime.uv.hrtime() - t0) / 1e6 < ms) {
      await_cb("ts.testing.assert_no_leaks", undefined, 2, pause_cb, 5);
    }
  }
  const left = leaks(snap, seen);
  if (left !== undefined) error(`ts.testing.assert_no_leaks: left over after ${ms} ms:\n${left}`, 2);
}

/**
 * Installs busted hooks in the calling spec file or `describe` block:
 * `before_each` takes a snapshot, `after_each` runs
 * |ts.testing.assert_no_leaks()| on it (`opts.timeout`, default 1000) and
 * fails when a virtual clock was left installed (restoring it). Root
 * tasks a test leaked are cancelled after the failure so that they do
 * not spill into the next test. busted reports the failure as an error
 * of `after_each`. The hooks are found like |ts.testing.it()| finds `it`.
 * ```lua
 * describe("my plugin", function()
 *   ts.testing.check_leaks({ timeout = 500 })
 *   it("...", function() ... end)
 * end)
 * ```
 * @help ts.testing.check_leaks([{opts}])
 */
export function check_leaks(this: void, opts?: { timeout?: number }): void {
  const env = getfenv(2) as unknown;
  check_opts("ts.testing.check_leaks", opts, ["timeout"], 3);
  const before_each = busted_fn(env, "before_each", "ts.testing.check_leaks") as BustedHook;
  const after_each = busted_fn(env, "after_each", "ts.testing.check_leaks") as BustedHook;
  let snap: Snapshot | undefined;
  before_each(() => {
    snap = snapshot();
  });
  after_each(() => {
    const left = active;
    if (left !== undefined) left.restore();
    const s = snap;
    snap = undefined;
    if (s !== undefined) {
      const [ok, err] = pcall(assert_no_leaks, s, opts);
      if (!ok) {
        // Cancel the leaked tasks so that they do not spill into the next test.
        const seen = seen_of.get(s)!;
        for (const r of tree()) if (r.depth === 0 && !seen.tasks.has(r.task)) r.task.cancel("ts.testing.check_leaks: leaked by a test");
        error(err, 0);
      }
    }
    if (left !== undefined) error("ts.testing.check_leaks: the test left a virtual clock installed (now restored)", 0);
  });
}
