/**
 * Awaiting: turning callbacks, tasks and futures into suspension points.
 *
 * A callback await hands the wrapped function a callback and suspends the task until the
 * callback runs. When the callback runs before the function returns (it "fired
 * synchronously") the task does not suspend at all: the values are returned directly, so a
 * loop of synchronous completions costs no coroutine switch and cannot grow any stack.
 *
 * Each task owns one reusable callback (a "slot"), so awaiting in a loop allocates no
 * closure. When the task is cancelled during an await, its slot is orphaned: the callback
 * may still run later, and then its values go to the wrapper's `cleanup` (close the fd that
 * arrived late) instead of to the task; the task takes a fresh slot for its next await.
 */
import { Future, await_future, is_future } from "./future";
import { EMPTY, Packed, cancel_deferred, defer, pack, wake, wake_fast } from "./scheduler";
import * as timers from "./timers";
import { runtime } from "./runtime";
import {
  NATIVE_YIELDING_PCALL,
  ppcall,
  register_wait_kind,
  Task,
  await_task,
  check_cancel,
  current_task,
  first,
  is_task,
  protect,
  report,
  running_task,
  suspend,
  yield_now,
  ypcall_puc,
} from "./task";

/** Options of `ts.wrap`. */
export interface WrapOptions {
  /**
   * Receives the callback's values when they arrive after the awaiting task was cancelled,
   * so late resources can be released (`cleanup = function(err, fd) if fd then uv.fs_close(fd) end end`).
   */
  cleanup?: (this: void, ...values: any[]) => void;
  /** Called with what the wrapped function returned when the awaiting task is cancelled (stop the handle). */
  on_cancel?: (this: void, ...returned: any[]) => void;
  /** Resume the task inside the fast event instead of on the main loop. */
  fast?: boolean;
}

const IDLE = 0;
const CALLING = 1;
const DONE_SYNC = 2;
const SUSPENDED = 3;
const ORPHAN = 4;

/**
 * A task's reusable callback and the state of the await using it. Every key exists from
 * creation (absent values are `false`), so the hot path never adds a key to the table: in
 * LuaJIT even storing nil under a missing key takes the slow new-key path.
 */
interface Slot {
  st: number;
  t: Task;
  cb: (this: void, ...values: unknown[]) => void;
  n: number;
  a: unknown;
  b: unknown;
  c: unknown;
  p: Packed | false;
  fast: boolean;
  cleanup: ((this: void, ...values: unknown[]) => void) | false;
  on_cancel: ((this: void, ...values: unknown[]) => void) | false;
  ret: Packed | false;
}

function store(s: Slot, n: number, a?: unknown, b?: unknown, c?: unknown, ...more: unknown[]): void {
  s.n = n;
  if (n === 1) s.a = a;
  else if (n === 2) {
    s.a = a;
    s.b = b;
  } else if (n === 3) {
    s.a = a;
    s.b = b;
    s.c = c;
  } else if (n > 3) s.p = pack(a, b, c, ...more);
}

function take(s: Slot): LuaMultiReturn<unknown[]> {
  const n = s.n;
  if (n === 1) {
    const a = s.a;
    s.a = false;
    return $multi(a);
  }
  if (n === 0) return $multi();
  if (n === 2) {
    const a = s.a;
    const b = s.b;
    s.a = false;
    s.b = false;
    return $multi(a, b);
  }
  if (n === 3) {
    const a = s.a;
    const b = s.b;
    const c = s.c;
    s.a = false;
    s.b = false;
    s.c = false;
    return $multi(a, b, c);
  }
  const p = s.p as Packed;
  s.p = false;
  return unpack(p as unknown as unknown[], 1, p.n) as LuaMultiReturn<unknown[]>;
}

function late(s: Slot, ...values: unknown[]): void {
  const fn = s.cleanup;
  if (fn === false) return;
  s.cleanup = false;
  const [ok, err] = pcall(fn, ...values);
  if (!ok) report(`tsasync: error in cleanup of a cancelled await (task "${s.t.name}"): ${tostring(err)}`);
}

