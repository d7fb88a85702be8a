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
     * Replaces the value and wakes every receiver waiting in `changed`/`recv`. Never
     * suspends. Raises when `value` is nil or the watch is closed.
     */
    send(this: WatchSender<T>, value: T): void;
    /** The current value (without marking anything seen). */
    get(this: WatchSender<T>): T;
    /** A new receiver; the current value counts as seen by it. */
    subscribe(this: WatchSender<T>): WatchReceiver<T>;
    /**
     * Closes the watch: `changed()` returns false (after any unseen value), `recv()` nil.
     * The last value stays readable with `get`. Idempotent; never suspends.
     */
    close(this: WatchSender<T>): void;
    /** True once closed. */
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
    /** Returns the current value and marks it seen. Never suspends. */
    get(this: WatchReceiver<T>): T;
    /** True when a value newer than the last seen one exists. Never suspends. */
    has_changed(this: WatchReceiver<T>): boolean;
    /**
     * Suspends until a value newer than the last seen one exists (`true`; not marked seen:
     * call `get`) or the watch is closed (`false`). Returns at once when one already exists.
     * Raises outside a task and on cancellation. Cancellation safe.
     */
    changed(this: WatchReceiver<T>): boolean;
    /**
     * `changed()` then `get()`: the next new value, or nil once the watch is closed (and its
     * last value seen). Raises outside a task and on cancellation.
     * ```lua
     * local tx, rx = ts.watch("idle")
     * ts.run(function() while true do local s = rx:recv(); if s == nil then break end; print(s) end end)
     * tx:send("busy")
     * ```
     */
    recv(this: WatchReceiver<T>): T | undefined;
    /** True once the watch is closed. */
    is_closed(this: WatchReceiver<T>): boolean;
}
/**
 * Makes a watch holding `initial` (nil allowed: "no value yet") and returns `tx, rx`.
 * `tx:send(v)` replaces the value; receivers see the latest value (`rx:get()`) and wait for
 * the next one (`rx:changed()`, `rx:recv()`); the initial value counts as seen.
 * `tx:subscribe()` makes more receivers.
 * ```lua
 * local tx, rx = ts.watch({ mode = "n" })
 * ts.run(function() while rx:changed() do print(rx:get().mode) end end)
 * tx:send({ mode = "i" })
 * ```
 */
export declare function watch<T = unknown>(this: void, initial?: T): LuaMultiReturn<[WatchSender<T>, WatchReceiver<T>]>;
export {};
