/**
 * @section tsasync-model
 */

/**
 * A Lua coroutine plus its completion state. Tasks are stackful: any plain
 * function called inside a task may suspend. Suspension points are
 * |ts.await()| and everything built on it (|ts.sleep()|, |Task:await()|,
 * |Future:await()|, ...).
 * @help Task
 * @tag tsasync-task
 */

/**
 * A ready queue drained by one loop (a trampoline) owns every resumption:
 * a callback that fires synchronously never nests `coroutine.resume`, so no
 * chain of completions, however long, overflows a stack. A task started
 * from plain code runs at once until its first suspension. A task started
 * inside a running task starts as soon as that task suspends: a task never
 * preempts the one running. Started from a fast event, it starts on the
 * main loop.
 * @help Scheduling
 * @tag tsasync-scheduler
 */

/**
 * libuv callbacks run in Neovim's "fast event" context, where most
 * `vim.api` functions raise E5560. By default a task woken from a fast
 * event continues on the main loop; wake-ups are batched, so one
 * `vim.schedule` carries every task woken in that loop turn. A task woken
 * from the main loop (a `vim.schedule` callback, an autocmd, an LSP
 * handler) resumes directly, with no extra hop. `{ fast = true }` on
 * |ts.run()| or |ts.wrap()| keeps a task in the fast context.
 * @help Fast events
 * @tag tsasync-fast-event
 */

/**
 * A task started inside another task is its child. The parent does not
 * complete until its children complete. A child's failure that nothing is
 * waiting for (no |Task:await()|, |Task:pawait()| or |Task:on_complete()|
 * at the moment it fails) fails the parent and cancels its other children.
 * Cancelling a parent cancels its whole subtree, including children it
 * starts after it was cancelled: they start cancelled, and their first
 * suspension raises. |Task:detach()| opts a task out. Tasks started outside
 * any task are roots. A task fails with its own error in preference to a
 * child's; a child failure it does not fail with (a second failing
 * child, or one failing after the parent raised its own error) is
 * reported like a root's, never dropped.
 * @help Structured concurrency
 * @tag tsasync-structured
 */

/**
 * Cooperative and level-triggered: |Task:cancel()| makes the task's
 * current or next suspension raise a cancellation error, and once
 * cancelled every later suspension raises again, so a |ts.pcall()| cannot
 * swallow it by accident (except inside |ts.shield()|). The operation the
 * task was suspended on is released at once: its deadline removed, a
 * callback await's `on_cancel` called, a value that arrives later handed
 * to its `cleanup`. A task cancelled from inside another task unwinds as
 * soon as the cancelling task suspends; cancelled from plain code, it
 * unwinds before |Task:cancel()| returns. A cancelled task ends with
 * status "cancelled" unless it fails with another error.
 * @help Cancellation
 * @tag tsasync-cancellation
 */

/**
 * "running"    executing now
 * "suspended"  waiting, or ready to run (also: returned, waiting for its
 *              children)
 * "done"       returned; |Task:result()| gives its values
 * "failed"     raised an error, or a child failed unobserved
 * "cancelled"  cancelled (see |tsasync-cancellation|)
 * @help Statuses
 * @tag tsasync-status
 */
import {
  CancelledError,
  CancelledMT,
  TaskError,
  is_cancelled,
  message_of,
  new_cancelled,
  new_task_error,
  new_timeout,
} from "./errors";
import { FOREVER, runtime } from "./runtime";
import { EMPTY, Packed, drop_last, enqueue, pack, pack1, set_step, wake0, wake1, wake_packed } from "./scheduler";

/** The results of a function returning `R`, as a tuple: `LuaMultiReturn<[a, b]>` gives `[a, b]`, `T` gives `[T]`. */
export type Results<R> = R extends LuaMultiReturn<infer U> ? U : R extends void ? [] : [R];

/** The status of a completed task. */
export type FinalStatus = "done" | "failed" | "cancelled";

/** What `Task:status()` returns. */
export type TaskStatus = "running" | "suspended" | "done" | "failed" | "cancelled";

/** Options of `ts.run(opts, fn, ...)`. */
export interface RunOptions {
  /** Shown in errors, reports and the inspector. Default `"task"`. */
  name?: string;
  /** Start as a root even inside a task: no parent waits for it or sees its errors. */
  detach?: boolean;
  /** Resume inside fast events instead of hopping to the main loop (no `vim.api` then). */
  fast?: boolean;
}

/** Releases the operation a task is suspended on; called by `cancel` with `(arg, task)`. */
export type AbortFn = (this: void, arg: unknown, t: Task) => void;

/** An observer: a task suspended in `await`, or an `on_complete` callback; `false` once removed. */

/** Runtime configuration (set with `ts.config`). */
export const settings: {
  on_unhandled?: (this: void, err: unknown, task: Task) => void;
  debug: boolean;
  slow_step_ms: number;
} = { debug: false, slow_step_ms: 100 };

let n_started = 0;
let n_done = 0;
let n_unhandled = 0;

/** Counters for `:checkhealth`, the inspector and leak checks. */
export function task_counts(this: void): { live: number; started: number; unhandled: number } {
  return { live: n_started - n_done, started: n_started, unhandled: n_unhandled };
}

const QUEUED: AbortFn = () => {};

/** Raises `<fname>: not called on a Task` unless `self` is one (a method called with a dot). */
function check_task(self: unknown, fname: string): void {
  if (!is_task(self)) error(`${fname}: not called on a Task (got ${type(self)}); call it with a colon: t:${string.match(fname, ":(.*)$")[0]}(...)`, 3);
}

/**
 * @section tsasync-tasks
 */

/**
 * A running computation: what |ts.run()| returns. Await it with
 * |Task:await()| inside a task, or |Task:wait()| from synchronous code.
 * Its methods are called with a colon. TypeScript: `Task<R>`, where `R` is
 * the tuple of the task's results (`[number]` for a function returning a
 * number).
 * @typeParam R the task's results, as a tuple.
 * @help Task
 * @tag tsasync-Task
 */
