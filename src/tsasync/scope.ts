/**
 * `ts.scope`: a block that owns the tasks spawned into it (a Trio nursery).
 *
 * `ts.scope(fn)` runs `fn(scope)` as a child task and does not return before that task and
 * every task spawned with `scope:spawn` have completed. The first failure among them cancels
 * all the others, and once they have completed it is raised. Cancelling the task that runs
 * `ts.scope` cancels everything in the scope; the cancellation is raised after all of it
 * completed.
 */
/**
 * @section tsasync-deadlines
 */
import {
  CANCELLED,
  CANCEL_ALL,
  CANCEL_NONE,
  Group,
  group_add,
  group_close,
  group_new,
  group_next,
  group_queued,
  src_err,
  release_others,
} from "./group";
import { RunOptions, Task, await_task, check_cancel, fin, is_task, running_task, spawn } from "./task";

const OPEN = 0;
const FAILING = 1;
const CLOSED = 2;

/**
 * The handle `ts.scope` passes to its function. `scope:spawn(fn, ...)` starts a task in it.
 */
export class Scope {
  /** @internal */
  declare g: Group;
  /** @internal 0 open, 1 failing or cancelled (new tasks start cancelled), 2 closed */
  declare st: number;

  /**
   * Starts `fn(...)` as a task of the scope (the handle that |ts.scope()|
   * passes to its function) and returns the |tsasync-Task|. `opts`:
   * `name`, `fast` as for |ts.run()| (other keys raise). The task is a
   * child of the task calling `spawn` (the scope's function, or a task of
   * the scope); the scope waits for it and fails with it. While the scope is
   * failing or cancelled the new task starts cancelled. After |ts.scope()|
   * returned, `spawn` raises "scope:spawn: the scope is closed ...".
   * @help Scope:spawn({fn}, {...})
   * @help Scope:spawn({opts}, {fn}, {...})
   */
  spawn(this: Scope, a: unknown, ...args: unknown[]): Task {
    if (this.st === CLOSED) error("scope:spawn: the scope is closed (ts.scope has returned); spawn while the scope runs", 2);
    let t: Task;
    if (type(a) === "function") {
      t = spawn(undefined, a, ...args);
    } else if (type(a) === "table" && getmetatable(a) === undefined) {
      t = spawn_opts(a as RunOptions, ...args);
    } else {
      return error(`scope:spawn: expected fn or (opts, fn), got ${is_task(a) ? "a Task" : type(a)}`, 2);
    }
    group_add(this.g, t, true);
    if (this.st === FAILING) t.cancel("the scope is failing or cancelled");
    return t;
  }
}

const ScopeProto = (Scope as unknown as { prototype: object }).prototype;
(ScopeProto as Record<string, unknown>).__tostring = (s: Scope) =>
  `Scope (${s.st === OPEN ? "open" : s.st === FAILING ? "failing" : "closed"}, ${s.g.npend} running)`;

function spawn_opts(opts: RunOptions, fn?: unknown, ...args: unknown[]): Task {
  for (const [k, v] of pairs(opts as Record<string, unknown>)) {
    if (k === "name") {
      if (type(v) !== "string") error(`scope:spawn: opts.name must be a string, got ${type(v)}`, 4);
    } else if (k === "fast") {
      if (type(v) !== "boolean") error(`scope:spawn: opts.fast must be a boolean, got ${type(v)}`, 4);
    } else {
      error(`scope:spawn: unknown option "${tostring(k)}" (name and fast are accepted)`, 4);
    }
  }
  if (type(fn) !== "function") error(`scope:spawn: fn must be a function, got ${type(fn)}`, 4);
  return spawn(opts, fn, ...args);
}

/**
 * Runs `fn(scope)` as a child task named "scope" and waits until it and
 * every task spawned with |Scope:spawn()| have completed; returns `fn`'s
 * results. The first failure (of `fn` or of any task of the scope)
 * cancels everything else in the scope, and is raised once all of it has
 * completed. A task of the scope that is cancelled on its own
 * (`task:cancel()`) is not a failure. Cancelling the task that runs
 * `ts.scope` cancels the whole scope; the cancellation is raised after
 * everything in it completed.
 * ```lua
 * ts.scope(function(scope)
 *   for _, path in ipairs(paths) do scope:spawn(index_file, path) end
 *   scope:spawn(watch_changes)
 * end) -- all done, or the first error raised and the rest cancelled
 * ```
 * @help ts.scope({fn})
 */
export function scope<R>(this: void, fn: (this: void, scope: Scope) => R): LuaMultiReturn<any[]> {
  if (type(fn) !== "function") error(`ts.scope: fn must be a function, got ${type(fn)}`, 2);
  const cur = running_task("ts.scope");
  check_cancel(cur);
  const g = group_new("ts.scope", cur);
  const sc = setmetatable({ g, st: OPEN }, ScopeProto as LuaMetatable<object>) as unknown as Scope;
  const body = spawn({ name: "scope" }, fn, sc);
  group_add(g, body, true);
  let failed = 0;
  let cancelled = false;
  while (g.npend > 0 || group_queued(g) > 0) {
    const i = group_next(g);
    if (i === CANCELLED) {
      cancelled = true;
      break;
    }
    // A task of the scope cancelled on its own (task:cancel()) is not a failure.
    if (fin(g.src.get(i) as Task) === "failed") {
      failed = i;
      break;
    }
  }
  if (failed > 0 || cancelled) sc.st = FAILING;
  group_close(g, sc.st === FAILING ? CANCEL_ALL : CANCEL_NONE, cancelled ? "ts.scope: the scope's task was cancelled" : "ts.scope: another task of the scope failed");
  sc.st = CLOSED;
  check_cancel(cur);
  if (failed > 0) {
    release_others(g, failed);
    error(src_err(g.src.get(failed)), 0);
  }
  // The function's results; if its task was cancelled on its own, that cancellation (as `await` raises it).
  return await_task(cur, body);
}

/**
 * @section tsasync-deadlines
 * See also |ts.shield()|: work that the caller's cancellation (and a deadline)
 * does not interrupt.
 */
