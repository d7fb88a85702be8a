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
 * @section tsasync-await
 */
/**
 * Suspends the running task until `x` completes and returns its values:
 *   ts.await(task)            the task's results (raises its error)
 *   ts.await(future)          the future's values (raises its error)
 *   ts.await(function(cb) ... end)
 *                             what `cb` receives
 *   ts.await(argc, fn, ...)   calls `fn(...)` with the callback at
 *                             position `argc` and returns what the
 *                             callback received, unchanged (error-first
 *                             stays error-first)
 * When the callback runs before `fn` returns, the task does not suspend
 * at all (no coroutine switch). Raises outside a task, from a coroutine
 * that is not the task's own (e.g. inside `coroutine.wrap`), and on a
 * pending cancellation. A task cannot await itself.
 * ```lua
 * local err, data = ts.await(4, vim.uv.fs_read, fd, 4096, 0)
 * ```
 * @help ts.await({x}, {...})
 */
export declare function await_(this: void, x: Awaitable, ...args: unknown[]): LuaMultiReturn<any[]>;
/**
 * Protected |ts.await()|: `true, ...values` or `false, err`. Bad arguments
 * still raise. The running task's own cancellation is raised, never
 * returned.
 * @help ts.pawait({x}, {...})
 */
export declare function pawait(this: void, x: Awaitable, ...args: unknown[]): LuaMultiReturn<[boolean, ...any[]]>;
/**
 * Makes a reusable awaitable function from a callback-taking `fn`: the
 * function returned, called inside a task with at most `argc - 1`
 * arguments (more raise an error), awaits `fn` with the callback at
 * position `argc` and returns what the callback received. Options:
 *   cleanup    fn(...) receives the callback's values when they arrive
 *              after the awaiting task was cancelled: release late
 *              resources (close the fd that was opened anyway)
 *   on_cancel  fn(...) receives what `fn` returned, when the awaiting
 *              task is cancelled: stop the operation (stop the handle)
 *   fast       resume inside the fast event instead of the main loop
 * Unknown options raise.
 * ```lua
 * local fs_open = ts.wrap(4, vim.uv.fs_open, {
 *   cleanup = function(err, fd) if fd then vim.uv.fs_close(fd) end end,
 * })
 * ts.run(function() local err, fd = fs_open("/etc/hosts", "r", 438) end)
 * ```
 * @help ts.wrap({argc}, {fn}, {opts})
 */
export declare function wrap(this: void, argc: number, fn: (this: void, ...args: any[]) => unknown, opts?: WrapOptions): (this: void, ...args: any[]) => any;
/** Validates a millisecond argument. */
export declare function check_ms(fname: string, ms: unknown, argname?: string): number;
/**
 * Suspends the running task for `ms` milliseconds of loop time. All
 * sleeping tasks share one libuv timer; cancellation removes the deadline
 * at once. Tasks with equal deadlines wake in the order they slept.
 * `ts.sleep(0)` yields to the event loop for one turn.
 * @help ts.sleep({ms})
 */
export declare function sleep(this: void, ms: number): void;
/**
 * Continues the running task on the main loop after a `vim.schedule` hop
 * (shared by every task asking in that loop turn), where every `vim.api`
 * function may be called.
 * @help ts.schedule()
 */
export declare function schedule(this: void): void;
/**
 * A cancellation point: raises the running task's pending cancellation;
 * lets other ready tasks run first if there are any. Put it in long
 * computations.
 * @help ts.checkpoint()
 */
export declare function checkpoint(this: void): void;
/**
 * Like `pcall`, but `fn` may suspend inside, on LuaJIT and on PUC Lua 5.1
 * alike (there `fn` runs in a coroutine whose suspensions are passed
 * through). Catching a cancellation does not end it: the task's next
 * suspension raises it again (|tsasync-cancellation|).
 * @help ts.pcall({fn}, {...})
 */
export declare function pcall_(this: void, fn: (this: void, ...args: any[]) => unknown, ...args: unknown[]): LuaMultiReturn<[boolean, ...any[]]>;
/**
 * Like `xpcall`, yield-safe like |ts.pcall()|: `handler(err)` transforms
 * the error. On PUC Lua the handler runs after the failing coroutine
 * unwound, except `debug.traceback`, which is given the failing
 * coroutine's stack.
 * @help ts.xpcall({fn}, {handler}, {...})
 */
export declare function xpcall_(this: void, fn: (this: void, ...args: any[]) => unknown, handler: (this: void, err: any) => unknown, ...args: unknown[]): LuaMultiReturn<[boolean, ...any[]]>;
/**
 * Where Neovim calls back into Lua, awaiting behaves as follows (proved by
 * spec/nvim/reentrancy_spec.lua); no case leaves a registration, deadline
 * or task behind:
 * - `vim.schedule` callbacks, autocmd callbacks, `vim.ui` callbacks
 *   called later, `vim.wait` predicates outside tasks: not in a task, so
 *   every suspending function raises "<name>: must be called inside a
 *   task". Start a task there with |ts.run()| (it may call `vim.api`).
 * - An autocmd fired from inside a task (`nvim_exec_autocmds`), a
 *   `vim.wait` predicate, or a callback that another C function runs
 *   while a task executes: the callback cannot suspend the task (it runs
 *   across a C call). Awaiting there raises "tsasync: cannot suspend
 *   inside a callback that a C function runs ..." (Neovim 0.10, LuaJIT) or
 *   "... a coroutine that tsasync does not drive" (0.11+); the task goes
 *   on. (PUC Lua 5.1 cannot detect this before yielding; there it raises
 *   "attempt to yield across a C-call boundary".)
 * - A Lua callback called synchronously from Lua inside a task (a
 *   `vim.ui.input` implementation that answers at once) runs on the task:
 *   awaiting there works.
 * - `vim.wait` inside a task pumps the loop, but no other task runs until
 *   the calling task suspends: waiting there for another task's work
 *   times out (its wake-up is kept, not lost). Use |ts.sleep()| or await.
 * - |Task:wait()| and |ts.block_on()| inside a task raise; use await.
 * @help Re-entrancy
 * @tag tsasync-reentrancy
 */
/**
 * @section tsasync-tasks
 */
/**
 * The running task, or nil outside tasks.
 * @help ts.current()
 */
export declare function current(this: void): Task | undefined;
/**
 * True inside a task.
 * @help ts.in_task()
 */
export declare function in_task(this: void): boolean;
