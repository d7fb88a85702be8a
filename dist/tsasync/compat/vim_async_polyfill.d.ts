/** @noSelfInFile */
import { Packed } from "../scheduler";
import { Task } from "../task";
/** Anything with a `close(callback)` method: returned by an awaited function, it is closed before the task continues. */
export interface Closable {
    close(this: Closable, callback?: (this: void) => void): unknown;
    is_closing?(this: Closable): boolean;
}
/** A libuv-compatible timer, as `config({ new_timer = ... })` must create them. */
export interface AsyncTimer extends Closable {
    start(this: AsyncTimer, timeout: number, repeat: number, callback: (this: void) => void): unknown;
}
/** Options of `config(opts)`. */
export interface ConfigOpts {
    /** Pumps the event loop until `predicate()` or `timeout` ms (default: tsasync's `vim.wait` adapter). Used by `Task:wait`. `false` restores the default (also for `schedule` and `new_timer`). */
    wait?: false | ((this: void, timeout: number, predicate: (this: void) => boolean) => boolean);
    /** Runs a callback on the next loop turn (default `vim.schedule`). */
    schedule?: false | ((this: void, callback: (this: void) => void) => void);
    /** Creates the timers `sleep` uses (default: tsasync's shared timer heap, no handle per sleep). */
    new_timer?: false | ((this: void) => AsyncTimer);
    /** Record where each task was created (shown in reports of unhandled errors). */
    debug?: boolean;
    /**
     * Report an error of a top-level task that nobody observes (no `await`, `pawait`, `wait`,
     * `pwait`, `on_complete`, `iter`, `timeout`) with `vim.notify` on the next loop turn.
     * Default true (tsasync's rule); false drops it silently, as the built-in `vim.async` does.
     */
    report_unhandled?: boolean;
}
/** What `semaphore(n)` returns. */
export interface AsyncSemaphore {
    /** Takes a permit; suspends (FIFO) while none is free. A checkpoint. */
    acquire(this: AsyncSemaphore): void;
    /** Returns a permit; raises when more are returned than exist. Never suspends. */
    release(this: AsyncSemaphore): void;
    /** `acquire()`, `fn()`, `release()` even when `fn` raises or the task is closed; returns `fn`'s results. */
    with<R extends unknown[]>(this: AsyncSemaphore, fn: (this: void) => LuaMultiReturn<R> | R[0]): LuaMultiReturn<R>;
}
/** The module's shape (also the built-in `vim.async`'s, for the parts listed in the issue). */
export interface VimAsync {
    run: typeof run;
    await: typeof await_;
    pawait: typeof pawait;
    wrap: typeof wrap;
    iter: typeof iter;
    sleep: typeof sleep;
    timeout: typeof timeout;
    semaphore: typeof semaphore;
    checkpoint: typeof checkpoint;
    is_closing: typeof is_closing;
    config: typeof config;
}
/** One checkpoint of a task: the awaited operation, from its setup until the function resumes. */
interface Wait {
    v: AsyncTask;
    t: Task;
    st: number;
    /** The callback ran (or an interrupt took its place): later callbacks are ignored. */
    settled: boolean;
    /** The driver is suspended waiting for `ready`. */
    parked: boolean;
    /** Values that arrived during setup (callback called synchronously), or an interrupt's error. */
    sync?: Packed;
    /** Values to resume with once the awaited closable is closed. */
    args?: Packed;
    /** What the function resumes with: `(err, ...)`. */
    ready?: Packed;
}
/**
 * A `vim.async` task: the handle `run` returns. Await it with `await(task)` / `pawait(task)`,
 * block on it with `wait` / `pwait`, observe it with `on_complete`, stop it with `close`.
 */
