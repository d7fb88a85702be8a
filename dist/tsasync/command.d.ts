/** @noSelfInFile */
/** Runs `:Tsasync` with its argument string (`opts.args`). */
export declare function run(this: void, args: string): void;
/** Completion for `:Tsasync`: the subcommands starting with `arglead`. */
export declare function complete(this: void, arglead: string): string[];
