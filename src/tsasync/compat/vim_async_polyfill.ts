/**
 * `vim.async` for every Neovim: a polyfill of the API Neovim 0.13 ships (it comes from
 * lewis6991/async.nvim), built on tsasync's runtime.
 *
 * ```lua
 * local async = vim.async or require("tsasync.compat.vim_async")
 * async.run(function()
 *   local err, stat = async.await(2, vim.uv.fs_stat, vim.fn.expand("~"))
 *   async.sleep(10)
 *   print(err or stat.type)
 * end)
 * ```
 *
 * `require("tsasync.compat.vim_async")` returns the built-in `vim.async` on Neovim 0.13+ and
 * this module elsewhere; `require("tsasync.compat.vim_async_polyfill")` is always this module.
 *
 * How it maps onto tsasync. Every `vim.async` task (an `AsyncTask` here) is driven by a
 * tsasync task: the tsasync task owns scheduling (the trampoline, the hop out of fast events,
 * one `vim.schedule` per loop turn), the task tree (a started child is a tsasync child of its
 * parent, so the parent's tsasync task waits for it and `ts.inspect` shows it) and timers. The
 * user's function runs in a coroutine of its own that the tsasync task drives: the function
 * yields to the driver at each `vim.async` checkpoint, the driver performs the wait (it
 * suspends the tsasync task), and resumes the function with the callback's values. The
 * `vim.async` rules are kept by this module at that boundary, in `vim.async`'s own terms:
 * errors are the raw values (`"closed"`, `"timeout"`, `"child error: ..."`), statuses are
 * `"running"`, `"awaiting"`, `"normal"` and `"completed"`, a child starts at its parent's next
 * checkpoint, closables are closed before the task continues, closing and failures are
 * level-triggered. The one function's own coroutine keeps its stack when it dies, so
 * `Task:traceback()` shows where an error was raised, across awaited tasks.
 *
 * Differences from the built-in (see `:help tsasync-vim-async` for the full list): a task
 * woken by a libuv callback resumes on the main loop (the built-in resumes inside the fast
 * event); `Task:wait()` / `pwait()` refuse to block inside a task; an error of a top-level
 * task nobody observes is reported (`config({ report_unhandled = false })` drops it, as the
 * built-in does).
 */
/**
 * @section tsasync-vim-async
 * Rules kept (each has a spec in spec/nvim/vim_async_spec.lua):
 * - A top-level task runs at once until its first checkpoint. A task created
 *   inside a task is its attached child: it starts at the parent's next
 *   checkpoint (`await`, `pawait`, `checkpoint`, or the function's return; an
 *   awaited child first, then the others in creation order). The parent
 *   completes after its children. A child that is closed, or whose parent
 *   fails, before it started never runs its function.
 * - An unhandled child error fails the parent with `"child error: <err>"`,
 *   raised at the parent's current checkpoint; the siblings are closed when
 *   the parent ends. An awaited child's error is raised unwrapped. Failures
 *   (child errors, errors of tasks awaited with `await`) and closing are
 *   level-triggered: after a `pcall` catches one, every later checkpoint
 *   raises it again and the task ends with it. `pawait` returns an awaited
 *   failure as data but never hides the task's own close or failure.
 * - `close()` raises `"closed"` at the task's checkpoint; a closable the
 *   awaited function returned (or an attached child it awaits) is closed
 *   first, and the task waits for its close callback. A closable is also
 *   closed before the task continues after a normal completion (unless its
 *   `is_closing()` says it already is). `close` of a completed task does
 *   nothing. `timeout` raises `"timeout"` once the task has finished its
 *   cleanup. Callback values are returned unchanged (error-first stays
 *   error-first); a nil error becomes `"error(nil)"`.
 * - Statuses: `"running"`, `"normal"`, `"awaiting"`, `"completed"`.
 *   `wait(ms)` raises `"<caller>:<line>: timeout"` (Lua's position for level 2)
 *   and the task's error the same way; `pwait` returns the bare values.
 * - `iter` yields task handles in completion order, then nil; a semaphore
 *   serves waiters FIFO and hands a released permit over on the next loop
 *   turn. A bare `coroutine.yield()` or a `coroutine.resume()` of a task's
 *   coroutine by hand fails the task as the built-in does.
 */
import { FOREVER, runtime } from "../runtime";
import { EMPTY, Packed, pack } from "../scheduler";
import * as timers from "../timers";
import {
  Task,
  current_task,
  err_of,
  fin,
  first,
  on_finish,
  report,
  resume,
  resume_with,
  shield_enter,
  shield_leave,
  spawn,
  suspend_quiet,
  yield_now,
  ypcall,
} from "../task";

declare function newproxy(this: void, add_mt: boolean): object;

// ---- public types ----------------------------------------------------------------------

/** Anything with a `close(callback)` method: returned by an awaited function, it is closed before the task continues. */
export interface Closable {
  close(this: Closable, callback?: (this: void) => void): unknown;
  is_closing?(this: Closable): boolean;
}

/** A libuv-compatible timer, as `config({ new_timer = ... })` must create them. */
export interface AsyncTimer extends Closable {
  start(this: AsyncTimer, timeout: number, repeat: number, callback: (this: void) => void): unknown;
}

/** Options of `config(opts)`. */
export interface ConfigOpts {
  /** Pumps the event loop until `predicate()` or `timeout` ms (default: tsasync's `vim.wait` adapter). Used by `Task:wait`. `false` restores the default (also for `schedule` and `new_timer`). */
  wait?: false | ((this: void, timeout: number, predicate: (this: void) => boolean) => boolean);
  /** Runs a callback on the next loop turn (default `vim.schedule`). */
  schedule?: false | ((this: void, callback: (this: void) => void) => void);
  /** Creates the timers `sleep` uses (default: tsasync's shared timer heap, no handle per sleep). */
  new_timer?: false | ((this: void) => AsyncTimer);
  /** Record where each task was created (shown in reports of unhandled errors). */
  debug?: boolean;
  /**
   * Report an error of a top-level task that nobody observes (no `await`, `pawait`, `wait`,
   * `pwait`, `on_complete`, `iter`, `timeout`) with `vim.notify` on the next loop turn.
   * Default true (tsasync's rule); false drops it silently, as the built-in `vim.async` does.
   */
  report_unhandled?: boolean;
}

