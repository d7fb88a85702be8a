/** @noSelfInFile */
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
import * as polyfill_module from "./vim_async_polyfill";
/** The selected implementation: the built-in `vim.async` (Neovim 0.13+) or the polyfill module. */
export declare const impl: polyfill_module.VimAsync;
/** True when the polyfill was selected. */
export declare const polyfill: boolean;
/** `vim.async.run([name,] fn, ...)`: starts a task. */
export declare const run: typeof polyfill_module.run;
/** `vim.async.await(...)`: suspends until the awaited task or callback operation completes. */
declare const await_: typeof polyfill_module.await_;
export { await_ as await };
/** `vim.async.pawait(...)`: protected await, `ok, ...` or `false, err`. */
export declare const pawait: typeof polyfill_module.pawait;
/** `vim.async.wrap(argc, fn)`: makes a callback-taking function awaitable. */
export declare const wrap: typeof polyfill_module.wrap;
/** `vim.async.iter(tasks)`: an iterator over `tasks` in completion order. */
export declare const iter: typeof polyfill_module.iter;
/** `vim.async.sleep(ms)`: suspends the running task for `ms` milliseconds. */
export declare const sleep: typeof polyfill_module.sleep;
/** `vim.async.timeout(duration, task)`: awaits `task`; after `duration` ms closes it and raises "timeout". */
export declare const timeout: typeof polyfill_module.timeout;
/** `vim.async.semaphore(permits)`: a semaphore of `permits` permits (default 1). */
export declare const semaphore: typeof polyfill_module.semaphore;
/** `vim.async.checkpoint()`: raises a pending close or failure, starts pending children. */
export declare const checkpoint: typeof polyfill_module.checkpoint;
/** `vim.async.is_closing()`: true when the current task has been closed (false outside tasks). */
export declare const is_closing: typeof polyfill_module.is_closing;
/** The polyfill's `config`; nil with the built-in (whose runtime options are private). */
export declare const config: typeof polyfill_module.config;
