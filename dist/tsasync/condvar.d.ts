/** @noSelfInFile */
import { Mutex } from "./mutex";
import { WaitQueue } from "./waiters";
/**
 * A condition variable.
 * ```lua
 * local m, cv, items = ts.Mutex.new(), ts.Condvar.new(), {}
 * ts.run(function()
 *   m:with(function()
 *     while #items == 0 do cv:wait(m) end
 *     print(table.remove(items, 1))
 *   end)
 * end)
 * m:with(function() table.insert(items, "x"); cv:notify_one() end) -- inside a task
 * ```
 */
export declare class Condvar {
    /** @internal waiters */
    q: WaitQueue;
    /** Makes a condition variable. */
    static new(this: void): Condvar;
    /**
     * Suspends until `notify_one`/`notify_all`. With `mutex` (which the running task must
     * hold): unlocks it while waiting and locks it again before returning — also before
     * raising a cancellation. Raises outside a task and on cancellation.
     */
    wait(this: Condvar, mutex?: Mutex): void;
    /**
     * Wakes the task that has waited longest: true, or false when none waits. Never
     * suspends; works from plain code and fast callbacks.
     */
    notify_one(this: Condvar): boolean;
    /** Wakes every waiting task; returns how many. Never suspends. */
    notify_all(this: Condvar): number;
    /** Number of waiting tasks. */
    waiting(this: Condvar): number;
}
