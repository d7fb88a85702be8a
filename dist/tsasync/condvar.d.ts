/** @noSelfInFile */
import { Mutex } from "./mutex";
import { WaitQueue } from "./waiters";
/** A condition variable (see `Condvar.new`). */
export declare class Condvar {
    /** @internal waiters */
    q: WaitQueue;
    /**
     * A condition variable: tasks wait for a notification, optionally
     * releasing a |ts.Mutex.new()| while they wait (check a condition under
     * the lock, wait, check it again).
     * ```lua
     * local m, cv, items = ts.Mutex.new(), ts.Condvar.new(), {}
     * ts.run(function()
     *   m:with(function()
     *     while #items == 0 do cv:wait(m) end
     *     print(table.remove(items, 1))
     *   end)
     * end)
     * ts.run(function()
     *   m:with(function() table.insert(items, "x"); cv:notify_one() end)
     * end)
     * ```
     * @help ts.Condvar.new()
     */
    static new(this: void): Condvar;
    /**
     * Suspends until notified (|Condvar:notify_one()|,
     * |Condvar:notify_all()|). With `mutex`, a |ts.Mutex.new()| held by the
     * task: unlocks it while waiting and locks it again before returning
     * (also before raising a cancellation, during which the task cannot be
     * interrupted). Raises outside a task, when `mutex` is not a mutex, not
     * locked or held by another task, and on cancellation. Cancellation
     * safe: a cancelled waiter consumes no notification.
     * @help Condvar:wait({mutex})
     */
    wait(this: Condvar, mutex?: Mutex): void;
    /**
     * Wakes the task that has waited longest: `true`, or `false` when none
     * waits. Never suspends; works from plain code and fast callbacks.
     * @help Condvar:notify_one()
     */
    notify_one(this: Condvar): boolean;
    /**
     * Wakes every waiting task; returns how many. Never suspends.
     * @help Condvar:notify_all()
     */
    notify_all(this: Condvar): number;
    /**
     * Number of waiting tasks.
     * @help Condvar:waiting()
     */
    waiting(this: Condvar): number;
}
