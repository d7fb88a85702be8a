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
 * `{ { client_id = n, result = lsp.Hover }, ... }` (empty answers left out).
 * ```lua
 * ts.run(function()
 *   for _, h in ipairs(ts.lsp.hover(0, { timeout = 1000 })) do
 *     print(h.client_id, vim.inspect(h.result.contents))
 *   end
 * end)
 * ```
 * @help ts.lsp.hover({bufnr}, {opts})
 */
export declare function hover(this: void, bufnr?: number, opts?: FlowOptions): LuaMultiReturn<[{
    client_id: number;
    result: Hover;
}[], PerClient<Hover>]>;
/**
 * Definitions of the symbol at the cursor as quickfix items
 * (`vim.lsp.util.locations_to_items` with each client's encoding;
 * `user_data` is the Location or LocationLink); the per-client table holds
 * the `Location | Location[] | LocationLink[]` results.
 * ```lua
 * local items = ts.lsp.definition(0, { timeout = 2000 })
 * if items[1] then
 *   vim.cmd.edit(items[1].filename)
 *   vim.api.nvim_win_set_cursor(0, { items[1].lnum, items[1].col - 1 })
 * end
 * ```
 * @help ts.lsp.definition({bufnr}, {opts})
 */
export declare function definition(this: void, bufnr?: number, opts?: FlowOptions): LuaMultiReturn<[vim.lsp.QuickfixItem[], PerClient<unknown>]>;
/** Options of `ts.lsp.references`. */
export interface ReferencesOptions extends FlowOptions {
    /** Include the declaration itself (default true). */
    include_declaration?: boolean;
}
/**
 * References to the symbol at the cursor as quickfix items, as for
 * |ts.lsp.definition()|. `opts.include_declaration` (default true).
 * ```lua
 * local items = ts.lsp.references(0,
 *   { timeout = 2000, include_declaration = false })
 * vim.fn.setqflist({}, " ", { title = "references", items = items })
 * ```
 * @help ts.lsp.references({bufnr}, {opts})
 */
export declare function references(this: void, bufnr?: number, opts?: ReferencesOptions): LuaMultiReturn<[vim.lsp.QuickfixItem[], PerClient<Location[]>]>;
/**
 * `{ { client_id = n, item = lsp.CompletionItem }, ... }`; a
 * CompletionList's items are unpacked (its `isIncomplete` stays in the
 * per-client table).
 * ```lua
 * local items = ts.lsp.completion(0, { timeout = 500 })
 * for _, c in ipairs(items) do print(c.client_id, c.item.label) end
 * ```
 * @help ts.lsp.completion({bufnr}, {opts})
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
 * `{ { client_id = n, action = lsp.CodeAction|lsp.Command }, ... }`.
 * `opts.range = { start = { row, col }, ["end"] = { row, col } }` (as
 * |nvim_win_get_cursor()|; default the cursor), `opts.only` (kinds). The
 * context carries each client's own diagnostics on those lines.
 * ```lua
 * local actions = ts.lsp.code_actions(0,
 *   { only = { "quickfix" }, timeout = 1000 })
 * ```
 * @help ts.lsp.code_actions({bufnr}, {opts})
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
 * `{ { client_id = n, edit = lsp.WorkspaceEdit }, ... }` for renaming the
 * symbol at the cursor to {new_name}. `opts.bufnr`; `opts.apply = true`
 * applies the first edit (lowest client id; narrow with `opts.name`) with
 * `vim.lsp.util.apply_workspace_edit(edit, client.offset_encoding)` before
 * returning; the others are not applied (two servers' edits of one rename
 * would conflict).
 * ```lua
 * ts.run(function()
 *   ts.lsp.rename("new_name", { apply = true, timeout = 2000 })
 * end)
 * ```
 * @help ts.lsp.rename({new_name}, {opts})
 */
export declare function rename(this: void, new_name: string, opts?: RenameOptions): LuaMultiReturn<[{
    client_id: number;
    edit: WorkspaceEdit;
}[], PerClient<WorkspaceEdit>]>;
