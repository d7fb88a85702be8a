/**
 * @section tsasync-tasks
 */
import { Results, Task, check_sync, ppcall, spawn } from "./task";
import { is_timeout } from "./errors";

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
export function block_on<R>(this: void, fn: (this: void) => R, timeout_ms?: number): LuaMultiReturn<Results<R>> {
  if (type(fn) !== "function") error(`ts.block_on: fn must be a function, got ${type(fn)}`, 2);
  check_sync("ts.block_on", timeout_ms);
  const t = spawn({ name: "block_on" }, fn);
  return finish(t, ...ppcall(t.wait, t, timeout_ms)) as LuaMultiReturn<Results<R>>;
}

function finish(t: Task, ok?: unknown, ...rest: unknown[]): LuaMultiReturn<unknown[]> {
  if (ok) return $multi(...rest);
  const err = rest[0];
  if (is_timeout(err)) t.cancel("block_on timed out");
  return error(err, 0);
}
