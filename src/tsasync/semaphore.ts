/**
 * `ts.Semaphore`: a fair (FIFO) counting semaphore, and the permit logic `ts.Mutex` shares.
 *
 * A released permit is handed straight to the oldest waiter, so a task arriving later can
 * never overtake one that waits. Cancellation safety: `acquire` is cancellation safe — a
 * waiter cancelled while waiting is removed and takes no permit; a waiter granted a permit
 * before the cancellation reached it owns that permit (`acquire` returns; its next
 * suspension raises) and must release it, which `with` does.
 */
/**
 * @section tsasync-channels
 * Synchronisation primitives ~
 * Semaphores, mutexes, events, condition variables and barriers for tasks,
 * each made with `new`.
 */
import { EMPTY } from "./scheduler";
import { Task, check_cancel, current_task, first, resume_with, running_task, ypcall } from "./task";
import { WaitQueue, bad_self, outside_task, wait_in, wq_new, wq_pop } from "./waiters";

/** @internal permits and their waiters. */
export interface Permits {
  /** Free permits (0 while anybody waits). */
  p: number;
  /** Permits of an unlocked mutex (1). */
  max: number;
  q: WaitQueue;
  /** A mutex: track the owner. */
  m: boolean;
  /** Mutex: the task holding it (nil when locked from plain code). */
  owner?: Task;
}

/** @internal makes permit state. */
export function permits_new(n: number, mutex: boolean): Permits {
  return { p: n, max: n, q: wq_new(), m: mutex };
}

/** @internal takes a permit without waiting; false when none is free or others wait. */
export function permit_try(s: Permits): boolean {
  if (s.p > 0 && s.q.n === 0) {
    s.p -= 1;
    return true;
  }
  return false;
}

/** @internal takes a permit inside task `t`, waiting in FIFO order. */
export function permit_acquire(s: Permits, t: Task, what: string): void {
  check_cancel(t);
  if (!permit_try(s)) wait_in(t, s.q, what);
  if (s.m) s.owner = t;
}

/**
 * @internal returns a permit: to the oldest waiter, else to the pool. False (nothing done)
 * for a mutex that is not locked.
 */
export function permit_release(s: Permits): boolean {
  if (s.m && s.q.n === 0 && s.p >= s.max) return false;
  s.owner = undefined;
  if (s.q.n > 0) {
    // Handed over: the permit never becomes free, so nobody can overtake the waiter.
    const [w] = wq_pop(s.q);
    resume_with(w as Task, EMPTY);
  } else {
    s.p += 1;
  }
  return true;
}

/** @internal runs `fn(...)` holding a permit of `s`, releasing it however `fn` ends. */
export function permit_with(
  s: Permits,
  fname: string,
  what: string,
  fn: (this: void, ...args: any[]) => unknown,
  ...args: unknown[]
): LuaMultiReturn<unknown[]> {
  if (type(fn) !== "function") error(`${fname}: fn must be a function, got ${type(fn)}`, 3);
  const t = current_task() !== undefined ? running_task(fname) : outside_task(fname, "try_acquire/try_lock");
  permit_acquire(s, t, what);
  return with_done(s, ...ypcall(fn, ...args));
}

function with_done(s: Permits, ok?: unknown, ...rest: unknown[]): LuaMultiReturn<unknown[]> {
  permit_release(s);
  if (!ok) error(first(...rest), 0);
  return $multi(...rest);
}

/**
 * A counting semaphore with `n` permits; waiters are served first come, first served
 * (see `Semaphore.new`).
 */
export class Semaphore {
  /** @internal */
  declare s: Permits;

  /**
   * A counting semaphore with `n` permits (a non-negative integer), fair
   * (FIFO): a released permit is handed straight to the oldest waiter, so
   * a task arriving later never overtakes one that waits.
   * ```lua
   * local sem = ts.Semaphore.new(4)  -- at most 4 downloads at once
   * for _, url in ipairs(urls) do
   *   ts.run(function() sem:with(download, url) end)
   * end
   * ```
   * @help ts.Semaphore.new({n})
   */
  static new(this: void, n: number): Semaphore {
    if (type(n) !== "number" || n !== math.floor(n) || n < 0 || n === math.huge) {
      error(`ts.Semaphore.new: n must be a non-negative integer, got ${tostring(n)}`, 2);
    }
    return setmetatable({ s: permits_new(n, false) }, SemaphoreProto as LuaMetatable<object>) as unknown as Semaphore;
  }

  /**
   * Takes a permit, waiting (FIFO) while none is free. Raises outside a
   * task (use |Semaphore:try_acquire()| there) and on cancellation.
   * Cancellation safe: a cancelled waiter takes no permit; one granted a
   * permit just before it was cancelled returns holding it (release it, or
   * use |Semaphore:with()|).
   * @help Semaphore:acquire()
   */
  acquire(this: Semaphore): void {
    if (getmetatable(this) !== SemaphoreProto) bad_self("Semaphore:acquire");
    const t = current_task() !== undefined ? running_task("Semaphore:acquire") : outside_task("Semaphore:acquire", "sem:try_acquire()");
    permit_acquire(this.s, t, "a semaphore");
  }

  /**
   * Takes a permit if one is free and nobody waits: `true`; else `false`.
   * Never suspends.
   * @help Semaphore:try_acquire()
   */
  try_acquire(this: Semaphore): boolean {
    if (getmetatable(this) !== SemaphoreProto) bad_self("Semaphore:try_acquire");
    return permit_try(this.s);
  }

  /**
   * Returns a permit: to the oldest waiter if any, else to the free ones.
   * Never suspends: works from plain code and fast callbacks. Like Python's
   * `asyncio.Semaphore` (not its `BoundedSemaphore`), a release without an
   * acquire adds a permit, so a semaphore made with 0 permits signals: the
   * producer releases, the consumer acquires.
   * @help Semaphore:release()
   */
  release(this: Semaphore): void {
    if (getmetatable(this) !== SemaphoreProto) bad_self("Semaphore:release");
    permit_release(this.s);
  }

  /**
   * Number of free permits.
   * @help Semaphore:available()
   */
  available(this: Semaphore): number {
    if (getmetatable(this) !== SemaphoreProto) bad_self("Semaphore:available");
    return this.s.p;
  }

  /**
   * Acquires a permit, runs `fn(...)` and releases the permit however `fn`
   * ends (return, error, cancellation); returns `fn`'s results or raises
   * its error.
   * @help Semaphore:with({fn}, {...})
   */
  with<A extends unknown[], R extends unknown[]>(this: Semaphore, fn: (this: void, ...args: A) => LuaMultiReturn<R> | R[0], ...args: A): LuaMultiReturn<R> {
    if (getmetatable(this) !== SemaphoreProto) bad_self("Semaphore:with");
    return permit_with(this.s, "Semaphore:with", "a semaphore", fn, ...args) as unknown as LuaMultiReturn<R>;
  }
}

const SemaphoreProto = (Semaphore as unknown as { prototype: object }).prototype;
(SemaphoreProto as Record<string, unknown>).__tostring = (s: Semaphore) =>
  `Semaphore (${s.s.p} free, ${s.s.q.n} waiting)`;
