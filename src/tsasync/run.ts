/**
 * @section tsasync-tasks
 */
import { Results, RunOptions, Task, spawn } from "./task";

/**
 * Starts `fn(...)` as a task and returns the |tsasync-Task|. `nil`
 * arguments are kept. Inside a task the new task is a child: the parent
 * waits for it and fails when it fails unobserved (|tsasync-structured|).
 * Options:
 *   name    (string)  shown in errors, reports and tracebacks ("task")
 *   detach  (boolean) a root task even inside a task
 *   fast    (boolean) resume inside fast events (no `vim.api` then)
 * ```lua
 * local t = ts.run({ name = "sum" }, function(a, b)
 *   ts.sleep(10)
 *   return a + b
 * end, 1, 2)
 * print(t:wait(100)) -- 3
 * ```
 * @help ts.run({fn}, {...})
 * @help ts.run({opts}, {fn}, {...})
 */
export function run<A extends unknown[], R>(this: void, fn: (this: void, ...args: A) => R, ...args: A): Task<Results<R>>;
export function run<A extends unknown[], R>(this: void, opts: RunOptions, fn: (this: void, ...args: A) => R, ...args: A): Task<Results<R>>;
export function run(this: void, a: unknown, ...args: unknown[]): Task {
  const ta = type(a);
  if (ta === "function") return spawn(undefined, a, ...args);
  if (ta === "table" && getmetatable(a) === undefined) return run_opts(a as RunOptions, ...args);
  return error(`ts.run: expected fn or (opts, fn), got ${ta}`, 2);
}

function run_opts(opts: RunOptions, fn?: unknown, ...args: unknown[]): Task {
  for (const [k, v] of pairs(opts as Record<string, unknown>)) {
    if (k === "name") {
      if (type(v) !== "string") error(`ts.run: opts.name must be a string, got ${type(v)}`, 3);
    } else if (k === "detach" || k === "fast") {
      if (type(v) !== "boolean") error(`ts.run: opts.${k} must be a boolean, got ${type(v)}`, 3);
    } else {
      error(`ts.run: unknown option "${tostring(k)}"`, 3);
    }
  }
  return spawn(opts, fn, ...args);
}
