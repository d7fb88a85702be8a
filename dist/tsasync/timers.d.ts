/** @noSelfInFile */
/** A pending deadline; returned by `add`, taken by `remove`. */
export interface TimerEntry {
    /** Loop time (ms) at which it fires. */
    due: number;
    /** Position in its bucket, 0 once fired or removed. */
    idx: number;
    /** Called with `arg` when the deadline passes (in a fast event inside Neovim). */
    fn: (this: void, arg: unknown) => void;
    arg: unknown;
    /** @internal the bucket of all entries with this deadline */
    b: Bucket;
}
/**
 * All entries with one deadline, in the order they were added. Deadlines are loop times in
 * whole milliseconds, so entries added in one loop turn with the same delay share a bucket:
 * adding, removing and firing such an entry costs O(1), and only buckets go through the heap.
 */
interface Bucket {
    due: number;
    /** Entries in insertion order; removed ones are `false`. */
    items: Array<TimerEntry | false>;
    /** Entries not removed. */
    live: number;
    /** Position in the heap, 0 once taken out. */
    hidx: number;
}
/** Calls `fn(arg)` once `ms` milliseconds of loop time have passed. */
export declare function add(ms: number, fn: (this: void, arg: unknown) => void, arg: unknown): TimerEntry;
/** Removes a pending entry; returns false when it already fired or was removed. */
export declare function remove(e: TimerEntry): boolean;
/** The clock deadlines are measured on (loop time). */
export declare function now(this: void): number;
/** Number of pending deadlines (for leak checks and the inspector). */
export declare function pending(): number;
/** True when `h` is the libuv timer driving the heap (leak checks count the deadlines instead). */
export declare function is_driver(this: void, h: unknown): boolean;
/** True when the driving libuv timer is active (for leak checks). */
export declare function driver_active(): boolean;
/** The earliest pending deadline (on the current clock), or nil when none is pending. */
export declare function next_due(this: void): number | undefined;
/**
 * Fires every entry whose deadline is at or before the current clock's time, earliest first
 * (the libuv timer's callback; a virtual clock calls it after moving its time).
 */
export declare function run_due(this: void): void;
/**
 * Installs a clock for the deadlines (tests: `ts.testing.clock()`), or with no argument goes
 * back to the loop time. While a clock is installed the libuv timer is stopped and nothing
 * fires unless `run_due` is called. Pending deadlines keep their remaining time across a
 * switch: deadlines measured on one clock are moved onto the other.
 */
export declare function set_clock(this: void, clock?: {
    now: (this: void) => number;
}): void;
/** True while a clock other than the loop time is installed. */
export declare function is_virtual(this: void): boolean;
export {};
