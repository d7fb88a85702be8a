/** @noSelfInFile */
/**
 * `ts.config`: runtime settings.
 */
import { Task } from "./task";
/** Settings accepted by `ts.config`. */
export interface Config {
    /**
     * Receives `(err, task)` for every task failure nobody observed (no await, no
     * `on_complete`, no parent), on the loop turn after it failed. Default: `vim.notify` at
     * ERROR level. Pass `false` to restore the default.
     */
    on_unhandled?: ((this: void, err: unknown, task: Task) => void) | false;
    /** Record where each task was started and warn about slow steps. Default false. */
    debug?: boolean;
    /** In debug mode, warn when one task step runs longer than this (ms). Default 100. */
    slow_step_ms?: number;
}
/**
 * Changes runtime settings and returns the settings now in force. Unknown keys and values
 * of the wrong type raise an error; nothing is changed then.
 * ```lua
 * ts.config({ on_unhandled = function(err, task) log(task.name, err) end })
 * ```
 */
export declare function config(this: void, opts?: Config): Readonly<Config>;
