/**
 * `ts.config`: runtime settings.
 */
/**
 * @section tsasync-config
 */
import { Task, settings } from "./task";

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
export function config(this: void, opts?: Config): Readonly<Config> {
  if (opts !== undefined) {
    if (type(opts) !== "table") error(`ts.config: opts must be a table, got ${type(opts)}`, 2);
    for (const [k, v] of pairs(opts as Record<string, unknown>)) {
      if (k === "on_unhandled") {
        if (v !== false && type(v) !== "function") error(`ts.config: on_unhandled must be a function or false, got ${type(v)}`, 2);
      } else if (k === "debug") {
        if (type(v) !== "boolean") error(`ts.config: debug must be a boolean, got ${type(v)}`, 2);
      } else if (k === "slow_step_ms") {
        if (type(v) !== "number" || v !== v || (v as number) < 0) error(`ts.config: slow_step_ms must be a non-negative number, got ${tostring(v)}`, 2);
      } else {
        error(`ts.config: unknown option "${tostring(k)}"`, 2);
      }
    }
    if (opts.on_unhandled !== undefined) settings.on_unhandled = opts.on_unhandled === false ? undefined : opts.on_unhandled;
    if (opts.debug !== undefined) settings.debug = opts.debug;
    if (opts.slow_step_ms !== undefined) settings.slow_step_ms = opts.slow_step_ms;
  }
  return { on_unhandled: settings.on_unhandled ?? false, debug: settings.debug, slow_step_ms: settings.slow_step_ms };
}
