/** @noSelfInFile */
import { WaitQueue } from "./waiters";
/**
 * A settable flag.
 * ```lua
 * local ready = ts.Event.new()
 * ts.run(function() ready:wait(); print("go") end)
 * vim.api.nvim_create_autocmd("VimEnter", { callback = function() ready:set() end })
 * ```
 */
export declare class Event {
    /** @internal */
    is: boolean;
    /** @internal waiters */
    q: WaitQueue;
    /** Makes an event that is not set. */
    static new(this: void): Event;
    /** Sets the flag and wakes every waiting task. Never suspends; works from plain code. */
    set(this: Event): void;
    /** Clears the flag: later `wait` calls suspend again. Never suspends. */
    clear(this: Event): void;
    /**
     * Returns at once when the flag is set, else suspends until `set`. Raises outside a task
     * and on cancellation. Cancellation safe.
     */
    wait(this: Event): void;
    /** True while the flag is set. */
    is_set(this: Event): boolean;
}
