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
 * Sends a request and returns its result (`nil` for a JSON `null`),
 * suspending the task until the server answers. {opts}:
 *   bufnr    buffer the request is about (default 0, the current one);
 *            its pending changes are sent first
 *   timeout  ms for the whole call, retries included: then
 *            `$/cancelRequest` is sent and a timeout error raised
 *            (|ts.is_timeout()|)
 *   retry    how many times to send the request again when the server
 *            answers ContentModified (-32801) (default 0)
 * Raises a |ts.LspError| for a server error (`code`, `message`, `data`,
 * `method`, `client_id`; |ts.is_lsp_error()|); with `code`
 * `ts.lsp.codes.ClientExited` when the client exits or is stopped before
 * answering, or is already stopping; with `code` RequestCancelled when the
 * server cancelled the request itself (Neovim hides that answer from
 * handlers; tsasync notices it anyway). Cancelling the task sends
 * `$/cancelRequest` at once; a late answer is ignored.
 * ```lua
 * ts.run(function()
 *   local client = ts.lsp.wait_for_client(0, { timeout = 5000 })
 *   local enc = client.offset_encoding
 *   local params = vim.lsp.util.make_position_params(0, enc)
 *   local hover = ts.lsp.request(client, "textDocument/hover", params,
 *     { timeout = 1000, retry = 2 })
 * end)
 * ```
 * The protocol's methods are typed for TypeScript (|tsasync-lsp-types|);
 * other method names (custom server extensions) are accepted untyped.
 * @help ts.lsp.request({client}, {method}, {params}, {opts})
 */
export declare function request<M extends LspRequestMethod>(this: void, client: Client | number, method: M, params: LspRequests[M]["params"], opts?: RequestOptions): LspRequests[M]["result"];
/** Any other method (custom server extensions): untyped params and result. */
export declare function request<M extends string>(this: void, client: Client | number, method: OtherMethod<M>, params?: unknown, opts?: RequestOptions): unknown;
/** Clients attached to `bufnr` that support `method` (and are named `name`), by id. */
export declare function clients_for(bufnr: number, method: string | undefined, name?: string): Client[];
/** The internal form of `request_all`, for the editor flows (arguments validated). */
export declare function request_all_in(t: Task, bufnr: number, method: string, params: ParamsFor<unknown>, o: RequestAllOptions): LuaTable<number, ClientOutcome>;
/**
 * Sends {method} to every client attached to {bufnr} (0 = current) that
 * supports it, concurrently; returns
 * ```lua
 * { [client_id] = { result = r } | { err = e } }
 * ```
 * once each answered, failed or timed out (`{}` when no client does).
 * A single client's failure never raises. {params} is a table, or a
 * function `(client, bufnr) -> params` called per client (for what depends
 * on the client, such as its `offset_encoding`). {opts}: `timeout` (ms, per
 * client: a late client gets `{ err = <timeout error> }` and a
 * `$/cancelRequest`), `retry` (as for |ts.lsp.request()|, per client),
 * `name` (only clients of that name). Cancelling the task cancels every
 * request in flight (one `$/cancelRequest` each).
 * ```lua
 * local function params(client)
 *   return vim.lsp.util.make_position_params(0, client.offset_encoding)
 * end
 * local all = ts.lsp.request_all(0, "textDocument/hover", params,
 *   { timeout = 500 })
 * for id, r in pairs(all) do
 *   print(id, r.err or vim.inspect(r.result))
 * end
 * ```
 * @help ts.lsp.request_all({bufnr}, {method}, {params}, {opts})
 */
export declare function request_all<M extends LspRequestMethod>(this: void, bufnr: number, method: M, params: ParamsFor<LspRequests[M]["params"]>, opts?: RequestAllOptions): LuaTable<number, ClientOutcome<LspRequests[M]["result"]>>;
/** Any other method: untyped. */
export declare function request_all<M extends string>(this: void, bufnr: number, method: OtherMethod<M>, params?: unknown, opts?: RequestAllOptions): LuaTable<number, ClientOutcome>;
/**
 * Sends a notification; returns true when sent (false once the client is
 * stopped). Never suspends; works outside tasks, not in fast events.
 * ```lua
 * ts.lsp.notify(client, "workspace/didChangeConfiguration",
 *   { settings = {} })
 * ```
 * @help ts.lsp.notify({client}, {method}, {params})
 */
export declare function notify(this: void, client: Client | number, method: string, params?: unknown): boolean;