function new_slot(t: Task): Slot {
  const s: Slot = {
    st: IDLE,
    t,
    cb: undefined as unknown as Slot["cb"],
    n: 0,
    a: false,
    b: false,
    c: false,
    p: false,
    fast: false,
    cleanup: false,
    on_cancel: false,
    ret: false,
  };
  s.cb = (...values: unknown[]) => {
    const st = s.st;
    if (st === CALLING) {
      store(s, select("#", ...values), ...values);
      s.st = DONE_SYNC;
    } else if (st === SUSPENDED) {
      s.st = IDLE;
      t.abort = undefined;
      t.x = false;
      s.ret = false;
      // This await is over: its cleanup/on_cancel must not apply to the task's next await.
      s.cleanup = false;
      s.on_cancel = false;
      if (s.fast) wake_fast(t, ...values);
      else wake(t, ...values);
    } else if (st === ORPHAN) {
      late(s, ...values);
    }
  };
  t.slot = s;
  return s;
}

function abort_slot(arg: unknown, t: Task): void {
  const s = arg as Slot;
  s.st = ORPHAN;
  if (t.slot === s) t.slot = undefined;
  const fn = s.on_cancel;
  const ret = s.ret;
  s.on_cancel = false;
  s.ret = false;
  if (fn !== false) {
    if (ret !== false) fn(...unpack(ret as unknown as unknown[], 1, ret.n));
    else fn();
  }
}
register_wait_kind(abort_slot, () => "a callback");

function invoke(
  fn: (this: void, ...args: any[]) => unknown,
  argc: number,
  cb: unknown,
  a1?: unknown,
  a2?: unknown,
  a3?: unknown,
  a4?: unknown,
  ...more: unknown[]
): unknown {
  if (argc === 2) return fn(a1, cb);
  if (argc === 1) return fn(cb);
  if (argc === 3) return fn(a1, a2, cb);
  if (argc === 4) return fn(a1, a2, a3, cb);
  if (argc === 5) return fn(a1, a2, a3, a4, cb);
  const list = pack(a1, a2, a3, a4, ...more);
  (list as unknown as Record<number, unknown>)[argc] = cb;
  return fn(...unpack(list as unknown as unknown[], 1, argc));
}

/**
 * Core of every callback await: calls `fn` with the task's callback at position `argc`
 * (after `argc - 1` arguments) and returns what the callback receives.
 */
export function await_cb(
  fname: string,
  opts: WrapOptions | undefined,
  argc: number,
  fn: (this: void, ...args: any[]) => unknown,
  ...args: unknown[]
): LuaMultiReturn<unknown[]> {
  const t = running_task(fname);
  check_cancel(t);
  const s = (t.slot as Slot | undefined) ?? new_slot(t);
  s.st = CALLING;
  if (opts === undefined) {
    if (s.fast) s.fast = false;
    invoke(fn, argc, s.cb, ...args);
  } else {
    s.fast = opts.fast === true;
    s.cleanup = opts.cleanup ?? false;
    if (opts.on_cancel !== undefined) {
      s.on_cancel = opts.on_cancel;
      s.ret = pack(invoke(fn, argc, s.cb, ...args));
    } else {
      invoke(fn, argc, s.cb, ...args);
    }
  }
  if (s.st === DONE_SYNC) {
    s.st = IDLE;
    if (opts !== undefined) {
      s.cleanup = false;
      s.on_cancel = false;
      s.ret = false;
    }
    return take(s);
  }
  if (s.st !== CALLING) error(`${fname}: internal error: callback slot in state ${s.st}`, 0);
  s.st = SUSPENDED;
  return suspend(t, abort_slot, s);
}

function check_argc(fname: string, argc: unknown, nargs: number, level = 3): void {
  if (type(argc) !== "number" || argc !== math.floor(argc as number) || (argc as number) < 1) {
    error(`${fname}: argc must be a positive integer, got ${tostring(argc)}`, level);
  }
  if (nargs > (argc as number) - 1) {
    error(`${fname}: got ${nargs} arguments but the callback goes at position ${argc as number}`, level);
  }
}

/** What `ts.await` accepts as its first argument. */
export type Awaitable = Task | Future | number | ((this: void, cb: (this: void, ...values: any[]) => void) => unknown);

function validate(fname: string, x: unknown, ...args: unknown[]): void {
  const tx = type(x);
  if (tx === "number") {
    const fn = first(...args);
    if (type(fn) !== "function") error(`${fname}: fn (argument 2) must be a function, got ${type(fn)}`, 4);
    check_argc(fname, x, select("#", ...args) - 1, 5);
  } else if (tx === "function") {
    if (select("#", ...args) > 0) error(`${fname}: extra arguments given with a callback function; use ${fname}(argc, fn, ...)`, 4);
  } else if (!is_task(x) && !is_future(x)) {
    error(`${fname}: expected a Task, a Future, a function(cb) or an argc number, got ${tx}`, 4);
  }
}

