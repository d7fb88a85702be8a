/** @noSelfInFile */
import { Deque, WaitQueue } from "./waiters";
interface Bcast {
    subs: Sub[];
    cap: number;
    closed: boolean;
}
/** @internal one subscriber's state. */
export interface Sub extends Deque {
    bc: Bcast;
    cap: number;
    /** Waiting receivers. */
    rq: WaitQueue;
    /** Values dropped since the last `recv`. */
    missed: number;
    /** Closed by `tx:close()` or unsubscribed. */
    closed: boolean;
    /** Position in `bc.subs`, 0 once unsubscribed. */
    si: number;
}
/** @internal takes a value without suspending: `v, missed`, or nil when none is buffered. */
export declare function sub_take(s: Sub): LuaMultiReturn<[unknown, number]>;
/**
 * The sending half of a broadcast. Sending never suspends, so plain code and fast callbacks
 * may use it.
 * @typeParam T the value type (never nil).
 */
export declare class BroadcastSender<T = unknown> {
    /** @internal */
    bc: Bcast;
    /**
     * Sends `v` to every current subscriber; never suspends: a subscriber
     * whose buffer is full loses its oldest value (its next `recv` reports
     * how many it missed). Raises when `v` is nil or the broadcast is closed.
     * @help BroadcastSender:send({v})
     */
    send(this: BroadcastSender<T>, value: T): void;
    /**
     * A new subscriber (the same as the `subscribe` function |ts.broadcast()|
     * returns).
     * @help BroadcastSender:subscribe()
     */
    subscribe(this: BroadcastSender<T>): BroadcastReceiver<T>;
    /**
     * Number of current subscribers.
     * @help BroadcastSender:receiver_count()
     */
    receiver_count(this: BroadcastSender<T>): number;
    /**
     * Closes the broadcast: no more sends; subscribers drain their buffers,
     * then receive nil. Idempotent; never suspends.
     * @help BroadcastSender:close()
     */
    close(this: BroadcastSender<T>): void;
    /**
     * True once closed.
     * @help BroadcastSender:is_closed()
     */
    is_closed(this: BroadcastSender<T>): boolean;
}
/**
 * One subscriber of a broadcast: receives every value sent after it subscribed.
 * @typeParam T the value type.
 */
export declare class BroadcastReceiver<T = unknown> {
    /** @internal */
    s: Sub;
    /**
     * `v, missed`: the next value and how many values this subscriber lost
     * before it because its buffer was full (`0` when none). Suspends while
     * nothing is buffered; nil once closed and drained, or after
     * |BroadcastReceiver:unsubscribe()|. Raises outside a task (use
     * |BroadcastReceiver:try_recv()| there) and on cancellation.
     * Cancellation safe.
     * ```lua
     * local v, missed = rx:recv()
     * if missed > 0 then print(("%d values lost"):format(missed)) end
     * ```
     * @help BroadcastReceiver:recv()
     */
    recv(this: BroadcastReceiver<T>): LuaMultiReturn<[T | undefined, number]>;
    /**
     * `true, v, missed` when a value is buffered, else `false`. Never
     * suspends.
     * @help BroadcastReceiver:try_recv()
     */
    try_recv(this: BroadcastReceiver<T>): LuaMultiReturn<[boolean, T | undefined, number]>;
    /**
     * `for v, missed in rx:iter() do ... end` until the broadcast is closed
     * and drained (inside a task). On PUC Lua 5.1 use a `while` loop over
     * `recv` (see |Receiver:iter()|).
     * @help BroadcastReceiver:iter()
     */
    iter(this: BroadcastReceiver<T>): LuaMultiReturn<[(this: void, rx: BroadcastReceiver<T>) => LuaMultiReturn<[T | undefined, number]>, BroadcastReceiver<T>]>;
    /**
     * Number of values buffered for this subscriber. Also `#rx` where
     * `__len` works on tables (Neovim 0.12, not 0.10).
     * @help BroadcastReceiver:len()
     */
    len(this: BroadcastReceiver<T>): number;
    /**
     * Stops receiving; drops the buffer; tasks waiting in `recv` on this
     * subscriber and every later `recv` get nil. Idempotent; never suspends.
     * @help BroadcastReceiver:unsubscribe()
     */
    unsubscribe(this: BroadcastReceiver<T>): void;
    /**
     * True once the broadcast is closed or this subscriber unsubscribed.
     * @help BroadcastReceiver:is_closed()
     */
    is_closed(this: BroadcastReceiver<T>): boolean;
}
/** @internal metatable of broadcast subscribers (for `ts.select`). */
export declare const BroadcastReceiverProto: object;
/**
 * Returns `tx, subscribe`. `subscribe()` (or `tx:subscribe()`) returns a
 * receiver that gets every value sent after it subscribed. The sender never
 * suspends: each subscriber buffers up to `capacity` values, and one that
 * falls further behind loses its oldest values (its next `rx:recv()`
 * returns `v, missed`). Raises when `capacity` is not a positive integer.
 * ```lua
 * local tx, subscribe = ts.broadcast(64)
 * local rx = subscribe()
 * ts.run(function()
 *   while true do
 *     local ev, missed = rx:recv()
 *     if ev == nil then break end
 *     if missed > 0 then print(missed .. " events lost") end
 *   end
 * end)
 * tx:send("changed")
 * ```
 * @help ts.broadcast({capacity})
 * @first
 */
export declare function broadcast<T = unknown>(this: void, capacity: number): LuaMultiReturn<[BroadcastSender<T>, (this: void) => BroadcastReceiver<T>]>;
export {};
