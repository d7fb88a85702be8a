/** @noSelfInFile */
/**
 * Futures: one-shot completion cells. A future is resolved with values or rejected with an
 * error, once; tasks awaiting it resume with those values (or raise that error), in the
 * order they started waiting. Resolving and rejecting never suspend, so plain callbacks,
 * autocmds and libuv callbacks can complete futures that tasks await.
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
    /** Creates a pending future. */
    static new<R extends unknown[] = unknown[]>(this: void): Future<R>;
    /** Completes the future with `...`. Raises if it was already completed. */
    resolve(this: Future<R>, ...values: R): void;
    /** Completes the future with error `err` (raised by `await`). Raises if already completed. */
    reject(this: Future<R>, err: unknown): void;
    /**
     * Inside a task: waits until the future completes, then returns its values or raises its
     * error. Cancelling the waiting task removes it from the future (nothing else changes).
     */
    await(this: Future<R>): LuaMultiReturn<R>;
    /** Like `await`, protected: `true, ...values` or `false, err` (own cancellation is raised). */
    pawait(this: Future<R>): LuaMultiReturn<[boolean, ...unknown[]]>;
    /** True once resolved or rejected. */
    is_done(this: Future<R>): boolean;
    /**
     * Calls `fn(true, ...values)` or `fn(false, err)` when the future completes (at once if it
     * has). Errors raised by `fn` are reported. Returns a function that unsubscribes `fn`.
     */
    on_complete(this: Future<R>, fn: (this: void, ok: boolean, ...values: unknown[]) => void): () => void;
    /** After completion: `true, ...values` or `false, err`. Raises while pending. */
    result(this: Future<R>): LuaMultiReturn<[boolean, ...unknown[]]>;
}
/** True when `x` is a Future. */
export declare function is_future(x: unknown): x is Future;
/** `t` waits for `f`. */
export declare function await_future(t: Task, f: Future): LuaMultiReturn<unknown[]>;