export class Task<R extends unknown[] = unknown[]> {
  /**
   * The name given to |ts.run()|, "task" by default.
   * @help Task.name
   */
  declare name: string;
  /**
   * @internal The coroutine while the task is live; its final status once it completed (the
   * same key, so completing adds no key to the table: no rehash on the spawn path).
   */
  declare state: LuaThread | FinalStatus;
  /** @internal parent in the task tree (absent for roots and detached tasks) */
  declare parent?: Task;
  /** @internal live children */
  declare kids?: LuaTable<Task, true>;
  /** @internal number of live children */
  declare nkids?: number;
  /** @internal coroutine finished, completion waits for the children: "ok" or "err" (outcome in `x`) */
  declare body_done?: "ok" | "err";
  /** @internal set when cancelled */
  declare cancel_err?: CancelledError;
  /** @internal a child that failed unobserved: this task fails with its error */
  declare failed_kid?: Task;
  /** @internal > 0 while shielded from cancellation */
  declare shield?: number;
  /** @internal this task is not cancelled when its parent is */
  declare shielded?: boolean;
  /** @internal release function of the operation the task is suspended on */
  declare abort?: AbortFn;
  /**
   * @internal One key, present from creation, for what is never needed at the same time: the
   * argument of `abort` while suspended; the results (done: see `store_results`, read them
   * with `vals_of`) or the error (failed, cancelled) once complete; `false` for nothing. Completing a task thus adds no key to its
   * table (no rehash on the spawn path) and a suspended task keeps 4 keys.
   */
  declare x: unknown;
  /** @internal index of this task in the waiter list it sits in */
  declare widx?: number;
  /** @internal error to raise when resumed */
  declare wake_err?: unknown;
  /** @internal observers */
  declare obs?: WaitList;
  /** @internal someone looked at the outcome */
  declare observed?: boolean;
  /** @internal resume inside fast events */
  declare fast?: boolean;
  /** @internal coroutine of a `ts.pcall` running inside this task (PUC Lua) */
  declare pco?: LuaThread;
  /** @internal start site: recorded in debug mode, else computed once when first asked */
  declare at?: string;
  /** @internal start time (debug mode) */
  declare t0?: number;
  /** @internal callback slot reused by callback awaits */
  declare slot?: unknown;
  /** @internal finalizers (resources owned by the task), run when it completes */
  declare finalizers?: LuaTable<object, (this: void, t: Task) => void>;

  /**
   * Inside a task: waits for the task and returns its results; raises its
   * error (with its context, |tsasync-errors|), or a cancellation error if it
   * was cancelled (|ts.is_cancelled()|). A task cannot await itself.
   * ```lua
   * local t = ts.run(function() ts.sleep(10); return 42 end)
   * ts.run(function() print(t:await()) end) -- 42
   * ```
   * @help Task:await()
   */
  await(this: Task<R>): LuaMultiReturn<R> {
    check_task(this, "Task:await");
    const cur = running_task("Task:await");
    if (this === (cur as Task)) error("Task:await: a task cannot await itself", 2);
    return await_task(cur, this) as unknown as LuaMultiReturn<R>;
  }

  /**
   * Protected |Task:await()|: returns `true, ...` or `false, err`. The
   * running task's own cancellation is raised, never returned.
   * @help Task:pawait()
   */
  pawait(this: Task<R>): LuaMultiReturn<[boolean, ...unknown[]]> {
    check_task(this, "Task:pawait");
    const cur = running_task("Task:pawait");
    if (this === (cur as Task)) error("Task:pawait: a task cannot await itself", 2);
    return protect(cur, await_task, cur, this);
  }

  /**
   * From synchronous code: pumps the event loop (`vim.wait`) until the task
   * completes and returns its results, or raises its error. After
   * `timeout_ms` raises a timeout error (|ts.is_timeout()|); the task keeps
   * running. Without `timeout_ms` it waits until done; <C-c> interrupts.
   * Refuses, with an error saying why, inside a task (use |Task:await()|)
   * and inside a fast event.
   * @param timeout_ms milliseconds; default: no limit.
   * @help Task:wait({timeout_ms})
   */
  wait(this: Task<R>, timeout_ms?: number): LuaMultiReturn<R> {
    check_task(this, "Task:wait");
    check_sync("Task:wait", timeout_ms);
    const seen = this.observed;
    this.observed = true;
    if (fin(this) === undefined) {
      const limit = timeout_ms ?? FOREVER;
      const [ok, why] = runtime.wait(limit, () => fin(this) !== undefined);
      if (!ok) {
        // Gave up before the outcome: a later failure is not observed by this call.
        this.observed = seen;
        if (why === "interrupted") error(`Task:wait: interrupted while waiting for task "${this.name}"`, 2);
        error(new_timeout(limit, `Task:wait: task "${this.name}" did not finish within ${limit} ms`), 2);
      }
    }
    return results_of(this) as unknown as LuaMultiReturn<R>;
  }

  /**
   * Requests cancellation (|tsasync-cancellation|). Returns true if the
   * request took effect, false if the task had completed or was already
   * cancelled. The operation the task is suspended on is released at once
   * and the task resumes with a cancellation error; its children are
   * cancelled too.
   * @param reason any value, kept in the error (`err.reason`).
   * @help Task:cancel({reason})
   */
  cancel(this: Task<R>, reason?: unknown): boolean {
    check_task(this, "Task:cancel");
    if (fin(this) !== undefined || this.cancel_err !== undefined) return false;
    cancel_tree(this, new_cancelled(reason));
    return true;
  }

  /**
   * One of the |tsasync-status| strings: "running" (executing now),
   * "suspended" (waiting or ready to run), "done", "failed" or "cancelled".
   * @help Task:status()
   */
  status(this: Task<R>): TaskStatus {
    check_task(this, "Task:status");
    return fin(this) ?? (this === current ? "running" : "suspended");
  }

  /**
   * True once done, failed or cancelled.
   * @help Task:is_done()
   */
  is_done(this: Task<R>): boolean {
    check_task(this, "Task:is_done");
    return fin(this) !== undefined;
  }

