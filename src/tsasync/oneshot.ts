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
import { Chan, Receiver, chan_close, chan_new, chan_offer, receiver_of } from "./channel";
import { bad_self } from "./waiters";

/**
 * The sending half of a oneshot: sends one value, never suspends.
 * @typeParam T the value type.
 */
export class OneshotSender<T = unknown> {
  /** @internal */
  declare c: Chan;
  /** @internal a value was sent */
  declare sent?: boolean;
  /** @internal closed by this side */
  declare own_close?: boolean;

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
  send(this: OneshotSender<T>, value: T): boolean {
    if (getmetatable(this) !== OneshotSenderProto) bad_self("OneshotSender:send");
    if (value === undefined) error("OneshotSender:send: value must not be nil (use tx:close() to send nothing)", 2);
    if (this.sent === true) error("OneshotSender:send: a value was already sent (a oneshot carries one value)", 2);
    if (this.own_close === true) error("OneshotSender:send: the oneshot is closed", 2);
    this.sent = true;
    const c = this.c;
    if (c.closed) return false;
    chan_offer(c, value);
    chan_close(c);
    return true;
  }

  /**
   * Closes without a value: the receiver gets nil. Idempotent; never
   * suspends.
   * @help OneshotSender:close()
   */
  close(this: OneshotSender<T>): void {
    if (getmetatable(this) !== OneshotSenderProto) bad_self("OneshotSender:close");
    this.own_close = true;
    chan_close(this.c);
  }

  /**
   * True once either side closed it (also after a send).
   * @help OneshotSender:is_closed()
   */
  is_closed(this: OneshotSender<T>): boolean {
    if (getmetatable(this) !== OneshotSenderProto) bad_self("OneshotSender:is_closed");
    return this.c.closed;
  }
}

const OneshotSenderProto = (OneshotSender as unknown as { prototype: object }).prototype;
(OneshotSenderProto as Record<string, unknown>).__tostring = (tx: OneshotSender) =>
  `OneshotSender (${tx.sent === true ? "sent" : tx.c.closed ? "closed" : "open"})`;

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
export function oneshot<T = unknown>(this: void): LuaMultiReturn<[OneshotSender<T>, Receiver<T>]> {
  const c = chan_new(1);
  return $multi(setmetatable({ c }, OneshotSenderProto as LuaMetatable<object>) as unknown as OneshotSender<T>, receiver_of<T>(c));
}
