/** @noSelfInFile */
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
/** The selected implementation: the built-in `vim.async` (Neovim 0.13+) or the polyfill module. */
export declare const impl: polyfill_module.VimAsync;
/** True when the polyfill was selected. */
export declare const polyfill: boolean;
/** `vim.async.run([name,] fn, ...)`: starts a task. */
export declare const run: typeof polyfill_module.run;
declare const await_: typeof polyfill_module.await_;
export { await_ as await };
export declare const pawait: typeof polyfill_module.pawait;
export declare const wrap: typeof polyfill_module.wrap;
export declare const iter: typeof polyfill_module.iter;
export declare const sleep: typeof polyfill_module.sleep;
export declare const timeout: typeof polyfill_module.timeout;
export declare const semaphore: typeof polyfill_module.semaphore;
export declare const checkpoint: typeof polyfill_module.checkpoint;
export declare const is_closing: typeof polyfill_module.is_closing;
/** The polyfill's `config`; nil with the built-in (whose runtime options are private). */
export declare const config: typeof polyfill_module.config;
