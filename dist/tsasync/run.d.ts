/** @noSelfInFile */
/**
 * `ts.run`: starting tasks.
 */
import { Results, RunOptions, Task } from "./task";
/**
 * Starts `fn(...)` as a task and returns it. `ts.run(opts, fn, ...)` takes options:
 * `name` (shown in errors and the inspector), `detach` (a root task even inside a task),
 * `fast` (resume inside fast events). Inside a task the new task is a child: the parent
 * waits for it and fails when it fails unobserved.
 * ```lua
 * local t = ts.run(function(a, b) ts.sleep(10); return a + b end, 1, 2)
 * ```
 */
export declare function run<A extends unknown[], R>(this: void, fn: (this: void, ...args: A) => R, ...args: A): Task<Results<R>>;
export declare function run<A extends unknown[], R>(this: void, opts: RunOptions, fn: (this: void, ...args: A) => R, ...args: A): Task<Results<R>>;
