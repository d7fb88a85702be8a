/** @noSelfInFile */
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
export declare function check(this: void): void;
