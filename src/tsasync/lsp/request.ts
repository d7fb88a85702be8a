/**
 * LSP requests as suspension points: `ts.lsp.request`, `ts.lsp.request_all`, `ts.lsp.notify`.
 *
 * A request suspends the calling task until the server answers, the deadline passes, the client
 * exits, or the task is cancelled. Whatever ends it first wins and releases the rest: the
 * deadline is removed from the timer heap when the answer arrives; a timeout or a cancellation
 * sends `$/cancelRequest` for the request (a late answer is then ignored); a client that exits
 * fails the request with an `LspError` (`code = "ClientExited"`).
 */
/** @section tsasync-lsp */
import { pack } from "../scheduler";
import { runtime } from "../runtime";
import { schedule } from "../await";
import { new_timeout } from "../errors";
import * as timers from "../timers";
import { Task, await_task, check_cancel, protect, register_wait_kind, resume_error, resume_with, running_task, spawn, suspend } from "../task";
import { Client, Tracked, call, resolve_client, send_cancel, track, untrack } from "./client";
import { LspError, codes, from_response } from "./error";
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

const SENDING = 0;
const WAITING = 1;
const DONE = 2;

interface Op extends Tracked {
  t: Task;
  st: number;
  ms?: number;
  timer?: timers.TimerEntry;
  /** values of a reply that arrived while the request was being sent (in-process servers) */
  err?: unknown;
  res?: unknown;
}

function on_reply(op: Op, err: unknown, result: unknown): void {
  const st = op.st;
  if (st === DONE) return; // late: the request timed out, was cancelled, or its client exited
  op.st = DONE;
  if (st === SENDING) {
    op.err = err;
    op.res = result;
    return;
  }
  untrack(op);
  if (op.timer !== undefined) timers.remove(op.timer);
  resume_with(op.t, pack(err, result));
}

function fail_op(this: void, tracked: Tracked, err: unknown): void {
  const op = tracked as Op;
  if (op.st !== WAITING) return;
  op.st = DONE;
  if (op.timer !== undefined) timers.remove(op.timer);
  resume_error(op.t, err);
}

function on_timeout(this: void, arg: unknown): void {
  const op = arg as Op;
  if (op.st !== WAITING) return;
  op.st = DONE;
  op.timer = undefined;
  untrack(op);
  send_cancel(op.client, op.id);
  const c = op.client;
  resume_error(
    op.t,
    new_timeout(op.ms!, `ts.lsp.request: ${op.method} to LSP client "${c.name}" (id ${c.id}) timed out after ${op.ms!} ms`),
  );
}

function abort_op(this: void, arg: unknown): void {
  const op = arg as Op;
  if (op.st === DONE) return;
  op.st = DONE;
  untrack(op);
  if (op.timer !== undefined) timers.remove(op.timer);
  send_cancel(op.client, op.id);
}
register_wait_kind(abort_op, (arg) => `LSP ${(arg as Op).method} (client "${(arg as Op).client.name}")`);

/** Sends one request and waits for its reply: returns the handler's `err, result`. */
function send_once(t: Task, c: Client, method: string, params: unknown, bufnr: number, ms: number | undefined): LuaMultiReturn<[unknown, unknown]> {
  check_cancel(t);
  const op = { t, client: c, id: -1, method, st: SENDING, ms, fail: fail_op } as Op;
  const [ok, id] = call(c, "request", method, params, (err: unknown, result: unknown) => on_reply(op, err, result), bufnr);
  if (op.st === DONE) return $multi(op.err, op.res); // answered synchronously
  op.st = DONE;
  if (ok !== true || type(id) !== "number") {
    error(
      LspError.new({
        code: codes.ClientExited,
        message: `LSP client "${c.name}" (id ${c.id}) is stopped or stopping: the request was not sent`,
        method,
        client_id: c.id,
        client_name: c.name,
      }),
      0,
    );
  }
  op.id = id as number;
  op.st = WAITING;
  track(op);
  if (ms !== undefined) op.timer = timers.add(ms, on_timeout, op);
  return suspend(t, abort_op, op) as unknown as LuaMultiReturn<[unknown, unknown]>;
}

/** The request loop shared by `request` and `request_all` (arguments already validated). */
function run_request(this: void, t: Task, c: Client, method: string, params: unknown, bufnr: number, ms: number | undefined, retry: number): unknown {
  const deadline = ms !== undefined ? timers.now() + ms : undefined;
  let left = retry;
  for (;;) {
    const remaining = deadline !== undefined ? math.max(0, deadline - timers.now()) : undefined;
    const [err, result] = send_once(t, c, method, params, bufnr, remaining);
    if (err === undefined || err === vim.NIL) return result === vim.NIL ? undefined : result;
    const e = from_response(err, method, c.id, c.name);
    if (e.code !== codes.ContentModified || left <= 0) error(e, 0);
    left -= 1;
  }
}

// ---- validation ------------------------------------------------------------------------------------

function check_method(fname: string, method: unknown): void {
  if (type(method) !== "string" || method === "") error(`${fname}: method must be a non-empty string, got ${tostring(method)}`, 3);
}

