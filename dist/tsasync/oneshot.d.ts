/** @noSelfInFile */
/**
 * `ts.oneshot`: a channel for exactly one value (a reply to a request).
 *
 * Built on a channel of capacity 1 that closes itself when the value is sent, so the
 * receiver side is an ordinary `Receiver` (usable in `ts.select`) and inherits its
 * cancellation safety: `rx:recv()` is cancellation safe (a receiver cancelled while waiting
 * takes nothing; the value stays for the next `recv`).
 */
/**
 * @section tsasync-channels
 * Oneshots ~
 * A oneshot made by |ts.oneshot()| carries exactly one value (a reply to a
 * request).
 */
import { Chan, Receiver } from "./channel";
/**
 * The sending half of a oneshot: sends one value, never suspends.
 * @typeParam T the value type.
 */
export declare class OneshotSender<T = unknown> {
    /** @internal */
    c: Chan;
    /** @internal a value was sent */
    sent?: boolean;
    /** @internal closed by this side */
    own_close?: boolean;
    /**
     * Sends `v` and closes the oneshot. Never suspends: works from plain code
     * and fast callbacks. Returns `true` when the value was delivered or waits
     * for the receiver, `false` when the receiver closed its side first
     * (nobody will read it). Raises when `v` is nil, on a second send, and
     * after `tx:close()`.
     * ```lua
     * local tx, rx = ts.oneshot()
     * vim.defer_fn(function() tx:send("done") end, 10)
     * ts.run(function() print(rx:recv()) end)
     * ```
     * @help OneshotSender:send({v})
     */
    send(this: OneshotSender<T>, value: T): boolean;
    /**
     * Closes without a value: the receiver gets nil. Idempotent; never
     * suspends.
     * @help OneshotSender:close()
     */
    close(this: OneshotSender<T>): void;
    /**
     * True once either side closed it (also after a send).
     * @help OneshotSender:is_closed()
     */
    is_closed(this: OneshotSender<T>): boolean;
}
/**
 * Returns `tx, rx` for one value. `tx:send(v)` never suspends, closes the
 * oneshot and returns `true`, or `false` when the receiver closed its side
 * first; a second send raises. `tx:close()` closes without a value.
 * `rx` is a channel receiver (|Receiver:recv()|, |Receiver:try_recv()|,
 * |Receiver:is_closed()| and |ts.select()| work on it): `rx:recv()`
 * returns the value, or nil when closed without one. Cancellation safe: a
 * receiver cancelled while waiting takes nothing; the value stays for the
 * next `recv`.
 * ```lua
 * local tx, rx = ts.oneshot()
 * ts.run(function() tx:send(compute()) end)
 * local v = rx:recv() -- inside a task
 * ```
 * @help ts.oneshot()
 * @first
 */
export declare function oneshot<T = unknown>(this: void): LuaMultiReturn<[OneshotSender<T>, Receiver<T>]>;