  /**
   * After completion: `true, ...results` or `false, err`. Raises while the
   * task is still running. Counts as observing the error.
   * @help Task:result()
   */
  result(this: Task<R>): LuaMultiReturn<[boolean, ...unknown[]]> {
    check_task(this, "Task:result");
    if (fin(this) === undefined) error(`Task:result: task "${this.name}" has not completed (status "${this.status()}")`, 2);
    this.observed = true;
    if (fin(this) === "done") {
      const v = vals_of(this);
      return $multi(true, ...unpack(v as unknown as unknown[], 1, v.n));
    }
    return $multi(false, this.x);
  }

  /**
   * @section tsasync-inspector
   */

  /**
   * Milliseconds since the task started, when recorded (debug mode, see
   * |ts.config()|), else nil.
   * @help Task:age()
   */
  age(this: Task<R>): number | undefined {
    check_task(this, "Task:age");
    return this.t0 === undefined ? undefined : (runtime.uv.hrtime() - this.t0) / 1e6;
  }

  /**
   * `file:line` where the task was started (debug mode), else where its
   * function was defined.
   * @help Task:site()
   */
  site(this: Task<R>): string {
    check_task(this, "Task:site");
    return site_of(this);
  }

  /**
   * What the task waits for, in words: "sleep (12 ms left)", "a future",
   * `task "x"`, "a channel receive", "LSP textDocument/hover (client ...)";
   * "" once complete.
   * @help Task:waiting_on()
   */
  waiting_on(this: Task<R>): string {
    check_task(this, "Task:waiting_on");
    return waiting_on(this);
  }

  /**
   * The task's live children.
   * @help Task:children()
   */

  /**
   * @section tsasync-tasks
   */
  children(this: Task<R>): Task[] {
    check_task(this, "Task:children");
    return children_of(this);
  }

  /**
   * Calls `fn(true, ...results)` or `fn(false, err)` when the task
   * completes, at once if it already has. Counts as observing the error.
   * An error raised by `fn` is reported and does not disturb the scheduler.
   * Returns a function that unsubscribes `fn`.
   * @help Task:on_complete({fn})
   */
  on_complete(this: Task<R>, fn: (this: void, ok: boolean, ...values: unknown[]) => void): () => void {
    check_task(this, "Task:on_complete");
    if (type(fn) !== "function") error(`Task:on_complete: fn must be a function, got ${type(fn)}`, 2);
    this.observed = true;
    if (fin(this) !== undefined) {
      call_observer(fn, this);
      return () => {};
    }
    return wl_add_callback((this.obs ??= []), fn);
  }

  /**
   * Takes the task out of its parent's tree: the parent neither waits for
   * it, nor fails with it, nor cancels it. Its errors, if unobserved, are
   * reported like a root task's. A parent that had returned and waited only
   * for this task completes at once. Returns the task.
   * @help Task:detach()
   */
  detach(this: Task<R>): Task<R> {
    check_task(this, "Task:detach");
    const p = this.parent;
    if (p !== undefined) {
      this.parent = undefined;
      // A parent whose function already returned and that waited only for this child
      // completes now (it would otherwise wait forever).
      if (remove_child(p, this)) complete(p, p.body_done === "ok", p.x);
    }
    return this;
  }

  /**
   * A string naming the task, its status and start site, with the stack
   * where it is suspended, or its error with the raise site's traceback.
   * @help Task:traceback()
   */
  traceback(this: Task<R>): string {
    check_task(this, "Task:traceback");
    const head = `task "${this.name}" (${this.status()}, started at ${site_of(this)})`;
    if (fin(this) === "failed") return `${head}\n${tostring(this.x)}`;
    if (fin(this) === undefined && this !== current && coroutine.status(this.state as LuaThread) === "suspended") {
      return debug.traceback(this.state as LuaThread, head);
    }
    return head;
  }
}

const TaskProto = (Task as unknown as { prototype: object }).prototype;
(TaskProto as Record<string, unknown>).__tostring = (t: Task) => `Task "${t.name}" (${t.status()})`;
// Unnamed tasks read their name from here: one key less in every task table.
(TaskProto as Record<string, unknown>).name = "task";

/** The packed results of a task that is done (EMPTY when it returned nothing). */
export function vals_of(t: Task): Packed {
  const v = t.x;
  if (v === false || v === undefined) return EMPTY;
  return type(v) === "table" ? (v as Packed) : pack1(v);
}

/**
 * How a task keeps its results in `x`: a single result that is not a table, nil or false is
 * stored as it is (no table per task: spawning a task that returns one value allocates only
 * the task and its coroutine); nothing is `false`; anything else is packed.
 */
function store_results(n: number, a?: unknown, ...rest: unknown[]): unknown {
  if (n === 0) return false;
  if (n === 1) return a === undefined || a === false || type(a) === "table" ? pack1(a) : a;
  return pack(a, ...rest);
}

/** The error of a task that failed or was cancelled. */
export function err_of(t: Task): unknown {
  return t.x;
}

/** The final status of `t`, or nil while it is live. */
export function fin(t: Task): FinalStatus | undefined {
  const s = t.state;
  return type(s) === "string" ? (s as FinalStatus) : undefined;
}

/** True when `x` is a Task. */
export function is_task(x: unknown): x is Task {
  return getmetatable(x) === TaskProto;
}

/** The first of its arguments (avoids building a table for `select(1, ...)`). */
export function first(this: void, a?: unknown): unknown {
  return a;
}


// ---- wait lists (observers of tasks and futures) ---------------------------------------------

/**
 * An internal observer record (combinators, deadlines, scopes): when the task or future it
 * sits on completes, `fn(w, source)` is called. Unlike `on_complete` callbacks it needs no
 * closure per observed item, and it does not by itself count as observing a task's failure
 * (`fn` sets `source.observed` when it takes the error over).
 */
export interface Watch {
  fn: (this: void, w: Watch, source: unknown) => void;
  /** The owner's state. */
  g: unknown;
  /** The owner's index or key for the source. */
  i: unknown;
  /** Position in the wait list (for O(1) removal). */
  widx?: number;
}

/** A list of waiting tasks, callbacks and watches; removed entries become `false` until compaction. */
export type WaitList = Array<Task | Watch | ((this: void, ok: boolean, ...values: unknown[]) => void) | false>;

