/** @noSelfInFile */
import { WaitQueue } from "./waiters";
/**
 * A reusable barrier for `n` tasks.
 * ```lua
 * local b = ts.Barrier.new(3)
 * for i = 1, 3 do
 *   ts.run(function() prepare(i); if b:wait() then print("all prepared") end end)
 * end
 * ```
 */
export declare class Barrier {
    /** @internal tasks per generation */
    n: number;
    /** @internal waiting tasks */
    q: WaitQueue;
    /** Makes a barrier for `n` (a positive integer) tasks. */
    static new(this: void, n: number): Barrier;
    /**
     * Waits until `n` tasks wait, then returns: `true` for exactly one of them (the last to
     * arrive, the "leader"), `false` for the others. Raises outside a task and on
     * cancellation; a cancelled waiter does not count.
     */
    wait(this: Barrier): boolean;
    /** Number of tasks waiting now. */
    waiting(this: Barrier): number;
}
