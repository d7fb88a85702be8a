/** @noSelfInFile */
/**
 * `ts.channel`: multi-producer, multi-consumer FIFO channels (unbounded, bounded,
 * rendezvous) with close and cancellation safety.
 *
 * State: a ring buffer of messages, a queue of blocked receivers and a queue of blocked
 * senders (each with the value it offers). Invariants: receivers wait only while the buffer
 * is empty and no sender waits; senders wait only while the buffer is full (or, for a
 * rendezvous channel, while no receiver waits). A message is handed to the oldest waiting
 * receiver directly, without touching the buffer.
 *
 * Cancellation safety (Tokio-style, one line each):
 * - `recv` is cancellation safe: a receiver cancelled while waiting is removed and takes
 *   nothing; the next receiver gets the message. A receiver that was handed a message before
 *   the cancellation reached it returns that message (its next suspension raises).
 * - `send` is cancellation safe: a sender cancelled while blocked is removed and its value is
 *   not delivered; a sender whose value was taken before the cancellation returns normally.
 */
/**
 * @section tsasync-channels
 * Channels ~
 * A channel made by |ts.channel()| has two halves: a Sender `tx` and a
 * Receiver `rx`, each shared by any number of tasks and callbacks.
 */
import { Task } from "./task";
import { Deque, WaitQueue } from "./waiters";
/** @internal the state shared by a channel's sender and receiver. */
export interface Chan extends Deque {
    /** Buffer capacity: `math.huge` unbounded, 0 rendezvous. */
    cap: number;
    /** Blocked receivers. */
    rq: WaitQueue;
    /** Blocked senders with their values. */
    sq: WaitQueue;
    closed: boolean;
}
/** @internal makes the shared state of a channel. */
export declare function chan_new(cap: number): Chan;
/** @internal offers `v` without suspending: to a waiting receiver, else into the buffer. */
export declare function chan_offer(c: Chan, v: unknown): boolean;
/** @internal takes a message without suspending; nil when none is available. */
export declare function chan_take(c: Chan): unknown;
/** @internal the error a sender blocked at close time raises. */
export declare const CLOSED_WHILE_SENDING = "Sender:send: the channel was closed while the send waited (the value was not delivered)";
/** @internal closes the channel: waiting receivers get nil, blocked senders raise. */
export declare function chan_close(c: Chan): void;
/**
 * @internal receives inside task `t`, suspending while the channel is empty. `fname` names
 * the operation in the error raised when the caller is a coroutine tsasync does not drive
 * (checked only before suspending: `coroutine.running` stops LuaJIT traces).
 */
export declare function chan_recv(c: Chan, t: Task, fname: string): unknown;
/**
 * The sending half of a channel made by `ts.channel`. Any number of tasks and callbacks may
 * share it.
 * @typeParam T the message type (never nil).
 */
export declare class Sender<T = unknown> {
    /** @internal */
    c: Chan;
    /**
     * Sends `v`, suspending while the channel is full (a rendezvous channel:
     * until a receiver takes it); blocked senders proceed in the order they
     * blocked. Raises when `v` is nil, when the channel is closed (also when
     * it is closed while the send waits: the value is then not delivered),
     * outside a task (use |Sender:try_send()| there) and on cancellation.
     * Cancellation safe: a sender cancelled while blocked does not deliver
     * its value; one whose value was taken before the cancellation reached
     * it returns normally.
     * ```lua
     * local tx, rx = ts.channel(10)
     * ts.run(function() for i = 1, 100 do tx:send(i) end; tx:close() end)
     * ```
     * @help Sender:send({v})
     */
    send(this: Sender<T>, value: T): void;
    /**
     * Sends `v` if that needs no waiting (a receiver waits or the buffer has
     * room): `true`; else `false` (full or closed). Never suspends: works
     * from plain code and fast callbacks. Raises when `v` is nil.
     * ```lua
     * vim.api.nvim_create_autocmd("BufWritePost", {
     *   callback = function(a) tx:try_send(a.buf) end,
     * })
     * ```
     * @help Sender:try_send({v})
     */
    try_send(this: Sender<T>, value: T): boolean;
    /**
     * Closes the channel (idempotent, either side; never suspends): sends
     * raise, buffered messages are still received, then `recv` returns nil.
     * Waiting receivers get nil; blocked senders raise (their values are not
     * delivered).
     * @help Sender:close()
     */
    close(this: Sender<T>): void;
    /**
     * True once the channel was closed (by either side).
     * @help Sender:is_closed()
     */
    is_closed(this: Sender<T>): boolean;
}
/**
 * The receiving half of a channel made by `ts.channel` (or `ts.oneshot`). Any number of
 * tasks may share it; each message goes to exactly one of them, oldest waiter first.
 * @typeParam T the message type.
 */
