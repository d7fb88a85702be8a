/** @noSelfInFile */
/**
 * Tasks: a Lua coroutine plus its completion state, its place in the task tree, and its
 * cancellation state.
 *
 * Lifecycle. `ts.run(fn, ...)` creates a task. Started from plain code (a callback, an
 * autocmd, the main chunk) it runs at once until its first suspension; started inside a
 * running task it is that task's child and starts as soon as the parent suspends (a task
 * never preempts the one running). Started from a fast event it starts on the main loop.
 *
 * Structure. A child keeps its parent from completing; a child's failure that nobody is
 * waiting for (no `await`, no `on_complete`) fails the parent and cancels its other
 * children; cancelling a task cancels its whole subtree, including children it starts later.
 * `Task:detach()` takes a task out of its parent's tree.
 *
 * Cancellation is cooperative and level-triggered: `Task:cancel()` marks the task, releases
 * the operation it is suspended on at once (timers removed, callbacks orphaned so late
 * results go to their `cleanup`), and every suspension of the task from then on raises the
 * cancellation error (except inside `ts.shield`).
 *
 * Completion states: `"done"` (returned), `"failed"` (raised, or a child failed),
 * `"cancelled"` (cancelled and ended by the cancellation, or ended normally after it).
 */
import { CancelledError } from "./errors";
import { Packed } from "./scheduler";
/** The results of a function returning `R`, as a tuple: `LuaMultiReturn<[a, b]>` gives `[a, b]`, `T` gives `[T]`. */
export type Results<R> = R extends LuaMultiReturn<infer U> ? U : R extends void ? [] : [R];
/** The status of a completed task. */
export type FinalStatus = "done" | "failed" | "cancelled";
/** What `Task:status()` returns. */
export type TaskStatus = "running" | "suspended" | "done" | "failed" | "cancelled";
/** Options of `ts.run(opts, fn, ...)`. */
export interface RunOptions {
    /** Shown in errors, reports and the inspector. Default `"task"`. */
    name?: string;
    /** Start as a root even inside a task: no parent waits for it or sees its errors. */
    detach?: boolean;
    /** Resume inside fast events instead of hopping to the main loop (no `vim.api` then). */
    fast?: boolean;
}
/** Releases the operation a task is suspended on; called by `cancel` with `(arg, task)`. */
export type AbortFn = (this: void, arg: unknown, t: Task) => void;
/** An observer: a task suspended in `await`, or an `on_complete` callback; `false` once removed. */
/** Runtime configuration (set with `ts.config`). */
export declare const settings: {
    on_unhandled?: (this: void, err: unknown, task: Task) => void;
    debug: boolean;
    slow_step_ms: number;
};
/** Counters for `:checkhealth`, the inspector and leak checks. */
export declare function task_counts(this: void): {
    live: number;
    started: number;
    unhandled: number;
};
/**
 * A running computation. Create with `ts.run`; await with `Task:await()`.
 * @typeParam R the task's results, as a tuple (`[number]` for a function returning a number).
 */
