/**
 * `require("tsasync.compat.vim_async")`: Neovim's built-in `vim.async` where it exists
 * (Neovim 0.13 and later), else tsasync's polyfill of it (`tsasync.compat.vim_async_polyfill`).
 *
 * ```lua
 * local async = require("tsasync.compat.vim_async") -- vim.async's functions, or the polyfill's
 * async.run(function() async.sleep(10) end):wait()
 * ```
 *
 * The module holds the selected implementation's functions (`run`, `await`, `pawait`, `wrap`,
 * `iter`, `sleep`, `timeout`, `semaphore`, `checkpoint`, `is_closing`, and `config` where it
 * exists), `impl` (the selected module itself: `vim.async` or the polyfill) and `polyfill`
 * (true when the polyfill was selected). To use the polyfill on every version, require
 * `tsasync.compat.vim_async_polyfill` instead.
 */
import * as polyfill_module from "./vim_async_polyfill";

declare const _G: { vim?: { async?: unknown; fn: { has(this: void, feature: string): number } } };

function pick(): polyfill_module.VimAsync {
  const v = _G.vim;
  if (v === undefined) return polyfill_module;
  const builtin = v.async as { run?: unknown } | undefined;
  if (builtin !== undefined && type(builtin.run) === "function" && v.fn.has("nvim-0.13") === 1) {
    return builtin as unknown as polyfill_module.VimAsync;
  }
  return polyfill_module;
}

/** The selected implementation: the built-in `vim.async` (Neovim 0.13+) or the polyfill module. */
export const impl: polyfill_module.VimAsync = pick();
/** True when the polyfill was selected. */
export const polyfill: boolean = impl === (polyfill_module as polyfill_module.VimAsync);
// vim.async's functions, taken from the selected implementation (documented there and in
// `:help tsasync-vim-async`): run, await, pawait, wrap, iter, sleep, timeout, semaphore,
// checkpoint, is_closing.
/** `vim.async.run([name,] fn, ...)`: starts a task. */
export const run = impl.run;
const await_ = impl.await;
export { await_ as await };
export const pawait = impl.pawait;
export const wrap = impl.wrap;
export const iter = impl.iter;
export const sleep = impl.sleep;
export const timeout = impl.timeout;
export const semaphore = impl.semaphore;
export const checkpoint = impl.checkpoint;
export const is_closing = impl.is_closing;
/** The polyfill's `config`; nil with the built-in (whose runtime options are private). */
export const config = impl.config;
