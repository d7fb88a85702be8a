/** @noSelfInFile */
import { WaitQueue } from "./waiters";
interface Watch {
    v: unknown;
    /** Version of `v`: incremented by each send. */
    ver: number;
    closed: boolean;
    /** Tasks waiting in `changed`. */
    q: WaitQueue;
}
/**
 * The sending half of a watch. Never suspends.
 * @typeParam T the value type.
 */
export declare class WatchSender<T = unknown> {
    /** @internal */
    w: Watch;
    /**
     * Replaces the value (not nil) and wakes every receiver waiting in
     * |WatchReceiver:changed()| or |WatchReceiver:recv()|. Never suspends.
     * Raises when `v` is nil or the watch is closed.
     * @help WatchSender:send({v})
     */
    send(this: WatchSender<T>, value: T): void;
    /**
     * The current value (marks nothing seen).
     * @help WatchSender:get()
     */
    get(this: WatchSender<T>): T;
    /**
     * Another receiver; the current value counts as seen by it.
     * @help WatchSender:subscribe()
     */
    subscribe(this: WatchSender<T>): WatchReceiver<T>;
    /**
     * Closes the watch: `changed()` returns false (after any unseen value),
     * `recv()` nil. The last value stays readable with `get`. Idempotent;
     * never suspends.
     * @help WatchSender:close()
     */
    close(this: WatchSender<T>): void;
    /**
     * True once closed.
     * @help WatchSender:is_closed()
     */
    is_closed(this: WatchSender<T>): boolean;
}
/**
 * A receiver of a watch: reads the latest value and waits for changes. Each receiver keeps
 * its own "last seen" version.
 * @typeParam T the value type.
 */
export declare class WatchReceiver<T = unknown> {
    /** @internal */
    w: Watch;
    /** @internal version last seen */
    seen: number;
    /**
     * The current value; marks it seen. Never suspends.
     * @help WatchReceiver:get()
     */
    get(this: WatchReceiver<T>): T;
    /**
     * True when a value newer than the last seen one exists: tells it
     * without suspending.
     * @help WatchReceiver:has_changed()
     */
    has_changed(this: WatchReceiver<T>): boolean;
    /**
     * Suspends until a value newer than the last seen exists (`true`; not
     * marked seen: call `get`) or the watch is closed (`false`; an unseen
     * last value is reported first). Returns at once when one already
     * exists. Raises outside a task (use |WatchReceiver:has_changed()|
     * there) and on cancellation. Cancellation safe.
     * @help WatchReceiver:changed()
     */
    changed(this: WatchReceiver<T>): boolean;
    /**
     * `changed()` then `get()`: the next value, or nil once closed (and its
     * last value seen). Raises outside a task and on cancellation.
     * Cancellation safe.
     * ```lua
     * local tx, rx = ts.watch("idle")
     * ts.run(function()
     *   while true do
     *     local s = rx:recv()
     *     if s == nil then break end
     *     print(s)
     *   end
     * end)
     * tx:send("busy")
     * ```
     * @help WatchReceiver:recv()
     */
    recv(this: WatchReceiver<T>): T | undefined;
    /**
     * True once the watch is closed.
     * @help WatchReceiver:is_closed()
     */
    is_closed(this: WatchReceiver<T>): boolean;
}
/**
 * Returns `tx, rx` for one value that changes over time (no queue: readers
 * see the latest). The initial value (nil allowed: "no value yet") counts
 * as seen. `tx:send(v)` replaces the value; receivers read the latest with
 * `rx:get()` and wait for the next with `rx:changed()` or `rx:recv()`;
 * `tx:subscribe()` makes more receivers.
 * ```lua
 * local tx, rx = ts.watch("idle")
 * ts.run(function() while rx:changed() do print(rx:get()) end end)
 * tx:send("busy")
 * ```
 * @help ts.watch({initial})
 * @first
 */
export declare function watch<T = unknown>(this: void, initial?: T): LuaMultiReturn<[WatchSender<T>, WatchReceiver<T>]>;
export {};
