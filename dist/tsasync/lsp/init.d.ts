/** @noSelfInFile */
/**
 * @section tsasync-lsp
 * `ts.lsp` turns LSP requests into suspension points. A request suspends the
 * task until the server answers; cancelling the task, or its deadline passing,
 * sends `$/cancelRequest` for it at once (a late answer is ignored); a server
 * error raises a |ts.LspError|; a client that exits or is stopped fails its
 * pending requests instead of leaving them hanging. Works on Neovim 0.10
 * (`client.request(...)`) and 0.11+ (`client:request(...)`): the form is chosen
 * by what the client object offers, never by version number, so 0.11+ shows no
 * deprecation warning. Everything here must run inside a task except
 * |ts.lsp.notify()|. A `client` argument is a `vim.lsp.Client` or a client id.
 */
export { codes } from "./error";
export { request, request_all, notify } from "./request";
export { wait_for_client } from "./wait_for_client";
export { hover, definition, references, completion, code_actions, rename } from "./flows";
export type { RequestOptions, RequestAllOptions, ClientOutcome, ParamsFor } from "./request";
export type { WaitForClientOptions } from "./wait_for_client";
export type { FlowOptions, ReferencesOptions, CodeActionOptions, RenameOptions, PerClient } from "./flows";
