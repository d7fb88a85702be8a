/**
 * @section tsasync-lsp
 * Editor flows                                               *tsasync-lsp-flows*
 * At the cursor of a window, asking every attached client that supports the
 * method, concurrently (|ts.lsp.request_all()|). Each returns two values: a
 * merged list, then the per-client table of |ts.lsp.request_all()| (which also
 * holds single clients' errors). A flow raises only when every client it asked
 * failed (the error of the lowest client id); with no client supporting the
 * method it returns `{}`. {opts} of every flow: `win` (whose cursor; default
 * the current window, or the window showing {bufnr}), `timeout`, `retry`,
 * `name` as for |ts.lsp.request_all()|. Lists are ordered by client id, then as
 * the server sent them. Positions are made with
 * `vim.lsp.util.make_position_params` in each client's position encoding.
 */
import { Task, check_cancel, running_task } from "../task";
import { Client } from "./client";
import type {
  CodeAction,
  Command,
  CompletionItem,
  CompletionList,
  Diagnostic,
  Hover,
  Location,
  LocationLink,
  WorkspaceEdit,
} from "./protocol";
import { ClientOutcome, ParamsFor, check_opts, leave_fast, request_all_in } from "./request";

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

type Kinds = Parameters<typeof check_opts>[2];
const FLOW_OPTS: Kinds = { win: "number", timeout: "ms", retry: "count", name: "string" };

interface Flow {
  t: Task;
  buf: number;
  win: number;
  o: Record<string, unknown> & FlowOptions;
}

/** Validates a flow call and finds its window and buffer. */
function start(fname: string, bufnr: unknown, opts: unknown, extra?: Kinds): Flow {
  if (bufnr !== undefined && (type(bufnr) !== "number" || bufnr !== math.floor(bufnr as number) || (bufnr as number) < 0)) {
    error(`${fname}: bufnr must be a buffer number, got ${tostring(bufnr)}`, 3);
  }
  const kinds = extra === undefined ? FLOW_OPTS : { ...FLOW_OPTS, ...extra };
  const o = check_opts(fname, opts, kinds, 4) as Flow["o"];
  const t = running_task(fname);
  check_cancel(t);
  leave_fast();
  let win: number;
  if (o.win !== undefined) {
    if (!vim.api.nvim_win_is_valid(o.win)) error(`${fname}: opts.win ${o.win} is not a valid window`, 3);
    win = o.win === 0 ? vim.api.nvim_get_current_win() : o.win;
    const wb = vim.api.nvim_win_get_buf(win);
    if (bufnr !== undefined && bufnr !== 0 && bufnr !== wb) error(`${fname}: window ${win} shows buffer ${wb}, not buffer ${bufnr as number}`, 3);
  } else if (bufnr === undefined || bufnr === 0 || bufnr === vim.api.nvim_get_current_buf()) {
    win = vim.api.nvim_get_current_win();
  } else {
    if (!vim.api.nvim_buf_is_valid(bufnr as number)) error(`${fname}: bufnr ${bufnr as number} is not a valid buffer`, 3);
    win = vim.fn.bufwinid(bufnr) as number;
    if (win === -1) error(`${fname}: buffer ${bufnr as number} is not shown in any window (the position is a window's cursor): pass opts.win`, 3);
  }
  return { t, buf: vim.api.nvim_win_get_buf(win), win, o };
}

function ask<R>(f: Flow, method: string, params: ParamsFor<unknown>): PerClient<R> {
  return request_all_in(f.t, f.buf, method, params, f.o) as PerClient<R>;
}

/** Raises the lowest client's error when every client failed. */
function raise_if_all_failed<R>(per: PerClient<R>): void {
  let first_err: unknown;
  let first_id = math.huge;
  for (const [id, r] of per) {
    if (r.err === undefined) return;
    if (id < first_id) {
      first_id = id;
      first_err = r.err;
    }
  }
  if (first_err !== undefined) error(first_err, 0);
}

