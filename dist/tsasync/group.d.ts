/** @noSelfInFile */
/**
 * Groups: one task waiting on several Tasks and Futures at once. The machinery shared by the
 * combinators (`ts.all`, `ts.race`, ...), the deadlines (`ts.timeout`, `ts.move_on_after`)
 * and `ts.scope`. Internal.
 *
 * Each source gets one small watch record (no closure) in its wait list; when it completes,
 * its index goes to the group's completion queue and the waiting task is woken (once, however
 * many sources complete in one turn). A deadline is one entry on the shared timer heap.
 *
 * `group_finish` is the single exit: it removes the deadline, cancels what must not outlive
 * the operation, waits until those tasks have completed (their cleanup has run), drops the
 * remaining watches, and raises the waiting task's cancellation if it has one. It waits even
 * when the waiting task is cancelled (shielded for that wait), so an operation never returns
 * or raises while a task it started is still unwinding.
 */
import { Future } from "./future";
import { Packed } from "./scheduler";
import * as timers from "./timers";
import { Task, Watch } from "./task";
/** What a group waits on. */
export type Source = Task | Future;
/** An item of a combinator's list: a Task, a Future, or a function started as a child task. */
export type Item = Task | Future | ((this: void) => unknown);
/** `group_next` result: the waiting task was cancelled. */
export declare const CANCELLED = 0;
/** `group_next` result: the deadline passed and nothing is queued. */
export declare const DEADLINE = -1;
/** Which pending tasks `group_finish` cancels. */
export declare const CANCEL_NONE = 0;
/** Cancel only the tasks the group started (the list's functions). */
export declare const CANCEL_OWN = 1;
/** Cancel every pending task in the group (the operation owns its list). */
export declare const CANCEL_ALL = 2;
/** The state of one group. */
export interface Group {
    /** Name of the public operation, for errors and task names. */
    fname: string;
    /** The task that waits on the group. */
    cur: Task;
    /** Sources by index (1-based). */
    src: LuaTable<number, Source>;
    /** Watch records by index (absent once the source completed or the watch was removed). */
    w: LuaTable<number, Watch>;
    /** Indices of the tasks the group started. */
    own: LuaTable<number, true>;
    /** Number of sources. */
    n: number;
    /** Completion queue: indices in completion order, `q[qh..qt]`. */
    q: LuaTable<number, number>;
    qh: number;
    qt: number;
    /** Sources not completed yet. */
    npend: number;
    /** Task sources not completed yet. */
    ntask: number;
    /** Started tasks not completed yet. */
    nown: number;
    /** Index of the first source that did not succeed; set the moment it completes. */
    bad?: number;
    /** The waiting task is suspended on the group. */
    waiting: boolean;
    /** The deadline passed. */
    fired: boolean;
    /** Pending deadline. */
    timer?: timers.TimerEntry;
}
/** Makes an empty group waited on by `cur`. */
export declare function group_new(fname: string, cur: Task): Group;
/** True once `s` completed. */
export declare function src_done(s: Source): boolean;
/** True when completed `s` succeeded. */
export declare function src_ok(s: Source): boolean;
/** Values of completed successful `s`. */
export declare function src_vals(s: Source): Packed;
/** Error of completed failed `s`; marks a task's error observed. */
export declare function src_err(s: Source): unknown;
/** Adds source `s` (started by the group when `own`); returns its index. */
export declare function group_add(g: Group, s: Source, own: boolean): number;
/** Adds list item `x`: a function is started as a child task of the running task. */
export declare function group_add_item(g: Group, x: Item): number;
/**
 * The index of the next completed source (completion order), suspending until there is
 * one; `DEADLINE` when the deadline passed first, `CANCELLED` when the waiting task was
 * cancelled. Call only while a source is pending or queued.
 */
export declare function group_next(g: Group): number;
/** Number of completed sources not yet taken by `group_next`. */
export declare function group_queued(g: Group): number;
/** Arms the group's deadline: `ms` from now, `group_next` returns `DEADLINE` when idle. */
export declare function group_deadline(g: Group, ms: number): void;
/**
 * Ends the group: removes the deadline; cancels pending tasks with `reason` (`CANCEL_OWN`:
 * the tasks the group started, `CANCEL_ALL`: every task source, `CANCEL_NONE`: none); waits
 * until those tasks and every task the group started have completed (shielded when the
 * waiting task is cancelled, so their cleanup has run either way); removes the remaining
 * watches; then raises the waiting task's cancellation if it has one.
 */
export declare function group_finish(g: Group, mode: number, reason: string): void;
/**
 * Hands the failures of the tasks the group started, other than item `raised` (the one the
 * combinator raises), back to unhandled reporting: fail-fast combinators deliver one error, and
 * a second real failure would otherwise be lost (reported on the next loop turn instead).
 */
export declare function release_others(g: Group, raised: number): void;
/** `group_finish` without raising the waiting task's cancellation. */
export declare function group_close(g: Group, mode: number, reason: string): void;
/** Rejects anything but a list (a table that is not a Task or Future). Returns its length. */
export declare function check_table(fname: string, argname: string, list: unknown, what: string, level: number): number;
/**
 * Validates a combinator's list (Tasks, Futures, functions; not the running task nor one
 * of its parents) and returns its length. Raises `<fname>: list[i] must be ...` at `level`.
 */
export declare function check_list(fname: string, list: unknown, cur: Task, level: number): number;
/** Starts every item of a validated list in a new group waited on by `cur`. */
export declare function group_of(fname: string, cur: Task, list: unknown, n: number): Group;
