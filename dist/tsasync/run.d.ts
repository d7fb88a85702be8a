/** @noSelfInFile */
/**
 * @section tsasync-tasks
 */
import { Results, RunOptions, Task } from "./task";
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
export declare function run<A extends unknown[], R>(this: void, fn: (this: void, ...args: A) => R, ...args: A): Task<Results<R>>;
export declare function run<A extends unknown[], R>(this: void, opts: RunOptions, fn: (this: void, ...args: A) => R, ...args: A): Task<Results<R>>;