function await_dispatch(this: void, fname: string, x: unknown, ...args: unknown[]): LuaMultiReturn<unknown[]> {
  const tx = type(x);
  if (tx === "number") return await_rest(fname, x as number, ...args);
  if (tx === "function") return await_cb(fname, undefined, 1, x as (this: void, ...a: unknown[]) => unknown);
  const t = running_task(fname);
  if (is_task(x)) {
    if (x === t) error(`${fname}: a task cannot await itself`, 3);
    return await_task(t, x);
  }
  return await_future(t, x as Future);
}

/** The hot form `ts.await(argc, fn, ...)`, validated without detours. */
function await_argc(argc: number, fn?: unknown, ...args: unknown[]): LuaMultiReturn<unknown[]> {
  if (!(argc >= 1 && argc % 1 === 0) || type(fn) !== "function" || select("#", ...args) >= argc) {
    validate("ts.await", argc, fn, ...args);
  }
  return await_cb("ts.await", undefined, argc, fn as (this: void, ...a: unknown[]) => unknown, ...args);
}

// `await_cb` for `ts.await(argc, fn, ...)` with argc 1-5 and no more arguments than fit before the
// callback: fixed parameters, no varargs, no `invoke` (the common form, e.g. every uv.fs_* await).
function await_small(argc: number, fn?: unknown, a1?: unknown, a2?: unknown, a3?: unknown, a4?: unknown): LuaMultiReturn<unknown[]> {
  if (type(fn) !== "function") validate("ts.await", argc, fn);
  const t = running_task("ts.await");
  check_cancel(t);
  const s = (t.slot as Slot | undefined) ?? new_slot(t);
  s.st = CALLING;
  if (s.fast) s.fast = false;
  const f = fn as (this: void, ...a: unknown[]) => unknown;
  const cb = s.cb;
  if (argc === 2) f(a1, cb);
  else if (argc === 4) f(a1, a2, a3, cb);
  else if (argc === 3) f(a1, a2, cb);
  else if (argc === 1) f(cb);
  else f(a1, a2, a3, a4, cb);
  const st = s.st;
  if (st === DONE_SYNC) {
    s.st = IDLE;
    return take(s);
  }
  if (st !== CALLING) error(`ts.await: internal error: callback slot in state ${st}`, 0);
  s.st = SUSPENDED;
  return suspend(t, abort_slot, s);
}

function await_rest(fname: string, argc: number, fn?: unknown, ...args: unknown[]): LuaMultiReturn<unknown[]> {
  return await_cb(fname, undefined, argc, fn as (this: void, ...a: unknown[]) => unknown, ...args);
}

/**
 * @section tsasync-await
 */

/**
 * Suspends the running task until `x` completes and returns its values:
 *   ts.await(task)            the task's results (raises its error)
 *   ts.await(future)          the future's values (raises its error)
 *   ts.await(function(cb) ... end)
 *                             what `cb` receives
 *   ts.await(argc, fn, ...)   calls `fn(...)` with the callback at
 *                             position `argc` and returns what the
 *                             callback received, unchanged (error-first
 *                             stays error-first)
 * When the callback runs before `fn` returns, the task does not suspend
 * at all (no coroutine switch). Raises outside a task, from a coroutine
 * that is not the task's own (e.g. inside `coroutine.wrap`), and on a
 * pending cancellation. A task cannot await itself.
 * ```lua
 * local err, data = ts.await(4, vim.uv.fs_read, fd, 4096, 0)
 * ```
 * @help ts.await({x}, {...})
 */
export function await_(this: void, x: Awaitable, ...args: unknown[]): LuaMultiReturn<any[]> {
  if (type(x) === "number") {
    const argc = x as number;
    if (argc <= 5 && argc >= 1 && argc % 1 === 0 && select("#", ...args) <= argc) return await_small(argc, ...args);
    return await_argc(argc, ...args);
  }
  validate("ts.await", x, ...args);
  return await_dispatch("ts.await", x, ...args);
}

/**
 * Protected |ts.await()|: `true, ...values` or `false, err`. Bad arguments
 * still raise. The running task's own cancellation is raised, never
 * returned.
 * @help ts.pawait({x}, {...})
 */
export function pawait(this: void, x: Awaitable, ...args: unknown[]): LuaMultiReturn<[boolean, ...any[]]> {
  validate("ts.pawait", x, ...args);
  const t = running_task("ts.pawait");
  return protect(t, await_dispatch as (this: void, ...a: unknown[]) => unknown, "ts.pawait", x, ...args);
}