/** Appends a waiting task (or a watch) to `list`, remembering its position for removal. */
export function wl_add_task(list: WaitList, t: Task | Watch): void {
  list.push(t);
  t.widx = list.length;
}

/** Removes waiting task (or watch) `t` from `list`; compacts when mostly removed entries. */
export function wl_remove_task(list: WaitList, t: Task | Watch): void {
  const i = t.widx;
  if (i === undefined || list[i - 1] !== t) return;
  list[i - 1] = false;
  t.widx = undefined;
  const n = list.length;
  if (n >= 32) {
    let live = 0;
    for (const o of list) if (o !== false) live += 1;
    if (live * 2 < n) {
      let j = 0;
      for (let k = 0; k < n; k++) {
        const o = list[k];
        if (o === false) continue;
        list[j] = o;
        j += 1;
        if (type(o) === "table") (o as Task | Watch).widx = j;
      }
      for (let k = n - 1; k >= j; k--) list.pop();
    }
  }
}

/** Adds callback `fn` to `list`; returns the unsubscribe function. */
export function wl_add_callback(list: WaitList, fn: (this: void, ok: boolean, ...values: unknown[]) => void): () => void {
  list.push(fn);
  return () => {
    for (let k = 0; k < list.length; k++) {
      if (list[k] === fn) {
        list[k] = false;
        return;
      }
    }
  };
}

/** `coroutine.resume` typed as TSTL needs to pass its results on without a table. */
export const resume = coroutine.resume as unknown as (this: void, co: LuaThread, ...args: unknown[]) => LuaMultiReturn<[boolean, ...unknown[]]>;

/** `pcall` typed the same way. */
export const ppcall = pcall as unknown as (this: void, fn: unknown, ...args: unknown[]) => LuaMultiReturn<[boolean, ...unknown[]]>;

// ---- the live task tree --------------------------------------------------------------------

/**
 * Root tasks that have suspended at least once and not completed (children are reached through
 * their parents). Tasks that complete without suspending never enter it, so spawning them costs
 * nothing here. Weak keys: a task nothing else references (its awaited operation is gone) is not
 * kept alive by the inspector.
 */
const roots = setmetatable(new LuaTable<Task, true>(), { __mode: "k" }) as LuaTable<Task, true>;

/** The live root tasks (those that suspended at least once), for the inspector. */
export function live_roots(this: void): Task[] {
  const list: Task[] = [];
  for (const [t] of roots) if (fin(t) === undefined) list.push(t);
  return list;
}

/** The live children of `t`. */
export function children_of(this: void, t: Task): Task[] {
  const list: Task[] = [];
  const kids = t.kids;
  if (kids !== undefined) for (const [c] of kids) list.push(c);
  return list;
}

const wait_kinds = new LuaTable<AbortFn, (this: void, arg: unknown) => string>();

/**
 * Registers how the inspector describes a task suspended with `abort` (e.g. `"sleep"`,
 * `"recv on a channel"`): `describe(arg)` receives the argument given to `suspend`.
 */
export function register_wait_kind(this: void, abort: AbortFn, describe: (this: void, arg: unknown) => string): void {
  wait_kinds.set(abort, describe);
}

/** What `t` is waiting for, in words. */
export function waiting_on(this: void, t: Task): string {
  if (fin(t) !== undefined) return "";
  if (t === current) return "running";
  const abort = t.abort;
  if (abort === undefined) return t.body_done !== undefined ? "its children" : "ready to run";
  if (abort === QUEUED) return "ready to run";
  const describe = wait_kinds.get(abort);
  if (describe === undefined) return "an operation";
  const [ok, text] = pcall(describe, t.x);
  return ok ? (text as string) : "an operation";
}

// ---- the running task -------------------------------------------------------------------

let current: Task | undefined;

/** The running task, or nil outside tasks. */
export function current_task(this: void): Task | undefined {
  return current;
}

/**
 * The running task, checked: raises `<fname>: ...` outside a task. (That the caller runs on
 * the task's own coroutine is checked by `suspend`, where it matters, not on every call.)
 */
export function running_task(fname: string): Task {
  const t = current;
  if (t === undefined) error(`${fname}: must be called inside a task (start one with ts.run)`, 3);
  return t;
}

// ---- spawning -----------------------------------------------------------------------------

/** Creates a task for `fn(...)` and starts it according to the scheduling rules. */
export function spawn(opts: (RunOptions & { shielded?: boolean }) | undefined, fn: unknown, ...args: unknown[]): Task {
  if (type(fn) !== "function") error(`ts.run: fn must be a function, got ${type(fn)}`, 3);
  // The arguments are taken before the C call coroutine.create: passing `...` on after it is
  // not compiled by LuaJIT (NYI: VARG), which made every spawn run interpreted.
  const n = select("#", ...args);
  if (n === 0) return start(opts, fn, 0, undefined, EMPTY);
  if (n === 1) return start(opts, fn, 1, first(...args), EMPTY);
  return start(opts, fn, n, undefined, pack(...args));
}

function start(opts: (RunOptions & { shielded?: boolean }) | undefined, fn: unknown, n: number, a1: unknown, v: Packed): Task {
  const parent = opts !== undefined && opts.detach === true ? undefined : current;
  const t = setmetatable({ state: coroutine.create(fn as (this: void) => void), x: false, parent }, TaskProto as LuaMetatable<object>) as unknown as Task;
  n_started += 1;
  if (opts !== undefined) {
    if (opts.name !== undefined) t.name = opts.name;
    if (opts.fast === true) t.fast = true;
  }
  if (settings.debug) {
    t.at = caller_site();
    t.t0 = runtime.uv.hrtime();
  }
  if (parent !== undefined) {
    (parent.kids ??= new LuaTable()).set(t, true);
    parent.nkids = (parent.nkids ?? 0) + 1;
    if (opts !== undefined && opts.shielded === true) t.shielded = true;
    else if (parent.cancel_err !== undefined) t.cancel_err = parent.cancel_err;
    enqueue(t, n === 0 ? EMPTY : n === 1 ? pack1(a1) : v);
  } else if (n === 0) {
    wake0(t);
  } else if (n === 1) {
    wake1(t, a1);
  } else {
    wake_packed(t, v);
  }
  return t;
}