/** What `semaphore(n)` returns. */
export interface AsyncSemaphore {
  /** Takes a permit; suspends (FIFO) while none is free. A checkpoint. */
  acquire(this: AsyncSemaphore): void;
  /** Returns a permit; raises when more are returned than exist. Never suspends. */
  release(this: AsyncSemaphore): void;
  /** `acquire()`, `fn()`, `release()` even when `fn` raises or the task is closed; returns `fn`'s results. */
  with<R extends unknown[]>(this: AsyncSemaphore, fn: (this: void) => LuaMultiReturn<R> | R[0]): LuaMultiReturn<R>;
}

/** The module's shape (also the built-in `vim.async`'s, for the parts listed in the issue). */
export interface VimAsync {
  run: typeof run;
  await: typeof await_;
  pawait: typeof pawait;
  wrap: typeof wrap;
  iter: typeof iter;
  sleep: typeof sleep;
  timeout: typeof timeout;
  semaphore: typeof semaphore;
  checkpoint: typeof checkpoint;
  is_closing: typeof is_closing;
  config: typeof config;
}

// ---- settings and small helpers -----------------------------------------------------------

const cfg: {
  wait?: Exclude<ConfigOpts["wait"], false>;
  schedule?: Exclude<ConfigOpts["schedule"], false>;
  new_timer?: Exclude<ConfigOpts["new_timer"], false>;
  debug: boolean;
  report_unhandled: boolean;
} = { debug: false, report_unhandled: true };

const CLOSED = "closed";
const NIL_ERROR = "error(nil)";
const RESUME_ERROR = "Unexpected coroutine.resume()";
const YIELD_ERROR = "Unexpected coroutine.yield()";
/** What the function's coroutine yields to the driver, and what the driver resumes it with. */
const YIELD_MARK = {};
const RESUME_MARK = {};
const FINISH_KEY = {};

function schedule(fn: (this: void) => void): void {
  (cfg.schedule ?? runtime.schedule)(fn);
}

function is_callable(x: unknown): boolean {
  const t = type(x);
  if (t === "function") return true;
  if (t !== "table") return false;
  const mt = getmetatable(x) as { __call?: unknown } | undefined;
  return mt !== undefined && type(mt.__call) === "function";
}

/** `vim.async`'s argument check: raises `"<name>: expected <type>, got <type>"`. */
function validate(name: string, value: unknown, expected: "callable" | "table" | "number" | "boolean", optional?: boolean): void {
  if (optional === true && value === undefined) return;
  const ok = expected === "callable" ? is_callable(value) : type(value) === expected;
  if (!ok) error(`${name}: expected ${expected}, got ${type(value)}`, 3);
}

function normalize(err: unknown): unknown {
  return err === undefined ? NIL_ERROR : err;
}

function is_closable(x: unknown): boolean {
  const t = type(x);
  return (t === "table" || t === "userdata") && is_callable((x as { close?: unknown }).close);
}

function noop(this: void): void {}

// ---- tasks --------------------------------------------------------------------------------

/** The function's coroutine of each live task. */
const threads = setmetatable(new LuaTable<LuaThread, AsyncTask>(), { __mode: "k" }) as LuaTable<LuaThread, AsyncTask>;
/** The `vim.async` task each driving tsasync task runs. */
const by_driver = setmetatable(new LuaTable<Task, AsyncTask>(), { __mode: "k" }) as LuaTable<Task, AsyncTask>;

const SETUP = 0;
const PENDING = 1;
const CLOSING = 2;
const DONE = 3;

/** One checkpoint of a task: the awaited operation, from its setup until the function resumes. */
interface Wait {
  v: AsyncTask;
  t: Task;
  st: number;
  /** The callback ran (or an interrupt took its place): later callbacks are ignored. */
  settled: boolean;
  /** The driver is suspended waiting for `ready`. */
  parked: boolean;
  /** Values that arrived during setup (callback called synchronously), or an interrupt's error. */
  sync?: Packed;
  /** Values to resume with once the awaited closable is closed. */
  args?: Packed;
  /** What the function resumes with: `(err, ...)`. */
  ready?: Packed;
}

/**
 * A `vim.async` task: the handle `run` returns. Await it with `await(task)` / `pawait(task)`,
 * block on it with `wait` / `pwait`, observe it with `on_complete`, stop it with `close`.
 */
export class AsyncTask<R extends unknown[] = unknown[]> {
  /** The name given to `run(name, fn)`; nil for unnamed tasks. */
  declare name?: string;
  /** @internal coroutine of the task's function */
  declare _thread: LuaThread;
  /** @internal function and arguments until started */
  declare _fn?: unknown;
  declare _args?: Packed;
  /** @internal the driving tsasync task, once started */
  declare _t?: Task;
  declare _started: boolean;
  /** @internal attached parent, its children (creation order, holes for removed ones) */
  declare _parent?: AsyncTask;
  declare _pidx?: number;
  declare _kids: LuaTable<number, AsyncTask>;
  declare _nkids: number;
  /** @internal close requested (level-triggered) */
  declare _closing: boolean;
  /** @internal first pending failure (child error, error of an awaited task): level-triggered */
  declare _error?: unknown;
  declare _has_error: boolean;
  /** @internal the operation or task of the current checkpoint (kept for tracebacks) */
  declare _awaiting?: unknown;
  declare _w?: Wait;
  /** @internal `(stat, ...)` of the function once it ended; the task then waits for its children */
  declare _body?: Packed;
  declare _finalizing: boolean;
  /** @internal completion */
  declare _done: boolean;
  declare _failed: boolean;
  declare _err?: unknown;
  declare _res?: Packed;
  declare _cbs: LuaTable<number, (this: void, err?: unknown, ...values: unknown[]) => void>;
  declare _cbpos: number;
  declare _observed: boolean;
  declare _caller?: string;

