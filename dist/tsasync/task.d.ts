/** @noSelfInFile */
/**
 * @section tsasync-model
 */
/**
 * A Lua coroutine plus its completion state. Tasks are stackful: any plain
 * function called inside a task may suspend. Suspension points are
 * |ts.await()| and everything built on it (|ts.sleep()|, |Task:await()|,
 * |Future:await()|, ...).
 * @help Task
 * @tag tsasync-task
 */
/**
 * A ready queue drained by one loop (a trampoline) owns every resumption:
 * a callback that fires synchronously never nests `coroutine.resume`, so no
 * chain of completions, however long, overflows a stack. A task started
 * from plain code runs at once until its first suspension. A task started
 * inside a running task starts as soon as that task suspends: a task never
 * preempts the one running. Started from a fast event, it starts on the
 * main loop.
 * @help Scheduling
 * @tag tsasync-scheduler
 */
/**
 * libuv callbacks run in Neovim's "fast event" context, where most
 * `vim.api` functions raise E5560. By default a task woken from a fast
 * event continues on the main loop; wake-ups are batched, so one
 * `vim.schedule` carries every task woken in that loop turn. A task woken
 * from the main loop (a `vim.schedule` callback, an autocmd, an LSP
 * handler) resumes directly, with no extra hop. `{ fast = true }` on
 * |ts.run()| or |ts.wrap()| keeps a task in the fast context.
 * @help Fast events
 * @tag tsasync-fast-event
 */
/**
 * A task started inside another task is its child. The parent does not
 * complete until its children complete. A child's failure that nothing is
 * waiting for (no |Task:await()|, |Task:pawait()| or |Task:on_complete()|
 * at the moment it fails) fails the parent and cancels its other children.
 * Cancelling a parent cancels its whole subtree, including children it
 * starts after it was cancelled: they start cancelled, and their first
 * suspension raises. |Task:detach()| opts a task out. Tasks started outside
 * any task are roots. A task fails with its own error in preference to a
 * child's; a child failure it does not fail with (a second failing
 * child, or one failing after the parent raised its own error) is
 * reported like a root's, never dropped.
 * @help Structured concurrency
 * @tag tsasync-structured
 */
/**
 * Cooperative and level-triggered: |Task:cancel()| makes the task's
 * current or next suspension raise a cancellation error, and once
 * cancelled every later suspension raises again, so a |ts.pcall()| cannot
 * swallow it by accident (except inside |ts.shield()|). The operation the
 * task was suspended on is released at once: its deadline removed, a
 * callback await's `on_cancel` called, a value that arrives later handed
 * to its `cleanup`. A task cancelled from inside another task unwinds as
 * soon as the cancelling task suspends; cancelled from plain code, it
 * unwinds before |Task:cancel()| returns. A cancelled task ends with
 * status "cancelled" unless it fails with another error.
 * @help Cancellation
 * @tag tsasync-cancellation
 */
/**
 * "running"    executing now
 * "suspended"  waiting, or ready to run (also: returned, waiting for its
 *              children)
 * "done"       returned; |Task:result()| gives its values
 * "failed"     raised an error, or a child failed unobserved
 * "cancelled"  cancelled (see |tsasync-cancellation|)
 * @help Statuses
 * @tag tsasync-status
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
 * @section tsasync-tasks
 */
/**
 * A running computation: what |ts.run()| returns. Await it with
 * |Task:await()| inside a task, or |Task:wait()| from synchronous code.
 * Its methods are called with a colon. TypeScript: `Task<R>`, where `R` is
 * the tuple of the task's results (`[number]` for a function returning a
 * number).
 * @typeParam R the task's results, as a tuple.
 * @help Task
 * @tag tsasync-Task
 */
