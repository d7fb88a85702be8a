/**
 * `ts.Condvar`: tasks wait for a notification, optionally releasing a `ts.Mutex` while they
 * wait (the classic condition variable: check a condition under the lock, wait, re-check).
 *
 * Cancellation safety: `wait` is cancellation safe — a waiter cancelled while waiting is
 * removed (it consumes no notification) and, when a mutex was given, locks it again before
 * the cancellation is raised, so the caller's `Mutex:with` unlocks it as usual. A waiter
 * notified before the cancellation reached it returns normally (it consumed the
 * notification); its next suspension raises.
 */
/** @section tsasync-channels */
import { check_cancel, current_task, running_task, shield_enter, shield_leave, suspend, Task, ypcall } from "./task";
import { is_mutex, Mutex } from "./mutex";
import { permit_acquire, permit_release } from "./semaphore";
import { WaitQueue, abort_wq, bad_self, outside_task, wait_in, wake_all, wake_waiter, wq_new, wq_pop, wq_push } from "./waiters";

function suspend_in(this: void, t: Task, q: WaitQueue): void {
  suspend(t, abort_wq, q);
}

/** A condition variable (see `Condvar.new`). */
export class Condvar {
  /** @internal waiters */
  declare q: WaitQueue;

  /**
   * A condition variable: tasks wait for a notification, optionally
   * releasing a |ts.Mutex.new()| while they wait (check a condition under
   * the lock, wait, check it again).
   * ```lua
   * local m, cv, items = ts.Mutex.new(), ts.Condvar.new(), {}
   * ts.run(function()
   *   m:with(function()
   *     while #items == 0 do cv:wait(m) end
   *     print(table.remove(items, 1))
   *   end)
   * end)
   * ts.run(function()
   *   m:with(function() table.insert(items, "x"); cv:notify_one() end)
   * end)
   * ```
   * @help ts.Condvar.new()
   */
  static new(this: void): Condvar {
    return setmetatable({ q: wq_new() }, CondvarProto as LuaMetatable<object>) as unknown as Condvar;
  }

  /**
   * Suspends until notified (|Condvar:notify_one()|,
   * |Condvar:notify_all()|). With `mutex`, a |ts.Mutex.new()| held by the
   * task: unlocks it while waiting and locks it again before returning
   * (also before raising a cancellation, during which the task cannot be
   * interrupted). Raises outside a task, when `mutex` is not a mutex, not
   * locked or held by another task, and on cancellation. Cancellation
   * safe: a cancelled waiter consumes no notification.
   * @help Condvar:wait({mutex})
   */
  wait(this: Condvar, mutex?: Mutex): void {
    if (getmetatable(this) !== CondvarProto) bad_self("Condvar:wait");
    const t = current_task() !== undefined ? running_task("Condvar:wait") : outside_task("Condvar:wait", "cv:notify_one()");
    if (mutex === undefined) {
      check_cancel(t);
      wait_in(t, this.q, "a condition variable");
      return;
    }
    if (!is_mutex(mutex)) error(`Condvar:wait: mutex must be a ts.Mutex or nil, got ${type(mutex)}`, 2);
    const s = mutex.s;
    if (s.p !== 0) error("Condvar:wait: the mutex is not locked (lock it before waiting)", 2);
    if (s.owner !== undefined && s.owner !== t) error("Condvar:wait: the mutex is held by another task", 2);
    check_cancel(t);
    wq_push(this.q, t, undefined);
    this.q.what = "a condition variable";
    permit_release(s);
    const [ok, err] = ypcall(suspend_in, t, this.q);
    // Lock again whatever happened; a pending cancellation must not interrupt this.
    shield_enter(t);
    permit_acquire(s, t, "a mutex (after a condition variable)");
    shield_leave(t);
    if (!ok) error(err, 0);
  }

  /**
   * Wakes the task that has waited longest: `true`, or `false` when none
   * waits. Never suspends; works from plain code and fast callbacks.
   * @help Condvar:notify_one()
   */
  notify_one(this: Condvar): boolean {
    if (getmetatable(this) !== CondvarProto) bad_self("Condvar:notify_one");
    if (this.q.n === 0) return false;
    const [w] = wq_pop(this.q);
    wake_waiter(w!);
    return true;
  }

  /**
   * Wakes every waiting task; returns how many. Never suspends.
   * @help Condvar:notify_all()
   */
  notify_all(this: Condvar): number {
    if (getmetatable(this) !== CondvarProto) bad_self("Condvar:notify_all");
    return wake_all(this.q);
  }

  /**
   * Number of waiting tasks.
   * @help Condvar:waiting()
   */
  waiting(this: Condvar): number {
    if (getmetatable(this) !== CondvarProto) bad_self("Condvar:waiting");
    return this.q.n;
  }
}

const CondvarProto = (Condvar as unknown as { prototype: object }).prototype;
(CondvarProto as Record<string, unknown>).__tostring = (c: Condvar) => `Condvar (${c.q.n} waiting)`;
