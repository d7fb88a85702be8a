/** @noSelfInFile */
import { Source } from "./group";
/**
 * Runs `fn(...)` as a child task and returns its results. If it has not
 * finished after `ms` milliseconds, its task is cancelled, and once it has
 * completed (its cleanup run) a timeout error is raised:
 * |ts.is_timeout()| true, |ts.is_cancelled()| false, `err.ms` = `ms`,
 * `tostring(err)` = "ts.timeout: timed out after <ms> ms". `fn`'s own
 * errors are raised as they are. `fn` may also be a Task (cancelled at the
 * deadline; no arguments) or a Future (no longer waited for).
 * Deadlines nest: when an outer deadline passes first, the inner call sees
 * a cancellation (its caller was cancelled) and lets it through, so the
 * outer call reports its own deadline. The caller's own cancellation is
 * raised as a cancellation, never as a timeout.
 * ```lua
 * local ok, err = ts.pcall(ts.timeout, 1000, fetch, url)
 * if not ok and ts.is_timeout(err) then print("slow server") end
 * ```
 * @help ts.timeout({ms}, {fn}, {...})
 */
export declare function timeout(this: void, ms: number, fn: ((this: void, ...args: any[]) => unknown) | Source, ...args: unknown[]): LuaMultiReturn<any[]>;
/**
 * Like |ts.timeout()| but quiet: returns `true` when the deadline passed
 * (the work was cancelled and has completed), or `false, ...results` when
 * `fn` finished in time. `fn`'s errors are raised.
 * ```lua
 * local timed_out, items =
 *   ts.move_on_after(200, fetch_completions, prefix)
 * if timed_out then items = {} end
 * ```
 * @help ts.move_on_after({ms}, {fn}, {...})
 */
export declare function move_on_after(this: void, ms: number, fn: ((this: void, ...args: any[]) => unknown) | Source, ...args: unknown[]): LuaMultiReturn<[boolean, ...any[]]>;