function ids<R>(per: PerClient<R>): number[] {
  const list: number[] = [];
  for (const [id] of per) list.push(id);
  table.sort(list);
  return list;
}

function position(f: Flow): (this: void, c: Client) => Record<string, any> {
  return (c) => vim.lsp.util.make_position_params(f.win, c.offset_encoding);
}

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
export function hover(this: void, bufnr?: number, opts?: FlowOptions): LuaMultiReturn<[{ client_id: number; result: Hover }[], PerClient<Hover>]> {
  const f = start("ts.lsp.hover", bufnr, opts);
  const per = ask<Hover>(f, "textDocument/hover", position(f));
  raise_if_all_failed(per);
  const list: { client_id: number; result: Hover }[] = [];
  for (const id of ids(per)) {
    const r = per.get(id).result;
    if (r !== undefined) list.push({ client_id: id, result: r });
  }
  return $multi(list, per);
}

function as_list<T>(r: unknown): T[] {
  if (r === undefined || r === vim.NIL) return [];
  const t = r as { uri?: unknown; targetUri?: unknown; items?: unknown };
  if (t.uri !== undefined || t.targetUri !== undefined) return [r as T];
  return r as T[];
}

function locations(f: Flow, method: string, params: ParamsFor<unknown>): LuaMultiReturn<[vim.lsp.QuickfixItem[], PerClient<unknown>]> {
  const per = ask<unknown>(f, method, params);
  raise_if_all_failed(per);
  const items: vim.lsp.QuickfixItem[] = [];
  for (const id of ids(per)) {
    const locs = as_list<Location | LocationLink>(per.get(id).result);
    const c = vim.lsp.get_client_by_id(id);
    if (locs.length === 0 || c === undefined) continue;
    for (const it of vim.lsp.util.locations_to_items(locs, c.offset_encoding)) items.push(it);
  }
  return $multi(items, per);
}

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
export function definition(this: void, bufnr?: number, opts?: FlowOptions): LuaMultiReturn<[vim.lsp.QuickfixItem[], PerClient<unknown>]> {
  const f = start("ts.lsp.definition", bufnr, opts);
  return locations(f, "textDocument/definition", position(f));
}

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
export function references(this: void, bufnr?: number, opts?: ReferencesOptions): LuaMultiReturn<[vim.lsp.QuickfixItem[], PerClient<Location[]>]> {
  const f = start("ts.lsp.references", bufnr, opts, { include_declaration: "boolean" });
  const incl = (f.o as ReferencesOptions).include_declaration ?? true;
  const pos = position(f);
  return locations(f, "textDocument/references", (c: Client) => {
    const p = pos(c);
    p.context = { includeDeclaration: incl };
    return p;
  }) as LuaMultiReturn<[vim.lsp.QuickfixItem[], PerClient<Location[]>]>;
}

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
export function completion(
  this: void,
  bufnr?: number,
  opts?: FlowOptions,
): LuaMultiReturn<[{ client_id: number; item: CompletionItem }[], PerClient<CompletionItem[] | CompletionList>]> {
  const f = start("ts.lsp.completion", bufnr, opts);
  const pos = position(f);
  const per = ask<CompletionItem[] | CompletionList>(f, "textDocument/completion", (c: Client) => {
    const p = pos(c);
    p.context = { triggerKind: 1 }; // Invoked
    return p;
  });
  raise_if_all_failed(per);
  const list: { client_id: number; item: CompletionItem }[] = [];
  for (const id of ids(per)) {
    const r = per.get(id).result as (CompletionItem[] & { items?: CompletionItem[] }) | undefined;
    if (r === undefined || r === vim.NIL) continue;
    for (const item of r.items ?? r) list.push({ client_id: id, item });
  }
  return $multi(list, per);
}

