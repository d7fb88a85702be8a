/** @noSelfInFile */
/**
 * `ts.config`: runtime settings.
 */
/**
 * @section tsasync-config
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
 * Changes settings; returns the settings in force (`ts.config()` only
 * reads them). Unknown keys and wrong types raise, changing nothing.
 *   on_unhandled  fn(err, task) for unobserved failures (|tsasync-errors|),
 *                 or false for the default (`vim.notify` at ERROR level)
 *   debug         (boolean) record exact start sites; warn (WARN level)
 *                 when one task step runs longer than `slow_step_ms`
 *   slow_step_ms  (number, default 100)
 * ```lua
 * ts.config({
 *   on_unhandled = function(err, task) log(task.name, err) end,
 * })
 * ```
 * @help ts.config({opts})
 */
export declare function config(this: void, opts?: Config): Readonly<Config>;
