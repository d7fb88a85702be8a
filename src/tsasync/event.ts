/**
 * `ts.Event`: a flag tasks can wait for. `set` wakes every waiter and lets later waits
 * through until `clear`.
 *
 * Cancellation safety: `wait` is cancellation safe (a cancelled waiter is removed; the event
 * is unchanged).
 */
/** @section tsasync-channels */
import { check_cancel, current_task, running_task } from "./task";
import { WaitQueue, bad_self, outside_task, wait_in, wake_all, wq_new } from "./waiters";

/** A settable flag tasks can wait for (see `Event.new`). */
export class Event {
  /** @internal */
  declare is: boolean;
  /** @internal waiters */
  declare q: WaitQueue;

  /**
   * Makes a flag that is not set: `ev:set()` wakes every waiter and lets
   * later waits through until `ev:clear()`; `ev:wait()` suspends until set;
   * `ev:is_set()`.
   * ```lua
   * local ready = ts.Event.new()
   * ts.run(function() ready:wait(); print("go") end)
   * vim.api.nvim_create_autocmd("VimEnter", {
   *   callback = function() ready:set() end,
   * })
   * ```
   * @help ts.Event.new()
   */
  static new(this: void): Event {
    return setmetatable({ is: false, q: wq_new() }, EventProto as LuaMetatable<object>) as unknown as Event;
  }

  /**
   * Sets the flag and wakes every waiting task; later waits pass until
   * |Event:clear()|. Never suspends; works from plain code.
   * @help Event:set()
   */
  set(this: Event): void {
    if (getmetatable(this) !== EventProto) bad_self("Event:set");
    if (this.is) return;
    this.is = true;
    wake_all(this.q);
  }

  /**
   * Clears the flag: later `wait` calls suspend again. Never suspends.
   * @help Event:clear()
   */
  clear(this: Event): void {
    if (getmetatable(this) !== EventProto) bad_self("Event:clear");
    this.is = false;
  }

  /**
   * Returns at once when the flag is set, else suspends until |Event:set()|.
   * Raises outside a task (use |Event:is_set()| there) and on
   * cancellation. Cancellation safe: a cancelled waiter is removed; the
   * event is unchanged.
   * @help Event:wait()
   */
  wait(this: Event): void {
    if (getmetatable(this) !== EventProto) bad_self("Event:wait");
    const t = current_task() !== undefined ? running_task("Event:wait") : outside_task("Event:wait", "ev:is_set()");
    check_cancel(t);
    if (!this.is) wait_in(t, this.q, "an event");
  }

  /**
   * True while the flag is set.
   * @help Event:is_set()
   */
  is_set(this: Event): boolean {
    if (getmetatable(this) !== EventProto) bad_self("Event:is_set");
    return this.is;
  }
}

const EventProto = (Event as unknown as { prototype: object }).prototype;
(EventProto as Record<string, unknown>).__tostring = (e: Event) => `Event (${e.is ? "set" : "not set"}, ${e.q.n} waiting)`;
