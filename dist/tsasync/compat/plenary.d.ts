/** @noSelfInFile */
import { Condvar as TsCondvar } from "../condvar";
import { Semaphore as TsSemaphore } from "../semaphore";
import { Task } from "../task";
type AnyFn = (this: void, ...args: any[]) => any;
/**
 * Makes an async function from callback-taking `fn` whose callback is its last (`argc`-th)
 * parameter. Called inside a task with fewer than `argc` arguments it suspends until the
 * callback runs and returns the callback's values; called with all `argc` arguments (the
 * callback given) it calls `fn` directly, as plenary does.
 * ```lua
 * local stat = a.wrap(vim.uv.fs_stat, 2)
 * a.void(function() local err, st = stat("/tmp") end)()
 * ```
 */
export declare function wrap(this: void, fn: AnyFn, argc: number): AnyFn;
/** True for functions made by `wrap`. */
export declare function is_leaf_function(this: void, fn: unknown): boolean;
/** The argc given to `wrap` for `fn`, or nil. */
export declare function get_leaf_function_argc(this: void, fn: unknown): number | undefined;
/**
 * Starts `async_function` as a root task (plenary's coroutines are independent of the caller)
 * and calls `callback(...)` with its results. A wrapped (leaf) function is called with the
 * callback directly. Returns the Task (nil for a leaf). An error is reported like any
 * unobserved task failure (`vim.notify`, or `ts.config({ on_unhandled })`).
 */
export declare function run(this: void, async_function: AnyFn, callback?: AnyFn): Task | undefined;
/**
 * Returns a plain function that starts `fn(...)` as a root task each time it is called (and
 * returns that Task).
 * ```lua
 * vim.keymap.set("n", "<leader>x", a.void(function() a.util.sleep(100); print("later") end))
 * ```
 */
export declare function void_(this: void, fn: AnyFn): AnyFn;
declare function block_on(this: void, async_function: AnyFn, timeout?: number): LuaMultiReturn<unknown[]>;
declare function apcall(this: void, fn: AnyFn, ...args: unknown[]): LuaMultiReturn<[boolean, ...unknown[]]>;
/** plenary.async's `util` module: sleep, block_on, will_block, join, run_all, run_first, race, scheduler, apcall, protected. */
export declare const util: {
    /** Suspends the running task for `ms` milliseconds. */
    sleep: (ms: number) => void;
    /**
     * Runs `async_function` as a task and waits for it from synchronous code (default 2000 ms);
     * returns its results; raises its error or a timeout error.
     */
    block_on: typeof block_on;
    /** A function that calls `block_on(async_function, timeout)`. */
    will_block: (async_function: AnyFn, timeout?: number) => () => LuaMultiReturn<unknown[]>;
    /**
     * Runs every function of the list concurrently (child tasks) and returns `{ {results of
     * 1}, {results of 2}, ... }`. The first error cancels the others and is raised.
     */
    join: (async_fns: AnyFn[]) => unknown[][];
    /** Starts `join(async_fns)` as a root task and calls `callback` when it completes. */
    run_all: (async_fns: AnyFn[], callback?: AnyFn) => Task<unknown[]> | undefined;
    /**
     * Calls every `function(callback)` of the list and returns the values of the first callback
     * that runs; later callbacks are ignored.
     */
    run_first: (async_functions: AnyFn[]) => LuaMultiReturn<unknown[]>;
    /**
     * Runs the async functions as child tasks and returns the values of the first to finish; the
     * others are cancelled (a first error is raised).
     */
    race: (funcs: AnyFn[]) => LuaMultiReturn<any[]>;
    /** Continues the running task on the main loop (after a `vim.schedule` hop). */
    scheduler: () => void;
    /**
     * Protected call that may suspend: `true, ...` or `false, err`. A `wrap`ped function gets
     * the callback at its argc position.
     */
    apcall: typeof apcall;
    /** `function() return apcall(async_fn) end`. */
    protected: (async_fn: AnyFn) => () => LuaMultiReturn<[boolean, ...unknown[]]>;
};
interface Permit {
    /** Returns the permit to the semaphore (once; later calls do nothing). */
    forget(this: Permit): void;
}
/** plenary's Semaphore: `local permit = sem:acquire(); ...; permit:forget()`. */
declare class Semaphore {
    s: TsSemaphore;
    /** A semaphore with `initial_permits` (> 0) permits. */
    static new(this: void, initial_permits: number): Semaphore;
    /** Waits (FIFO) for a permit and returns it; cancellation safe. */
    acquire(this: Semaphore): Permit;
}
/** plenary.async's `control` module: Condvar, Semaphore, channel.oneshot/counter/mpsc. */
export declare const control: {
    /** plenary's Condvar: `cv:wait()`, `cv:notify_one()`, `cv:notify_all()` (ts.Condvar). */
    Condvar: typeof TsCondvar;
    Semaphore: typeof Semaphore;
    channel: {
        /**
         * `tx, rx`: `tx(...)` sends any values (nil too) once and never suspends; `rx()` suspends
         * until they arrive and returns them (once).
         */
        oneshot: () => LuaMultiReturn<[(...values: unknown[]) => void, () => LuaMultiReturn<unknown[]>]>;
        /**
         * `tx, rx` for notifications without values: `tx.send()` counts one; `rx.recv()` waits
         * for a count and takes it; `rx.last()` waits for one and takes them all.
         */
        counter: () => LuaMultiReturn<[{
            send: () => undefined;
        }, {
            recv: () => undefined;
            last: () => undefined;
        }]>;
        /**
         * Multiple producers, one consumer, unbounded: `tx.send(...)` never suspends;
         * `rx.recv()` returns the oldest message's values (waiting for one); `rx.last()` the newest,
         * dropping the older ones.
         */
        mpsc: () => LuaMultiReturn<[{
            send: (...values: unknown[]) => undefined;
        }, {
            recv: () => LuaMultiReturn<unknown[]>;
            last: () => LuaMultiReturn<unknown[]>;
        }]>;
    };
};
/**
 * plenary's `a.uv`: luv functions with luv's error-first results (`err` a message string or
 * nil), built on `ts.uv.p` so cancellation cleans up. `listen` and `udp_recv_start` return the
 * first callback's values, as plenary's do.
 */
export declare const uv: {
    [name: string]: AnyFn;
};
/**
 * plenary's `a.lsp`: `buf_request(bufnr, method, params) -> err, result, ctx, config` (the
 * first response) and `buf_request_all(bufnr, method, params) -> results` (per client id).
 * Cancelling the task cancels the requests.
 */
export declare const lsp: {
    buf_request: (bufnr: number, method: string, params?: unknown) => LuaMultiReturn<unknown[]>;
    buf_request_all: (bufnr: number, method: string, params?: unknown) => LuaMultiReturn<unknown[]>;
};
/** plenary's `a.api`: `vim.api` that hops to the main loop when called in a fast event (ts.api). */
export declare const api: {
    [name: string]: (this: void, ...args: any[]) => any;
};
/**
 * plenary's `a.tests`: busted's `describe`/`it`/`pending`/`before_each`/`after_each` whose
 * bodies run as tasks (`block_on`, `$PLENARY_TEST_TIMEOUT` ms, default 2000: a hanging body
 * fails with a timeout error).
 */
export declare const tests: {
    [name: string]: AnyFn;
};
export { void_ as void };
