/** @noSelfInFile */
/** Values of a wake-up, packed: `{ n = select("#", ...), ... }`. */
export type Packed = LuaTable<number, unknown> & {
    n: number;
};
/** The packed form of "no values"; shared, never written. */
export declare const EMPTY: Packed;
/** Packs varargs keeping `nil` holes. */
export declare function pack(this: void, ...args: unknown[]): Packed;
/** Anything the scheduler can resume (a Task). */
export interface Resumable {
    /** When true the task is resumed inside fast events instead of hopping to the main loop. */
    fast?: boolean;
}
/** Counters for benchmarks and `:checkhealth`. */
export declare const stats: {
    /** `runtime.schedule` calls made to leave fast events (one per loop turn, not per task). */
    hops: number;
};
/**
 * Installs the functions that resume a task (set once by the task module): with any values,
 * and the fixed-arity forms for no value and one value, which LuaJIT can compile (passing `...`
 * on is not compiled, so the common cases avoid it).
 */
export declare function set_step(fn: (this: void, t: Resumable, ...args: unknown[]) => void, fn0: (this: void, t: Resumable) => void, fn1: (this: void, t: Resumable, a: unknown) => void): void;
/** Appends a task to the ready queue (no checks). */
export declare function enqueue(t: Resumable, v: Packed): void;
/** Removes the newest ready-queue entry if it is `t` (undoes an `enqueue` whose yield failed). */
export declare function drop_last(t: Resumable): void;
/** Number of tasks waiting in the ready queue. */
export declare function ready_count(): number;
/**
 * Starts a batch of wake-ups from plain code: they are queued and run by `end_batch` in order,
 * instead of each running (and draining) before the next is even woken. Returns false when the
 * trampoline already runs (then there is nothing to end).
 */
export declare function begin_batch(): boolean;
/** Runs the batch started by `begin_batch` (when it returned true). */
export declare function end_batch(): void;
/**
 * Adds `t` to the batch resumed by the next main-loop hop. Returns the entry's index, which
 * `cancel_deferred` takes.
 */
export declare function defer(t: Resumable, v: Packed): number;
/** Removes a deferred entry made by `defer` (used when its task is cancelled). */
export declare function cancel_deferred(t: Resumable, index: number): void;
/**
 * Resumes `t` with `...` according to the scheduling rules: queued while the trampoline
 * runs, batched to the main loop from a fast event (unless `t.fast`), otherwise at once.
 */
export declare function wake(t: Resumable, ...args: unknown[]): void;
/** `wake` with no values, without varargs (compiled by LuaJIT). */
export declare function wake0(t: Resumable): void;
/** `wake` with one value, without varargs. */
export declare function wake1(t: Resumable, a: unknown): void;
/** Packs one value. */
export declare function pack1(a: unknown): Packed;
/** Like `wake` but with already packed values (shared by several waiters). */
export declare function wake_packed(t: Resumable, v: Packed): void;
/** Like `wake` but resumes `t` even inside a fast event (for `{ fast = true }` operations). */
export declare function wake_fast(t: Resumable, ...args: unknown[]): void;