export declare class AsyncTask<R extends unknown[] = unknown[]> {
    /** The name given to `run(name, fn)`; nil for unnamed tasks. */
    name?: string;
    /** @internal coroutine of the task's function */
    _thread: LuaThread;
    /** @internal function and arguments until started */
    _fn?: unknown;
    _args?: Packed;
    /** @internal the driving tsasync task, once started */
    _t?: Task;
    _started: boolean;
    /** @internal attached parent, its children (creation order, holes for removed ones) */
    _parent?: AsyncTask;
    _pidx?: number;
    _kids: LuaTable<number, AsyncTask>;
    _nkids: number;
    /** @internal close requested (level-triggered) */
    _closing: boolean;
    /** @internal first pending failure (child error, error of an awaited task): level-triggered */
    _error?: unknown;
    _has_error: boolean;
    /** @internal the operation or task of the current checkpoint (kept for tracebacks) */
    _awaiting?: unknown;
    _w?: Wait;
    /** @internal `(stat, ...)` of the function once it ended; the task then waits for its children */
    _body?: Packed;
    _finalizing: boolean;
    /** @internal completion */
    _done: boolean;
    _failed: boolean;
    _err?: unknown;
    _res?: Packed;
    _cbs: LuaTable<number, (this: void, err?: unknown, ...values: unknown[]) => void>;
    _cbpos: number;
    _observed: boolean;
    _caller?: string;
    /** True once the task and its attached children have completed. */
    completed(this: AsyncTask<R>): boolean;
    /**
     * Calls `callback(err, ...)` when the task completes (`err` nil on success, then the
     * results); at once if it already has. Does not start a pending child. Returns a function
     * that unsubscribes `callback`.
     * ```lua
     * task:on_complete(function(err, value) print(err or value) end)
     * ```
     */
    on_complete(this: AsyncTask<R>, callback: (this: void, err?: unknown, ...values: R) => void): () => void;
    /**
     * Blocks synchronous code until the task completes (pumping the event loop) and returns
     * its results; raises its error, or `"timeout"` after `timeout` ms. Refuses inside a task
     * (use `await(task)` there).
     * ```lua
     * local value = task:wait(1000)
     * ```
     */
    wait(this: AsyncTask<R>, timeout?: number): LuaMultiReturn<R>;
    /**
     * `pcall(task.wait, task, timeout)`: `true, ...results` or `false, err` (`"timeout"`).
     * ```lua
     * local ok, value_or_err = task:pwait(100)
     * ```
     */
    pwait(this: AsyncTask<R>, timeout?: number): LuaMultiReturn<[boolean, ...unknown[]]>;
    /**
     * Requests cooperative close of the task and its children: the task raises `"closed"` at
     * its current or next checkpoint, and at every later one. An owned operation it is
     * suspended on (a closable, an attached child) is closed first. A pending child completes
     * at once without running. `callback()` runs when the task has completed (at once if it
     * already has). No effect on a completed task.
     */
    close(this: AsyncTask<R>, callback?: (this: void) => void): void;
    /**
     * Takes the task out of its parent: the parent no longer waits for it, closes it or fails
     * with its error. A pending child is scheduled to start. Returns the task.
     */
    detach(this: AsyncTask<R>): AsyncTask<R>;
    /**
     * `"running"` (its function runs now), `"normal"` (it resumed another coroutine),
     * `"awaiting"` (suspended at a checkpoint, not started yet, or waiting for its children),
     * `"completed"`.
     */
    status(this: AsyncTask<R>): "running" | "normal" | "awaiting" | "completed";
    /**
     * The traceback of the task's coroutine (where it is suspended, or where its error was
     * raised), preceded by that of the task it awaits, each frame tagged with its coroutine.
     * `msg` (e.g. the error) comes first.
     */
    traceback(this: AsyncTask<R>, msg?: unknown, level?: number): string;
    /** When the task fails, raises its error with `traceback` (reported on the main loop). Returns the task. */
    raise_on_error(this: AsyncTask<R>): AsyncTask<R>;
}
/**
 * Creates a task running `fn(...)`; `run(name, fn, ...)` names it (`task.name`). A task created
 * inside a task is its attached child: it starts at the parent's next checkpoint, the parent
 * completes only after it, and its unhandled error fails the parent (`"child error: <err>"`)
 * and closes the siblings. A top-level task starts at once (on the main loop when created in
 * a fast event).
 * ```lua
 * local task = async.run("load", function(path) return read(path) end, "notes.txt")
 * ```
 */
