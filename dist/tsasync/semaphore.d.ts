/** @noSelfInFile */
import { Task } from "./task";
import { WaitQueue } from "./waiters";
/** @internal permits and their waiters. */
export interface Permits {
    /** Free permits (0 while anybody waits). */
    p: number;
    /** Permits of an unlocked mutex (1). */
    max: number;
    q: WaitQueue;
    /** A mutex: track the owner. */
    m: boolean;
    /** Mutex: the task holding it (nil when locked from plain code). */
    owner?: Task;
}
/** @internal makes permit state. */
export declare function permits_new(n: number, mutex: boolean): Permits;
/** @internal takes a permit without waiting; false when none is free or others wait. */
export declare function permit_try(s: Permits): boolean;
/** @internal takes a permit inside task `t`, waiting in FIFO order. */
export declare function permit_acquire(s: Permits, t: Task, what: string): void;
/**
 * @internal returns a permit: to the oldest waiter, else to the pool. False (nothing done)
 * for a mutex that is not locked.
 */
export declare function permit_release(s: Permits): boolean;
/** @internal runs `fn(...)` holding a permit of `s`, releasing it however `fn` ends. */
export declare function permit_with(s: Permits, fname: string, what: string, fn: (this: void, ...args: any[]) => unknown, ...args: unknown[]): LuaMultiReturn<unknown[]>;
/**
 * A counting semaphore with `n` permits; waiters are served first come, first served
 * (see `Semaphore.new`).
 */
export declare class Semaphore {
    /** @internal */
    s: Permits;
    /**
     * A counting semaphore with `n` permits (a non-negative integer), fair
     * (FIFO): a released permit is handed straight to the oldest waiter, so
     * a task arriving later never overtakes one that waits.
     * ```lua
     * local sem = ts.Semaphore.new(4)  -- at most 4 downloads at once
     * for _, url in ipairs(urls) do
     *   ts.run(function() sem:with(download, url) end)
     * end
     * ```
     * @help ts.Semaphore.new({n})
     */
    static new(this: void, n: number): Semaphore;
    /**
     * Takes a permit, waiting (FIFO) while none is free. Raises outside a
     * task (use |Semaphore:try_acquire()| there) and on cancellation.
     * Cancellation safe: a cancelled waiter takes no permit; one granted a
     * permit just before it was cancelled returns holding it (release it, or
     * use |Semaphore:with()|).
     * @help Semaphore:acquire()
     */
    acquire(this: Semaphore): void;
    /**
     * Takes a permit if one is free and nobody waits: `true`; else `false`.
     * Never suspends.
     * @help Semaphore:try_acquire()
     */
    try_acquire(this: Semaphore): boolean;
    /**
     * Returns a permit: to the oldest waiter if any, else to the free ones.
     * Never suspends: works from plain code and fast callbacks. Like Python's
     * `asyncio.Semaphore` (not its `BoundedSemaphore`), a release without an
     * acquire adds a permit, so a semaphore made with 0 permits signals: the
     * producer releases, the consumer acquires.
     * @help Semaphore:release()
     */
    release(this: Semaphore): void;
    /**
     * Number of free permits.
     * @help Semaphore:available()
     */
    available(this: Semaphore): number;
    /**
     * Acquires a permit, runs `fn(...)` and releases the permit however `fn`
     * ends (return, error, cancellation); returns `fn`'s results or raises
     * its error.
     * @help Semaphore:with({fn}, {...})
     */
    with<A extends unknown[], R extends unknown[]>(this: Semaphore, fn: (this: void, ...args: A) => LuaMultiReturn<R> | R[0], ...args: A): LuaMultiReturn<R>;
}
