/** @noSelfInFile */
type AnyFn = (this: void, ...args: any[]) => any;
/**
 * `vim.api` from tasks: `ts.api.nvim_buf_get_lines(0, 0, -1, false)` works in a fast context
 * inside a task (it hops to the main loop first) and is a direct call otherwise.
 */
export declare const api: {
    [name: string]: AnyFn;
};
/** `vim.fn` from tasks, like `ts.api`: `ts.fn.expand("%:p")`. */
export declare const fn: {
    [name: string]: AnyFn;
};
/** Options of `ts.ui.input`: those of `vim.ui.input` (`prompt`, `default`, `completion`, ...). */
export type InputOptions = {
    prompt?: string;
    default?: string;
    completion?: string;
    [k: string]: unknown;
};
/** Options of `ts.ui.select`: those of `vim.ui.select` (`prompt`, `format_item`, `kind`). */
export type SelectOptions = {
    prompt?: string;
    format_item?: (this: void, item: any) => string;
    kind?: string;
    [k: string]: unknown;
};
/**
 * Asks the user for a line of text with the installed `vim.ui.input` and returns it, or nil
 * when the prompt was cancelled. Inside a task. Cancelling the task leaves the prompt open
 * (`vim.ui` offers no way to close it); its answer is then dropped.
 * ```lua
 * local name = ts.ui.input({ prompt = "Branch: " })
 * ```
 */
export declare function input(this: void, opts?: InputOptions): string | undefined;
/**
 * Lets the user pick one of `items` with the installed `vim.ui.select`; returns the item and
 * its index, or nil when nothing was chosen. Inside a task; cancellation as for `input`.
 * ```lua
 * local choice, idx = ts.ui.select({ "a", "b" }, { prompt = "Pick:" })
 * ```
 */
export declare function select_(this: void, items: unknown[], opts?: SelectOptions): LuaMultiReturn<[unknown, number | undefined]>;
/** `ts.ui`: `input(opts)`, `select(items, opts)`. */
export declare const ui: {
    input: typeof input;
    select: typeof select_;
};
export {};