export declare class Receiver<T = unknown> {
    /** @internal */
    c: Chan;
    /**
     * The next message, suspending while there is none; nil once the channel
     * is closed and drained. Raises outside a task (use |Receiver:try_recv()|
     * there) and on cancellation. Cancellation safe: a receiver cancelled
     * while waiting takes nothing, and the message goes to the next
     * receiver; one handed a message before the cancellation reached it
     * returns it.
     * ```lua
     * ts.run(function()
     *   while true do
     *     local v = rx:recv()
     *     if v == nil then break end
     *     print(v)
     *   end
     * end)
     * ```
     * @help Receiver:recv()
     */
    recv(this: Receiver<T>): T | undefined;
    /**
     * `true, v` when a message is available now, else `false, nil` (empty,
     * or closed and drained: see |Receiver:is_closed()|). Never suspends;
     * works from plain code.
     * @help Receiver:try_recv()
     */
    try_recv(this: Receiver<T>): LuaMultiReturn<[boolean, T | undefined]>;
    /**
     * `for v in rx:iter() do ... end` until closed and drained (inside a
     * task). PUC Lua 5.1 cannot suspend inside a for-in iterator: there write
     * `while true do local v = rx:recv(); if v == nil then break end ... end`.
     * @help Receiver:iter()
     */
    iter(this: Receiver<T>): LuaMultiReturn<[(this: void, rx: Receiver<T>) => T | undefined, Receiver<T>]>;
    /**
     * Messages waiting: buffered ones plus those offered by blocked senders.
     * Also `#rx` where the Lua honours `__len` on tables (the LuaJIT of
     * Neovim 0.12, not 0.10).
     * @help Receiver:len()
     */
    len(this: Receiver<T>): number;
    /**
     * Closes the channel, as |Sender:close()| does (buffered messages can
     * still be received, then `recv` returns nil).
     * @help Receiver:close()
     */
    close(this: Receiver<T>): void;
    /**
     * True once the channel was closed (by either side); messages may still
     * be buffered: see |Receiver:len()|.
     * @help Receiver:is_closed()
     */
    is_closed(this: Receiver<T>): boolean;
}
declare const SenderProto: object;
/** @internal metatable of receivers (for `ts.select`). */
export declare const ReceiverProto: object;
/** @internal metatable of senders (for `ts.select`). */
export { SenderProto };
/** @internal the receiving half of channel state `c`. */
export declare function receiver_of<T>(c: Chan): Receiver<T>;
/** @internal wraps a channel state into its two halves. */
export declare function halves<T>(c: Chan): LuaMultiReturn<[Sender<T>, Receiver<T>]>;
/**
 * Both halves of a channel as `ts.channel<T>()` returns them (TypeScript:
 * `const [tx, rx] = ts.channel<number>(8)` gives a `Sender<number>` and a `Receiver<number>`).
 */
export type Channel<T = unknown> = LuaMultiReturn<[Sender<T>, Receiver<T>]>;
/**
 * Makes a channel and returns its two halves, `tx, rx`:
 *   `capacity` nil   unbounded (`send` never waits)
 *   `0`              a rendezvous (a send waits for a receiver, which takes
 *                    the value directly)
 *   `n >= 1`         bounded (`send` waits while `n` messages are buffered)
 * Any number of tasks share `tx` and `rx`; messages arrive in the order
 * they were sent, each at exactly one receiver. `nil` is not a message.
 * Raises when `capacity` is not nil, 0 or a positive integer.
 * ```lua
 * local tx, rx = ts.channel(16)
 * ts.run(function() for i = 1, 3 do tx:send(i) end; tx:close() end)
 * ts.run(function() for v in rx:iter() do print(v) end end) -- 1 2 3
 * ```
 * @help ts.channel({capacity})
 * @first
 */
export declare function channel<T = unknown>(this: void, capacity?: number): LuaMultiReturn<[Sender<T>, Receiver<T>]>;
