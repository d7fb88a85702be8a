/** @noSelfInFile */
/** One case of `ts.select`. */
export interface SelectCaseSpec {
    /** Receive from a channel/oneshot receiver or a broadcast subscriber. */
    recv?: unknown;
    /** Send `value` on a channel sender. */
    send?: unknown;
    /** The value of a send case (not nil). */
    value?: unknown;
    /** Wait for a Future or a Task. */
    future?: unknown;
    /** Fires after this many milliseconds. */
    timeout?: number;
    /** Chosen at once when no other case is ready. */
    default?: boolean;
}
/**
 * Waits until one case can proceed, performs exactly that one, and returns
 * its index and values. Cases:
 *   { recv = rx }            channel, oneshot or broadcast receiver:
 *                            `i, v` (nil when closed; broadcast:
 *                            `i, v, missed`)
 *   { send = tx, value = v } channel sender: `i` once sent (raises if the
 *                            channel is or becomes closed)
 *   { future = f }           a Future or a Task: `i, ...values`; its
 *                            error is raised, as by |ts.await()|
 *   { timeout = ms }         `i` after `ms` milliseconds
 *   { default = true }       `i` at once when no other case is ready (at
 *                            most one; with it, `ts.select` never suspends
 *                            and works outside tasks)
 * The other cases are unregistered without receiving or sending anything,
 * also when the task is cancelled. A select's own send and receive cases
 * on one channel never pair with each other. When several cases are ready
 * the choice is uniformly random, so an always-ready case never starves
 * another. Raises outside a task (unless it has a `default` case), on
 * cancellation, and when a case is not a table with exactly one of these
 * keys.
 * ```lua
 * while true do
 *   local i, job = ts.select({
 *     { recv = jobs }, { recv = quit }, { timeout = 5000 },
 *   })
 *   if i == 1 and job then run(job)
 *   elseif i == 2 then break
 *   else print("idle") end
 * end
 * ```
 * @help ts.select({cases})
 */
export declare function select_(this: void, cases: SelectCaseSpec[]): LuaMultiReturn<any[]>;
