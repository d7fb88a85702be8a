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
 * Waits until one of `cases` can proceed, performs it, and returns its index and values:
 * - `{ recv = rx }` (channel, oneshot or broadcast receiver) → `i, v` (`nil` when closed;
 *   broadcast: `i, v, missed`);
 * - `{ send = tx, value = v }` (channel sender) → `i` once `v` was sent (raises when the
 *   channel is closed);
 * - `{ future = f }` (a Future or a Task) → `i, ...` its values (its error is raised, as by
 *   `await`);
 * - `{ timeout = ms }` → `i` after `ms` milliseconds;
 * - `{ default = true }` (at most one) → `i` at once when no other case is ready.
 *
 * Exactly one case takes effect; the others are unregistered without receiving or sending
 * anything, also when the task is cancelled. When several cases are ready the choice is
 * uniformly random, so no case starves. Suspends, so it raises outside a task, unless it
 * has a `default` case (then it never suspends).
 * ```lua
 * local i, v = ts.select({ { recv = jobs }, { recv = quit }, { timeout = 1000 } })
 * if i == 1 then handle(v) elseif i == 2 then return else print("idle") end
 * ```
 */
export declare function select_(this: void, cases: SelectCaseSpec[]): LuaMultiReturn<any[]>;
