/**
 * Groups: one task waiting on several Tasks and Futures at once. The machinery shared by the
 * combinators (`ts.all`, `ts.race`, ...), the deadlines (`ts.timeout`, `ts.move_on_after`)
 * and `ts.scope`. Internal.
 *
 * Each source gets one small watch record (no closure) in its wait list; when it completes,
 * its index goes to the group's completion queue and the waiting task is woken (once, however
 * many sources complete in one turn). A deadline is one entry on the shared timer heap.
 *
 * `group_finish` is the single exit: it removes the deadline, cancels what must not outlive
 * the operation, waits until those tasks have completed (their cleanup has run), drops the
 * remaining watches, and raises the waiting task's cancellation if it has one. It waits even
 * when the waiting task is cancelled (shielded for that wait), so an operation never returns
 * or raises while a task it started is still unwinding.
 */
import { Future, REJECTED, RESOLVED, is_future } from "./future";
import { EMPTY, Packed } from "./scheduler";
import * as timers from "./timers";
import {
  Task,
  Watch,
  check_cancel,
  is_task,
  resume_with,
  shield_enter,
  shield_leave,
  spawn,
  suspend_quiet,
  wl_add_task,
  wl_remove_task,
  fin,
  register_wait_kind,
  release_failure,
  err_of,
  vals_of,
} from "./task";

/** What a group waits on. */
export type Source = Task | Future;

/** An item of a combinator's list: a Task, a Future, or a function started as a child task. */
export type Item = Task | Future | ((this: void) => unknown);

/** `group_next` result: the waiting task was cancelled. */
export const CANCELLED = 0;
/** `group_next` result: the deadline passed and nothing is queued. */
export const DEADLINE = -1;

/** Which pending tasks `group_finish` cancels. */
export const CANCEL_NONE = 0;
/** Cancel only the tasks the group started (the list's functions). */
export const CANCEL_OWN = 1;
/** Cancel every pending task in the group (the operation owns its list). */
export const CANCEL_ALL = 2;

/** The state of one group. */
export interface Group {
  /** Name of the public operation, for errors and task names. */
  fname: string;
  /** The task that waits on the group. */
  cur: Task;
  /** Sources by index (1-based). */
  src: LuaTable<number, Source>;
  /** Watch records by index (absent once the source completed or the watch was removed). */
  w: LuaTable<number, Watch>;
  /** Indices of the tasks the group started. */
  own: LuaTable<number, true>;
  /** Number of sources. */
  n: number;
  /** Completion queue: indices in completion order, `q[qh..qt]`. */
  q: LuaTable<number, number>;
  qh: number;
  qt: number;
  /** Sources not completed yet. */
  npend: number;
  /** Task sources not completed yet. */
  ntask: number;
  /** Started tasks not completed yet. */
  nown: number;
  /** Index of the first source that did not succeed; set the moment it completes. */
  bad?: number;
  /** The waiting task is suspended on the group. */
  waiting: boolean;
  /** The deadline passed. */
  fired: boolean;
  /** Pending deadline. */
  timer?: timers.TimerEntry;
}

/** Makes an empty group waited on by `cur`. */
export function group_new(fname: string, cur: Task): Group {
  return {
    fname,
    cur,
    src: new LuaTable(),
    w: new LuaTable(),
    own: new LuaTable(),
    n: 0,
    q: new LuaTable(),
    qh: 1,
    qt: 0,
    npend: 0,
    ntask: 0,
    nown: 0,
    waiting: false,
    fired: false,
  };
}

function is_final_task(t: Task): boolean {
  return fin(t) !== undefined;
}

/** True once `s` completed. */
export function src_done(s: Source): boolean {
  return is_task(s) ? is_final_task(s) : s.s !== 0;
}

/** True when completed `s` succeeded. */
export function src_ok(s: Source): boolean {
  return is_task(s) ? fin(s) === "done" : s.s === RESOLVED;
}

/** Values of completed successful `s`. */
export function src_vals(s: Source): Packed {
  return is_task(s) ? vals_of(s) : s.v ?? EMPTY;
}