// ---- stepping -----------------------------------------------------------------------------

/** Set by every tsasync suspension right before it yields: tells a suspension from a return. */
let yielded = false;
// Module-local aliases: upvalues instead of table lookups on the stepping and suspending paths.
const settings_ = settings;
const co_running = coroutine.running;
const pcall_ = ppcall;


function step(this: void, t: Task, ...args: unknown[]): void {
  const co = t.state;
  if (type(co) === "string") return;
  current = t;
  yielded = false;
  if (settings_.debug) {
    const start = runtime.uv.hrtime();
    after_step(t, ...resume(co as LuaThread, ...args));
    check_slow(t, start);
  } else {
    after_step(t, ...resume(co as LuaThread, ...args));
  }
  current = undefined;
}
function step0(this: void, t: Task): void {
  const co = t.state;
  if (type(co) === "string") return;
  current = t;
  yielded = false;
  if (settings_.debug) {
    const start = runtime.uv.hrtime();
    after_step(t, ...resume(co as LuaThread));
    check_slow(t, start);
  } else {
    after_step(t, ...resume(co as LuaThread));
  }
  current = undefined;
}

function step1(this: void, t: Task, a: unknown): void {
  const co = t.state;
  if (type(co) === "string") return;
  current = t;
  yielded = false;
  if (settings_.debug) {
    const start = runtime.uv.hrtime();
    after_step(t, ...resume(co as LuaThread, a));
    check_slow(t, start);
  } else {
    after_step(t, ...resume(co as LuaThread, a));
  }
  current = undefined;
}
set_step(
  step as (this: void, t: unknown, ...args: unknown[]) => void,
  step0 as (this: void, t: unknown) => void,
  step1 as (this: void, t: unknown, a: unknown) => void,
);

function check_slow(t: Task, start: number): void {
  const ms = (runtime.uv.hrtime() - start) / 1e6;
  if (ms > settings.slow_step_ms) {
    runtime.report_warning(
      `tsasync: task "${t.name}" (started at ${site_of(t)}) ran ${math.floor(ms)} ms without yielding (slow_step_ms = ${settings.slow_step_ms})`,
    );
  }
}

function after_step(t: Task, ok?: unknown, ...rest: unknown[]): void {
  if (yielded) {
    if (t.parent === undefined) roots.set(t, true);
    return;
  }
  // Not a tsasync suspension: returned, raised, or a bare coroutine.yield(). (No trampoline
  // function flags the return: its frame would make suspended tasks' stacks outgrow their
  // first allocation, doubling their memory.)
  if (ok && coroutine.status(t.state as LuaThread) !== "dead") {
    // A bare coroutine.yield() inside the task: treat it as yielding to the other tasks.
    t.abort = QUEUED;
    enqueue(t, EMPTY);
    return;
  }
  let out: unknown;
  if (ok) {
    out = store_results(select("#", ...rest), ...rest);
  } else {
    const e = first(...rest);
    out = getmetatable(e) === CancelledMT && t.cancel_err !== undefined ? e : wrap_error(t, e);
  }
  if (t.slot !== undefined) t.slot = undefined;
  if (t.nkids !== undefined && t.nkids > 0) {
    t.body_done = ok ? "ok" : "err";
    t.x = out;
    if (!ok) cancel_children(t, out);
    return;
  }
  complete(t, ok as boolean, out);
}

function wrap_error(t: Task, e: unknown): TaskError {
  return new_task_error(e, t.name, site_of(t), debug.traceback(t.state as LuaThread));
}

/** The first stack frame outside tsasync's own modules: where the user called into tsasync. */
function caller_site(): string {
  for (let level = 2; level < 50; level++) {
    const info = debug.getinfo(level, "Sl");
    if (info === undefined) break;
    const src = info.short_src ?? "";
    const line = info.currentline ?? -1;
    const [internal] = string.find(src, "tsasync[/\\][%w_/]+%.lua$");
    if (info.what !== "C" && line > 0 && internal === undefined) return `${src}:${line}`;
  }
  return "?";
}

/** Where the task was started (debug mode) or where its function was defined. */
export function site_of(t: Task): string {
  if (t.at !== undefined) return t.at;
  const co = t.state;
  if (type(co) !== "thread") return "?";
  // The bottom Lua frame of the coroutine is the task's function.
  let found = "?";
  for (let level = 0; level < 200; level++) {
    const info = debug.getinfo(co as LuaThread, level, "S");
    if (info === undefined) break;
    if (info.what !== "C") found = `${info.short_src}:${info.linedefined}`;
  }
  if (found !== "?") t.at = found;
  return found;
}

// ---- completion -----------------------------------------------------------------------------

function complete(start: Task, start_ok: boolean, start_out: unknown): void {
  // No loop on the common path (one task, no parent completing with it): LuaJIT tried to compile
  // a loop that ran once per call, aborted ("leaving loop in root trace"), and which traces formed
  // around it then varied from run to run.
  let p = complete_one(start, start_ok, start_out);
  while (p !== undefined) p = complete_one(p, p.body_done === "ok", p.x);
}

// Completes `t`; returns its parent when the parent can now complete too.
function complete_one(t: Task, ok: boolean, out: unknown): Task | undefined {
  const kid = t.failed_kid;
  if (kid !== undefined) {
    t.state = "failed";
    // The task's own error (raised after the child failed) takes precedence; the child's
    // failure is then reported on its own instead of being lost.
    if (!ok && !is_cancelled(out)) release_failure(kid);
    else out = kid.x;
  } else if (!ok) {
    t.state = t.cancel_err !== undefined && getmetatable(out) === CancelledMT ? "cancelled" : "failed";
  } else if (t.cancel_err !== undefined) {
    t.state = "cancelled";
    out = t.cancel_err;
  } else {
    t.state = "done";
  }
  t.x = out;
  n_done += 1;
  // Only tasks that suspended are in roots; deleting a missing key would create it.
  if (t.parent === undefined && roots.get(t) !== undefined) roots.delete(t);
  if (t.finalizers !== undefined) run_finalizers(t);
  if (t.kids !== undefined) t.kids = undefined;
  const obs = t.obs;
  if (obs !== undefined) {
    t.obs = undefined;
    // One observer (a task awaiting this one) is the common case: no loop for it either.
    if (obs.length === 1) notify_observer(t, obs[0]);
    else for (const o of obs) notify_observer(t, o);
  }
  const p: Task | undefined = t.parent;
  if (p !== undefined) {
    t.parent = undefined;
    if (fin(t) === "failed" && t.observed !== true) {
      if (p.failed_kid === undefined && !(p.body_done === "err" && !is_cancelled(p.x))) {
        t.observed = true;
        p.failed_kid = t;
        if (p.cancel_err === undefined) cancel_tree(p, new_cancelled(`child task "${t.name}" failed`));
      } else {
        // The parent already fails with another error (its own or an earlier child's):
        // report this failure like a root's rather than lose it.
        queue_unhandled(t);
      }
    }
    if (remove_child(p, t)) return p;
  } else if (fin(t) === "failed" && t.observed !== true) {
    queue_unhandled(t);
  }
  return undefined;
}