/** Validates an options table against the allowed keys and types (raises at the API function's caller). */
export function check_opts(
  fname: string,
  opts: unknown,
  allowed: Record<string, "ms" | "count" | "bufnr" | "string" | "number" | "function" | "table" | "boolean">,
  level = 3,
): Record<string, unknown> {
  if (opts === undefined) return {};
  if (type(opts) !== "table") error(`${fname}: opts must be a table, got ${type(opts)}`, level);
  for (const [k, v] of pairs(opts as object)) {
    const kind = allowed[k as string];
    if (kind === undefined) error(`${fname}: unknown option "${tostring(k)}"`, level);
    const bad = (what: string) => error(`${fname}: opts.${k as string} must be ${what}, got ${tostring(v)}`, level + 1);
    if (kind === "ms") {
      if (type(v) !== "number" || v !== v || (v as number) < 0 || v === math.huge) bad("a non-negative finite number of milliseconds");
    } else if (kind === "count") {
      if (type(v) !== "number" || v !== math.floor(v as number) || (v as number) < 0 || v === math.huge) bad("a non-negative integer");
    } else if (kind === "bufnr") {
      if (type(v) !== "number" || v !== math.floor(v as number) || (v as number) < 0) bad("a buffer number");
    } else if (type(v) !== kind) {
      bad(`a ${kind}`);
    }
  }
  return opts as Record<string, unknown>;
}

/** `bufnr` checked and resolved (0 = the current buffer). */
export function resolve_buf(fname: string, bufnr: unknown, level: number): number {
  if (type(bufnr) !== "number" || bufnr !== math.floor(bufnr as number) || (bufnr as number) < 0) {
    error(`${fname}: bufnr must be a buffer number, got ${tostring(bufnr)}`, level + 1);
  }
  const b = bufnr === 0 ? vim.api.nvim_get_current_buf() : (bufnr as number);
  if (!vim.api.nvim_buf_is_valid(b)) error(`${fname}: bufnr ${b} is not a valid buffer`, level + 1);
  return b;
}

/** Moves the running task out of a fast event (the LSP client API runs autocmds). */
export function leave_fast(): void {
  if (runtime.in_fast_event()) schedule();
}

// ---- public API ----------------------------------------------------------------------------------------

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
export function request<M extends LspRequestMethod>(
  this: void,
  client: Client | number,
  method: M,
  params: LspRequests[M]["params"],
  opts?: RequestOptions,
): LspRequests[M]["result"];
/** Any other method (custom server extensions): untyped params and result. */
export function request<M extends string>(this: void, client: Client | number, method: OtherMethod<M>, params?: unknown, opts?: RequestOptions): unknown;
export function request(this: void, client: Client | number, method: string, params?: unknown, opts?: RequestOptions): unknown {
  const fname = "ts.lsp.request";
  check_method(fname, method);
  const o = check_opts(fname, opts, { bufnr: "bufnr", timeout: "ms", retry: "count" }) as RequestOptions;
  const c = resolve_client(fname, client, 2);
  const t = running_task(fname);
  check_cancel(t);
  leave_fast();
  return run_request(t, c, method, params, o.bufnr ?? 0, o.timeout, o.retry ?? 0);
}

function request_child(
  this: void,
  results: LuaTable<number, ClientOutcome>,
  c: Client,
  method: string,
  params: unknown,
  bufnr: number,
  ms: number | undefined,
  retry: number,
): void {
  const t = running_task("ts.lsp.request_all");
  const [ok, v] = protect(t, run_request, t, c, method, params, bufnr, ms, retry);
  results.set(c.id, ok ? { result: v } : { err: v });
}

/** Clients attached to `bufnr` that support `method` (and are named `name`), by id. */
export function clients_for(bufnr: number, method: string | undefined, name?: string): Client[] {
  const list = vim.lsp.get_clients({ bufnr, method, name }) as Client[];
  table.sort(list, (a, b) => a.id < b.id);
  return list;
}

/** The internal form of `request_all`, for the editor flows (arguments validated). */
export function request_all_in(t: Task, bufnr: number, method: string, params: ParamsFor<unknown>, o: RequestAllOptions): LuaTable<number, ClientOutcome> {
  const results = new LuaTable<number, ClientOutcome>();
  const kids: Task[] = [];
  for (const c of clients_for(bufnr, method, o.name)) {
    const p = type(params) === "function" ? (params as (this: void, c: Client, b: number) => unknown)(c, bufnr) : params;
    kids.push(spawn({ name: `lsp ${method} (${c.name})` }, request_child, results, c, method, p, bufnr, o.timeout, o.retry ?? 0));
  }
  for (const k of kids) await_task(t, k);
  return results;
}

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
export function request_all<M extends LspRequestMethod>(
  this: void,
  bufnr: number,
  method: M,
  params: ParamsFor<LspRequests[M]["params"]>,
  opts?: RequestAllOptions,
): LuaTable<number, ClientOutcome<LspRequests[M]["result"]>>;
/** Any other method: untyped. */
export function request_all<M extends string>(this: void, bufnr: number, method: OtherMethod<M>, params?: unknown, opts?: RequestAllOptions): LuaTable<number, ClientOutcome>;
export function request_all(this: void, bufnr: number, method: string, params?: unknown, opts?: RequestAllOptions): LuaTable<number, ClientOutcome> {
  const fname = "ts.lsp.request_all";
  check_method(fname, method);
  const o = check_opts(fname, opts, { timeout: "ms", retry: "count", name: "string" }) as RequestAllOptions;
  const t = running_task(fname);
  check_cancel(t);
  leave_fast();
  const b = resolve_buf(fname, bufnr, 2);
  return request_all_in(t, b, method, params, o);
}

/**
 * Sends a notification; returns true when sent (false once the client is
 * stopped). Never suspends; works outside tasks, not in fast events.
 * ```lua
 * ts.lsp.notify(client, "workspace/didChangeConfiguration",
 *   { settings = {} })
 * ```
 * @help ts.lsp.notify({client}, {method}, {params})
 */
export function notify(this: void, client: Client | number, method: string, params?: unknown): boolean {
  const fname = "ts.lsp.notify";
  check_method(fname, method);
  const c = resolve_client(fname, client, 2);
  if (runtime.in_fast_event()) error(`${fname}: cannot be called inside a fast event (wrap it in vim.schedule)`, 2);
  const [ok] = call(c, "notify", method, params);
  return ok === true;
}
