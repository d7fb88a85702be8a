/** @noSelfInFile */
/**
 * `ts.block_on`: the bridge from synchronous code (commands, tests, startup) to tasks.
 */
import { Results } from "./task";
/**
 * Runs `fn` as a task and waits for it from synchronous code, pumping the event loop
 * (`vim.wait`); returns its results or raises its error. When `timeout_ms` passes first, the
 * task is cancelled and a timeout error (`ts.is_timeout`) is raised. Refuses inside a task
 * and inside a fast event.
 * ```lua
 * local text = ts.block_on(function() return ts.fs.read_file("README.md") end, 1000)
 * ```
 */
export declare function block_on<R>(this: void, fn: (this: void) => R, timeout_ms?: number): LuaMultiReturn<Results<R>>;
