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
     * Sends `value` to every current subscriber. Never suspends: a subscriber whose buffer is
     * full loses its oldest value (its next `recv` reports how many it missed). Raises when
     * `value` is nil or the broadcast is closed.
     */
    send(this: BroadcastSender<T>, value: T): void;
    /** A new subscriber (the same as the `subscribe` function `ts.broadcast` returns). */
    subscribe(this: BroadcastSender<T>): BroadcastReceiver<T>;
    /** Number of current subscribers. */
    receiver_count(this: BroadcastSender<T>): number;
    /**
     * Closes the broadcast: no more sends; each subscriber receives what its buffer holds,
     * then nil. Idempotent; never suspends.
     */
    close(this: BroadcastSender<T>): void;
    /** True once closed. */
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
     * The next value and how many values this subscriber missed before it because its buffer
     * was full (`0` when none): `v, missed`. Suspends while nothing is buffered; returns nil
     * once the broadcast is closed and the buffer drained, or after `unsubscribe`. Raises
     * outside a task (use `try_recv`) and on cancellation. Cancellation safe.
     * ```lua
     * local v, missed = rx:recv()
     * if missed > 0 then print(("lagged: %d values lost"):format(missed)) end
     * ```
     */
    recv(this: BroadcastReceiver<T>): LuaMultiReturn<[T | undefined, number]>;
    /** `true, v, missed` when a value is buffered, else `false`. Never suspends. */
    try_recv(this: BroadcastReceiver<T>): LuaMultiReturn<[boolean, T | undefined, number]>;
    /**
     * An iterator over the values (`for v, missed in rx:iter() do`), until the broadcast is
     * closed and drained. Inside a task; on PUC Lua 5.1 use a `while` loop over `recv`.
     */
    iter(this: BroadcastReceiver<T>): LuaMultiReturn<[(this: void, rx: BroadcastReceiver<T>) => LuaMultiReturn<[T | undefined, number]>, BroadcastReceiver<T>]>;
    /** Number of values buffered for this subscriber. */
    len(this: BroadcastReceiver<T>): number;
    /**
     * Stops receiving: drops the buffer; tasks waiting in `recv` on this subscriber get nil,
     * and so does every later `recv`. Idempotent; never suspends.
     */
    unsubscribe(this: BroadcastReceiver<T>): void;
    /** True once the broadcast is closed or this subscriber unsubscribed. */
    is_closed(this: BroadcastReceiver<T>): boolean;
}
/** @internal metatable of broadcast subscribers (for `ts.select`). */
export declare const BroadcastReceiverProto: object;
/**
 * Makes a broadcast: returns `tx` and a `subscribe` function; `subscribe()` returns a
 * receiver that gets every value sent after it subscribed. Each subscriber buffers up to
 * `capacity` values; the sender never waits, so a subscriber that falls further behind
 * loses its oldest values, and its next `rx:recv()` returns `v, missed`.
 * ```lua
 * local tx, subscribe = ts.broadcast(64)
 * local rx = subscribe()
 * ts.run(function() local v, missed = rx:recv() end)
 * tx:send("event")
 * ```
 */
export declare function broadcast<T = unknown>(this: void, capacity: number): LuaMultiReturn<[BroadcastSender<T>, (this: void) => BroadcastReceiver<T>]>;
export {};
