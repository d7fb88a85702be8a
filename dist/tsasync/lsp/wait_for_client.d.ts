/** @noSelfInFile */
import { Client } from "./client";
/** Options of `ts.lsp.wait_for_client`. */
export interface WaitForClientOptions {
    /** Only a client with this name counts. */
    name?: string;
    /** Milliseconds; raises a timeout error when no client attached in time. Default: no limit. */
    timeout?: number;
}
/**
 * Returns a client attached to {bufnr} (0 = current): at once when one is
 * (lowest id), else suspends until |LspAttach| brings one. {opts}: `name`
 * (only that client name counts), `timeout` (ms; raises a timeout error,
 * |ts.is_timeout()|; default: no limit). Raises if the buffer is wiped out
 * meanwhile. Cancelling the task removes the autocmds and the deadline at
 * once.
 * ```lua
 * ts.run(function()
 *   local client = ts.lsp.wait_for_client(0,
 *     { name = "lua_ls", timeout = 10000 })
 *   print(client.name, client.id)
 * end)
 * ```
 * @help ts.lsp.wait_for_client({bufnr}, {opts})
 */
export declare function wait_for_client(this: void, bufnr: number, opts?: WaitForClientOptions): Client;