/**
 * Makes a reusable awaitable function from a callback-taking `fn`: the
 * function returned, called inside a task with at most `argc - 1`
 * arguments (more raise an error), awaits `fn` with the callback at
 * position `argc` and returns what the callback received. Options:
 *   cleanup    fn(...) receives the callback's values when they arrive
 *              after the awaiting task was cancelled: release late
 *              resources (close the fd that was opened anyway)
 *   on_cancel  fn(...) receives what `fn` returned, when the awaiting
 *              task is cancelled: stop the operation (stop the handle)
 *   fast       resume inside the fast event instead of the main loop
 * Unknown options raise.
 * ```lua
 * local fs_open = ts.wrap(4, vim.uv.fs_open, {
 *   cleanup = function(err, fd) if fd then vim.uv.fs_close(fd) end end,
 * })
 * ts.run(function() local err, fd = fs_open("/etc/hosts", "r", 438) end)
 * ```
 * @help ts.wrap({argc}, {fn}, {opts})
 */
export function wrap(this: void, argc: number, fn: (this: void, ...args: any[]) => unknown, opts?: WrapOptions): (this: void, ...args: any[]) => any {
  check_argc("ts.wrap", argc, 0);
  if (type(fn) !== "function") error(`ts.wrap: fn must be a function, got ${type(fn)}`, 2);
  if (opts !== undefined) {
    if (type(opts) !== "table") error(`ts.wrap: opts must be a table, got ${type(opts)}`, 2);
    for (const key of ["cleanup", "on_cancel"] as const) {
      if (opts[key] !== undefined && type(opts[key]) !== "function") {
        error(`ts.wrap: opts.${key} must be a function, got ${type(opts[key])}`, 2);
      }
    }
    for (const [k] of pairs(opts as object)) {
      if (k !== "cleanup" && k !== "on_cancel" && k !== "fast") error(`ts.wrap: unknown option "${tostring(k)}"`, 2);
    }
  }
  const o = opts !== undefined && (opts.cleanup !== undefined || opts.on_cancel !== undefined || opts.fast === true) ? opts : undefined;
  return (...args: unknown[]) => {
    if (select("#", ...args) > argc - 1) error(`wrapped function: got ${select("#", ...args)} arguments, expected at most ${argc - 1}`, 2);
    return await_cb("ts.wrap'd function", o, argc, fn, ...args);
  };
}

// ---- sleeping and yielding ---------------------------------------------------------------

function wake_sleeper(this: void, arg: unknown): void {
  const t = arg as Task;
  t.abort = undefined;
  t.x = false;
  wake(t);
}

function abort_sleep(arg: unknown): void {
  timers.remove(arg as timers.TimerEntry);
}
register_wait_kind(abort_sleep, (arg) => `sleep (${math.max(0, math.floor((arg as timers.TimerEntry).due - timers.now()))} ms left)`);

/** Validates a millisecond argument. */
export function check_ms(fname: string, ms: unknown, argname = "ms"): number {
  if (type(ms) !== "number" || ms !== ms || (ms as number) < 0 || ms === math.huge) {
    error(`${fname}: ${argname} must be a non-negative finite number, got ${tostring(ms)}`, 3);
  }
  return ms as number;
}

/**
 * Suspends the running task for `ms` milliseconds of loop time. All
 * sleeping tasks share one libuv timer; cancellation removes the deadline
 * at once. Tasks with equal deadlines wake in the order they slept.
 * `ts.sleep(0)` yields to the event loop for one turn.
 * @help ts.sleep({ms})
 */
export function sleep(this: void, ms: number): void {
  check_ms("ts.sleep", ms);
  const t = running_task("ts.sleep");
  check_cancel(t);
  // Deadlines use libuv's loop time, cached when the loop iteration began: refresh it so that a
  // task that computed for a while still sleeps `ms` from now, not from the start of the turn.
  runtime.uv.update_time();
  suspend(t, abort_sleep, timers.add(ms, wake_sleeper, t));
}

function abort_schedule(arg: unknown, t: Task): void {
  cancel_deferred(t, arg as number);
}
register_wait_kind(abort_schedule, () => "the main loop (ts.schedule)");

/**
 * Continues the running task on the main loop after a `vim.schedule` hop
 * (shared by every task asking in that loop turn), where every `vim.api`
 * function may be called.
 * @help ts.schedule()
 */
export function schedule(this: void): void {
  const t = running_task("ts.schedule");
  check_cancel(t);
  suspend(t, abort_schedule, defer(t, EMPTY));
}

