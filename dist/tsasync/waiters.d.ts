/** @noSelfInFile */
/**
 * Internal: the FIFO wait queues and value buffers that channels, `ts.select` and the
 * synchronisation primitives are built on.
 *
 * A wait queue holds waiters in arrival order: tasks blocked in a plain operation, or cases
 * of a pending `ts.select`. Each waiter remembers its position, so a cancelled waiter is
 * removed in O(1) (its slot becomes `false`, skipped when popping). A waiter is always
 * popped before it is woken: whatever it is handed (a value, a permit, a wake-up) is then
 * its own, also when it is cancelled before it runs again (the core delivers a wake-up that
 * was queued before the cancellation, and the next suspension raises).
 *
 * Values handed to a waiting task travel in fields of the task (`cv`, `cm`) rather than in a
 * packed wake-up, so passing a message to a blocked receiver allocates nothing.
 *
 * A deque (ring buffer that doubles when full) holds buffered values: push and pop are
 * O(1) and never shift the table.
 */
/**
 * @section tsasync-channels
 * Operations that never suspend (`try_send`, `try_recv`, `close`, the `send` of
 * oneshots, broadcasts and watches, `set`, `clear`, `notify_*`, `release`,
 * `unlock`, `try_*`) work anywhere: plain code, autocmds, libuv callbacks (a
 * task they wake continues on the main loop). Operations that suspend raise
 * outside a task, naming the non-suspending alternative. Methods are called
 * with a colon; a dot call raises. Waiters are served first come, first served.
 *
 * Cancellation safety                             *tsasync-cancellation-safety*
 * Every waiting operation is cancellation safe: cancelling a waiting task
 * removes it from the queue it waits in, and it takes nothing (no message, no
 * permit, no notification). Whatever is handed to a waiter is handed over when
 * it is woken, so it is the waiter's own: a task woken with a message (a
 * permit, a notification) and cancelled before it ran again still returns it
 * from the call, and raises at its next suspension. One line per primitive:
 *   Receiver:recv()        safe: a cancelled receiver loses no message; the
 *                          next receiver gets it.
 *   Sender:send()          safe: a sender cancelled while blocked does not
 *                          deliver its value.
 *   ts.select()            safe: a cancelled select unregisters every case;
 *                          nothing is received or sent.
 *   BroadcastReceiver:recv(), WatchReceiver:changed()/recv(), Event:wait(),
 *   Barrier:wait()         safe: the waiter is removed; nothing is consumed (a
 *                          cancelled barrier waiter does not count).
 *   Semaphore:acquire(), Mutex:lock()
 *                          safe: a cancelled waiter never gets a permit; one
 *                          granted just before the cancellation holds it and
 *                          must release it; `with` always does.
 *   Condvar:wait()         safe: a cancelled waiter consumes no notification;
 *                          with a mutex, it locks it again before raising.
 */
