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
import { check_cancel, current_task, running_task, suspend, Task, register_wait_kind } from "./task";
import {
  Deque,
  WaitQueue,
  deliver,
  dq_pop,
  dq_push,
  fail_waiter,
  take_slot,
  wake_waiter,
  wq_new,
  wq_pop,
  wq_push,
  wq_remove,
  bad_self,
  outside_task,
} from "./waiters";

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
export function chan_new(cap: number): Chan {
  return { b: new LuaTable(), bh: 0, bn: 0, sz: 0, cap, rq: wq_new(), sq: wq_new(), closed: false };
}

/** @internal offers `v` without suspending: to a waiting receiver, else into the buffer. */
export function chan_offer(c: Chan, v: unknown): boolean {
  if (c.rq.n > 0) {
    const [w] = wq_pop(c.rq);
    deliver(w!, v, undefined);
    return true;
  }
  if (c.bn < c.cap) {
    dq_push(c, v);
    return true;
  }
  return false;
}

/** @internal takes a message without suspending; nil when none is available. */
export function chan_take(c: Chan): unknown {
  if (c.bn > 0) {
    const v = dq_pop(c);
    if (c.sq.n > 0) {
      // A blocked sender's value moves into the freed slot; the sender proceeds.
      const [w, sv] = wq_pop(c.sq);
      dq_push(c, sv);
      wake_waiter(w!);
    }
    return v;
  }
  if (c.sq.n > 0) {
    const [w, sv] = wq_pop(c.sq);
    wake_waiter(w!);
    return sv;
  }
  return undefined;
}

/** @internal the error a sender blocked at close time raises. */
export const CLOSED_WHILE_SENDING = "Sender:send: the channel was closed while the send waited (the value was not delivered)";

/** @internal closes the channel: waiting receivers get nil, blocked senders raise. */
export function chan_close(c: Chan): void {
  if (c.closed) return;
  c.closed = true;
  while (c.rq.n > 0) {
    const [w] = wq_pop(c.rq);
    deliver(w!, undefined, undefined);
  }
  while (c.sq.n > 0) {
    const [w] = wq_pop(c.sq);
    fail_waiter(w!, CLOSED_WHILE_SENDING);
  }
}

function abort_send(this: void, arg: unknown, t: Task): void {
  wq_remove((arg as Chan).sq, t);
}
register_wait_kind(abort_send, () => "a channel send");

function abort_recv(this: void, arg: unknown, t: Task): void {
  wq_remove((arg as Chan).rq, t);
}
register_wait_kind(abort_recv, () => "a channel receive");

/**
 * @internal receives inside task `t`, suspending while the channel is empty. `fname` names
 * the operation in the error raised when the caller is a coroutine tsasync does not drive
 * (checked only before suspending: `coroutine.running` stops LuaJIT traces).
 */
export function chan_recv(c: Chan, t: Task, fname: string): unknown {
  check_cancel(t);
  const v = chan_take(c);
  if (v !== undefined || c.closed) return v;
  running_task(fname);
  wq_push(c.rq, t, undefined);
  suspend(t, abort_recv, c);
  return take_slot(t);
}

/**
 * The sending half of a channel made by `ts.channel`. Any number of tasks and callbacks may
 * share it.
 * @typeParam T the message type (never nil).
 */
export class Sender<T = unknown> {
  /** @internal */
  declare c: Chan;

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
  send(this: Sender<T>, value: T): void {
    if (getmetatable(this) !== SenderProto) bad_self("Sender:send");
    if (value === undefined) error("Sender:send: value must not be nil (nil is not a message; close the channel to end the stream)", 2);
    const t = current_task() ?? outside_task("Sender:send", "tx:try_send(v)");
    const c = this.c;
    check_cancel(t);
    if (c.closed) error("Sender:send: the channel is closed", 2);
    if (chan_offer(c, value)) return;
    running_task("Sender:send");
    wq_push(c.sq, t, value);
    suspend(t, abort_send, c);
  }

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
  try_send(this: Sender<T>, value: T): boolean {
    if (getmetatable(this) !== SenderProto) bad_self("Sender:try_send");
    if (value === undefined) error("Sender:try_send: value must not be nil (nil is not a message)", 2);
    const c = this.c;
    if (c.closed) return false;
    return chan_offer(c, value);
  }

  /**
   * Closes the channel (idempotent, either side; never suspends): sends
   * raise, buffered messages are still received, then `recv` returns nil.
   * Waiting receivers get nil; blocked senders raise (their values are not
   * delivered).
   * @help Sender:close()
   */
  close(this: Sender<T>): void {
    if (getmetatable(this) !== SenderProto) bad_self("Sender:close");
    chan_close(this.c);
  }

  /**
   * True once the channel was closed (by either side).
   * @help Sender:is_closed()
   */
  is_closed(this: Sender<T>): boolean {
    if (getmetatable(this) !== SenderProto) bad_self("Sender:is_closed");
    return this.c.closed;
  }
}