/** Error of completed failed `s`; marks a task's error observed. */
export function src_err(s: Source): unknown {
  if (is_task(s)) {
    s.observed = true;
    return err_of(s);
  }
  return s.e;
}

function push(g: Group, i: number): void {
  g.qt += 1;
  g.q.set(g.qt, i);
}

function on_done(this: void, w: Watch, s: unknown): void {
  const g = w.g as Group;
  const i = w.i as number;
  g.w.delete(i);
  g.npend -= 1;
  if (is_task(s)) {
    // The group takes the failure over: it does not fail the task's parent.
    s.observed = true;
    g.ntask -= 1;
    if (g.own.has(i)) g.nown -= 1;
    if (g.bad === undefined && fin(s) !== "done") g.bad = i;
  } else if (g.bad === undefined && (s as Future).s === REJECTED) {
    g.bad = i;
  }
  push(g, i);
  if (g.waiting) {
    g.waiting = false;
    resume_with(g.cur, EMPTY);
  }
}

/** Adds source `s` (started by the group when `own`); returns its index. */
export function group_add(g: Group, s: Source, own: boolean): number {
  const i = g.n + 1;
  g.n = i;
  g.src.set(i, s);
  if (own) g.own.set(i, true);
  if (src_done(s)) {
    if (g.bad === undefined && !src_ok(s)) g.bad = i;
    if (is_task(s)) s.observed = true;
    push(g, i);
    return i;
  }
  g.npend += 1;
  const w: Watch = { fn: on_done, g, i };
  g.w.set(i, w);
  if (is_task(s)) {
    g.ntask += 1;
    if (own) g.nown += 1;
    wl_add_task((s.obs ??= []), w);
  } else {
    wl_add_task((s.w ??= []), w);
  }
  return i;
}

/** Adds list item `x`: a function is started as a child task of the running task. */
export function group_add_item(g: Group, x: Item): number {
  if (type(x) === "function") return group_add(g, spawn({ name: `${g.fname}[${g.n + 1}]` }, x), true);
  return group_add(g, x as Source, false);
}

function abort_group(this: void, arg: unknown): void {
  (arg as Group).waiting = false;
}
register_wait_kind(abort_group, (g) => (g as Group).fname);

/** Suspends the waiting task until a source completes or the deadline passes; false when cancelled. */
function group_wait(g: Group): boolean {
  g.waiting = true;
  const ok = suspend_quiet(g.cur, abort_group, g);
  g.waiting = false;
  return ok;
}

/**
 * The index of the next completed source (completion order), suspending until there is
 * one; `DEADLINE` when the deadline passed first, `CANCELLED` when the waiting task was
 * cancelled. Call only while a source is pending or queued.
 */
export function group_next(g: Group): number {
  while (g.qh > g.qt) {
    if (g.fired) return DEADLINE;
    if (!group_wait(g)) return CANCELLED;
  }
  const i = g.q.get(g.qh);
  g.q.delete(g.qh);
  g.qh += 1;
  return i;
}

/** Number of completed sources not yet taken by `group_next`. */
export function group_queued(g: Group): number {
  return g.qt - g.qh + 1;
}

function on_deadline(this: void, arg: unknown): void {
  const g = arg as Group;
  g.timer = undefined;
  g.fired = true;
  if (g.waiting) {
    g.waiting = false;
    resume_with(g.cur, EMPTY);
  }
}

/** Arms the group's deadline: `ms` from now, `group_next` returns `DEADLINE` when idle. */
export function group_deadline(g: Group, ms: number): void {
  g.timer = timers.add(ms, on_deadline, g);
}

/**
 * Ends the group: removes the deadline; cancels pending tasks with `reason` (`CANCEL_OWN`:
 * the tasks the group started, `CANCEL_ALL`: every task source, `CANCEL_NONE`: none); waits
 * until those tasks and every task the group started have completed (shielded when the
 * waiting task is cancelled, so their cleanup has run either way); removes the remaining
 * watches; then raises the waiting task's cancellation if it has one.
 */
