/** @noSelfInFile */
/**
 * @section tsasync-tasks
 */
import { Results } from "./task";
/**
 * Runs `fn` as a task and waits for it from synchronous code (commands,
 * tests, startup), pumping the event loop (`vim.wait`). Returns its results
 * or raises its error. When `timeout_ms` passes first the task is cancelled
 * and a timeout error (|ts.is_timeout()|) is raised. Refuses inside a task
 * and inside a fast event.
 * ```lua
 * local ok = ts.block_on(function() ts.sleep(5); return true end, 1000)
 * local text = ts.block_on(function()
 *   return ts.fs.read_file("README.md")
 * end, 1000)
 * ```
 * @help ts.block_on({fn}, {timeout_ms})
 */
export declare function block_on<R>(this: void, fn: (this: void) => R, timeout_ms?: number): LuaMultiReturn<Results<R>>;
