/**
 * @section tsasync-tasks
 */
import { await_task, first, protect, running_task, shield_enter, shield_leave, spawn } from "./task";

/**
 * Inside a task: runs `fn(...)` as a child that the caller's cancellation
 * does not reach, waits for it and returns its results (or raises its
 * error). If the caller was cancelled meanwhile, that cancellation is
 * raised once `fn` finished. For cleanup that must complete (flush a file,
 * send a final request). Works inside |ts.timeout()| too: the shielded
 * part finishes, then the timeout is raised.
 * ```lua
 * ts.run(function()
 *   local ok, err = ts.pcall(do_work)
 *   -- even if this task is being cancelled, the state is saved:
 *   ts.shield(function() save_state(ok, err) end)
 * end)
 * ```
 * @help ts.shield({fn}, {...})
 */
export function shield(this: void, fn: (this: void, ...args: any[]) => unknown, ...args: unknown[]): LuaMultiReturn<any[]> {
  if (type(fn) !== "function") error(`ts.shield: fn must be a function, got ${type(fn)}`, 2);
  const cur = running_task("ts.shield");
  const child = spawn({ name: "shield", shielded: true }, fn, ...args);
  shield_enter(cur);
  return finish(cur, ...protect(cur, await_task, cur, child));
}

function finish(cur: ReturnType<typeof running_task>, ok?: unknown, ...rest: unknown[]): LuaMultiReturn<any[]> {
  shield_leave(cur);
  if (cur.cancel_err !== undefined && (cur.shield ?? 0) === 0) error(cur.cancel_err, 0);
  if (!ok) error(first(...rest), 0);
  return $multi(...rest);
}
