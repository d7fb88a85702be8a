/**
 * `ts.broadcast`: one sender, many subscribers; every subscriber gets every value sent after
 * it subscribed. The sender never waits: each subscriber has a buffer of `capacity` values,
 * and a subscriber that falls behind loses its oldest values and is told how many it missed
 * (Tokio's `Lagged`) by its next `recv`.
 *
 * Cancellation safety: `rx:recv()` is cancellation safe (a subscriber cancelled while
 * waiting takes nothing; a value handed to it before the cancellation reached it is
 * returned). `tx:send` never suspends.
 */
/**
 * @section tsasync-channels
 * Broadcasts ~
 * A broadcast made by |ts.broadcast()| has one sender and any number of
 * subscribers; every subscriber gets every value sent after it subscribed.
 */
import { check_cancel, current_task, running_task, suspend, Task, register_wait_kind } from "./task";
import {
  Deque,
  WaitQueue,
  bad_self,
  deliver,
  dq_clear,
  dq_pop,
  dq_push,
  outside_task,
  take_slot2,
  wq_new,
  wq_pop,
  wq_push,
  wq_remove,
} from "./waiters";

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

function close_sub(s: Sub): void {
  s.closed = true;
  while (s.rq.n > 0) {
    const [w] = wq_pop(s.rq);
    deliver(w!, undefined, undefined);
  }
}

/** @internal takes a value without suspending: `v, missed`, or nil when none is buffered. */
export function sub_take(s: Sub): LuaMultiReturn<[unknown, number]> {
  if (s.bn === 0) return $multi(undefined, 0);
  const m = s.missed;
  s.missed = 0;
  return $multi(dq_pop(s), m);
}

function abort_recv(this: void, arg: unknown, t: Task): void {
  wq_remove((arg as Sub).rq, t);
}
register_wait_kind(abort_recv, () => "a broadcast receive");

function sub_recv(s: Sub, t: Task): LuaMultiReturn<[unknown, number]> {
  check_cancel(t);
  if (s.bn > 0) return sub_take(s);
  if (s.closed) return $multi(undefined, 0);
  wq_push(s.rq, t, undefined);
  suspend(t, abort_recv, s);
  return take_slot2(t) as LuaMultiReturn<[unknown, number]>;
}

/**
 * The sending half of a broadcast. Sending never suspends, so plain code and fast callbacks
 * may use it.
 * @typeParam T the value type (never nil).
 */
export class BroadcastSender<T = unknown> {
  /** @internal */
  declare bc: Bcast;

  /**
   * Sends `v` to every current subscriber; never suspends: a subscriber
   * whose buffer is full loses its oldest value (its next `recv` reports
   * how many it missed). Raises when `v` is nil or the broadcast is closed.
   * @help BroadcastSender:send({v})
   */
  send(this: BroadcastSender<T>, value: T): void {
    if (getmetatable(this) !== BroadcastSenderProto) bad_self("BroadcastSender:send");
    if (value === undefined) error("BroadcastSender:send: value must not be nil (nil is not a message)", 2);
    const bc = this.bc;
    if (bc.closed) error("BroadcastSender:send: the broadcast is closed", 2);
    const subs = bc.subs;
    for (let k = 0; k < subs.length; k++) {
      const s = subs[k];
      if (s.rq.n > 0) {
        const [w] = wq_pop(s.rq);
        deliver(w!, value, 0);
      } else {
        if (s.bn === s.cap) {
          dq_pop(s);
          s.missed += 1;
        }
        dq_push(s, value);
      }
    }
  }

  /**
   * A new subscriber (the same as the `subscribe` function |ts.broadcast()|
   * returns).
   * @help BroadcastSender:subscribe()
   */
  subscribe(this: BroadcastSender<T>): BroadcastReceiver<T> {
    if (getmetatable(this) !== BroadcastSenderProto) bad_self("BroadcastSender:subscribe");
    return subscribe_to<T>(this.bc);
  }

  /**
   * Number of current subscribers.
   * @help BroadcastSender:receiver_count()
   */
  receiver_count(this: BroadcastSender<T>): number {
    if (getmetatable(this) !== BroadcastSenderProto) bad_self("BroadcastSender:receiver_count");
    return this.bc.subs.length;
  }

  /**
   * Closes the broadcast: no more sends; subscribers drain their buffers,
   * then receive nil. Idempotent; never suspends.
   * @help BroadcastSender:close()
   */
  close(this: BroadcastSender<T>): void {
    if (getmetatable(this) !== BroadcastSenderProto) bad_self("BroadcastSender:close");
    const bc = this.bc;
    if (bc.closed) return;
    bc.closed = true;
    for (const s of bc.subs) close_sub(s);
  }

  /**
   * True once closed.
   * @help BroadcastSender:is_closed()
   */
  is_closed(this: BroadcastSender<T>): boolean {
    if (getmetatable(this) !== BroadcastSenderProto) bad_self("BroadcastSender:is_closed");
    return this.bc.closed;
  }
}

/**
 * One subscriber of a broadcast: receives every value sent after it subscribed.
 * @typeParam T the value type.
 */