  /** True once the task and its attached children have completed. */
  completed(this: AsyncTask<R>): boolean {
    return this._done;
  }

  /**
   * Calls `callback(err, ...)` when the task completes (`err` nil on success, then the
   * results); at once if it already has. Does not start a pending child. Returns a function
   * that unsubscribes `callback`.
   * ```lua
   * task:on_complete(function(err, value) print(err or value) end)
   * ```
   */
  on_complete(this: AsyncTask<R>, callback: (this: void, err?: unknown, ...values: R) => void): () => void {
    validate("callback", callback, "callable");
    return observe(this, callback as (this: void, err?: unknown, ...values: unknown[]) => void);
  }

  /**
   * Blocks synchronous code until the task completes (pumping the event loop) and returns
   * its results; raises its error, or `"timeout"` after `timeout` ms. Refuses inside a task
   * (use `await(task)` there).
   * ```lua
   * local value = task:wait(1000)
   * ```
   */
  wait(this: AsyncTask<R>, timeout?: number): LuaMultiReturn<R> {
    validate("timeout", timeout, "number", true);
    if (current_task() !== undefined) {
      error("wait: cannot block inside a task (tsasync's vim.async polyfill): use vim.async.await(task)", 2);
    }
    start_task(this);
    this._observed = true;
    if (!this._done) {
      const task = this;
      const cond = () => task._done;
      const ok = cfg.wait !== undefined ? cfg.wait(timeout ?? FOREVER, cond) : first(...runtime.wait(timeout ?? FOREVER, cond));
      if (!ok) error("timeout", 2);
    }
    if (this._failed) error(this._err, 2);
    const r = this._res!;
    return unpack(r as unknown as unknown[], 1, r.n) as unknown as LuaMultiReturn<R>;
  }

  /**
   * `pcall(task.wait, task, timeout)`: `true, ...results` or `false, err` (`"timeout"`).
   * ```lua
   * local ok, value_or_err = task:pwait(100)
   * ```
   */
  pwait(this: AsyncTask<R>, timeout?: number): LuaMultiReturn<[boolean, ...unknown[]]> {
    validate("timeout", timeout, "number", true);
    return (pcall as unknown as (this: void, f: unknown, ...a: unknown[]) => LuaMultiReturn<[boolean, ...unknown[]]>)(
      this.wait,
      this,
      timeout,
    );
  }

  /**
   * Requests cooperative close of the task and its children: the task raises `"closed"` at
   * its current or next checkpoint, and at every later one. An owned operation it is
   * suspended on (a closable, an attached child) is closed first. A pending child completes
   * at once without running. `callback()` runs when the task has completed (at once if it
   * already has). No effect on a completed task.
   */
  close(this: AsyncTask<R>, callback?: (this: void) => void): void {
    if (!this._done && !this._closing) {
      this._closing = true;
      deliver_close(this);
    }
    if (callback !== undefined) observe(this, () => callback());
  }

  /**
   * Takes the task out of its parent: the parent no longer waits for it, closes it or fails
   * with its error. A pending child is scheduled to start. Returns the task.
   */
  detach(this: AsyncTask<R>): AsyncTask<R> {
    const should_start = this._parent !== undefined && !this._started && !this._done;
    unlink(this);
    if (should_start) schedule(() => start_task(this));
    return this;
  }

  /**
   * `"running"` (its function runs now), `"normal"` (it resumed another coroutine),
   * `"awaiting"` (suspended at a checkpoint, not started yet, or waiting for its children),
   * `"completed"`.
   */
  status(this: AsyncTask<R>): "running" | "normal" | "awaiting" | "completed" {
    if (this._done) return "completed";
    const s = coroutine.status(this._thread);
    if (s === "running") return "running";
    if (s === "normal") return "normal";
    return "awaiting";
  }

  /**
   * The traceback of the task's coroutine (where it is suspended, or where its error was
   * raised), preceded by that of the task it awaits, each frame tagged with its coroutine.
   * `msg` (e.g. the error) comes first.
   */
  traceback(this: AsyncTask<R>, msg?: unknown, level?: number): string {
    const lvl = level ?? 0;
    const aw = this._awaiting;
    let text: unknown = msg;
    if (is_async_task(aw)) text = aw.traceback(msg, lvl + 1);
    const tag = `[${tostring(this._thread)}] `;
    const tb = (debug.traceback(this._thread, "", is_async_task(aw) ? 2 : undefined) as string | undefined) ?? "";
    const [tagged] = string.gsub(tb, "\n\t", `\n\t${tag}`);
    let out = (text === undefined ? "" : tostring(text)) + tagged;
    if (lvl === 0) {
      // One "stack traceback:" header, however many coroutines contributed frames.
      [out] = string.gsub(out, "\nstack traceback:\n", "\n\0\n", 1);
      [out] = string.gsub(out, "\nstack traceback:\n", "\n");
      [out] = string.gsub(out, "\n%z\n", "\nstack traceback:\n", 1);
    }
    return out;
  }

  /** When the task fails, raises its error with `traceback` (reported on the main loop). Returns the task. */
  raise_on_error(this: AsyncTask<R>): AsyncTask<R> {
    const task = this;
    observe(this, (err) => {
      if (err !== undefined) error(task.traceback(err), 0);
    });
    return this;
  }
}

const TaskProto = (AsyncTask as unknown as { prototype: object }).prototype as Record<string, unknown>;
TaskProto.__tostring = (v: AsyncTask) => `vim.async Task${v.name !== undefined ? ` "${v.name}"` : ""} (${v.status()})`;

function is_async_task(x: unknown): x is AsyncTask {
  return getmetatable(x) === TaskProto;
}

