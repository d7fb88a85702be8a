/** @noSelfInFile */
type AnyFn = (this: void, ...args: any[]) => any;
/**
 * `vim.api` / `vim.fn` with the same arguments and results. In a fast event
 * (a libuv callback, or a task started with `fast = true`) inside a task
 * they continue on the main loop first (|ts.schedule()|), where the call is
 * allowed; elsewhere they call straight through, with no hop. In a fast
 * event outside a task they raise, since nothing could wait there. A name
 * that `vim.api` / `vim.fn` lacks raises "no such function" when called.
 * ```lua
 * local lines = ts.api.nvim_buf_get_lines(0, 0, -1, false)
 * local file = ts.fn.expand("%:p")
 * ```
 * @help ts.api
 * @help ts.fn
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
 * Awaits `vim.ui.input` (whatever is installed at call time: dressing.nvim,
 * snacks, telescope, ...): the text, or nil when the prompt was cancelled.
 * Inside a task. Cancelling the task leaves the prompt open (`vim.ui` offers
 * no way to close it); its answer is then dropped.
 * ```lua
 * local name = ts.ui.input({ prompt = "Branch: " })
 * ```
 * @help ts.ui.input({opts})
 */
export declare function input(this: void, opts?: InputOptions): string | undefined;
/**
 * Awaits `vim.ui.select` on {items}: `item, index`, or nil when nothing was
 * chosen. Inside a task. Cancelling the task leaves the prompt open (vim.ui
 * cannot close it); its answer is dropped.
 * ```lua
 * local choice, idx = ts.ui.select({ "a", "b" }, { prompt = "Pick:" })
 * ```
 * @help ts.ui.select({items}, {opts})
 */
export declare function select_(this: void, items: unknown[], opts?: SelectOptions): LuaMultiReturn<[unknown, number | undefined]>;
/** `ts.ui`: `input(opts)`, `select(items, opts)`. */
export declare const ui: {
    input: typeof input;
    select: typeof select_;
};
export {};
