/** @noSelfInFile */
/** A `vim.lsp.Client` as tsasync sees it. */
export type Client = vim.lsp.Client;
/** True when `c`'s methods are `:` methods (Nvim 0.11+), false for field functions (0.10). */
export declare function method_style(c: Client): boolean;
/** Calls client method `name` with up to four arguments in the form this Neovim expects. */
export declare function call(c: Client, name: string, a?: unknown, b?: unknown, d?: unknown, e?: unknown): LuaMultiReturn<[any, any]>;
/** The client `x` designates (a Client or a client id), validated; raises `<fname>: ...`. */
export declare function resolve_client(fname: string, x: unknown, level: number): Client;
/** A request in flight, as the tracker sees it. */
export interface Tracked {
    client: Client;
    /** Request id given by the client. */
    id: number;
    method: string;
    /** Fails the request with `err` (an LspError); called at most once, after untracking. */
    fail: (this: void, op: Tracked, err: unknown) => void;
}
/** Starts tracking `op`: its client's exit, or a swallowed reply, fails it. */
export declare function track(op: Tracked): void;
/** Stops tracking `op` (answered, cancelled, timed out). */
export declare function untrack(op: Tracked): void;
/** Number of tracked requests (for specs and the inspector). */
export declare function pending_count(): number;
/** Sends `$/cancelRequest` for request `id` (scheduled when inside a fast event: it runs autocmds). */
export declare function send_cancel(c: Client, id: number): void;
