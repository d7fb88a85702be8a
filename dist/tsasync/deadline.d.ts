/** @noSelfInFile */
import { Source } from "./group";
/**
 * Runs `fn(...)` as a child task and returns its results, or raises a timeout error
 * (`ts.is_timeout(err)`, not `ts.is_cancelled`) if it has not finished within `ms`
 * milliseconds; `fn`'s task is then cancelled and has completed before the error is raised.
 * `fn`'s own errors are raised as they are. The caller's cancellation propagates as a
 * cancellation. `fn` may also be a Task (cancelled at the deadline) or a Future (no more
 * waited for).
 * ```lua
 * local ok, err = ts.pcall(ts.timeout, 500, ts.sleep, 1000)
 * -- ok == false, ts.is_timeout(err) == true
 * ```
 */
export declare function timeout(this: void, ms: number, fn: ((this: void, ...args: any[]) => unknown) | Source, ...args: unknown[]): LuaMultiReturn<any[]>;
/**
 * Like `ts.timeout` but gives up quietly: returns `true` when the deadline passed (the work
 * was cancelled and has completed), or `false, ...results` when `fn` finished in time.
 * `fn`'s errors are raised.
 * ```lua
 * local timed_out, items = ts.move_on_after(200, fetch_completions, prefix)
 * if timed_out then items = {} end
 * ```
 */
export declare function move_on_after(this: void, ms: number, fn: ((this: void, ...args: any[]) => unknown) | Source, ...args: unknown[]): LuaMultiReturn<[boolean, ...any[]]>;