/** Options of `ts.lsp.code_actions`. */
export interface CodeActionOptions extends FlowOptions {
  /** `{ start = { row, col }, ["end"] = { row, col } }` (1-based rows, 0-based columns, as
   * `nvim_win_get_cursor`); default: the cursor position. */
  range?: { start: [number, number]; end: [number, number] };
  /** Only actions of these kinds (`{ "quickfix" }`). */
  only?: string[];
}

/** The LSP diagnostics a client published for lines `first..last` of `buf` (push and pull). */
function line_diagnostics(c: Client, buf: number, first: number, last: number): Diagnostic[] {
  const list: Diagnostic[] = [];
  for (const pull of [false, true]) {
    const ns = vim.lsp.diagnostic.get_namespace(c.id, pull);
    for (const d of vim.diagnostic.get(buf, { namespace: ns })) {
      const l = d.user_data?.lsp;
      if (l !== undefined && d.lnum >= first && d.lnum <= last) list.push(l as Diagnostic);
    }
  }
  return list;
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
export function code_actions(
  this: void,
  bufnr?: number,
  opts?: CodeActionOptions,
): LuaMultiReturn<[{ client_id: number; action: CodeAction | Command }[], PerClient<(CodeAction | Command)[]>]> {
  const f = start("ts.lsp.code_actions", bufnr, opts, { range: "table", only: "table" });
  const o = f.o as CodeActionOptions;
  const range = o.range;
  if (range !== undefined && (type(range.start) !== "table" || type(range.end) !== "table")) {
    error("ts.lsp.code_actions: opts.range must be { start = { row, col }, [\"end\"] = { row, col } }", 2);
  }
  const only = o.only;
  const per = ask<(CodeAction | Command)[]>(f, "textDocument/codeAction", (c: Client) => {
    const p =
      range !== undefined
        ? vim.lsp.util.make_given_range_params(range.start, range.end, f.buf, c.offset_encoding)
        : vim.lsp.util.make_range_params(f.win, c.offset_encoding);
    const r = p.range as { start: { line: number }; end: { line: number } };
    p.context = { diagnostics: line_diagnostics(c, f.buf, r.start.line, r.end.line), only, triggerKind: 1 };
    return p;
  });
  raise_if_all_failed(per);
  const list: { client_id: number; action: CodeAction | Command }[] = [];
  for (const id of ids(per)) {
    for (const action of as_list<CodeAction | Command>(per.get(id).result)) list.push({ client_id: id, action });
  }
  return $multi(list, per);
}

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
export function rename(
  this: void,
  new_name: string,
  opts?: RenameOptions,
): LuaMultiReturn<[{ client_id: number; edit: WorkspaceEdit }[], PerClient<WorkspaceEdit>]> {
  if (type(new_name) !== "string" || new_name === "") error(`ts.lsp.rename: new_name must be a non-empty string, got ${tostring(new_name)}`, 2);
  if (opts !== undefined && type(opts) !== "table") error(`ts.lsp.rename: opts must be a table, got ${type(opts)}`, 2);
  const f = start("ts.lsp.rename", opts?.bufnr, opts, { bufnr: "number", apply: "boolean" });
  const apply = (f.o as RenameOptions).apply === true;
  const pos = position(f);
  const per = ask<WorkspaceEdit>(f, "textDocument/rename", (c: Client) => {
    const p = pos(c);
    p.newName = new_name;
    return p;
  });
  raise_if_all_failed(per);
  const list: { client_id: number; edit: WorkspaceEdit }[] = [];
  for (const id of ids(per)) {
    const e = per.get(id).result;
    if (e !== undefined && (e as unknown) !== vim.NIL) list.push({ client_id: id, edit: e });
  }
  if (apply && list.length > 0) {
    const c = vim.lsp.get_client_by_id(list[0].client_id);
    vim.lsp.util.apply_workspace_edit(list[0].edit, c !== undefined ? c.offset_encoding : "utf-16");
  }
  return $multi(list, per);
}