export declare class Task<R extends unknown[] = unknown[]> {
    /** Name given to `ts.run` (default `"task"`). */
    name: string;
    /**
     * @internal The coroutine while the task is live; its final status once it completed (the
     * same key, so completing adds no key to the table: no rehash on the spawn path).
     */
    state: LuaThread | FinalStatus;
    /** @internal parent in the task tree (absent for roots and detached tasks) */
    parent?: Task;
    /** @internal live children */
    kids?: LuaTable<Task, true>;
    /** @internal number of live children */
    nkids?: number;
    /** @internal coroutine finished, completion waits for the children: "ok" or "err" (outcome in `x`) */
    body_done?: "ok" | "err";
    /** @internal set when cancelled */
    cancel_err?: CancelledError;
    /** @internal a child that failed unobserved: this task fails with its error */
    failed_kid?: Task;
    /** @internal > 0 while shielded from cancellation */
    shield?: number;
    /** @internal this task is not cancelled when its parent is */
    shielded?: boolean;
    /** @internal release function of the operation the task is suspended on */
    abort?: AbortFn;
    /**
     * @internal One key, present from creation, for what is never needed at the same time: the
     * argument of `abort` while suspended; the results (done: see `store_results`, read them
     * with `vals_of`) or the error (failed, cancelled) once complete; `false` for nothing. Completing a task thus adds no key to its
     * table (no rehash on the spawn path) and a suspended task keeps 4 keys.
     */
    x: unknown;
    /** @internal index of this task in the waiter list it sits in */
    widx?: number;
    /** @internal error to raise when resumed */
    wake_err?: unknown;
    /** @internal observers */
    obs?: WaitList;
    /** @internal someone looked at the outcome */
    observed?: boolean;
    /** @internal resume inside fast events */
    fast?: boolean;
    /** @internal coroutine of a `ts.pcall` running inside this task (PUC Lua) */
    pco?: LuaThread;
    /** @internal start site: recorded in debug mode, else computed once when first asked */
    at?: string;
    /** @internal start time (debug mode) */
    t0?: number;
    /** @internal callback slot reused by callback awaits */
    slot?: unknown;
    /** @internal finalizers (resources owned by the task), run when it completes */
    finalizers?: LuaTable<object, (this: void, t: Task) => void>;
    /**
     * Waits for the task from inside another task and returns its results. Raises the task's
     * error (with its traceback and context) if it failed, or a cancellation error if it was
     * cancelled (`ts.is_cancelled(err)`).
     * ```lua
     * local t = ts.run(function() ts.sleep(10); return 42 end)
     * ts.run(function() print(t:await()) end) -- 42
     * ```
     */
    await(this: Task<R>): LuaMultiReturn<R>;
    /**
     * Like `await` but protected: returns `true, ...results` or `false, err`. The current
     * task's own cancellation is still raised, never returned.
     */
    pawait(this: Task<R>): LuaMultiReturn<[boolean, ...unknown[]]>;
    /**
     * Blocks synchronous code until the task completes, pumping the event loop
     * (`vim.wait`), and returns its results. Raises its error, or a timeout error
     * (`ts.is_timeout`) after `timeout_ms` (the task keeps running). Refuses inside a
     * task (use `await`) and inside a fast event.
     * @param timeout_ms milliseconds; default: no limit (`<C-c>` interrupts).
     */
    wait(this: Task<R>, timeout_ms?: number): LuaMultiReturn<R>;
    /**
     * Requests cancellation. Returns true if the request took effect, false if the task had
     * already completed or was already cancelled. The operation the task is suspended on is
     * released at once and the task resumes with a cancellation error; its children are
     * cancelled too.
     * @param reason any value, kept in the error (`err.reason`).
     */
    cancel(this: Task<R>, reason?: unknown): boolean;
    /**
     * `"running"` (executing now), `"suspended"` (waiting or ready to run), `"done"`,
     * `"failed"` or `"cancelled"`.
     */
    status(this: Task<R>): TaskStatus;
    /** True once the task has completed (done, failed or cancelled). */
    is_done(this: Task<R>): boolean;
    /**
     * After completion: `true, ...results` or `false, err`. Raises if the task is still
     * running.
     */
    result(this: Task<R>): LuaMultiReturn<[boolean, ...unknown[]]>;
    /**
     * Milliseconds since the task started, when known (recorded in debug mode only, see
     * `ts.config`); nil otherwise.
     */
    age(this: Task<R>): number | undefined;
    /** Where the task was started (debug mode) or where its function was defined: `file:line`. */
    site(this: Task<R>): string;
    /** What the task is waiting for, in words (`"sleep"`, `"a future"`, ...); `""` once complete. */
    waiting_on(this: Task<R>): string;
    /** The task's live children. */
    children(this: Task<R>): Task[];
    /**
     * Calls `fn(ok, ...)` when the task completes (`true, ...results` or `false, err`); at once
     * if it already has. Counts as observing the task's error. Errors raised by `fn` are
     * reported, never lost. Returns a function that unsubscribes `fn`.
     */
    on_complete(this: Task<R>, fn: (this: void, ok: boolean, ...values: unknown[]) => void): () => void;
    /**
     * Takes the task out of its parent's tree: the parent no longer waits for it, is not
     * failed by it, and does not cancel it. Its errors, if unobserved, are reported like a
     * root task's. A parent that had returned and waited only for this task completes at
     * once. Returns the task.
     */
    detach(this: Task<R>): Task<R>;
    /**
     * A traceback: where the task is suspended, or where its error was raised, with the
     * task's name and start site.
     */
    traceback(this: Task<R>): string;
}
/** The packed results of a task that is done (EMPTY when it returned nothing). */
export declare function vals_of(t: Task): Packed;
/** The error of a task that failed or was cancelled. */
export declare function err_of(t: Task): unknown;
/** The final status of `t`, or nil while it is live. */
export declare function fin(t: Task): FinalStatus | undefined;
/** True when `x` is a Task. */
export declare function is_task(x: unknown): x is Task;
/** The first of its arguments (avoids building a table for `select(1, ...)`). */
export declare function first(this: void, a?: unknown): unknown;
/**
 * An internal observer record (combinators, deadlines, scopes): when the task or future it
 * sits on completes, `fn(w, source)` is called. Unlike `on_complete` callbacks it needs no
 * closure per observed item, and it does not by itself count as observing a task's failure
 * (`fn` sets `source.observed` when it takes the error over).
 */
