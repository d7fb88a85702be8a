/** @noSelfInFile */
import { WaitQueue } from "./waiters";
/** A reusable barrier for `n` tasks (see `Barrier.new`). */
export declare class Barrier {
    /** @internal tasks per generation */
    n: number;
    /** @internal waiting tasks */
    q: WaitQueue;
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
    static new(this: void, n: number): Barrier;
    /**
     * `b:wait() -> leader` returns once `n` tasks wait: `true` for exactly one
     * of them (the last to arrive), `false` for the others. Reusable: the
     * next `n` arrivals form the next round. Raises outside a task and on
     * cancellation. Cancellation safe: a cancelled waiter does not count.
     * @help Barrier:wait()
     */
    wait(this: Barrier): boolean;
    /**
     * `b:waiting() -> n` counts the tasks waiting in the current round.
     * @help Barrier:waiting()
     */
    waiting(this: Barrier): number;
}
