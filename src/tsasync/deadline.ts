/**
 * Deadlines: `ts.timeout` (raise when the work takes too long) and `ts.move_on_after`
 * (give up quietly). The work runs as a child task under one deadline (see `within`).
 */

/**
 * @section tsasync-deadlines
 * A deadline is one entry on the shared timer heap (no libuv handle of its
 * own), removed the moment the work finishes first. When it passes, the work
 * is cancelled and has completed (its cleanup run) before the call returns or
 * raises.
 */
import { check_ms } from "./await";
import { new_timeout } from "./errors";
import { is_future } from "./future";
import {
  CANCELLED,
  CANCEL_ALL,
  CANCEL_NONE,
  DEADLINE,
  Source,
  group_add,
  group_deadline,
  group_finish,
  group_new,
  group_next,
  src_done,
  src_err,
  src_ok,
  src_vals,
} from "./group";
import { Task, check_cancel, fin, is_task, running_task, spawn } from "./task";

function check_work(fname: string, fn: unknown, nargs: number): void {
  if (type(fn) === "function") return;
  if (!is_task(fn) && !is_future(fn)) error(`${fname}: fn must be a function, a Task or a Future, got ${type(fn)}`, 3);
  if (nargs > 0) error(`${fname}: arguments are only passed to a function, not to a ${is_task(fn) ? "Task" : "Future"}`, 3);
}

/** Runs the work under a deadline; returns `timed_out, ...results` or raises the work's error. */
function within(fname: string, cur: Task, ms: number, fn: unknown, ...args: unknown[]): LuaMultiReturn<[boolean, ...unknown[]]> {
  check_cancel(cur);
  const g = group_new(fname, cur);
  if (type(fn) === "function") group_add(g, spawn({ name: fname }, fn, ...args), true);
  else group_add(g, fn as Source, false);
  if (g.npend > 0) group_deadline(g, ms);
  const i = group_next(g);
  group_finish(
    g,
    i === 1 ? CANCEL_NONE : CANCEL_ALL,
    i === CANCELLED ? `${fname}: the waiting task was cancelled` : `${fname}: deadline of ${ms} ms passed`,
  );
  // Here the caller is not cancelled (group_finish raised that) and the work has completed
  // (a Future may still be pending after the deadline).
  const s = g.src.get(1);
  if (src_done(s) && src_ok(s)) {
    const v = src_vals(s);
    return $multi(false, ...unpack(v as unknown as unknown[], 1, v.n));
  }
  if (i === DEADLINE && (!src_done(s) || (is_task(s) && fin(s) === "cancelled"))) return $multi(true);
  return error(src_err(s), 0);
}

/**
 * Runs `fn(...)` as a child task and returns its results. If it has not
 * finished after `ms` milliseconds, its task is cancelled, and once it has
 * completed (its cleanup run) a timeout error is raised:
 * |ts.is_timeout()| true, |ts.is_cancelled()| false, `err.ms` = `ms`,
 * `tostring(err)` = "ts.timeout: timed out after <ms> ms". `fn`'s own
 * errors are raised as they are. `fn` may also be a Task (cancelled at the
 * deadline; no arguments) or a Future (no longer waited for).
 * Deadlines nest: when an outer deadline passes first, the inner call sees
 * a cancellation (its caller was cancelled) and lets it through, so the
 * outer call reports its own deadline. The caller's own cancellation is
 * raised as a cancellation, never as a timeout.
 * ```lua
 * local ok, err = ts.pcall(ts.timeout, 1000, fetch, url)
 * if not ok and ts.is_timeout(err) then print("slow server") end
 * ```
 * @help ts.timeout({ms}, {fn}, {...})
 */
export function timeout(this: void, ms: number, fn: ((this: void, ...args: any[]) => unknown) | Source, ...args: unknown[]): LuaMultiReturn<any[]> {
  check_ms("ts.timeout", ms);
  check_work("ts.timeout", fn, select("#", ...args));
  const cur = running_task("ts.timeout");
  return timeout_result(ms, ...within("ts.timeout", cur, ms, fn, ...args));
}

function timeout_result(ms: number, timed_out?: unknown, ...rest: unknown[]): LuaMultiReturn<unknown[]> {
  if (timed_out) return error(new_timeout(ms, `ts.timeout: timed out after ${ms} ms`), 0);
  return $multi(...rest);
}

/**
 * Like |ts.timeout()| but quiet: returns `true` when the deadline passed
 * (the work was cancelled and has completed), or `false, ...results` when
 * `fn` finished in time. `fn`'s errors are raised.
 * ```lua
 * local timed_out, items =
 *   ts.move_on_after(200, fetch_completions, prefix)
 * if timed_out then items = {} end
 * ```
 * @help ts.move_on_after({ms}, {fn}, {...})
 */
export function move_on_after(
  this: void,
  ms: number,
  fn: ((this: void, ...args: any[]) => unknown) | Source,
  ...args: unknown[]
): LuaMultiReturn<[boolean, ...any[]]> {
  check_ms("ts.move_on_after", ms);
  check_work("ts.move_on_after", fn, select("#", ...args));
  const cur = running_task("ts.move_on_after");
  return within("ts.move_on_after", cur, ms, fn, ...args);
}