function notify_observer(t: Task, o: WaitList[number]): void {
  if (o === false) return;
  if (is_task(o)) {
    t.observed = true;
    notify_waiter(o, t);
  } else if (type(o) === "function") {
    t.observed = true;
    call_observer(o as (this: void, ok: boolean, ...values: unknown[]) => void, t);
  } else {
    (o as Watch).fn(o as Watch, t);
  }
}

/**
 * Registers `fn(t)` to run when task `t` completes (after its children, with `t:status()`
 * final), under `key` (one finalizer per key). Used by layers that tie a resource to the task
 * that opened it (sockets, processes, streams). Does not count as observing the task's error.
 */
export function on_finish(t: Task, key: object, fn: (this: void, t: Task) => void): void {
  (t.finalizers ??= new LuaTable()).set(key, fn);
}

/** Removes the finalizer registered under `key` (the resource was released early). */
export function off_finish(t: Task, key: object): void {
  t.finalizers?.delete(key);
}

function run_finalizers(t: Task): void {
  const list = t.finalizers!;
  t.finalizers = undefined;
  for (const [, fn] of list) {
    const [ok, err] = pcall(fn, t);
    if (!ok) report(`tsasync: error releasing a resource of task "${t.name}": ${tostring(err)}`);
  }
}

/** Removes child `c` from `p`; true when `p` can now complete (body done, no children). */
function remove_child(p: Task, c: Task): boolean {
  const kids = p.kids;
  if (kids === undefined || !kids.has(c)) return false;
  kids.delete(c);
  p.nkids = p.nkids! - 1;
  if (p.nkids === 0 && p.body_done !== undefined && fin(p) === undefined) {
    if (p === c) return false;
    return true;
  }
  return false;
}

function notify_waiter(w: Task, t: Task): void {
  w.abort = undefined;
  w.x = false;
  if (fin(t) === "done") {
    wake_packed(w, vals_of(t));
  } else {
    w.wake_err = t.x;
    wake_packed(w, EMPTY);
  }
}

function call_observer(fn: (this: void, ok: boolean, ...values: unknown[]) => void, t: Task): void {
  if (fin(t) === "done") {
    const v = vals_of(t);
    observer_failed(t, ...ppcall(fn, true, ...unpack(v as unknown as unknown[], 1, v.n)));
  } else {
    observer_failed(t, ...ppcall(fn, false, t.x));
  }
}

function observer_failed(t: Task, ok?: unknown, err?: unknown): void {
  if (!ok) report(`tsasync: error in on_complete callback of task "${t.name}": ${tostring(err)}`);
}

// ---- unhandled errors ---------------------------------------------------------------------

const unhandled: Task[] = [];
let unhandled_pending = false;

function queue_unhandled(t: Task): void {
  unhandled.push(t);
  if (!unhandled_pending) {
    unhandled_pending = true;
    runtime.schedule(flush_unhandled);
  }
}

function flush_unhandled(this: void): void {
  unhandled_pending = false;
  const batch = unhandled.splice(0, unhandled.length);
  for (const t of batch) {
    if (t.observed === true) continue;
    t.observed = true;
    n_unhandled += 1;
    const handler = settings.on_unhandled;
    if (handler !== undefined) {
      const [ok, err] = pcall(handler, t.x, t);
      if (ok) continue;
      report(`tsasync: on_unhandled handler failed: ${tostring(err)}`);
    }
    report(`tsasync: unhandled error in task "${t.name}": ${tostring(t.x)}`);
  }
}

/**
 * Hands the failure of `t`, taken over by an observer that cannot deliver it (a combinator
 * whose caller was cancelled, a parent that fails with another error), back to unhandled
 * reporting: reported on the next loop turn unless someone observes `t` meanwhile.
 */
export function release_failure(t: Task): void {
  if (fin(t) !== "failed") return;
  t.observed = false;
  queue_unhandled(t);
}

/** Reports an error nobody can catch (callback failures, unhandled task errors). */
export function report(msg: string): void {
  if (runtime.in_fast_event()) runtime.schedule(() => runtime.report_error(msg));
  else runtime.report_error(msg);
}

// ---- cancellation -----------------------------------------------------------------------------

/** Marks `root` and its subtree cancelled and interrupts every suspended task in it. */
function cancel_tree(root: Task, err: CancelledError): void {
  const stack: Task[] = [root];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (t.cancel_err === undefined || t === root) {
      t.cancel_err = err;
      interrupt(t);
    }
    const kids = t.kids;
    if (kids !== undefined) {
      for (const [c] of kids) {
        if (c.shielded !== true && c.cancel_err === undefined && fin(c) === undefined) stack.push(c);
      }
    }
  }
}

function cancel_children(t: Task, reason: unknown): void {
  const kids = t.kids;
  if (kids === undefined) return;
  const err = new_cancelled(`parent task "${t.name}" failed: ${message_of(reason)}`);
  const list: Task[] = [];
  for (const [c] of kids) list.push(c);
  for (const c of list) if (c.cancel_err === undefined && fin(c) === undefined) cancel_tree(c, err);
}

