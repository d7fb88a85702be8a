/** @noSelfInFile */
/**
 * `ts.lsp`: LSP requests as tasks. Requests suspend the calling task; cancelling the task (or a
 * timeout) sends `$/cancelRequest`; server errors raise `ts.LspError`; a client that exits fails
 * its pending requests. Works on Neovim 0.10 and 0.11+ alike.
 *
 * Types: `tsasync/lsp/protocol` (generated from Neovim's LSP meta file by `make generate-lsp`)
 * gives TypeScript users the params and result types of every request method (`import type`).
 */
export { codes } from "./error";
export { request, request_all, notify } from "./request";
export { wait_for_client } from "./wait_for_client";
export { hover, definition, references, completion, code_actions, rename } from "./flows";
export type { RequestOptions, RequestAllOptions, ClientOutcome, ParamsFor } from "./request";
export type { WaitForClientOptions } from "./wait_for_client";
export type { FlowOptions, ReferencesOptions, CodeActionOptions, RenameOptions, PerClient } from "./flows";