export declare function run<A extends unknown[], R extends unknown[]>(this: void, fn_or_name: string | ((this: void, ...args: A) => LuaMultiReturn<R> | R[0]), ...args: unknown[]): AsyncTask<R>;
/**
 * Suspends the current task until `task` completes (returns its results, raises its error),
 * until `fn(callback)` calls back, or until `fn(a1, ..., callback)` with the callback at
 * position `argc` calls back; callback values are returned unchanged (error-first stays
 * error-first). A closable `fn` returns is closed before the task continues, and when the
 * task is closed meanwhile. A checkpoint: raises the task's pending close (`"closed"`) or
 * failure first, and starts its pending children.
 * ```lua
 * local err, stat = async.await(2, vim.uv.fs_stat, "notes.txt")
 * ```
 */
export declare function await_(this: void, ...args: unknown[]): LuaMultiReturn<unknown[]>;
/**
 * `await` in protected mode: `true, ...` or `false, err` for a failure of the awaited task or
 * operation (also an error raised while setting it up). The task's own close or pending
 * failure is still raised.
 * ```lua
 * local ok, text_or_err = async.pawait(async.run(read, "notes.txt"))
 * ```
 */
export declare function pawait(this: void, ...args: unknown[]): LuaMultiReturn<[boolean, ...unknown[]]>;
/**
 * Makes a callback-style function awaitable: `wrap(argc, fn)(...)` is `await(argc, fn, ...)`.
 * ```lua
 * local fs_stat = async.wrap(2, vim.uv.fs_stat)
 * ```
 */
export declare function wrap(this: void, argc: number, fn: (this: void, ...args: any[]) => unknown): (this: void, ...args: unknown[]) => LuaMultiReturn<unknown[]>;
/** An explicit checkpoint: raises a pending close or failure, starts pending children. */
export declare function checkpoint(this: void): void;
/** True when the current task has been closed (false outside tasks). */
export declare function is_closing(this: void): boolean;
/**
 * Suspends the current task for `duration` ms (a checkpoint). On tsasync's shared timer heap
 * unless `config({ new_timer = ... })` is set.
 */
export declare function sleep(this: void, duration: number): void;
/**
 * Awaits `task` with a deadline: its results or error as `await` gives them, or, after
 * `duration` ms, closes it, waits for its cleanup and raises `"timeout"`.
 * ```lua
 * local text = async.timeout(5000, async.run(read, "notes.txt"))
 * ```
 */
export declare function timeout<R extends unknown[]>(this: void, duration: number, task: AsyncTask<R>): LuaMultiReturn<R>;
/**
 * An iterator over `tasks` in completion order: each call returns the next task to complete
 * (suspending until one does), then nil. It yields task handles: `await`/`pawait` them for
 * their results. Dropping the iterator unsubscribes it from the tasks (on garbage collection).
 * ```lua
 * local next_task = async.iter(tasks)
 * while true do
 *   local t = next_task()
 *   if not t then break end
 *   print(async.await(t))
 * end
 * ```
 */
export declare function iter<R extends unknown[]>(this: void, tasks: AsyncTask<R>[]): (this: void) => AsyncTask<R> | undefined;
/**
 * A semaphore of `permits` permits (default 1; a positive integer): `acquire()` (FIFO, a
 * checkpoint), `release()`, `with(fn)`. A release hands its permit to the longest waiter on
 * the next loop turn.
 * ```lua
 * local limit = async.semaphore(4)
 * limit:with(function() return read(path) end)
 * ```
 */
export declare function semaphore(this: void, permits?: number): AsyncSemaphore;
/**
 * Configures the polyfill. `wait`, `schedule`, `new_timer`, `debug` as the
 * built-in's runtime options (which it keeps private in
 * `vim.async._runtime`); `false` restores the default. `report_unhandled`
 * (default true): an error of a top-level task nobody observes (no await,
 * pawait, wait, pwait, on_complete, iter, timeout; not closed) is reported
 * with |vim.notify| on the next loop turn, with its traceback
 * (`debug = true` adds where the task was created). `false` drops it
 * silently, as the built-in does.
 * ```lua
 * local polyfill = require("tsasync.compat.vim_async_polyfill")
 * polyfill.config({ report_unhandled = false })
 * ```
 * @help config({opts})
 * @notag
 * @tag tsasync-vim-async-config
 */
export declare function config(this: void, opts: ConfigOpts): void;
/** Marks the module as the polyfill (the built-in has no such field). */
export declare const polyfill = true;
export { await_ as await };