/**
 * The receiving half of a channel made by `ts.channel` (or `ts.oneshot`). Any number of
 * tasks may share it; each message goes to exactly one of them, oldest waiter first.
 * @typeParam T the message type.
 */
export class Receiver<T = unknown> {
  /** @internal */
  declare c: Chan;

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
  recv(this: Receiver<T>): T | undefined {
    if (getmetatable(this) !== ReceiverProto) bad_self("Receiver:recv");
    const t = current_task() ?? outside_task("Receiver:recv", "rx:try_recv()");
    return chan_recv(this.c, t, "Receiver:recv") as T | undefined;
  }

  /**
   * `true, v` when a message is available now, else `false, nil` (empty,
   * or closed and drained: see |Receiver:is_closed()|). Never suspends;
   * works from plain code.
   * @help Receiver:try_recv()
   */
  try_recv(this: Receiver<T>): LuaMultiReturn<[boolean, T | undefined]> {
    if (getmetatable(this) !== ReceiverProto) bad_self("Receiver:try_recv");
    const v = chan_take(this.c);
    return $multi(v !== undefined, v as T | undefined);
  }

  /**
   * `for v in rx:iter() do ... end` until closed and drained (inside a
   * task). PUC Lua 5.1 cannot suspend inside a for-in iterator: there write
   * `while true do local v = rx:recv(); if v == nil then break end ... end`.
   * @help Receiver:iter()
   */
  iter(this: Receiver<T>): LuaMultiReturn<[(this: void, rx: Receiver<T>) => T | undefined, Receiver<T>]> {
    if (getmetatable(this) !== ReceiverProto) bad_self("Receiver:iter");
    return $multi(iter_next as (this: void, rx: Receiver<T>) => T | undefined, this);
  }

  /**
   * Messages waiting: buffered ones plus those offered by blocked senders.
   * Also `#rx` where the Lua honours `__len` on tables (the LuaJIT of
   * Neovim 0.12, not 0.10).
   * @help Receiver:len()
   */
  len(this: Receiver<T>): number {
    if (getmetatable(this) !== ReceiverProto) bad_self("Receiver:len");
    return this.c.bn + this.c.sq.n;
  }

  /**
   * Closes the channel, as |Sender:close()| does (buffered messages can
   * still be received, then `recv` returns nil).
   * @help Receiver:close()
   */
  close(this: Receiver<T>): void {
    if (getmetatable(this) !== ReceiverProto) bad_self("Receiver:close");
    chan_close(this.c);
  }

  /**
   * True once the channel was closed (by either side); messages may still
   * be buffered: see |Receiver:len()|.
   * @help Receiver:is_closed()
   */
  is_closed(this: Receiver<T>): boolean {
    if (getmetatable(this) !== ReceiverProto) bad_self("Receiver:is_closed");
    return this.c.closed;
  }
}

function iter_next(this: void, rx: Receiver): unknown {
  return chan_recv(rx.c, current_task() ?? outside_task("Receiver:iter", "rx:try_recv()"), "Receiver:iter");
}

const SenderProto = (Sender as unknown as { prototype: object }).prototype;
/** @internal metatable of receivers (for `ts.select`). */
export const ReceiverProto = (Receiver as unknown as { prototype: object }).prototype;
/** @internal metatable of senders (for `ts.select`). */
export { SenderProto };

(SenderProto as Record<string, unknown>).__tostring = (tx: Sender) => `Sender (${tx.c.closed ? "closed" : "open"})`;
(ReceiverProto as Record<string, unknown>).__tostring = (rx: Receiver) =>
  `Receiver (${rx.c.bn + rx.c.sq.n} waiting${rx.c.closed ? ", closed" : ""})`;
(ReceiverProto as Record<string, unknown>).__len = (rx: Receiver) => rx.c.bn + rx.c.sq.n;

/** @internal the receiving half of channel state `c`. */
export function receiver_of<T>(c: Chan): Receiver<T> {
  return setmetatable({ c }, ReceiverProto as LuaMetatable<object>) as unknown as Receiver<T>;
}

/** @internal wraps a channel state into its two halves. */
export function halves<T>(c: Chan): LuaMultiReturn<[Sender<T>, Receiver<T>]> {
  return $multi(
    setmetatable({ c }, SenderProto as LuaMetatable<object>) as unknown as Sender<T>,
    receiver_of<T>(c),
  );
}

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
export function channel<T = unknown>(this: void, capacity?: number): LuaMultiReturn<[Sender<T>, Receiver<T>]> {
  if (
    capacity !== undefined &&
    (type(capacity) !== "number" || capacity !== math.floor(capacity) || capacity < 0 || capacity === math.huge)
  ) {
    error(`ts.channel: capacity must be nil (unbounded), 0 (rendezvous) or a positive integer, got ${tostring(capacity)}`, 2);
  }
  return halves<T>(chan_new(capacity ?? math.huge));
}