function new_task(name: string | undefined, fn: unknown, args: Packed): AsyncTask {
  const v = setmetatable(
    {
      name,
      _fn: fn,
      _args: args,
      _started: false,
      _kids: new LuaTable(),
      _nkids: 0,
      _closing: false,
      _has_error: false,
      _finalizing: false,
      _done: false,
      _failed: false,
      _cbs: new LuaTable(),
      _cbpos: 1,
      _observed: false,
    },
    TaskProto as LuaMetatable<object>,
  ) as unknown as AsyncTask;
  v._thread = coroutine.create((marker?: unknown, err?: unknown) => {
    const f = v._fn as (this: void, ...a: unknown[]) => unknown;
    const a = v._args!;
    // Drop the arguments before the function can suspend: the task must not keep them alive.
    v._fn = undefined;
    v._args = undefined;
    check_yield(marker, err);
    return f(...unpack(a as unknown as unknown[], 1, a.n));
  });
  threads.set(v._thread, v);
  return v;
}

/** The task whose function runs now (also inside a `ts.pcall` coroutine on PUC Lua), if live. */
function running(): AsyncTask | undefined {
  const co = coroutine.running() as LuaThread;
  let v = threads.get(co);
  if (v === undefined) {
    const t = current_task();
    if (t !== undefined && t.pco === co) v = by_driver.get(t);
  }
  return v !== undefined && !v._done ? v : undefined;
}

function set_error(v: AsyncTask, err: unknown): unknown {
  if (!v._has_error) {
    v._has_error = true;
    v._error = err;
  }
  return v._error;
}

/** Registers `cb(err, ...)` for completion; called at once when complete. Counts as observing. */
function observe(v: AsyncTask, cb: (this: void, err?: unknown, ...values: unknown[]) => void): () => void {
  v._observed = true;
  if (v._done) {
    if (v._failed) cb(v._err);
    else cb(undefined, ...unpack(v._res! as unknown as unknown[], 1, v._res!.n));
    return noop;
  }
  const id = v._cbpos;
  v._cbpos = id + 1;
  v._cbs.set(id, cb);
  return () => v._cbs.delete(id);
}

function attach(v: AsyncTask, p: AsyncTask): void {
  p._nkids += 1;
  p._kids.set(p._nkids, v);
  v._parent = p;
  v._pidx = p._nkids;
}

/** Removes `v` from its parent (the tsasync tree too). */
function unlink(v: AsyncTask): void {
  const p = v._parent;
  if (p === undefined) return;
  p._kids.delete(v._pidx!);
  v._parent = undefined;
  v._pidx = undefined;
  const t = v._t;
  if (t !== undefined && fin(t) === undefined) t.detach();
}

/** Starts `v`'s driver (a tsasync child of the running task for attached children). True if it started now. */
function start_task(v: AsyncTask): boolean {
  if (v._started || v._done) return false;
  v._started = true;
  spawn({ name: v.name ?? "vim.async", detach: v._parent === undefined }, driver, v);
  return true;
}

function start_pending(v: AsyncTask): boolean {
  let started = false;
  for (let i = 1; i <= v._nkids; i++) {
    const c = v._kids.get(i);
    if (c !== undefined && start_task(c)) started = true;
  }
  return started;
}

function close_children(v: AsyncTask): void {
  for (let i = 1; i <= v._nkids; i++) {
    const c = v._kids.get(i);
    if (c !== undefined) c.close();
  }
}

// ---- the driver: runs a task's function, one checkpoint at a time --------------------------

function check_yield(marker?: unknown, err?: unknown, ...rest: unknown[]): LuaMultiReturn<unknown[]> {
  if (marker !== RESUME_MARK) {
    // Someone resumed the task's coroutine by hand: it dies here, the task fails.
    const v = running();
    if (v !== undefined) schedule(() => interrupt(v, RESUME_ERROR));
    error(RESUME_ERROR, 0);
  }
  if (err !== undefined) error(err, 0);
  return $multi(...rest);
}

function after_co(t: Task, ...r: unknown[]): LuaMultiReturn<unknown[]> {
  t.pco = undefined;
  return $multi(...r);
}

/** Resumes the function's coroutine; tsasync operations inside it may suspend (`pco`). */
function resume_co(t: Task, co: LuaThread, ...args: unknown[]): LuaMultiReturn<unknown[]> {
  t.pco = co;
  return after_co(t, ...resume(co, ...args));
}

/** The body of the tsasync task behind `v`. */
function driver(this: void, v: AsyncTask): void {
  const t = current_task()!;
  v._t = t;
  by_driver.set(t, v);
  on_finish(t, FINISH_KEY, on_driver_finish);
  if (v._closing) return body_end(v, false, CLOSED);
  const co = v._thread;
  let r = pack(...resume_co(t, co, RESUME_MARK));
  for (;;) {
    if (coroutine.status(co) === "dead") {
      return body_end(v, r.get(1) as boolean, ...unpack(r as unknown as unknown[], 2, r.n));
    }
    const marker = r.get(2);
    if (marker !== YIELD_MARK) {
      if (t.abort !== undefined) {
        // A tsasync operation suspended inside the function (ts.sleep, ts.uv...): suspend the
        // driver too and pass the wake-up in.
        const woke = pack(...coroutine.yield());
        r = pack(...resume_co(t, co, ...unpack(woke as unknown as unknown[], 1, woke.n)));
        continue;
      }
      return body_end(v, false, YIELD_ERROR);
    }
    const res = checkpoint_op(v, t, r.get(3) as (this: void, cb: unknown) => unknown);
    if (coroutine.status(co) === "dead") return body_end(v, false, normalize(res.get(1)));
    r = pack(...resume_co(t, co, RESUME_MARK, ...unpack(res as unknown as unknown[], 1, res.n)));
  }
}

/**
 * One checkpoint: sets the awaited operation up, starts pending children, waits for the
 * operation (suspending the tsasync task), closes the closable it returned, and returns
 * `(err, ...)` for the function to resume with.
 */