import { Packed } from "./scheduler";
import { Task } from "./task";
import * as timers from "./timers";
/** Anything that waits in a `WaitQueue`: a task or a select case. */
export interface Waiter {
    /** Position in the queue it waits in. */
    widx?: number;
}
/** Fields a waiting task receives its values in. */
export interface TaskSlots {
    /** The value handed over (message, `nil` when closed). */
    cv?: unknown;
    /** The second value handed over (broadcast: number of missed messages). */
    cm?: unknown;
}
/** A FIFO queue of waiters with O(1) removal. */
export interface WaitQueue {
    /** Waiters by position; removed ones are `false`. */
    w: LuaTable<number, Waiter | false>;
    /** Value offered by the waiter at that position (blocked senders). */
    v: LuaTable<number, unknown>;
    /** Position of the oldest entry. */
    h: number;
    /** Position of the newest entry. */
    t: number;
    /** Number of live waiters. */
    n: number;
    /** What waiting in this queue is, for the inspector (`"a semaphore"`, ...). */
    what?: string;
}
/** Makes an empty wait queue. */
export declare function wq_new(): WaitQueue;
/** Appends waiter `w` (offering `v`, if any) to `q`. */
export declare function wq_push(q: WaitQueue, w: Waiter, v: unknown): void;
/** Removes the oldest live waiter and returns it with the value it offers; nil when empty. */
export declare function wq_pop(q: WaitQueue): LuaMultiReturn<[Waiter | undefined, unknown]>;
/** Removes waiter `w` from `q` (cancelled); false when it is not there (already popped). */
export declare function wq_remove(q: WaitQueue, w: Waiter): boolean;
/** `abort` for `suspend`: removes the cancelled task from the queue passed as `arg`. */
export declare function abort_wq(this: void, arg: unknown, t: Task): void;
/** Suspends task `t` in queue `q` until it is popped and woken. */
export declare function wait_in(t: Task, q: WaitQueue, what: string): void;
/** Pops every waiter of `q` and wakes it with no values. Returns how many. */
export declare function wake_all(q: WaitQueue): number;
/** A ring buffer of values: `bn` values starting at slot `bh + 1` of `b` (size `sz`). */
export interface Deque {
    b: LuaTable<number, unknown>;
    /** Offset of the oldest value (0-based). */
    bh: number;
    /** Number of values. */
    bn: number;
    /** Size of the ring (grows by doubling). */
    sz: number;
}
/** Appends `v`. */
export declare function dq_push(d: Deque, v: unknown): void;
/** Removes and returns the oldest value (the deque must not be empty). */
export declare function dq_pop(d: Deque): unknown;
/** Drops every value. */
export declare function dq_clear(d: Deque): void;
/** State of one pending `ts.select` call. */
export interface SelectState {
    /** The selecting task. */
    t: Task;
    /** Index of the case that won; 0 while pending, -1 once aborted. */
    won: number;
    /** Values of the winning case. */
    a?: unknown;
    b?: unknown;
    /** Values of a winning future case (`ok, ...`). */
    p?: Packed;
    /** Error to raise (send on a channel closed meanwhile). */
    err?: unknown;
    /** Registered cases, to unregister when one wins. */
    recs: SelectCase[];
}
/** One registered case of a pending select. */
export interface SelectCase extends Waiter {
    sel: SelectState;
    /** Index of the case in the `cases` list. */
    i: number;
    /** Queue the case waits in (recv / send cases). */
    q?: WaitQueue;
    /** Deadline (timeout case). */
    e?: timers.TimerEntry;
    /** Unsubscribes the completion callback (future case). */
    un?: (this: void) => void;
}
/** Case `i` of `sel` wins with values `a, b` (or error `err`): unregister the rest, wake the task. */
export declare function sel_fire(sel: SelectState, i: number, a: unknown, b: unknown, err: unknown): void;
/** `abort` of a pending select (its task was cancelled): unregister every case. */
export declare function sel_abort(this: void, arg: unknown): void;
/** Hands values `a, b` to a popped waiter (a receiver) and wakes it. */
export declare function deliver(w: Waiter, a: unknown, b: unknown): void;
/** Wakes a popped waiter with no values (a sender whose value was taken, a permit, an event). */
export declare function wake_waiter(w: Waiter): void;
/** Wakes a popped waiter so that it raises `err`. */
export declare function fail_waiter(w: Waiter, err: unknown): void;
/** Takes the value handed to task `t` by `deliver` (clearing the slot). */
export declare function take_slot(t: Task): unknown;
/** Takes both values handed to task `t` by `deliver`. */
export declare function take_slot2(t: Task): LuaMultiReturn<[unknown, unknown]>;
/** Raises `"<fname>: call it as obj:<method>(...)"` when a method was called with a dot. */
export declare function bad_self(fname: string): never;
/** Raises `"<fname>: must be called inside a task ..."` naming the non-suspending alternative. */
export declare function outside_task(fname: string, alternative: string): never;
