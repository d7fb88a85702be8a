/** @noSelfInFile */
import type { CodeAction, Command, CompletionItem, CompletionList, Hover, Location, WorkspaceEdit } from "./protocol";
import { ClientOutcome } from "./request";
/** Options shared by the flows. */
export interface FlowOptions {
    /** Window whose cursor gives the position (default: the current window, or the window showing `bufnr`). */
    win?: number;
    /** Deadline in ms, per client (a late client gets `{ err = <timeout error> }`). */
    timeout?: number;
    /** Retries on ContentModified, per client. */
    retry?: number;
    /** Only clients with this name. */
    name?: string;
}
/** Per-client outcomes, as `request_all` returns them. */
export type PerClient<R> = LuaTable<number, ClientOutcome<R>>;
/**
 * Hover information at the cursor from every client: `{ { client_id, result = lsp.Hover } }`
 * (clients with nothing to say are left out), then the per-client table.
 * ```lua
 * ts.run(function()
 *   for _, h in ipairs(ts.lsp.hover(0, { timeout = 1000 })) do print(h.client_id, vim.inspect(h.result.contents)) end
 * end)
 * ```
 */
export declare function hover(this: void, bufnr?: number, opts?: FlowOptions): LuaMultiReturn<[{
    client_id: number;
    result: Hover;
}[], PerClient<Hover>]>;
/**
 * Definitions of the symbol at the cursor from every client, as quickfix items, then the
 * per-client table (`Location | Location[] | LocationLink[]` results).
 * ```lua
 * local items = ts.lsp.definition(0, { timeout = 2000 })
 * if items[1] then vim.cmd.edit(items[1].filename); vim.api.nvim_win_set_cursor(0, { items[1].lnum, items[1].col - 1 }) end
 * ```
 */
export declare function definition(this: void, bufnr?: number, opts?: FlowOptions): LuaMultiReturn<[vim.lsp.QuickfixItem[], PerClient<unknown>]>;
/** Options of `ts.lsp.references`. */
export interface ReferencesOptions extends FlowOptions {
    /** Include the declaration itself (default true). */
    include_declaration?: boolean;
}
/**
 * References to the symbol at the cursor from every client, as quickfix items (each client's
 * locations converted with its position encoding), then the per-client table.
 * ```lua
 * local items = ts.lsp.references(0, { timeout = 2000, include_declaration = false })
 * vim.fn.setqflist({}, " ", { title = "references", items = items })
 * ```
 */
export declare function references(this: void, bufnr?: number, opts?: ReferencesOptions): LuaMultiReturn<[vim.lsp.QuickfixItem[], PerClient<Location[]>]>;
/**
 * Completion items at the cursor from every client, merged: `{ { client_id, item } }` (a
 * `CompletionList`'s items are unpacked; its `isIncomplete` stays in the per-client table).
 * ```lua
 * local items = ts.lsp.completion(0, { timeout = 500 })
 * for _, c in ipairs(items) do print(c.client_id, c.item.label) end
 * ```
 */
export declare function completion(this: void, bufnr?: number, opts?: FlowOptions): LuaMultiReturn<[{
    client_id: number;
    item: CompletionItem;
}[], PerClient<CompletionItem[] | CompletionList>]>;
/** Options of `ts.lsp.code_actions`. */
export interface CodeActionOptions extends FlowOptions {
    /** `{ start = { row, col }, ["end"] = { row, col } }` (1-based rows, 0-based columns, as
     * `nvim_win_get_cursor`); default: the cursor position. */
    range?: {
        start: [number, number];
        end: [number, number];
    };
    /** Only actions of these kinds (`{ "quickfix" }`). */
    only?: string[];
}
/**
 * Code actions for the cursor (or `opts.range`) from every client: `{ { client_id, action } }`
 * where `action` is a CodeAction or a Command. The request's context carries the client's own
 * diagnostics on those lines and `opts.only`.
 * ```lua
 * local actions = ts.lsp.code_actions(0, { only = { "quickfix" }, timeout = 1000 })
 * ```
 */
export declare function code_actions(this: void, bufnr?: number, opts?: CodeActionOptions): LuaMultiReturn<[{
    client_id: number;
    action: CodeAction | Command;
}[], PerClient<(CodeAction | Command)[]>]>;
/** Options of `ts.lsp.rename`. */
export interface RenameOptions extends FlowOptions {
    /** Buffer of the symbol (default: the current buffer / the window's buffer). */
    bufnr?: number;
    /** Apply the first edit (lowest client id) with `vim.lsp.util.apply_workspace_edit`. */
    apply?: boolean;
}
/**
 * Asks every client for the WorkspaceEdit that renames the symbol at the cursor to
 * `new_name`: `{ { client_id, edit = lsp.WorkspaceEdit } }`, then the per-client table. With
 * `opts.apply` the first edit (lowest client id; narrow with `opts.name`) is applied with
 * `vim.lsp.util.apply_workspace_edit(edit, client.offset_encoding)` before returning; the
 * others are not (two servers' edits of one rename would conflict).
 * ```lua
 * ts.run(function() ts.lsp.rename("new_name", { apply = true, timeout = 2000 }) end)
 * ```
 */
export declare function rename(this: void, new_name: string, opts?: RenameOptions): LuaMultiReturn<[{
    client_id: number;
    edit: WorkspaceEdit;
}[], PerClient<WorkspaceEdit>]>;