function checkpoint_op(v: AsyncTask, t: Task, awaitable: (this: void, cb: unknown) => unknown): Packed {
  const w: Wait = { v, t, st: SETUP, settled: false, parked: false };
  v._w = w;
  const [ok, ret] = pcall(awaitable, (...values: unknown[]) => on_callback(w, ...values));
  if (!ok) {
    w.st = DONE;
    v._w = undefined;
    return pack(normalize(ret));
  }
  v._awaiting = is_closable(ret) ? ret : undefined;
  const aw = v._awaiting;
  let started = is_async_task(aw) && start_task(aw);
  if (start_pending(v)) started = true;
  w.st = PENDING;
  const s = w.sync;
  if (s !== undefined) {
    w.sync = undefined;
    if (is_async_task(aw) && s.n > 0 && s.get(1) !== undefined) set_error(v, s.get(1));
    if (started) {
      // The operation completed at once: let the children started here run first.
      shield_enter(t);
      yield_now(t);
      shield_leave(t);
      if (t.cancel_err !== undefined) {
        v._closing = true;
        w.sync = pack(CLOSED);
      }
    }
    deliver(w, w.sync ?? s);
  }
  if (w.ready === undefined) {
    w.parked = true;
    const woke = suspend_quiet(t, abort_wait, w);
    w.parked = false;
    if (!woke) {
      v._w = undefined;
      return pack(CLOSED);
    }
  }
  v._w = undefined;
  return w.ready!;
}

function on_callback(w: Wait, ...values: unknown[]): void {
  if (w.settled) return;
  w.settled = true;
  const args = pack(...values);
  if (w.st === SETUP) {
    w.sync = args;
    return;
  }
  const v = w.v;
  if (v._done) return;
  if (is_async_task(v._awaiting) && args.n > 0 && args.get(1) !== undefined) set_error(v, args.get(1));
  deliver(w, args);
}

/** Closes the awaited closable (when owned) and then hands `args` to the function. */
function deliver(w: Wait, args: Packed): void {
  if (w.st === DONE) return;
  const v = w.v;
  const first_arg = args.n > 0 ? args.get(1) : undefined;
  if (first_arg === undefined && is_async_task(v._awaiting) && v._awaiting._done) v._awaiting = undefined;
  const a = v._awaiting as Closable | undefined;
  if (a !== undefined && (!is_async_task(a) || (a as AsyncTask)._parent === v)) {
    const c = a as Closable;
    if (type(c.is_closing) === "function" && c.is_closing!()) {
      v._awaiting = undefined;
      return deliver(w, args);
    }
    w.st = CLOSING;
    w.args = args;
    const [ok, err] = pcall(a.close as unknown as (this: void, self: unknown, cb: unknown) => unknown, a, () => {
      if (w.st !== CLOSING) return;
      v._awaiting = undefined;
      w.st = PENDING;
      deliver(w, w.args!);
    });
    if (!ok && w.st === CLOSING) {
      v._awaiting = undefined;
      w.st = PENDING;
      deliver(w, pack(normalize(err)));
    }
    return;
  }
  w.st = DONE;
  w.ready = args;
  if (w.parked) resume_with(w.t, EMPTY);
}

/** The tsasync task behind a parked checkpoint was cancelled (from tsasync): a close. */
function abort_wait(this: void, arg: unknown): void {
  const w = arg as Wait;
  const v = w.v;
  w.st = DONE;
  w.settled = true;
  v._closing = true;
  const a = v._awaiting as Closable | undefined;
  if (a !== undefined && (!is_async_task(a) || a._parent === v)) {
    v._awaiting = undefined;
    const [ok, err] = pcall(a.close as unknown as (this: void, self: unknown, cb: unknown) => unknown, a, noop);
    if (!ok) report(`tsasync: vim.async: error closing the operation of a cancelled task: ${tostring(err)}`);
  }
}

/** Raises `err` in `v` at its current checkpoint (or leaves it for the next one). */
function interrupt(v: AsyncTask, err: unknown): void {
  if (v._done) return;
  const w = v._w;
  if (w === undefined) {
    // Not at a vim.async checkpoint: suspended in a tsasync operation? Cancel that one.
    const t = v._t;
    if (t !== undefined && fin(t) === undefined && !v._finalizing && t !== current_task() && t.abort !== undefined) t.cancel();
    return;
  }
  if (w.st === SETUP || (w.st === PENDING && !w.parked)) {
    w.settled = true;
    w.sync = pack(err);
  } else if (w.st === PENDING) {
    w.settled = true;
    deliver(w, pack(err));
  } else if (w.st === CLOSING) {
    w.args = pack(err);
  }
}

function deliver_close(v: AsyncTask): void {
  if (!v._started) {
    // Never ran: completes at once, its function never runs.
    v._body = pack(false, CLOSED);
    finish(v);
  } else if (v._finalizing) {
    close_children(v);
  } else {
    interrupt(v, CLOSED);
  }
}

// ---- completion -------------------------------------------------------------------------------

/** The function returned (`stat` true) or raised: decide, then close or start the children. */
function body_end(v: AsyncTask, stat: boolean, ...values: unknown[]): void {
  if (!stat) v._body = pack(false, normalize(first(...values)));
  else if (v._has_error) v._body = pack(false, v._error);
  else if (v._closing) v._body = pack(false, CLOSED);
  else v._body = pack(true, ...values);
  v._finalizing = true;
  if (v._body.get(1) === true) start_pending(v);
  else close_children(v);
  // The tsasync task now waits for the started children; `on_driver_finish` completes `v`.
}

function on_driver_finish(this: void, t: Task): void {
  const v = by_driver.get(t);
  if (v !== undefined && !v._done) finish(v);
}