export class BroadcastReceiver<T = unknown> {
  /** @internal */
  declare s: Sub;

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
  recv(this: BroadcastReceiver<T>): LuaMultiReturn<[T | undefined, number]> {
    if (getmetatable(this) !== BroadcastReceiverProto) bad_self("BroadcastReceiver:recv");
    const t = current_task() !== undefined ? running_task("BroadcastReceiver:recv") : outside_task("BroadcastReceiver:recv", "rx:try_recv()");
    return sub_recv(this.s, t) as LuaMultiReturn<[T | undefined, number]>;
  }

  /**
   * `true, v, missed` when a value is buffered, else `false`. Never
   * suspends.
   * @help BroadcastReceiver:try_recv()
   */
  try_recv(this: BroadcastReceiver<T>): LuaMultiReturn<[boolean, T | undefined, number]> {
    if (getmetatable(this) !== BroadcastReceiverProto) bad_self("BroadcastReceiver:try_recv");
    const s = this.s;
    if (s.bn === 0) return $multi(false, undefined, 0);
    const [v, m] = sub_take(s);
    return $multi(true, v as T, m);
  }

  /**
   * `for v, missed in rx:iter() do ... end` until the broadcast is closed
   * and drained (inside a task). On PUC Lua 5.1 use a `while` loop over
   * `recv` (see |Receiver:iter()|).
   * @help BroadcastReceiver:iter()
   */
  iter(this: BroadcastReceiver<T>): LuaMultiReturn<[(this: void, rx: BroadcastReceiver<T>) => LuaMultiReturn<[T | undefined, number]>, BroadcastReceiver<T>]> {
    if (getmetatable(this) !== BroadcastReceiverProto) bad_self("BroadcastReceiver:iter");
    return $multi(iter_next as (this: void, rx: BroadcastReceiver<T>) => LuaMultiReturn<[T | undefined, number]>, this);
  }

  /**
   * Number of values buffered for this subscriber. Also `#rx` where
   * `__len` works on tables (Neovim 0.12, not 0.10).
   * @help BroadcastReceiver:len()
   */
  len(this: BroadcastReceiver<T>): number {
    if (getmetatable(this) !== BroadcastReceiverProto) bad_self("BroadcastReceiver:len");
    return this.s.bn;
  }

  /**
   * Stops receiving; drops the buffer; tasks waiting in `recv` on this
   * subscriber and every later `recv` get nil. Idempotent; never suspends.
   * @help BroadcastReceiver:unsubscribe()
   */
  unsubscribe(this: BroadcastReceiver<T>): void {
    if (getmetatable(this) !== BroadcastReceiverProto) bad_self("BroadcastReceiver:unsubscribe");
    const s = this.s;
    const i = s.si;
    if (i === 0) return;
    const subs = s.bc.subs;
    const last = subs[subs.length - 1];
    subs[i - 1] = last;
    last.si = i;
    subs.pop();
    s.si = 0;
    dq_clear(s);
    s.missed = 0;
    close_sub(s);
  }

  /**
   * True once the broadcast is closed or this subscriber unsubscribed.
   * @help BroadcastReceiver:is_closed()
   */
  is_closed(this: BroadcastReceiver<T>): boolean {
    if (getmetatable(this) !== BroadcastReceiverProto) bad_self("BroadcastReceiver:is_closed");
    return this.s.closed;
  }
}

function iter_next(this: void, rx: BroadcastReceiver): LuaMultiReturn<[unknown, number]> {
  return sub_recv(rx.s, running_task("BroadcastReceiver:iter"));
}

const BroadcastSenderProto = (BroadcastSender as unknown as { prototype: object }).prototype;
/** @internal metatable of broadcast subscribers (for `ts.select`). */
export const BroadcastReceiverProto = (BroadcastReceiver as unknown as { prototype: object }).prototype;
(BroadcastReceiverProto as Record<string, unknown>).__len = (rx: BroadcastReceiver) => rx.s.bn;

function subscribe_to<T>(bc: Bcast): BroadcastReceiver<T> {
  const s: Sub = { b: new LuaTable(), bh: 0, bn: 0, sz: 0, bc, cap: bc.cap, rq: wq_new(), missed: 0, closed: bc.closed, si: 0 };
  if (!bc.closed) {
    bc.subs.push(s);
    s.si = bc.subs.length;
  }
  return setmetatable({ s }, BroadcastReceiverProto as LuaMetatable<object>) as unknown as BroadcastReceiver<T>;
}

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
export function broadcast<T = unknown>(
  this: void,
  capacity: number,
): LuaMultiReturn<[BroadcastSender<T>, (this: void) => BroadcastReceiver<T>]> {
  if (type(capacity) !== "number" || capacity !== math.floor(capacity) || capacity < 1 || capacity === math.huge) {
    error(`ts.broadcast: capacity must be a positive integer, got ${tostring(capacity)}`, 2);
  }
  const bc: Bcast = { subs: [], cap: capacity, closed: false };
  const tx = setmetatable({ bc }, BroadcastSenderProto as LuaMetatable<object>) as unknown as BroadcastSender<T>;
  return $multi(tx, () => subscribe_to<T>(bc));
}
