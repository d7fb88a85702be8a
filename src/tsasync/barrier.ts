/**
 * `ts.Barrier`: `n` tasks wait until all of them arrived, then all proceed. Reusable: the
 * next `n` arrivals form the next generation.
 *
 * Cancellation safety: `wait` is cancellation safe — a waiter cancelled before the barrier
 * opened is removed and does not count towards `n`.
 */
/** @section tsasync-channels */
import { check_cancel, running_task } from "./task";
import { WaitQueue, bad_self, wait_in, wake_all, wq_new } from "./waiters";

/** A reusable barrier for `n` tasks (see `Barrier.new`). */
export class Barrier {
  /** @internal tasks per generation */
  declare n: number;
  /** @internal waiting tasks */
  declare q: WaitQueue;

  /**
   * A reusable barrier for `n` tasks (a positive integer): |Barrier:wait()|
   * returns once `n` tasks wait. The next `n` arrivals form the next round.
   * ```lua
   * local b = ts.Barrier.new(3)
   * for i = 1, 3 do
   *   ts.run(function()
   *     prepare(i)
   *     if b:wait() then print("all prepared") end
   *   end)
   * end
   * ```
   * @help ts.Barrier.new({n})
   */
  static new(this: void, n: number): Barrier {
    if (type(n) !== "number" || n !== math.floor(n) || n < 1 || n === math.huge) {
      error(`ts.Barrier.new: n must be a positive integer, got ${tostring(n)}`, 2);
    }
    return setmetatable({ n, q: wq_new() }, BarrierProto as LuaMetatable<object>) as unknown as Barrier;
  }

  /**
   * `b:wait() -> leader` returns once `n` tasks wait: `true` for exactly one
   * of them (the last to arrive), `false` for the others. Reusable: the
   * next `n` arrivals form the next round. Raises outside a task and on
   * cancellation. Cancellation safe: a cancelled waiter does not count.
   * @help Barrier:wait()
   */
  wait(this: Barrier): boolean {
    if (getmetatable(this) !== BarrierProto) bad_self("Barrier:wait");
    const t = running_task("Barrier:wait");
    check_cancel(t);
    if (this.q.n + 1 >= this.n) {
      wake_all(this.q);
      return true;
    }
    wait_in(t, this.q, "a barrier");
    return false;
  }

  /**
   * `b:waiting() -> n` counts the tasks waiting in the current round.
   * @help Barrier:waiting()
   */
  waiting(this: Barrier): number {
    if (getmetatable(this) !== BarrierProto) bad_self("Barrier:waiting");
    return this.q.n;
  }
}

const BarrierProto = (Barrier as unknown as { prototype: object }).prototype;
(BarrierProto as Record<string, unknown>).__tostring = (b: Barrier) => `Barrier (${b.q.n}/${b.n} waiting)`;