function finish(v: AsyncTask): void {
  const b = v._body;
  let failed = true;
  let err: unknown = CLOSED;
  if (b === undefined) {
    if (v._has_error) err = v._error;
  } else if (b.get(1) !== true) {
    err = b.get(2);
  } else if (v._has_error) {
    err = v._error;
  } else if (!v._closing) {
    failed = false;
  }
  const t = v._t;
  if (!failed && t !== undefined && fin(t) === "failed") {
    // A tsasync child (ts.run inside the function) failed unobserved.
    failed = true;
    err = `child error: ${tostring(err_of(t))}`;
  }
  const p = v._parent;
  unlink(v);
  threads.delete(v._thread);
  v._done = true;
  v._failed = failed;
  v._w = undefined;
  if (failed) v._err = err;
  else v._res = pack(...unpack(b! as unknown as unknown[], 2, b!.n));
  if (failed) {
    if (p !== undefined) child_failed(p, v, err, p._awaiting === v);
    else if (cfg.report_unhandled && !v._observed && !v._closing) schedule(() => report_unhandled(v));
  }
  const cbs = v._cbs;
  const n = v._cbpos - 1;
  v._cbs = new LuaTable();
  const errs: string[] = [];
  for (let i = 1; i <= n; i++) {
    const cb = cbs.get(i);
    if (cb === undefined) continue;
    const [ok, e] = failed
      ? pcall(cb, err)
      : (pcall as unknown as (this: void, f: unknown, ...a: unknown[]) => LuaMultiReturn<[boolean, unknown]>)(
          cb,
          undefined,
          ...unpack(v._res! as unknown as unknown[], 1, v._res!.n),
        );
    if (!ok) errs.push(tostring(normalize(e)));
  }
  if (errs.length > 0) report(table.concat(errs, "\n"));
}

function child_failed(p: AsyncTask, c: AsyncTask, err: unknown, awaited: boolean): void {
  if (c._closing || awaited || (p._closing && err === CLOSED) || p._done) return;
  const e = set_error(p, `child error: ${tostring(err)}`);
  if (p._finalizing) close_children(p);
  else interrupt(p, e);
}

function report_unhandled(v: AsyncTask): void {
  if (v._observed) return;
  v._observed = true;
  const where = v._caller !== undefined ? ` (created at ${v._caller})` : "";
  const name = v.name !== undefined ? ` "${v.name}"` : "";
  report(`tsasync: unhandled error in vim.async task${name}${where}: ${v.traceback(v._err)}`);
}

// ---- the API ----------------------------------------------------------------------------------

function caller_site(): string | undefined {
  const info = debug.getinfo(3, "Sl");
  return info !== undefined && (info.currentline ?? -1) > 0 ? `${info.short_src}:${info.currentline}` : undefined;
}

function create(name: string | undefined, ...rest: unknown[]): AsyncTask {
  const fn = first(...rest);
  validate("func", fn, "callable");
  const v = new_task(name, fn, pack(...select(2, ...rest)));
  if (cfg.debug) v._caller = caller_site();
  const p = running();
  if (p !== undefined) attach(v, p);
  else start_task(v);
  return v;
}

/**
 * Creates a task running `fn(...)`; `run(name, fn, ...)` names it (`task.name`). A task created
 * inside a task is its attached child: it starts at the parent's next checkpoint, the parent
 * completes only after it, and its unhandled error fails the parent (`"child error: <err>"`)
 * and closes the siblings. A top-level task starts at once (on the main loop when created in
 * a fast event).
 * ```lua
 * local task = async.run("load", function(path) return read(path) end, "notes.txt")
 * ```
 */
export function run<A extends unknown[], R extends unknown[]>(
  this: void,
  fn_or_name: string | ((this: void, ...args: A) => LuaMultiReturn<R> | R[0]),
  ...args: unknown[]
): AsyncTask<R> {
  if (type(fn_or_name) === "string") return create(fn_or_name as string, ...args) as AsyncTask<R>;
  if (is_callable(fn_or_name)) return create(undefined, fn_or_name, ...args) as AsyncTask<R>;
  return error("Invalid arguments", 2);
}

/** Before suspending: the task's pending close or failure is raised here. */
function check_current_task(): AsyncTask {
  const v = running();
  if (v === undefined) error("Not in async context", 0);
  if (v._closing) error(CLOSED, 0);
  if (v._has_error) error(v._error, 0);
  return v;
}

function with_callback(argc: number, fn: (this: void, ...a: unknown[]) => unknown, ...args: unknown[]): (this: void, cb: (this: void, ...a: unknown[]) => void) => unknown {
  const a = pack(...args);
  return (cb) => {
    (a as unknown as Record<number, unknown>)[argc] = (...values: unknown[]) => cb(undefined, ...values);
    a.n = math.max(a.n, argc);
    return fn(...unpack(a as unknown as unknown[], 1, a.n));
  };
}

function to_awaitable(a1?: unknown, fn?: unknown, ...rest: unknown[]): (this: void, cb: (this: void, ...a: unknown[]) => void) => unknown {
  if (type(a1) === "number") return with_callback(a1 as number, fn as (this: void, ...a: unknown[]) => unknown, ...rest);
  if (type(a1) === "function") return with_callback(1, a1 as (this: void, ...a: unknown[]) => unknown);
  if (is_async_task(a1)) {
    return (cb) => {
      observe(a1, cb);
      return a1;
    };
  }
  return error(`Invalid arguments, expected Task or (argc, func) got: ${tostring(a1)}`, 4);
}

/**
 * Suspends the current task until `task` completes (returns its results, raises its error),
 * until `fn(callback)` calls back, or until `fn(a1, ..., callback)` with the callback at
 * position `argc` calls back; callback values are returned unchanged (error-first stays
 * error-first). A closable `fn` returns is closed before the task continues, and when the
 * task is closed meanwhile. A checkpoint: raises the task's pending close (`"closed"`) or
 * failure first, and starts its pending children.
 * ```lua
 * local err, stat = async.await(2, vim.uv.fs_stat, "notes.txt")
 * ```
 */
export function await_(this: void, ...args: unknown[]): LuaMultiReturn<unknown[]> {
  check_current_task();
  return check_yield(...coroutine.yield(YIELD_MARK, to_awaitable(...args)));
}

/**
 * `await` in protected mode: `true, ...` or `false, err` for a failure of the awaited task or
 * operation (also an error raised while setting it up). The task's own close or pending
 * failure is still raised.
 * ```lua
 * local ok, text_or_err = async.pawait(async.run(read, "notes.txt"))
 * ```
 */