export declare class Task<R extends unknown[] = unknown[]> {
    /**
     * The name given to |ts.run()|, "task" by default.
     * @help Task.name
     */
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
     * Inside a task: waits for the task and returns its results; raises its
     * error (with its context, |tsasync-errors|), or a cancellation error if it
     * was cancelled (|ts.is_cancelled()|). A task cannot await itself.
     * ```lua
     * local t = ts.run(function() ts.sleep(10); return 42 end)
     * ts.run(function() print(t:await()) end) -- 42
     * ```
     * @help Task:await()
     */
    await(this: Task<R>): LuaMultiReturn<R>;
    /**
     * Protected |Task:await()|: returns `true, ...` or `false, err`. The
     * running task's own cancellation is raised, never returned.
     * @help Task:pawait()
     */
    pawait(this: Task<R>): LuaMultiReturn<[boolean, ...unknown[]]>;
    /**
     * From synchronous code: pumps the event loop (`vim.wait`) until the task
     * completes and returns its results, or raises its error. After
     * `timeout_ms` raises a timeout error (|ts.is_timeout()|); the task keeps
     * running. Without `timeout_ms` it waits until done; <C-c> interrupts.
     * Refuses, with an error saying why, inside a task (use |Task:await()|)
     * and inside a fast event.
     * @param timeout_ms milliseconds; default: no limit.
     * @help Task:wait({timeout_ms})
     */
    wait(this: Task<R>, timeout_ms?: number): LuaMultiReturn<R>;
    /**
     * Requests cancellation (|tsasync-cancellation|). Returns true if the
     * request took effect, false if the task had completed or was already
     * cancelled. The operation the task is suspended on is released at once
     * and the task resumes with a cancellation error; its children are
     * cancelled too.
     * @param reason any value, kept in the error (`err.reason`).
     * @help Task:cancel({reason})
     */
    cancel(this: Task<R>, reason?: unknown): boolean;
    /**
     * One of the |tsasync-status| strings: "running" (executing now),
     * "suspended" (waiting or ready to run), "done", "failed" or "cancelled".
     * @help Task:status()
     */
    status(this: Task<R>): TaskStatus;
    /**
     * True once done, failed or cancelled.
     * @help Task:is_done()
     */
    is_done(this: Task<R>): boolean;
    /**
     * After completion: `true, ...results` or `false, err`. Raises while the
     * task is still running. Counts as observing the error.
     * @help Task:result()
     */
    result(this: Task<R>): LuaMultiReturn<[boolean, ...unknown[]]>;
    /**
     * @section tsasync-inspector
     */
    /**
     * Milliseconds since the task started, when recorded (debug mode, see
     * |ts.config()|), else nil.
     * @help Task:age()
     */
    age(this: Task<R>): number | undefined;
    /**
     * `file:line` where the task was started (debug mode), else where its
     * function was defined.
     * @help Task:site()
     */
    site(this: Task<R>): string;
    /**
     * What the task waits for, in words: "sleep (12 ms left)", "a future",
     * `task "x"`, "a channel receive", "LSP textDocument/hover (client ...)";
     * "" once complete.
     * @help Task:waiting_on()
     */
    waiting_on(this: Task<R>): string;
    /**
     * The task's live children.
     * @help Task:children()
     */
    /**
     * @section tsasync-tasks
     */
    children(this: Task<R>): Task[];
    /**
     * Calls `fn(true, ...results)` or `fn(false, err)` when the task
     * completes, at once if it already has. Counts as observing the error.
     * An error raised by `fn` is reported and does not disturb the scheduler.
     * Returns a function that unsubscribes `fn`.
     * @help Task:on_complete({fn})
     */
    on_complete(this: Task<R>, fn: (this: void, ok: boolean, ...values: unknown[]) => void): () => void;
    /**
     * Takes the task out of its parent's tree: the parent neither waits for
     * it, nor fails with it, nor cancels it. Its errors, if unobserved, are
     * reported like a root task's. A parent that had returned and waited only
     * for this task completes at once. Returns the task.
     * @help Task:detach()
     */
    detach(this: Task<R>): Task<R>;
    /**
     * A string naming the task, its status and start site, with the stack
     * where it is suspended, or its error with the raise site's traceback.
     * @help Task:traceback()
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