/** Delivers a pending cancellation to `t` if it is suspended on an operation. */
function interrupt(t: Task): void {
  const abort = t.abort;
  if (abort === undefined || abort === QUEUED || (t.shield ?? 0) > 0 || fin(t) !== undefined || t === current) return;
  const arg = t.x;
  t.abort = undefined;
  t.x = false;
  const [ok, err] = pcall(abort, arg, t);
  if (!ok) report(`tsasync: error while releasing the operation of cancelled task "${t.name}": ${tostring(err)}`);
  t.wake_err = t.cancel_err;
  wake_packed(t, EMPTY);
}

/** Enters a shielded region of `t` (cancellation not delivered until `unshield`). */
export function shield_enter(t: Task): void {
  t.shield = (t.shield ?? 0) + 1;
}

/** Leaves a shielded region. */
export function shield_leave(t: Task): void {
  t.shield = (t.shield ?? 1) - 1;
}

// ---- suspension -----------------------------------------------------------------------------

/** Raises the running task's pending cancellation (if any and not shielded). */
export function check_cancel(t: Task): void {
  const e = t.cancel_err;
  if (e !== undefined && (t.shield ?? 0) === 0) error(e, 0);
}

function after_resume(t: Task, ...args: unknown[]): LuaMultiReturn<unknown[]> {
  const e = t.wake_err;
  if (e !== undefined) {
    t.wake_err = undefined;
    error(e, 0);
  }
  return $multi(...args);
}

const C_BOUNDARY =
  "tsasync: cannot suspend inside a callback that a C function runs (a vim.wait predicate, a vim.api callback); start a task there with ts.run, or await from the task itself";

/**
 * After a yield made through `pcall` (LuaJIT): a yield that failed because a C function is
 * between the task and this call (a `vim.wait` predicate run by the task) undoes the
 * registration and raises a clear error. (Not `coroutine.isyieldable()`: calling a C function
 * at the deepest point of every suspension grows every suspended task's stack.)
 */
function after_pyield(t: Task, abort: AbortFn, arg: unknown, ok?: unknown, ...rest: unknown[]): LuaMultiReturn<unknown[]> {
  if (!ok) check_pyield(t, abort, arg, ok);
  const e = t.wake_err;
  if (e !== undefined) {
    t.wake_err = undefined;
    error(e, 0);
  }
  return $multi(...rest);
}

/** The failure half of `after_pyield`, for suspensions that handle the wake-up themselves. */
function check_pyield(t: Task, abort: AbortFn, arg: unknown, ok?: unknown): void {
  if (!ok) {
    yielded = false;
    t.abort = undefined;
    t.x = false;
    abort(arg, t);
    error(C_BOUNDARY, 0);
  }
}

/**
 * Raises (after undoing the registration) unless the caller runs on `t`'s own coroutine and
 * can yield there: a callback that a C function runs on the task's coroutine (a `vim.wait`
 * predicate, a callback of `vim.api.*` or of `vim.schedule` work processed during `vim.wait`)
 * cannot; yielding would fail after the registration and leave it behind (a stray deadline
 * that later wakes the task in the wrong place).
 */
function check_own_coroutine(t: Task, abort: AbortFn, arg: unknown): void {
  const co = coroutine.running();
  if (co !== t.state && co !== t.pco) {
    abort(arg, t);
    error("tsasync: cannot suspend from a coroutine that tsasync does not drive (a coroutine inside a task); await from the task itself", 0);
  }
}

/**
 * Suspends the running task `t` until something wakes it. `abort(arg, t)` must release
 * whatever would wake it (it is called when the task is cancelled meanwhile). Returns the
 * values it is woken with, or raises the error it is woken with.
 */
export function suspend(t: Task, abort: AbortFn, arg: unknown): LuaMultiReturn<unknown[]> {
  if (t.cancel_err !== undefined && (t.shield ?? 0) === 0) {
    abort(arg, t);
    error(t.cancel_err, 0);
  }
  const co = co_running();
  if (co !== t.state && co !== t.pco) check_own_coroutine(t, abort, arg);
  t.abort = abort;
  t.x = arg;
  yielded = true;
  // coroutine.yield is looked up on each call (a spec counts suspensions by replacing it).
  if (native_ypcall) return after_pyield(t, abort, arg, ...pcall_(coroutine.yield));
  return after_resume(t, ...coroutine.yield());
}

/**
 * Like `suspend` but never raises: returns true when woken with `resume_with`, false when
 * the task was cancelled (already, or meanwhile; `abort` has run). For operations that must
 * clean up (cancel and wait for what they started) before raising the cancellation.
 */
export function suspend_quiet(t: Task, abort: AbortFn, arg: unknown): boolean {
  if (t.cancel_err !== undefined && (t.shield ?? 0) === 0) {
    abort(arg, t);
    return false;
  }
  check_own_coroutine(t, abort, arg);
  t.abort = abort;
  t.x = arg;
  yielded = true;
  if (NATIVE_YIELDING_PCALL) check_pyield(t, abort, arg, ...ppcall(coroutine.yield));
  else coroutine.yield();
  if (t.wake_err !== undefined) {
    t.wake_err = undefined;
    return false;
  }
  return true;
}

function unqueue(this: void, arg: unknown): void {
  drop_last(arg as Task);
}

/** Yields `t` to the other ready tasks and resumes it right after them. */
export function yield_now(t: Task): void {
  t.abort = QUEUED;
  enqueue(t, EMPTY);
  yielded = true;
  if (NATIVE_YIELDING_PCALL) check_pyield(t, unqueue as AbortFn, t, ...ppcall(coroutine.yield));
  else coroutine.yield();
  t.abort = undefined;
  check_cancel(t);
}

/** Wakes a task suspended with `suspend` (the caller has detached it from its operation). */
export function resume_with(t: Task, v: Packed): void {
  t.abort = undefined;
  t.x = false;
  wake_packed(t, v);
}

/** Wakes a task suspended with `suspend` so that it raises `err`. */
export function resume_error(t: Task, err: unknown): void {
  t.abort = undefined;
  t.x = false;
  t.wake_err = err;
  wake_packed(t, EMPTY);
}

// ---- awaiting tasks -----------------------------------------------------------------------------