export interface Watch {
    fn: (this: void, w: Watch, source: unknown) => void;
    /** The owner's state. */
    g: unknown;
    /** The owner's index or key for the source. */
    i: unknown;
    /** Position in the wait list (for O(1) removal). */
    widx?: number;
}
/** A list of waiting tasks, callbacks and watches; removed entries become `false` until compaction. */
export type WaitList = Array<Task | Watch | ((this: void, ok: boolean, ...values: unknown[]) => void) | false>;
/** Appends a waiting task (or a watch) to `list`, remembering its position for removal. */
export declare function wl_add_task(list: WaitList, t: Task | Watch): void;
/** Removes waiting task (or watch) `t` from `list`; compacts when mostly removed entries. */
export declare function wl_remove_task(list: WaitList, t: Task | Watch): void;
/** Adds callback `fn` to `list`; returns the unsubscribe function. */
export declare function wl_add_callback(list: WaitList, fn: (this: void, ok: boolean, ...values: unknown[]) => void): () => void;
/** `coroutine.resume` typed as TSTL needs to pass its results on without a table. */
export declare const resume: (this: void, co: LuaThread, ...args: unknown[]) => LuaMultiReturn<[boolean, ...unknown[]]>;
/** `pcall` typed the same way. */
export declare const ppcall: (this: void, fn: unknown, ...args: unknown[]) => LuaMultiReturn<[boolean, ...unknown[]]>;
/** The live root tasks (those that suspended at least once), for the inspector. */
export declare function live_roots(this: void): Task[];
/** The live children of `t`. */
export declare function children_of(this: void, t: Task): Task[];
/**
 * Registers how the inspector describes a task suspended with `abort` (e.g. `"sleep"`,
 * `"recv on a channel"`): `describe(arg)` receives the argument given to `suspend`.
 */
export declare function register_wait_kind(this: void, abort: AbortFn, describe: (this: void, arg: unknown) => string): void;
/** What `t` is waiting for, in words. */
export declare function waiting_on(this: void, t: Task): string;
/** The running task, or nil outside tasks. */
export declare function current_task(this: void): Task | undefined;
/**
 * The running task, checked: raises `<fname>: ...` outside a task. (That the caller runs on
 * the task's own coroutine is checked by `suspend`, where it matters, not on every call.)
 */
