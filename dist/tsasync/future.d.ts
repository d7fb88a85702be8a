/** @noSelfInFile */
/**
 * Futures: one-shot completion cells. A future is resolved with values or rejected with an
 * error, once; tasks awaiting it resume with those values (or raise that error), in the
 * order they started waiting. Resolving and rejecting never suspend, so plain callbacks,
 * autocmds and libuv callbacks can complete futures that tasks await.
 */
/**
 * @section tsasync-futures
 */
import { Packed } from "./scheduler";
import { Task, WaitList } from "./task";
/** `Future.s` once resolved. */
export declare const RESOLVED = 1;
/** `Future.s` once rejected. */
export declare const REJECTED = 2;
/**
 * A one-shot completion cell.
 * ```lua
 * local f = ts.Future.new()
 * ts.run(function() print(f:await()) end)
 * f:resolve("hello")  -- the task prints "hello"
 * ```
 * @typeParam R the resolved values, as a tuple.
 */
export declare class Future<R extends unknown[] = unknown[]> {
    /** @internal 0 pending, 1 resolved, 2 rejected */
    s: number;
    /** @internal resolved values */
    v?: Packed;
    /** @internal rejection error */
    e?: unknown;
    /** @internal waiting tasks and callbacks */
    w?: WaitList;
    /**
     * Creates a pending future: a one-shot completion cell. Resolving and
     * rejecting never suspend, so plain callbacks can complete it.
     * ```lua
     * local f = ts.Future.new()
     * ts.run(function() print(f:await()) end)
     * vim.schedule(function() f:resolve("hello") end)
     * ```
     * @help ts.Future.new()
     */
    static new<R extends unknown[] = unknown[]>(this: void): Future<R>;
    /**
     * Completes the future with the values; wakes its waiters in the order
     * they started waiting. Raises if already completed.
     * @help Future:resolve({...})
     */
    resolve(this: Future<R>, ...values: R): void;
    /**
     * Completes the future with error `err` (not nil), which its awaiters
     * raise. Raises if already completed.
     * @help Future:reject({err})
     */
    reject(this: Future<R>, err: unknown): void;
    /**
     * Inside a task: waits until the future completes, then returns its
     * values or raises its error. Cancelling the waiting task removes it from
     * the future and changes nothing else.
     * @help Future:await()
     */
    await(this: Future<R>): LuaMultiReturn<R>;
    /**
     * Protected |Future:await()|: `true, ...values` or `false, err`. The
     * running task's own cancellation is raised, never returned.
     * @help Future:pawait()
     */
    pawait(this: Future<R>): LuaMultiReturn<[boolean, ...unknown[]]>;
    /**
     * True once resolved or rejected.
     * @help Future:is_done()
     */
    is_done(this: Future<R>): boolean;
    /**
     * Calls `fn(true, ...values)` or `fn(false, err)` on completion, at once
     * if complete. An error raised by `fn` is reported (|tsasync-errors|).
     * Returns a function that unsubscribes `fn`.
     * @help Future:on_complete({fn})
     */
    on_complete(this: Future<R>, fn: (this: void, ok: boolean, ...values: unknown[]) => void): () => void;
    /**
     * After completion: `true, ...values` or `false, err`. Raises while
     * pending.
     * @help Future:result()
     */
    result(this: Future<R>): LuaMultiReturn<[boolean, ...unknown[]]>;
}
/** True when `x` is a Future. */
export declare function is_future(x: unknown): x is Future;
/** `t` waits for `f`. */
export declare function await_future(t: Task, f: Future): LuaMultiReturn<unknown[]>;
