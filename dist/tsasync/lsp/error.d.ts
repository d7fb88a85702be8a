/** @noSelfInFile */
/**
 * `RequestCancelled` = -32800, `ContentModified` = -32801,
 * `ServerCancelled` = -32802, `RequestFailed` = -32803, the JSON-RPC codes
 * (`ParseError`, `InvalidRequest`, `MethodNotFound`, `InvalidParams`,
 * `InternalError`, `ServerNotInitialized`, `UnknownErrorCode`), and
 * tsasync's own `ClientExited` = "ClientExited" (a string: never a
 * server's code).
 * ```lua
 * local codes = ts.lsp.codes
 * if ts.is_lsp_error(err) and err.code == codes.ContentModified then
 *   ...
 * end
 * ```
 * @help ts.lsp.codes
 */
export declare const codes: {
    readonly ParseError: -32700;
    readonly InvalidRequest: -32600;
    readonly MethodNotFound: -32601;
    readonly InvalidParams: -32602;
    readonly InternalError: -32603;
    readonly ServerNotInitialized: -32002;
    readonly UnknownErrorCode: -32001;
    readonly RequestFailed: -32803;
    readonly ServerCancelled: -32802;
    /** The document changed while the server computed the result: retry (`opts.retry`). */
    readonly ContentModified: -32801;
    /** The request was cancelled (by the server on its own, or answering our `$/cancelRequest`). */
    readonly RequestCancelled: -32800;
    /** tsasync: the client exited or was stopped before it answered. */
    readonly ClientExited: "ClientExited";
};
/**
 * What `ts.lsp` raises for a failed request. Fields: `code`, `message`,
 * `data` (the server's error response), `method`, `client_id`,
 * `client_name`. `tostring(err)` is
 * "LSP error <code> from <client> (<method>): <message>". Through a task's
 * error wrapper (|tsasync-errors|) `code`, `data`, `method`, ... read
 * through; `message` is then the full text above. `ts.LspError.new(fields)`
 * makes one (fakes, tests). Timeouts are not LspErrors: they raise the
 * runtime's timeout error (|ts.is_timeout()|).
 * @help ts.LspError
 */
export declare class LspError {
    /** A number from the server (`ts.lsp.codes`), or `"ClientExited"`. */
    code: number | string;
    /** The server's message (or ours). */
    message: string;
    /** The `data` of the server's error response, if any. */
    data?: unknown;
    /** The request's method (`"textDocument/hover"`). */
    method: string;
    /** The client the request went to. */
    client_id?: number;
    /** That client's name. */
    client_name?: string;
    /**
     * Makes an LspError (for instance in tests or in a fake client).
     * ```lua
     * local e = ts.LspError.new({ code = -32801, message = "content modified", method = "textDocument/hover" })
     * ```
     */
    static new(this: void, fields: {
        code: number | string;
        message?: string;
        data?: unknown;
        method?: string;
        client_id?: number;
        client_name?: string;
    }): LspError;
}
/** Builds the LspError of a server error response `err` (a `lsp.ResponseError`). */
export declare function from_response(err: unknown, method: string, client_id: number, client_name: string): LspError;
/**
 * True when {err} is, or wraps, a |ts.LspError| (task-error wrappers are
 * looked through, as |ts.is_cancelled()| does).
 * ```lua
 * local ok, err =
 *   ts.pcall(ts.lsp.request, client, "textDocument/hover", params)
 * if not ok and ts.is_lsp_error(err) then
 *   print(err.code, err.message)
 * end
 * ```
 * @help ts.is_lsp_error({err})
 */
export declare function is_lsp_error(this: void, err: unknown): boolean;
