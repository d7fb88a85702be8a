/**
 * @section tsasync-vim-async
 * Neovim 0.13 ships `vim.async` (from lewis6991/async.nvim). tsasync provides
 * the same API, with the same observable behaviour, for Neovim 0.10 to 0.12:
 * ```lua
 * local async = require("tsasync.compat.vim_async")
 * -- = vim.async's functions on Neovim 0.13+, the polyfill before
 * async.run(function()
 *   local err, stat = async.await(2, vim.uv.fs_stat, "notes.txt")
 *   async.sleep(100)
 * end)
 * ```
 *                                                   *tsasync.compat.vim_async*
 * `require("tsasync.compat.vim_async")` holds the selected implementation's
 * functions, `impl` (the selected module: `vim.async` on 0.13+, else the
 * polyfill) and `polyfill` (true when the polyfill was selected).
 * `require("tsasync.compat.vim_async_polyfill")` is always the polyfill (use it
 * to run the same implementation on every version). TypeScript: import from
 * "tsasync/compat/vim_async_polyfill" (types `VimAsync`, `AsyncTask`,
 * `AsyncSemaphore`, `Closable`, `ConfigOpts`).
 *
 * Functions (as |vim.async|'s): `run([name,] fn, ...)`, `await(task)`,
 * `await(fn)`, `await(argc, fn, ...)`, `pawait(...)`, `wrap(argc, fn)`,
 * `iter(tasks)`, `sleep(ms)`, `timeout(ms, task)`, `semaphore(n)` (`acquire`,
 * `release`, `with`), `checkpoint()`, `is_closing()`, `config(opts)` (the
 * polyfill's only: nil with the built-in, whose runtime options are private).
 * Task methods: `wait(ms?)`, `pwait(ms?)`, `close(cb?)`, `detach()`,
 * `on_complete(cb)`, `completed()`, `status()`, `traceback(msg?)`,
 * `raise_on_error()`, field `name`.
 */
// `require("tsasync.compat.vim_async")`: Neovim's built-in `vim.async` where it exists
// (Neovim 0.13 and later), else tsasync's polyfill of it (`tsasync.compat.vim_async_polyfill`).
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
/** `vim.async.await(...)`: suspends until the awaited task or callback operation completes. */
const await_ = impl.await;
export { await_ as await };
/** `vim.async.pawait(...)`: protected await, `ok, ...` or `false, err`. */
export const pawait = impl.pawait;
/** `vim.async.wrap(argc, fn)`: makes a callback-taking function awaitable. */
export const wrap = impl.wrap;
/** `vim.async.iter(tasks)`: an iterator over `tasks` in completion order. */
export const iter = impl.iter;
/** `vim.async.sleep(ms)`: suspends the running task for `ms` milliseconds. */
export const sleep = impl.sleep;
/** `vim.async.timeout(duration, task)`: awaits `task`; after `duration` ms closes it and raises "timeout". */
export const timeout = impl.timeout;
/** `vim.async.semaphore(permits)`: a semaphore of `permits` permits (default 1). */
export const semaphore = impl.semaphore;
/** `vim.async.checkpoint()`: raises a pending close or failure, starts pending children. */
export const checkpoint = impl.checkpoint;
/** `vim.async.is_closing()`: true when the current task has been closed (false outside tasks). */
export const is_closing = impl.is_closing;
/** The polyfill's `config`; nil with the built-in (whose runtime options are private). */
export const config = impl.config;