export function pawait(this: void, ...args: unknown[]): LuaMultiReturn<[boolean, ...unknown[]]> {
  check_current_task();
  const awaitable = to_awaitable(...args);
  const protect = (cb: (this: void, ...a: unknown[]) => void): unknown => {
    const [ok, ret] = pcall(awaitable, (err?: unknown, ...values: unknown[]) => {
      if (err !== undefined) cb(undefined, false, err);
      else cb(undefined, true, ...values);
    });
    if (!ok) {
      cb(undefined, false, normalize(ret));
      return undefined;
    }
    return ret;
  };
  return check_yield(...coroutine.yield(YIELD_MARK, protect)) as LuaMultiReturn<[boolean, ...unknown[]]>;
}

/**
 * Makes a callback-style function awaitable: `wrap(argc, fn)(...)` is `await(argc, fn, ...)`.
 * ```lua
 * local fs_stat = async.wrap(2, vim.uv.fs_stat)
 * ```
 */
export function wrap(this: void, argc: number, fn: (this: void, ...args: any[]) => unknown): (this: void, ...args: unknown[]) => LuaMultiReturn<unknown[]> {
  validate("argc", argc, "number");
  validate("func", fn, "callable");
  return (...args: unknown[]) => await_(argc, fn, ...args);
}

function call_now(this: void, cb: (this: void) => void): void {
  cb();
}

/** An explicit checkpoint: raises a pending close or failure, starts pending children. */
export function checkpoint(this: void): void {
  await_(call_now);
}

/** True when the current task has been closed (false outside tasks). */
export function is_closing(this: void): boolean {
  const v = running();
  return v !== undefined ? v._closing : false;
}

function fire_timer(this: void, cb: unknown): void {
  (cb as (this: void) => void)();
}

/**
 * Suspends the current task for `duration` ms (a checkpoint). On tsasync's shared timer heap
 * unless `config({ new_timer = ... })` is set.
 */
export function sleep(this: void, duration: number): void {
  validate("duration", duration, "number");
  const make = cfg.new_timer;
  if (make !== undefined) {
    await_((cb: (this: void) => void) => {
      const timer = make();
      timer.start(duration, 0, cb);
      return timer;
    });
    return;
  }
  await_((cb: (this: void) => void) => {
    const e = timers.add(duration, fire_timer, cb);
    return {
      close: (_self: unknown, done?: (this: void) => void) => {
        timers.remove(e);
        if (done !== undefined) done();
      },
    };
  });
}

/**
 * Awaits `task` with a deadline: its results or error as `await` gives them, or, after
 * `duration` ms, closes it, waits for its cleanup and raises `"timeout"`.
 * ```lua
 * local text = async.timeout(5000, async.run(read, "notes.txt"))
 * ```
 */
export function timeout<R extends unknown[]>(this: void, duration: number, task: AsyncTask<R>): LuaMultiReturn<R> {
  validate("duration", duration, "number");
  validate("task", task, "table");
  let timed_out = false;
  const timer = run("__timeout", () => {
    sleep(duration);
    timed_out = true;
    task.close();
  });
  const result = pack(...pawait(task));
  timer.close();
  pawait(timer);
  if (timed_out) error("timeout", 0);
  if (result.get(1) !== true) error(result.get(2), 0);
  return unpack(result as unknown as unknown[], 2, result.n) as unknown as LuaMultiReturn<R>;
}

/**
 * An iterator over `tasks` in completion order: each call returns the next task to complete
 * (suspending until one does), then nil. It yields task handles: `await`/`pawait` them for
 * their results. Dropping the iterator unsubscribes it from the tasks (on garbage collection).
 * ```lua
 * local next_task = async.iter(tasks)
 * while true do
 *   local t = next_task()
 *   if not t then break end
 *   print(async.await(t))
 * end
 * ```
 */
export function iter<R extends unknown[]>(this: void, tasks: AsyncTask<R>[]): (this: void) => AsyncTask<R> | undefined {
  validate("tasks", tasks, "table");
  const done: AsyncTask<R>[] = [];
  let head = 0;
  let remaining = tasks.length;
  let waiter: ((this: void) => void) | undefined;
  let wake_pending = false;
  const unsubscribe: Array<() => void> = [];
  const notify = (): void => {
    if (waiter === undefined || wake_pending) return;
    wake_pending = true;
    schedule(() => {
      wake_pending = false;
      const w = waiter;
      waiter = undefined;
      if (w !== undefined) w();
    });
  };
  for (const task of tasks) {
    unsubscribe.push(
      observe(task, () => {
        remaining -= 1;
        done.push(task);
        notify();
      }),
    );
  }
  const next_task = (): AsyncTask<R> | undefined => {
    for (;;) {
      if (head < done.length) {
        head += 1;
        return done[head - 1];
      }
      if (remaining <= 0) return undefined;
      await_((cb: (this: void) => void) => {
        waiter = cb;
        return {
          close: (_self: unknown, on_close?: (this: void) => void) => {
            if (waiter === cb) waiter = undefined;
            if (on_close !== undefined) on_close();
          },
        };
      });
    }
  };
  // A callable proxy whose collection unsubscribes the iterator from the tasks.
  const proxy = newproxy(true);
  const mt = getmetatable(proxy) as Record<string, unknown>;
  mt.__gc = () => {
    for (const u of unsubscribe) u();
  };
  mt.__call = (_self: unknown) => next_task();
  return proxy as unknown as (this: void) => AsyncTask<R> | undefined;
}

// ---- semaphore ----------------------------------------------------------------------------------

/** A `vim.async` semaphore. Create with `semaphore(n)`. */
class Semaphore {
  declare _permits: number;
  declare _max: number;
  /** A free permit may be taken without waiting (false while a release is reserved for a waiter). */
  declare _set: boolean;
  declare _waiters: Array<((this: void) => void) | false>;

  acquire(this: Semaphore): void {
    const sem = this;
    await_((cb: (this: void) => void) => {
      if (sem._set) {
        cb();
        return undefined;
      }
      sem._waiters.push(cb);
      return {
        close: (_self: unknown, on_close?: (this: void) => void) => {
          const list = sem._waiters;
          for (let i = 0; i < list.length; i++) {
            if (list[i] === cb) {
              list[i] = false;
              break;
            }
          }
          if (on_close !== undefined) on_close();
        },
      };
    });
    this._permits -= 1;
    if (this._permits < 0) error("Semaphore value is negative", 0);
    if (this._permits === 0) this._set = false;
  }