export function group_finish(g: Group, mode: number, reason: string): void {
  group_close(g, mode, reason);
  const cur = g.cur;
  if (cur.cancel_err !== undefined && (cur.shield ?? 0) === 0) {
    // The caller gets its cancellation, not the results: a failure of a task the group started
    // (taken over by the group, seen by nobody else) would be lost, so it is reported.
    for (const [i] of g.own) release_failure(g.src.get(i) as Task);
  }
  check_cancel(cur);
}

/**
 * Hands the failures of the tasks the group started, other than item `raised` (the one the
 * combinator raises), back to unhandled reporting: fail-fast combinators deliver one error, and
 * a second real failure would otherwise be lost (reported on the next loop turn instead).
 */
export function release_others(g: Group, raised: number): void {
  for (const [i] of g.own) if (i !== raised) release_failure(g.src.get(i) as Task);
}

/** `group_finish` without raising the waiting task's cancellation. */
export function group_close(g: Group, mode: number, reason: string): void {
  const cur = g.cur;
  if (g.timer !== undefined) {
    timers.remove(g.timer);
    g.timer = undefined;
  }
  if (mode !== CANCEL_NONE && (mode === CANCEL_ALL ? g.ntask : g.nown) > 0) {
    for (const [i, w] of g.w) {
      const s = g.src.get(i);
      if (is_task(s) && (mode === CANCEL_ALL || g.own.has(i)) && w !== undefined) s.cancel(reason);
    }
  }
  // Wait for the cancelled tasks (and any task the group started) to complete.
  let shielded = false;
  while (mode === CANCEL_ALL ? g.ntask > 0 : g.nown > 0) {
    if (!shielded && cur.cancel_err !== undefined) {
      // Cancelled: still wait for the cleanup to run, then raise.
      shielded = true;
      shield_enter(cur);
    }
    group_wait(g);
  }
  if (shielded) shield_leave(cur);
  for (const [i, w] of g.w) {
    const s = g.src.get(i);
    if (is_task(s)) {
      if (s.obs !== undefined) wl_remove_task(s.obs, w);
    } else if (s.w !== undefined) {
      wl_remove_task(s.w, w);
    }
    g.w.delete(i);
  }
}

/** Rejects anything but a list (a table that is not a Task or Future). Returns its length. */
export function check_table(fname: string, argname: string, list: unknown, what: string, level: number): number {
  if (type(list) !== "table" || is_task(list) || is_future(list)) {
    error(`${fname}: ${argname} must be a list of ${what}, got ${is_task(list) ? "a Task" : is_future(list) ? "a Future" : type(list)}`, level);
  }
  const t = list as LuaTable<AnyNotNil, unknown>;
  const n = t.length();
  let count = 0;
  for (const [_k] of pairs(t)) count += 1;
  if (count !== n) error(`${fname}: ${argname} must be a list (keys 1..n without holes), got a table with other keys`, level);
  return n;
}

/**
 * Validates a combinator's list (Tasks, Futures, functions; not the running task nor one
 * of its parents) and returns its length. Raises `<fname>: list[i] must be ...` at `level`.
 */
export function check_list(fname: string, list: unknown, cur: Task, level: number): number {
  const n = check_table(fname, "list", list, "Tasks, Futures or functions", level + 1);
  const t = list as LuaTable<number, unknown>;
  for (let i = 1; i <= n; i++) {
    const x = t.get(i);
    if (type(x) === "function" || is_future(x)) continue;
    if (!is_task(x)) error(`${fname}: list[${i}] must be a Task, a Future or a function, got ${type(x)}`, level);
    let p: Task | undefined = cur;
    while (p !== undefined) {
      if (p === x) error(`${fname}: list[${i}] is the running task or one of its parents (waiting for it would never end)`, level);
      p = p.parent;
    }
  }
  return n;
}

/** Starts every item of a validated list in a new group waited on by `cur`. */
export function group_of(fname: string, cur: Task, list: unknown, n: number): Group {
  const g = group_new(fname, cur);
  const t = list as LuaTable<number, Item>;
  for (let i = 1; i <= n; i++) group_add_item(g, t.get(i));
  return g;
}