export declare function running_task(fname: string): Task;
/** Creates a task for `fn(...)` and starts it according to the scheduling rules. */
export declare function spawn(opts: (RunOptions & {
    shielded?: boolean;
}) | undefined, fn: unknown, ...args: unknown[]): Task;
/** Where the task was started (debug mode) or where its function was defined. */
export declare function site_of(t: Task): string;
/**
 * Registers `fn(t)` to run when task `t` completes (after its children, with `t:status()`
 * final), under `key` (one finalizer per key). Used by layers that tie a resource to the task
 * that opened it (sockets, processes, streams). Does not count as observing the task's error.
 */
export declare function on_finish(t: Task, key: object, fn: (this: void, t: Task) => void): void;
/** Removes the finalizer registered under `key` (the resource was released early). */
export declare function off_finish(t: Task, key: object): void;
/**
 * Hands the failure of `t`, taken over by an observer that cannot deliver it (a combinator
 * whose caller was cancelled, a parent that fails with another error), back to unhandled
 * reporting: reported on the next loop turn unless someone observes `t` meanwhile.
 */
export declare function release_failure(t: Task): void;
/** Reports an error nobody can catch (callback failures, unhandled task errors). */
export declare function report(msg: string): void;
/** Enters a shielded region of `t` (cancellation not delivered until `unshield`). */
export declare function shield_enter(t: Task): void;
/** Leaves a shielded region. */
export declare function shield_leave(t: Task): void;
/** Raises the running task's pending cancellation (if any and not shielded). */
export declare function check_cancel(t: Task): void;
/**
 * Suspends the running task `t` until something wakes it. `abort(arg, t)` must release
 * whatever would wake it (it is called when the task is cancelled meanwhile). Returns the
 * values it is woken with, or raises the error it is woken with.
 */
export declare function suspend(t: Task, abort: AbortFn, arg: unknown): LuaMultiReturn<unknown[]>;
/**
 * Like `suspend` but never raises: returns true when woken with `resume_with`, false when
 * the task was cancelled (already, or meanwhile; `abort` has run). For operations that must
 * clean up (cancel and wait for what they started) before raising the cancellation.
 */
export declare function suspend_quiet(t: Task, abort: AbortFn, arg: unknown): boolean;
/** Yields `t` to the other ready tasks and resumes it right after them. */
export declare function yield_now(t: Task): void;
/** Wakes a task suspended with `suspend` (the caller has detached it from its operation). */
export declare function resume_with(t: Task, v: Packed): void;
/** Wakes a task suspended with `suspend` so that it raises `err`. */
export declare function resume_error(t: Task, err: unknown): void;
/** `cur` waits for `t` (any task) and returns its results or raises its error. */
export declare function await_task(cur: Task, t: Task): LuaMultiReturn<unknown[]>;
/**
 * Calls `fn(...)` in protected mode inside task `cur` (yield-safe), returning `true, ...`
 * or `false, err`; a cancellation of `cur` itself is re-raised, never returned.
 */
export declare function protect(cur: Task, fn: (this: void, ...args: any[]) => unknown, ...args: unknown[]): LuaMultiReturn<[boolean, ...unknown[]]>;
/** True when the Lua in use can yield across pcall (LuaJIT, Lua 5.2+). */
export declare const NATIVE_YIELDING_PCALL: boolean;
/**
 * `pcall` that may suspend inside: native where the Lua allows it; on PUC Lua 5.1 the
 * function runs in a coroutine of its own whose suspensions are passed through.
 */
export declare function ypcall(fn: (this: void, ...args: any[]) => unknown, ...args: unknown[]): LuaMultiReturn<[boolean, ...unknown[]]>;
/** PUC Lua 5.1 path of `ypcall`/`yxpcall`: a coroutine that forwards yields. */
export declare function ypcall_puc(handler: ((this: void, err: unknown) => unknown) | undefined, fn: (this: void, ...args: unknown[]) => unknown, ...args: unknown[]): LuaMultiReturn<[boolean, ...unknown[]]>;
/** Validates a synchronous wait: not in a task, not in a fast event, sane timeout. */
export declare function check_sync(fname: string, timeout_ms: unknown): void;
