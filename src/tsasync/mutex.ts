/**
 * `ts.Mutex`: a fair (FIFO) lock for tasks: one holder at a time; an unlock hands the lock
 * straight to the oldest waiter.
 *
 * Cancellation safety: `lock` is cancellation safe — a waiter cancelled while waiting is
 * removed and never holds the lock; a waiter handed the lock before the cancellation reached
 * it returns holding it (its next suspension raises) and must unlock, which `with` does.
 */
/** @section tsasync-channels */
import { current_task, running_task } from "./task";
import { Permits, permit_acquire, permit_release, permit_try, permit_with, permits_new } from "./semaphore";
import { bad_self, outside_task } from "./waiters";

/**
 * A mutual-exclusion lock for tasks. Not reentrant: a task locking a mutex it holds raises
 * (see `Mutex.new`).
 */
export class Mutex {
  /** @internal */
  declare s: Permits;

  /**
   * Makes an unlocked, fair (FIFO) lock: one holder at a time; an unlock
   * hands the lock straight to the oldest waiter. Not reentrant: locking it
   * again in the task that holds it raises instead of hanging.
   * ```lua
   * local m = ts.Mutex.new()
   * ts.run(function()
   *   m:with(function()
   *     local s = read_state()
   *     ts.sleep(10)
   *     write_state(s + 1)
   *   end)
   * end)
   * ```
   * @help ts.Mutex.new()
   */
  static new(this: void): Mutex {
    return setmetatable({ s: permits_new(1, true) }, MutexProto as LuaMetatable<object>) as unknown as Mutex;
  }

  /**
   * Locks, waiting (FIFO) while another holder has it. Raises outside a
   * task (use |Mutex:try_lock()| there), when the running task already
   * holds it, and on cancellation. Cancellation safe: a cancelled waiter
   * never holds it; one handed the lock just before it was cancelled
   * returns holding it and must unlock (|Mutex:with()| always does).
   * @help Mutex:lock()
   */
  lock(this: Mutex): void {
    if (getmetatable(this) !== MutexProto) bad_self("Mutex:lock");
    const t = current_task() !== undefined ? running_task("Mutex:lock") : outside_task("Mutex:lock", "m:try_lock()");
    const s = this.s;
    if (s.owner === t) error("Mutex:lock: the running task already holds this mutex (it is not reentrant)", 2);
    permit_acquire(s, t, "a mutex");
  }

  /**
   * Locks if it is free and nobody waits: `true`; else `false`. Never
   * suspends.
   * @help Mutex:try_lock()
   */
  try_lock(this: Mutex): boolean {
    if (getmetatable(this) !== MutexProto) bad_self("Mutex:try_lock");
    const s = this.s;
    if (!permit_try(s)) return false;
    s.owner = current_task();
    return true;
  }

  /**
   * Unlocks (the oldest waiter gets the lock). Never suspends: works from
   * plain code and fast callbacks. Raises when the mutex is not locked.
   * @help Mutex:unlock()
   */
  unlock(this: Mutex): void {
    if (getmetatable(this) !== MutexProto) bad_self("Mutex:unlock");
    if (!permit_release(this.s)) error("Mutex:unlock: the mutex is not locked", 2);
  }

  /**
   * True while somebody holds the lock (or it was handed to a waiter that
   * has not run yet).
   * @help Mutex:is_locked()
   */
  is_locked(this: Mutex): boolean {
    if (getmetatable(this) !== MutexProto) bad_self("Mutex:is_locked");
    return this.s.p === 0;
  }

  /**
   * Locks, runs `fn(...)` and unlocks however `fn` ends (return, error,
   * cancellation); returns `fn`'s results or raises its error. Raises when
   * the running task already holds the mutex.
   * @help Mutex:with({fn}, {...})
   */
  with<A extends unknown[], R extends unknown[]>(this: Mutex, fn: (this: void, ...args: A) => LuaMultiReturn<R> | R[0], ...args: A): LuaMultiReturn<R> {
    if (getmetatable(this) !== MutexProto) bad_self("Mutex:with");
    if (this.s.owner !== undefined && this.s.owner === current_task()) {
      error("Mutex:with: the running task already holds this mutex (it is not reentrant)", 2);
    }
    return permit_with(this.s, "Mutex:with", "a mutex", fn, ...args) as unknown as LuaMultiReturn<R>;
  }
}

const MutexProto = (Mutex as unknown as { prototype: object }).prototype;
(MutexProto as Record<string, unknown>).__tostring = (m: Mutex) => `Mutex (${m.s.p === 0 ? "locked" : "unlocked"}, ${m.s.q.n} waiting)`;

/** @internal true when `x` is a Mutex. */
export function is_mutex(x: unknown): x is Mutex {
  return getmetatable(x) === MutexProto;
}
