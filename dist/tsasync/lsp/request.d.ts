/** @noSelfInFile */
import { Task } from "../task";
import { Client } from "./client";
import type { LspRequestMethod, LspRequests } from "./protocol";
/** Options of `ts.lsp.request`. */
export interface RequestOptions {
    /** Buffer the request is about (default 0, the current buffer): pending changes are flushed first. */
    bufnr?: number;
    /** Deadline in milliseconds for the whole call, retries included; raises a timeout error. */
    timeout?: number;
    /** How many times to send the request again when the server answers ContentModified (default 0). */
    retry?: number;
}
/** Options of `ts.lsp.request_all`. */
export interface RequestAllOptions {
    /** Deadline in milliseconds, per client. */
    timeout?: number;
    /** Retries on ContentModified, per client. */
    retry?: number;
    /** Only clients with this name. */
    name?: string;
}
/** One client's outcome in `request_all`: `{ result = r }` (r may be nil) or `{ err = e }`. */
export interface ClientOutcome<R = unknown> {
    result?: R;
    err?: unknown;
}
/** A method name that is not one of the protocol's request methods (those are typed). */
export type OtherMethod<M extends string> = M extends LspRequestMethod ? never : M;
/** Params of `request_all`: a table, or a function building one per client. */
export type ParamsFor<P> = P | ((this: void, client: Client, bufnr: number) => P);
/** Validates an options table against the allowed keys and types (raises at the API function's caller). */
export declare function check_opts(fname: string, opts: unknown, allowed: Record<string, "ms" | "count" | "bufnr" | "string" | "number" | "function" | "table" | "boolean">, level?: number): Record<string, unknown>;
/** `bufnr` checked and resolved (0 = the current buffer). */
export declare function resolve_buf(fname: string, bufnr: unknown, level: number): number;
/** Moves the running task out of a fast event (the LSP client API runs autocmds). */
export declare function leave_fast(): void;
/**
 * Sends an LSP request and suspends the running task until the server answers; returns the
 * result (`nil` for a JSON `null`).
 *
 * - A server error raises an `LspError` (`code`, `message`, `data`, `method`, `client_id`;
 *   `ts.is_lsp_error(err)`). With `opts.retry = n` a `ContentModified` answer (-32801) sends
 *   the request again, up to `n` times.
 * - `opts.timeout` (ms) bounds the whole call: when it passes, `$/cancelRequest` is sent and a
 *   timeout error is raised (`ts.is_timeout(err)`).
 * - Cancelling the task sends `$/cancelRequest` at once; a late answer is ignored.
 * - A client that exits or is stopped fails the request with an LspError whose code is
 *   `ts.lsp.codes.ClientExited`; so does a request to a client that is shutting down.
 * - A server that cancels the request itself raises an LspError with code RequestCancelled
 *   (Neovim hides that answer from handlers; tsasync notices it anyway).
 * ```lua
 * ts.run(function()
 *   local client = ts.lsp.wait_for_client(0, { timeout = 5000 })
 *   local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
 *   local hover = ts.lsp.request(client, "textDocument/hover", params, { timeout = 1000, retry = 2 })
 * end)
 * ```
 * @param client a `vim.lsp.Client` or a client id.
 */
export declare function request<M extends LspRequestMethod>(this: void, client: Client | number, method: M, params: LspRequests[M]["params"], opts?: RequestOptions): LspRequests[M]["result"];
/** Any other method (custom server extensions): untyped params and result. */
export declare function request<M extends string>(this: void, client: Client | number, method: OtherMethod<M>, params?: unknown, opts?: RequestOptions): unknown;
/** Clients attached to `bufnr` that support `method` (and are named `name`), by id. */
export declare function clients_for(bufnr: number, method: string | undefined, name?: string): Client[];
/** The internal form of `request_all`, for the editor flows (arguments validated). */
export declare function request_all_in(t: Task, bufnr: number, method: string, params: ParamsFor<unknown>, o: RequestAllOptions): LuaTable<number, ClientOutcome>;
/**
 * Sends `method` to every client attached to `bufnr` that supports it, concurrently, and
 * returns `{ [client_id] = { result = r } | { err = e } }` once each has answered, failed or
 * timed out. No client: `{}`.
 *
 * `params` is a table, or a function `(client, bufnr) -> params` called once per client (for
 * what depends on the client, such as its position encoding). `opts.timeout` (ms) applies per
 * client: a late one gets `{ err = <timeout error> }` and a `$/cancelRequest`. `opts.retry` as
 * for `request`; `opts.name` keeps only clients of that name. Cancelling the task cancels every
 * request still in flight (one `$/cancelRequest` each). Errors of single clients never raise.
 * ```lua
 * local all = ts.lsp.request_all(0, "textDocument/hover", function(client)
 *   return vim.lsp.util.make_position_params(0, client.offset_encoding)
 * end, { timeout = 500 })
 * for id, r in pairs(all) do print(id, r.err or vim.inspect(r.result)) end
 * ```
 */
export declare function request_all<M extends LspRequestMethod>(this: void, bufnr: number, method: M, params: ParamsFor<LspRequests[M]["params"]>, opts?: RequestAllOptions): LuaTable<number, ClientOutcome<LspRequests[M]["result"]>>;
/** Any other method: untyped. */
export declare function request_all<M extends string>(this: void, bufnr: number, method: OtherMethod<M>, params?: unknown, opts?: RequestAllOptions): LuaTable<number, ClientOutcome>;
/**
 * Sends an LSP notification; returns true when it was sent (false once the client is stopped).
 * Never suspends: works inside and outside tasks, but not inside a fast event.
 * ```lua
 * ts.lsp.notify(client, "workspace/didChangeConfiguration", { settings = {} })
 * ```
 */
export declare function notify(this: void, client: Client | number, method: string, params?: unknown): boolean;
