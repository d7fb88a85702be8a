/** @noSelfInFile */
import { Permits } from "./semaphore";
/**
 * A mutual-exclusion lock for tasks. Not reentrant: a task locking a mutex it holds raises
 * (see `Mutex.new`).
 */
export declare class Mutex {
    /** @internal */
    s: Permits;
    /**
     * Makes an unlocked, fair (FIFO) lock: one holder at a time; an unlock
     * hands the lock straight to the oldest waiter. Not reentrant: locking it
     * again in the task that holds it raises instead of hanging.
     * ```lua
     * local m = ts.Mutex.new()
     * ts.run(function()
     *   m:with(function()
     *     local s = read_state()
     *     ts.sleep(10)
     *     write_state(s + 1)
     *   end)
     * end)
     * ```
     * @help ts.Mutex.new()
     */
    static new(this: void): Mutex;
    /**
     * Locks, waiting (FIFO) while another holder has it. Raises outside a
     * task (use |Mutex:try_lock()| there), when the running task already
     * holds it, and on cancellation. Cancellation safe: a cancelled waiter
     * never holds it; one handed the lock just before it was cancelled
     * returns holding it and must unlock (|Mutex:with()| always does).
     * @help Mutex:lock()
     */
    lock(this: Mutex): void;
    /**
     * Locks if it is free and nobody waits: `true`; else `false`. Never
     * suspends.
     * @help Mutex:try_lock()
     */
    try_lock(this: Mutex): boolean;
    /**
     * Unlocks (the oldest waiter gets the lock). Never suspends: works from
     * plain code and fast callbacks. Raises when the mutex is not locked.
     * @help Mutex:unlock()
     */
    unlock(this: Mutex): void;
    /**
     * True while somebody holds the lock (or it was handed to a waiter that
     * has not run yet).
     * @help Mutex:is_locked()
     */
    is_locked(this: Mutex): boolean;
    /**
     * Locks, runs `fn(...)` and unlocks however `fn` ends (return, error,
     * cancellation); returns `fn`'s results or raises its error. Raises when
     * the running task already holds the mutex.
     * @help Mutex:with({fn}, {...})
     */
    with<A extends unknown[], R extends unknown[]>(this: Mutex, fn: (this: void, ...args: A) => LuaMultiReturn<R> | R[0], ...args: A): LuaMultiReturn<R>;
}
/** @internal true when `x` is a Mutex. */
export declare function is_mutex(x: unknown): x is Mutex;
