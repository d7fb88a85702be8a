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
import { check_cancel, current_task, running_task, shield_enter, shield_leave, suspend, Task, ypcall } from "./task";
import { is_mutex, Mutex } from "./mutex";
import { permit_acquire, permit_release } from "./semaphore";
import { WaitQueue, abort_wq, bad_self, outside_task, wait_in, wake_all, wake_waiter, wq_new, wq_pop, wq_push } from "./waiters";

function suspend_in(this: void, t: Task, q: WaitQueue): void {
  suspend(t, abort_wq, q);
}

/**
 * A condition variable.
 * ```lua
 * local m, cv, items = ts.Mutex.new(), ts.Condvar.new(), {}
 * ts.run(function()
 *   m:with(function()
 *     while #items == 0 do cv:wait(m) end
 *     print(table.remove(items, 1))
 *   end)
 * end)
 * m:with(function() table.insert(items, "x"); cv:notify_one() end) -- inside a task
 * ```
 */
export class Condvar {
  /** @internal waiters */
  declare q: WaitQueue;

  /** Makes a condition variable. */
  static new(this: void): Condvar {
    return setmetatable({ q: wq_new() }, CondvarProto as LuaMetatable<object>) as unknown as Condvar;
  }

  /**
   * Suspends until `notify_one`/`notify_all`. With `mutex` (which the running task must
   * hold): unlocks it while waiting and locks it again before returning — also before
   * raising a cancellation. Raises outside a task and on cancellation.
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
   * Wakes the task that has waited longest: true, or false when none waits. Never
   * suspends; works from plain code and fast callbacks.
   */
  notify_one(this: Condvar): boolean {
    if (getmetatable(this) !== CondvarProto) bad_self("Condvar:notify_one");
    if (this.q.n === 0) return false;
    const [w] = wq_pop(this.q);
    wake_waiter(w!);
    return true;
  }

  /** Wakes every waiting task; returns how many. Never suspends. */
  notify_all(this: Condvar): number {
    if (getmetatable(this) !== CondvarProto) bad_self("Condvar:notify_all");
    return wake_all(this.q);
  }

  /** Number of waiting tasks. */
  waiting(this: Condvar): number {
    if (getmetatable(this) !== CondvarProto) bad_self("Condvar:waiting");
    return this.q.n;
  }
}

const CondvarProto = (Condvar as unknown as { prototype: object }).prototype;
(CondvarProto as Record<string, unknown>).__tostring = (c: Condvar) => `Condvar (${c.q.n} waiting)`;
