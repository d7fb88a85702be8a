/**
 * `:checkhealth tsasync`: versions, fast-event policy, live tasks, unhandled errors, and
 * whether `require("tsasync")` resolves to a single copy on 'runtimepath'.
 */
/** @section tsasync-inspector */
import { stats } from "./scheduler";
import { settings, task_counts } from "./task";
import * as timers from "./timers";
import { version } from "./version";

declare const jit: { version: string } | undefined;

/**
 * Reports the Neovim and Lua versions (an error on Neovim older than
 * 0.10), the fast-event policy and the hops made so far, whether
 * `require("tsasync")` resolves to exactly one copy on 'runtimepath', live
 * and started tasks, pending deadlines, unhandled errors reported so far,
 * and the debug settings (debug mode, and whether the unhandled-error
 * handler is custom: |ts.config()|). `:checkhealth` calls
 * `require("tsasync.health").check()`.
 * @help :checkhealth tsasync
 * @tag tsasync-health
 */
export function check(this: void): void {
  vim.health.start("tsasync");
  const v = vim.version();
  const nvim = `${v.major}.${v.minor}.${v.patch}`;
  if (vim.fn.has("nvim-0.10") === 1) vim.health.ok(`tsasync ${version} on Neovim ${nvim}`);
  else vim.health.error(`Neovim ${nvim} is older than 0.10`, "tsasync supports Neovim 0.10 and newer");
  vim.health.info(`Lua: ${jit !== undefined ? jit.version : _VERSION}`);
  vim.health.info(
    `fast events: tasks woken in libuv callbacks continue on the main loop, one vim.schedule per loop turn (${stats.hops} hops so far); { fast = true } opts out`,
  );

  const copies = vim.api.nvim_get_runtime_file("lua/tsasync/init.lua", true);
  if (copies.length === 1) vim.health.ok(`require("tsasync") resolves to one copy: ${copies[0]}`);
  else if (copies.length === 0) vim.health.warn("lua/tsasync/init.lua is not on 'runtimepath' (loaded through package.path?)");
  else vim.health.warn(`${copies.length} copies of tsasync on 'runtimepath'; the first wins:\n  ${copies.join("\n  ")}`, "Remove the extra copies so every plugin shares one runtime");

  const counts = task_counts();
  vim.health.info(`tasks: ${counts.live} live, ${counts.started} started since startup; ${timers.pending()} pending deadlines`);
  if (counts.unhandled === 0) vim.health.ok("no unhandled task errors reported");
  else vim.health.warn(`${counts.unhandled} unhandled task error(s) reported since startup`, "See :messages; handle errors with :await(), :pawait() or on_complete");
  vim.health.info(`debug mode: ${settings.debug ? `on (slow_step_ms = ${settings.slow_step_ms})` : "off"}; unhandled-error handler: ${settings.on_unhandled !== undefined ? "custom" : "vim.notify"}`);
}
