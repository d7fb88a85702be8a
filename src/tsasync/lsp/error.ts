/**
 * LSP errors: what `ts.lsp.request` raises when a request does not produce a result.
 *
 * A server error response becomes an `LspError` carrying the response's `code`, `message` and
 * `data`, plus the request's `method` and the client (`client_id`, `client_name`). Two failures
 * that happen on our side get string codes so they can never be mistaken for a server's:
 * `ClientExited` (the client exited or was stopped before answering, or refused the request
 * because it is shutting down). Timeouts are not LspErrors: they raise the runtime's timeout
 * error (`ts.is_timeout`).
 */
/** @section tsasync-lsp */
import { find_error } from "../errors";

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
export const codes = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  ServerNotInitialized: -32002,
  UnknownErrorCode: -32001,
  RequestFailed: -32803,
  ServerCancelled: -32802,
  /** The document changed while the server computed the result: retry (`opts.retry`). */
  ContentModified: -32801,
  /** The request was cancelled (by the server on its own, or answering our `$/cancelRequest`). */
  RequestCancelled: -32800,
  /** tsasync: the client exited or was stopped before it answered. */
  ClientExited: "ClientExited",
} as const;

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
export class LspError {
  /** A number from the server (`ts.lsp.codes`), or `"ClientExited"`. */
  declare code: number | string;
  /** The server's message (or ours). */
  declare message: string;
  /** The `data` of the server's error response, if any. */
  declare data?: unknown;
  /** The request's method (`"textDocument/hover"`). */
  declare method: string;
  /** The client the request went to. */
  declare client_id?: number;
  /** That client's name. */
  declare client_name?: string;

  /**
   * Makes an LspError (for instance in tests or in a fake client).
   * ```lua
   * local e = ts.LspError.new({ code = -32801, message = "content modified", method = "textDocument/hover" })
   * ```
   */
  static new(this: void, fields: { code: number | string; message?: string; data?: unknown; method?: string; client_id?: number; client_name?: string }): LspError {
    if (type(fields) !== "table") error(`ts.LspError.new: fields must be a table, got ${type(fields)}`, 2);
    const c = type(fields.code);
    if (c !== "number" && c !== "string") error(`ts.LspError.new: fields.code must be a number or a string, got ${c}`, 2);
    return setmetatable(
      {
        code: fields.code,
        message: fields.message !== undefined ? tostring(fields.message) : "",
        data: fields.data,
        method: fields.method ?? "?",
        client_id: fields.client_id,
        client_name: fields.client_name,
      },
      LspErrorProto as LuaMetatable<object>,
    ) as unknown as LspError;
  }
}

const LspErrorProto = (LspError as unknown as { prototype: object }).prototype;
(LspErrorProto as Record<string, unknown>).__tostring = (e: LspError) => {
  const who = e.client_name !== undefined ? ` from ${e.client_name}` : "";
  return `LSP error ${tostring(e.code)}${who} (${e.method}): ${e.message}`;
};

/** Builds the LspError of a server error response `err` (a `lsp.ResponseError`). */
export function from_response(err: unknown, method: string, client_id: number, client_name: string): LspError {
  const r = (type(err) === "table" ? err : { message: tostring(err) }) as { code?: unknown; message?: unknown; data?: unknown };
  const code = type(r.code) === "number" || type(r.code) === "string" ? (r.code as number) : codes.UnknownErrorCode;
  return LspError.new({
    code,
    message: r.message !== undefined && r.message !== vim.NIL ? tostring(r.message) : "",
    data: r.data === vim.NIL ? undefined : r.data,
    method,
    client_id,
    client_name,
  });
}

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
export function is_lsp_error(this: void, err: unknown): boolean {
  return find_error(err, LspErrorProto) !== undefined;
}
