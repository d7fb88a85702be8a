/** @noSelfInFile */
import { WaitQueue } from "./waiters";
/** A settable flag tasks can wait for (see `Event.new`). */
export declare class Event {
    /** @internal */
    is: boolean;
    /** @internal waiters */
    q: WaitQueue;
    /**
     * Makes a flag that is not set: `ev:set()` wakes every waiter and lets
     * later waits through until `ev:clear()`; `ev:wait()` suspends until set;
     * `ev:is_set()`.
     * ```lua
     * local ready = ts.Event.new()
     * ts.run(function() ready:wait(); print("go") end)
     * vim.api.nvim_create_autocmd("VimEnter", {
     *   callback = function() ready:set() end,
     * })
     * ```
     * @help ts.Event.new()
     */
    static new(this: void): Event;
    /**
     * Sets the flag and wakes every waiting task; later waits pass until
     * |Event:clear()|. Never suspends; works from plain code.
     * @help Event:set()
     */
    set(this: Event): void;
    /**
     * Clears the flag: later `wait` calls suspend again. Never suspends.
     * @help Event:clear()
     */
    clear(this: Event): void;
    /**
     * Returns at once when the flag is set, else suspends until |Event:set()|.
     * Raises outside a task (use |Event:is_set()| there) and on
     * cancellation. Cancellation safe: a cancelled waiter is removed; the
     * event is unchanged.
     * @help Event:wait()
     */
    wait(this: Event): void;
    /**
     * True while the flag is set.
     * @help Event:is_set()
     */
    is_set(this: Event): boolean;
}
