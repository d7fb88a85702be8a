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
export declare function now(): number;
/** Number of pending deadlines (for leak checks and the inspector). */
export declare function pending(): number;
/** True when the driving libuv timer is active (for leak checks). */
export declare function driver_active(): boolean;
export {};
