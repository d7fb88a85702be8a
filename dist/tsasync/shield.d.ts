/** @noSelfInFile */
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
export declare function shield(this: void, fn: (this: void, ...args: any[]) => unknown, ...args: unknown[]): LuaMultiReturn<any[]>;
