/**
 * `ts.watch`: a single value that changes over time. No queue: receivers see the latest
 * value, and can wait until it changes (configuration, status, "current buffer").
 *
 * Cancellation safety: `rx:changed()` and `rx:recv()` are cancellation safe (a cancelled
 * waiter is removed; nothing is consumed, the value stays readable with `get`).
 */
/**
 * @section tsasync-channels
 * Watches ~
 * A watch made by |ts.watch()| holds one value that changes over time: no
 * queue, readers see the latest and can wait until it changes.
 */
import { check_cancel, current_task, running_task, Task } from "./task";
import { WaitQueue, bad_self, outside_task, wait_in, wake_all, wq_new } from "./waiters";

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
export class WatchSender<T = unknown> {
  /** @internal */
  declare w: Watch;

  /**
   * Replaces the value (not nil) and wakes every receiver waiting in
   * |WatchReceiver:changed()| or |WatchReceiver:recv()|. Never suspends.
   * Raises when `v` is nil or the watch is closed.
   * @help WatchSender:send({v})
   */
  send(this: WatchSender<T>, value: T): void {
    if (getmetatable(this) !== WatchSenderProto) bad_self("WatchSender:send");
    if (value === undefined) error("WatchSender:send: value must not be nil", 2);
    const w = this.w;
    if (w.closed) error("WatchSender:send: the watch is closed", 2);
    w.v = value;
    w.ver += 1;
    wake_all(w.q);
  }

  /**
   * The current value (marks nothing seen).
   * @help WatchSender:get()
   */
  get(this: WatchSender<T>): T {
    if (getmetatable(this) !== WatchSenderProto) bad_self("WatchSender:get");
    return this.w.v as T;
  }

  /**
   * Another receiver; the current value counts as seen by it.
   * @help WatchSender:subscribe()
   */
  subscribe(this: WatchSender<T>): WatchReceiver<T> {
    if (getmetatable(this) !== WatchSenderProto) bad_self("WatchSender:subscribe");
    return receiver<T>(this.w);
  }

  /**
   * Closes the watch: `changed()` returns false (after any unseen value),
   * `recv()` nil. The last value stays readable with `get`. Idempotent;
   * never suspends.
   * @help WatchSender:close()
   */
  close(this: WatchSender<T>): void {
    if (getmetatable(this) !== WatchSenderProto) bad_self("WatchSender:close");
    const w = this.w;
    if (w.closed) return;
    w.closed = true;
    wake_all(w.q);
  }

  /**
   * True once closed.
   * @help WatchSender:is_closed()
   */
  is_closed(this: WatchSender<T>): boolean {
    if (getmetatable(this) !== WatchSenderProto) bad_self("WatchSender:is_closed");
    return this.w.closed;
  }
}

/**
 * A receiver of a watch: reads the latest value and waits for changes. Each receiver keeps
 * its own "last seen" version.
 * @typeParam T the value type.
 */
export class WatchReceiver<T = unknown> {
  /** @internal */
  declare w: Watch;
  /** @internal version last seen */
  declare seen: number;

  /**
   * The current value; marks it seen. Never suspends.
   * @help WatchReceiver:get()
   */
  get(this: WatchReceiver<T>): T {
    if (getmetatable(this) !== WatchReceiverProto) bad_self("WatchReceiver:get");
    const w = this.w;
    this.seen = w.ver;
    return w.v as T;
  }

  /**
   * True when a value newer than the last seen one exists: tells it
   * without suspending.
   * @help WatchReceiver:has_changed()
   */
  has_changed(this: WatchReceiver<T>): boolean {
    if (getmetatable(this) !== WatchReceiverProto) bad_self("WatchReceiver:has_changed");
    return this.w.ver > this.seen;
  }

  /**
   * Suspends until a value newer than the last seen exists (`true`; not
   * marked seen: call `get`) or the watch is closed (`false`; an unseen
   * last value is reported first). Returns at once when one already
   * exists. Raises outside a task (use |WatchReceiver:has_changed()|
   * there) and on cancellation. Cancellation safe.
   * @help WatchReceiver:changed()
   */
  changed(this: WatchReceiver<T>): boolean {
    if (getmetatable(this) !== WatchReceiverProto) bad_self("WatchReceiver:changed");
    const t = current_task() !== undefined ? running_task("WatchReceiver:changed") : outside_task("WatchReceiver:changed", "rx:has_changed()");
    return changed(this, t);
  }

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
  recv(this: WatchReceiver<T>): T | undefined {
    if (getmetatable(this) !== WatchReceiverProto) bad_self("WatchReceiver:recv");
    const t = current_task() !== undefined ? running_task("WatchReceiver:recv") : outside_task("WatchReceiver:recv", "rx:get()");
    if (!changed(this, t)) return undefined;
    const w = this.w;
    this.seen = w.ver;
    return w.v as T;
  }

  /**
   * True once the watch is closed.
   * @help WatchReceiver:is_closed()
   */
  is_closed(this: WatchReceiver<T>): boolean {
    if (getmetatable(this) !== WatchReceiverProto) bad_self("WatchReceiver:is_closed");
    return this.w.closed;
  }
}

function changed(rx: WatchReceiver, t: Task): boolean {
  check_cancel(t);
  const w = rx.w;
  if (w.ver > rx.seen) return true;
  if (w.closed) return false;
  wait_in(t, w.q, "a watch change");
  return w.ver > rx.seen;
}

const WatchSenderProto = (WatchSender as unknown as { prototype: object }).prototype;
const WatchReceiverProto = (WatchReceiver as unknown as { prototype: object }).prototype;

function receiver<T>(w: Watch): WatchReceiver<T> {
  return setmetatable({ w, seen: w.ver }, WatchReceiverProto as LuaMetatable<object>) as unknown as WatchReceiver<T>;
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
export function watch<T = unknown>(this: void, initial?: T): LuaMultiReturn<[WatchSender<T>, WatchReceiver<T>]> {
  const w: Watch = { v: initial, ver: 0, closed: false, q: wq_new() };
  return $multi(setmetatable({ w }, WatchSenderProto as LuaMetatable<object>) as unknown as WatchSender<T>, receiver<T>(w));
}