function results_of(t: Task): LuaMultiReturn<unknown[]> {
  if (fin(t) === "done") {
    const v = t.x;
    if (v === false) return $multi();
    if (type(v) !== "table") return $multi(v);
    return unpack(v as unknown[], 1, (v as Packed).n) as LuaMultiReturn<unknown[]>;
  }
  return error(t.x, 0);
}

function abort_await_task(arg: unknown, w: Task): void {
  const obs = (arg as Task).obs;
  if (obs !== undefined) wl_remove_task(obs, w);
}
register_wait_kind(abort_await_task, (arg) => `task "${(arg as Task).name}"`);

/** `cur` waits for `t` (any task) and returns its results or raises its error. */
export function await_task(cur: Task, t: Task): LuaMultiReturn<unknown[]> {
  check_cancel(cur);
  if (fin(t) === undefined) {
    // Observed when it completes and wakes this waiter (complete() marks it): a waiter
    // cancelled before that has seen nothing, and the failure must still be reported.
    wl_add_task((t.obs ??= []), cur);
    return suspend(cur, abort_await_task, t);
  }
  t.observed = true;
  return results_of(t);
}

/**
 * Calls `fn(...)` in protected mode inside task `cur` (yield-safe), returning `true, ...`
 * or `false, err`; a cancellation of `cur` itself is re-raised, never returned.
 */
export function protect(
  cur: Task,
  fn: (this: void, ...args: any[]) => unknown,
  ...args: unknown[]
): LuaMultiReturn<[boolean, ...unknown[]]> {
  return protect_result(cur, ...ypcall(fn, ...args));
}

function protect_result(cur: Task, ok?: unknown, ...rest: unknown[]): LuaMultiReturn<[boolean, ...unknown[]]> {
  if (!ok && cur.cancel_err !== undefined && (cur.shield ?? 0) === 0 && is_cancelled(first(...rest))) {
    error(cur.cancel_err, 0);
  }
  return $multi(ok as boolean, ...rest);
}

// ---- yield-safe pcall ------------------------------------------------------------------------------

/** True when the Lua in use can yield across pcall (LuaJIT, Lua 5.2+). */
export const NATIVE_YIELDING_PCALL: boolean = (() => {
  const co = coroutine.create(() => pcall(coroutine.yield));
  const [ok] = coroutine.resume(co);
  return ok && coroutine.status(co) === "suspended";
})();
const native_ypcall = NATIVE_YIELDING_PCALL;

/**
 * `pcall` that may suspend inside: native where the Lua allows it; on PUC Lua 5.1 the
 * function runs in a coroutine of its own whose suspensions are passed through.
 */
export function ypcall(fn: (this: void, ...args: any[]) => unknown, ...args: unknown[]): LuaMultiReturn<[boolean, ...unknown[]]> {
  if (NATIVE_YIELDING_PCALL) return ppcall(fn, ...args);
  return ypcall_puc(undefined, fn, ...args);
}

/** PUC Lua 5.1 path of `ypcall`/`yxpcall`: a coroutine that forwards yields. */
export function ypcall_puc(
  handler: ((this: void, err: unknown) => unknown) | undefined,
  fn: (this: void, ...args: unknown[]) => unknown,
  ...args: unknown[]
): LuaMultiReturn<[boolean, ...unknown[]]> {
  const t = current;
  const outer = coroutine.running();
  const owner = t !== undefined && (outer === t.state || outer === t.pco) ? t : undefined;
  if (owner === undefined) {
    // Not in a task: nothing can suspend inside, a plain pcall does.
    if (handler === undefined) return ppcall(fn, ...args);
    return (xpcall as unknown as (this: void, f: unknown, h: unknown) => LuaMultiReturn<[boolean, ...unknown[]]>)(
      () => fn(...args),
      handler,
    );
  }
  // A Lua closure: PUC's coroutine.create refuses C functions and callable tables.
  const co = coroutine.create((...a: unknown[]) => fn(...a));
  const saved = owner.pco;
  owner.pco = co;
  return restore_pco(owner, saved, ...forward(owner, handler, co, ...resume(co, ...args)));
}

function restore_pco(owner: Task | undefined, saved: LuaThread | undefined, ...rest: unknown[]): LuaMultiReturn<[boolean, ...unknown[]]> {
  if (owner !== undefined) owner.pco = saved;
  return $multi(...(rest as [boolean, ...unknown[]]));
}

function forward(
  owner: Task | undefined,
  handler: ((this: void, err: unknown) => unknown) | undefined,
  co: LuaThread,
  ok?: unknown,
  ...rest: unknown[]
): LuaMultiReturn<[boolean, ...unknown[]]> {
  if (coroutine.status(co) === "dead") {
    if (ok) return $multi(true, ...rest);
    const e = first(...rest);
    if (handler === undefined) return $multi(false, e);
    if (handler === debug.traceback) return $multi(false, debug.traceback(co, tostring(e)));
    return $multi(false, handler(e));
  }
  // fn suspended (an await inside it): suspend the enclosing coroutine too, pass the wake-up in.
  if (owner !== undefined) owner.pco = undefined;
  return forward_resume(owner, handler, co, ...coroutine.yield(...rest));
}

function forward_resume(
  owner: Task | undefined,
  handler: ((this: void, err: unknown) => unknown) | undefined,
  co: LuaThread,
  ...args: unknown[]
): LuaMultiReturn<[boolean, ...unknown[]]> {
  if (owner !== undefined) owner.pco = co;
  return forward(owner, handler, co, ...resume(co, ...args));
}

// ---- synchronous bridges ---------------------------------------------------------------------------

/** Validates a synchronous wait: not in a task, not in a fast event, sane timeout. */
export function check_sync(fname: string, timeout_ms: unknown): void {
  if (timeout_ms !== undefined && (type(timeout_ms) !== "number" || timeout_ms !== timeout_ms || (timeout_ms as number) < 0)) {
    error(`${fname}: timeout_ms must be a non-negative number, got ${tostring(timeout_ms)}`, 3);
  }
  if (current !== undefined) error(`${fname}: cannot block inside a task (use :await() there)`, 3);
  if (runtime.in_fast_event()) {
    error(`${fname}: cannot block inside a fast event (a libuv callback); schedule the work with ts.run instead`, 3);
  }
}