  release(this: Semaphore): void {
    if (this._permits >= this._max) error("Semaphore value is greater than max permits", 2);
    this._permits += 1;
    if (this._set) return;
    if (!has_waiters(this._waiters)) {
      this._set = true;
      return;
    }
    // The permit is reserved for the longest waiter, handed over on the next loop turn: a
    // task acquiring meanwhile queues behind it (FIFO, no barging).
    const sem = this;
    schedule(() => {
      const list = sem._waiters;
      let w: ((this: void) => void) | false = false;
      while (list.length > 0 && w === false) w = list.shift()!;
      if (w === false) {
        sem._set = true;
        return;
      }
      w();
    });
  }

  with(this: Semaphore, fn: (this: void) => unknown): LuaMultiReturn<unknown[]> {
    this.acquire();
    const r = pack(...ypcall(fn));
    this.release();
    if (r.get(1) !== true) error(r.get(2), 0);
    return unpack(r as unknown as unknown[], 2, r.n) as LuaMultiReturn<unknown[]>;
  }
}

const SemaphoreProto = (Semaphore as unknown as { prototype: object }).prototype;

function has_waiters(list: Array<unknown>): boolean {
  for (const w of list) if (w !== false) return true;
  return false;
}

/**
 * A semaphore of `permits` permits (default 1; a positive integer): `acquire()` (FIFO, a
 * checkpoint), `release()`, `with(fn)`. A release hands its permit to the longest waiter on
 * the next loop turn.
 * ```lua
 * local limit = async.semaphore(4)
 * limit:with(function() return read(path) end)
 * ```
 */
export function semaphore(this: void, permits?: number): AsyncSemaphore {
  validate("permits", permits, "number", true);
  const n = permits ?? 1;
  if (n < 1 || n % 1 !== 0) error("permits: expected positive integer", 2);
  return setmetatable({ _permits: n, _max: n, _set: true, _waiters: [] }, SemaphoreProto as LuaMetatable<object>) as unknown as AsyncSemaphore;
}

/**
 * Configures the polyfill. `wait`, `schedule`, `new_timer`, `debug` as the
 * built-in's runtime options (which it keeps private in
 * `vim.async._runtime`); `false` restores the default. `report_unhandled`
 * (default true): an error of a top-level task nobody observes (no await,
 * pawait, wait, pwait, on_complete, iter, timeout; not closed) is reported
 * with |vim.notify| on the next loop turn, with its traceback
 * (`debug = true` adds where the task was created). `false` drops it
 * silently, as the built-in does.
 * ```lua
 * local polyfill = require("tsasync.compat.vim_async_polyfill")
 * polyfill.config({ report_unhandled = false })
 * ```
 * @help config({opts})
 * @notag
 * @tag tsasync-vim-async-config
 */
export function config(this: void, opts: ConfigOpts): void {
  validate("opts", opts, "table");
  const hooks = ["wait", "schedule", "new_timer"] as const;
  for (const key of hooks) {
    if (opts[key] !== false) validate(`opts.${key}`, opts[key], "callable", true);
  }
  validate("opts.debug", opts.debug, "boolean", true);
  validate("opts.report_unhandled", opts.report_unhandled, "boolean", true);
  // `false` restores the default (an extension: the built-in only replaces).
  for (const key of hooks) {
    const value = opts[key];
    if (value !== undefined) (cfg as Record<string, unknown>)[key] = value === false ? undefined : value;
  }
  if (opts.debug !== undefined) cfg.debug = opts.debug;
  if (opts.report_unhandled !== undefined) cfg.report_unhandled = opts.report_unhandled;
}

/** Marks the module as the polyfill (the built-in has no such field). */
export const polyfill = true;

export { await_ as await };

/**
 * @section tsasync-vim-async
 * How it maps onto tsasync: each `vim.async` task is driven by a tsasync task
 * (|ts.run()|), which owns scheduling (the trampoline, one `vim.schedule` per
 * loop turn out of fast events), the task tree (a started child is a tsasync
 * child of its parent's task; the inspector shows it) and timers (`sleep`
 * uses the shared deadline heap unless `new_timer` is set). The function runs
 * in a coroutine of its own, which yields to that tsasync task at each
 * checkpoint; the polyfill translates at this boundary, so errors are the raw
 * values (`"closed"`, not a tsasync CancelledError) and statuses are
 * `vim.async`'s. tsasync operations (`ts.sleep`, `ts.uv.*`) work inside a
 * `vim.async` task; closing the task cancels them (the function then sees a
 * tsasync cancellation error there, not `"closed"`).
 *
 * Known differences from the built-in:
 * - A task woken by a libuv callback (timer, fs, process) resumes on the main
 *   loop, where `vim.api` is allowed; the built-in resumes it inside the fast
 *   event. A top-level task created inside a fast event starts on the main
 *   loop too.
 * - `Task:wait()` / `pwait()` inside a task raise "cannot block inside a task"
 *   (the built-in pumps the event loop from inside the task); use `await`.
 * - A top-level task created while tsasync resumes another task (e.g. in an
 *   `on_complete` callback) starts right after that task suspends, not inside
 *   the `run` call.
 * - Unobserved errors are reported by default (see `report_unhandled`), and an
 *   error raised by an `on_complete` or `raise_on_error` callback is reported
 *   with |vim.notify| instead of being raised from the code that completed
 *   the task.
 * - `await` is refused inside a tsasync task that is not a `vim.async` one
 *   ("Not in async context"); `run` there creates a top-level task.
 * - A task created inside the setup of an awaited function is top-level (as
 *   in the built-in), and the iterator of `iter` keeps returning nil after
 *   the end (the built-in's would wait forever).
 * - Not provided: the built-in's private parts (`_inspect_tree`, `_future`,
 *   `_queue`, `_event`); use |:Tsasync| to inspect tasks.
 * - PUC Lua: a `pcall` around an `await` needs LuaJIT (Neovim's usual Lua),
 *   as for the built-in without coxpcall; `semaphore:with` works on both.
 */
