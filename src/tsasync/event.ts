/**
 * `ts.Event`: a flag tasks can wait for. `set` wakes every waiter and lets later waits
 * through until `clear`.
 *
 * Cancellation safety: `wait` is cancellation safe (a cancelled waiter is removed; the event
 * is unchanged).
 */
import { check_cancel, current_task, running_task } from "./task";
import { WaitQueue, bad_self, outside_task, wait_in, wake_all, wq_new } from "./waiters";

/**
 * A settable flag.
 * ```lua
 * local ready = ts.Event.new()
 * ts.run(function() ready:wait(); print("go") end)
 * vim.api.nvim_create_autocmd("VimEnter", { callback = function() ready:set() end })
 * ```
 */
export class Event {
  /** @internal */
  declare is: boolean;
  /** @internal waiters */
  declare q: WaitQueue;

  /** Makes an event that is not set. */
  static new(this: void): Event {
    return setmetatable({ is: false, q: wq_new() }, EventProto as LuaMetatable<object>) as unknown as Event;
  }

  /** Sets the flag and wakes every waiting task. Never suspends; works from plain code. */
  set(this: Event): void {
    if (getmetatable(this) !== EventProto) bad_self("Event:set");
    if (this.is) return;
    this.is = true;
    wake_all(this.q);
  }

  /** Clears the flag: later `wait` calls suspend again. Never suspends. */
  clear(this: Event): void {
    if (getmetatable(this) !== EventProto) bad_self("Event:clear");
    this.is = false;
  }

  /**
   * Returns at once when the flag is set, else suspends until `set`. Raises outside a task
   * and on cancellation. Cancellation safe.
   */
  wait(this: Event): void {
    if (getmetatable(this) !== EventProto) bad_self("Event:wait");
    const t = current_task() !== undefined ? running_task("Event:wait") : outside_task("Event:wait", "ev:is_set()");
    check_cancel(t);
    if (!this.is) wait_in(t, this.q, "an event");
  }

  /** True while the flag is set. */
  is_set(this: Event): boolean {
    if (getmetatable(this) !== EventProto) bad_self("Event:is_set");
    return this.is;
  }
}

const EventProto = (Event as unknown as { prototype: object }).prototype;
(EventProto as Record<string, unknown>).__tostring = (e: Event) => `Event (${e.is ? "set" : "not set"}, ${e.q.n} waiting)`;
