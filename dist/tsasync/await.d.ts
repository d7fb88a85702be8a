/** @noSelfInFile */
/**
 * Awaiting: turning callbacks, tasks and futures into suspension points.
 *
 * A callback await hands the wrapped function a callback and suspends the task until the
 * callback runs. When the callback runs before the function returns (it "fired
 * synchronously") the task does not suspend at all: the values are returned directly, so a
 * loop of synchronous completions costs no coroutine switch and cannot grow any stack.
 *
 * Each task owns one reusable callback (a "slot"), so awaiting in a loop allocates no
 * closure. When the task is cancelled during an await, its slot is orphaned: the callback
 * may still run later, and then its values go to the wrapper's `cleanup` (close the fd that
 * arrived late) instead of to the task; the task takes a fresh slot for its next await.
 */
import { Future } from "./future";
import { Task } from "./task";
/** Options of `ts.wrap`. */
export interface WrapOptions {
    /**
     * Receives the callback's values when they arrive after the awaiting task was cancelled,
     * so late resources can be released (`cleanup = function(err, fd) if fd then uv.fs_close(fd) end end`).
     */
    cleanup?: (this: void, ...values: any[]) => void;
    /** Called with what the wrapped function returned when the awaiting task is cancelled (stop the handle). */
    on_cancel?: (this: void, ...returned: any[]) => void;
    /** Resume the task inside the fast event instead of on the main loop. */
    fast?: boolean;
}
/**
 * Core of every callback await: calls `fn` with the task's callback at position `argc`
 * (after `argc - 1` arguments) and returns what the callback receives.
 */
export declare function await_cb(fname: string, opts: WrapOptions | undefined, argc: number, fn: (this: void, ...args: any[]) => unknown, ...args: unknown[]): LuaMultiReturn<unknown[]>;
/** What `ts.await` accepts as its first argument. */
export type Awaitable = Task | Future | number | ((this: void, cb: (this: void, ...values: any[]) => void) => unknown);
/**
 * Suspends the running task until `x` completes and returns its values.
 * - `ts.await(task_or_future)`: its results (raises its error);
 * - `ts.await(function(cb) ... end)`: what `cb` receives;
 * - `ts.await(argc, fn, ...)`: calls `fn(...)` with the callback at position `argc` and returns
 *   what the callback received, unchanged (error-first stays error-first).
 * ```lua
 * local err, stat = ts.await(2, vim.uv.fs_stat, "/tmp")
 * ```
 */
export declare function await_(this: void, x: Awaitable, ...args: unknown[]): LuaMultiReturn<any[]>;
/**
 * Protected `ts.await`: `true, ...values` or `false, err`. The running task's own
 * cancellation is raised, never returned.
 */
export declare function pawait(this: void, x: Awaitable, ...args: unknown[]): LuaMultiReturn<[boolean, ...any[]]>;
/**
 * Makes a reusable awaitable function from a callback-taking `fn`: calling the result
 * inside a task calls `fn(...)` with a callback at position `argc` and returns what the
 * callback received.
 * ```lua
 * local fs_stat = ts.wrap(2, vim.uv.fs_stat)
 * ts.run(function() local err, st = fs_stat("/tmp") end)
 * ```
 * @param argc position of the callback among `fn`'s arguments.
 * @param opts `cleanup` (late values after cancellation), `on_cancel` (receives `fn`'s
 *   return values when the task is cancelled), `fast` (stay in the fast event).
 */
export declare function wrap(this: void, argc: number, fn: (this: void, ...args: any[]) => unknown, opts?: WrapOptions): (this: void, ...args: any[]) => any;
/** Validates a millisecond argument. */
export declare function check_ms(fname: string, ms: unknown, argname?: string): number;
/**
 * Suspends the running task for `ms` milliseconds of loop time. Cancellation removes the
 * deadline at once. `sleep(0)` yields to the event loop for one turn.
 */
export declare function sleep(this: void, ms: number): void;
/**
 * Continues the running task on the main loop after a `vim.schedule` hop, where every
 * `vim.api` function may be called (all tasks asking in one loop turn share the hop).
 */
export declare function schedule(this: void): void;
/**
 * A cancellation point: raises the running task's pending cancellation, and lets other
 * ready tasks run first if there are any.
 */
export declare function checkpoint(this: void): void;
/**
 * `pcall` that may suspend inside (awaits work within it), on LuaJIT and PUC Lua alike.
 * Catching a cancellation does not end it: the task's next suspension raises again.
 */
export declare function pcall_(this: void, fn: (this: void, ...args: any[]) => unknown, ...args: unknown[]): LuaMultiReturn<[boolean, ...any[]]>;
/**
 * `xpcall` that may suspend inside. `handler(err)` transforms the error; on PUC Lua it runs
 * after the failing coroutine unwound, except `debug.traceback`, which is given the failing
 * coroutine's stack.
 */
export declare function xpcall_(this: void, fn: (this: void, ...args: any[]) => unknown, handler: (this: void, err: any) => unknown, ...args: unknown[]): LuaMultiReturn<[boolean, ...any[]]>;
/** The running task, or nil outside tasks. */
export declare function current(this: void): Task | undefined;
/** True inside a task. */
export declare function in_task(this: void): boolean;