/**
 * A cancellation point: raises the running task's pending cancellation;
 * lets other ready tasks run first if there are any. Put it in long
 * computations.
 * @help ts.checkpoint()
 */
export function checkpoint(this: void): void {
  const t = running_task("ts.checkpoint");
  check_cancel(t);
  yield_now(t);
}

// ---- yield-safe pcall ---------------------------------------------------------------------

/**
 * Like `pcall`, but `fn` may suspend inside, on LuaJIT and on PUC Lua 5.1
 * alike (there `fn` runs in a coroutine whose suspensions are passed
 * through). Catching a cancellation does not end it: the task's next
 * suspension raises it again (|tsasync-cancellation|).
 * @help ts.pcall({fn}, {...})
 */
export function pcall_(this: void, fn: (this: void, ...args: any[]) => unknown, ...args: unknown[]): LuaMultiReturn<[boolean, ...any[]]> {
  if (type(fn) !== "function" && getmetatable(fn)?.__call === undefined) {
    error(`ts.pcall: fn must be a function, got ${type(fn)}`, 2);
  }
  if (NATIVE_YIELDING_PCALL) return ppcall(fn, ...args);
  return ypcall_puc(undefined, fn as (this: void, ...a: unknown[]) => unknown, ...args);
}

/**
 * Like `xpcall`, yield-safe like |ts.pcall()|: `handler(err)` transforms
 * the error. On PUC Lua the handler runs after the failing coroutine
 * unwound, except `debug.traceback`, which is given the failing
 * coroutine's stack.
 * @help ts.xpcall({fn}, {handler}, {...})
 */
export function xpcall_(
  this: void,
  fn: (this: void, ...args: any[]) => unknown,
  handler: (this: void, err: any) => unknown,
  ...args: unknown[]
): LuaMultiReturn<[boolean, ...any[]]> {
  if (type(fn) !== "function") error(`ts.xpcall: fn must be a function, got ${type(fn)}`, 2);
  if (type(handler) !== "function") error(`ts.xpcall: handler must be a function, got ${type(handler)}`, 2);
  if (NATIVE_YIELDING_PCALL) {
    // LuaJIT's xpcall passes extra arguments on, like Lua 5.2's.
    return (xpcall as unknown as (this: void, f: unknown, h: unknown, ...a: unknown[]) => LuaMultiReturn<[boolean, ...unknown[]]>)(fn, handler, ...args);
  }
  return ypcall_puc(handler, fn as (this: void, ...a: unknown[]) => unknown, ...args);
}

/**
 * Where Neovim calls back into Lua, awaiting behaves as follows (proved by
 * spec/nvim/reentrancy_spec.lua); no case leaves a registration, deadline
 * or task behind:
 * - `vim.schedule` callbacks, autocmd callbacks, `vim.ui` callbacks
 *   called later, `vim.wait` predicates outside tasks: not in a task, so
 *   every suspending function raises "<name>: must be called inside a
 *   task". Start a task there with |ts.run()| (it may call `vim.api`).
 * - An autocmd fired from inside a task (`nvim_exec_autocmds`), a
 *   `vim.wait` predicate, or a callback that another C function runs
 *   while a task executes: the callback cannot suspend the task (it runs
 *   across a C call). Awaiting there raises "tsasync: cannot suspend
 *   inside a callback that a C function runs ..." (Neovim 0.10, LuaJIT) or
 *   "... a coroutine that tsasync does not drive" (0.11+); the task goes
 *   on. (PUC Lua 5.1 cannot detect this before yielding; there it raises
 *   "attempt to yield across a C-call boundary".)
 * - A Lua callback called synchronously from Lua inside a task (a
 *   `vim.ui.input` implementation that answers at once) runs on the task:
 *   awaiting there works.
 * - `vim.wait` inside a task pumps the loop, but no other task runs until
 *   the calling task suspends: waiting there for another task's work
 *   times out (its wake-up is kept, not lost). Use |ts.sleep()| or await.
 * - |Task:wait()| and |ts.block_on()| inside a task raise; use await.
 * @help Re-entrancy
 * @tag tsasync-reentrancy
 */

/**
 * @section tsasync-tasks
 */

/**
 * The running task, or nil outside tasks.
 * @help ts.current()
 */
export function current(this: void): Task | undefined {
  return current_task();
}

/**
 * True inside a task.
 * @help ts.in_task()
 */
export function in_task(this: void): boolean {
  return current_task() !== undefined;
}

