/**
 * Talking to `vim.lsp.Client` objects on every supported Neovim, and noticing when they go away.
 *
 * Calling convention. Nvim 0.10 clients carry their methods as plain fields
 * (`client.request(method, ...)`); 0.11+ clients have `Client:request` methods on their class
 * (the dot form warns and is removed in 0.13). One code path, chosen by capability: when the
 * client's class (its metatable) has a `request` method, methods are called with the client as
 * first argument; otherwise as plain fields.
 *
 * Pending requests are tracked per client so that a client that exits fails them at once
 * (instead of leaving their tasks suspended forever), and so that a reply Neovim swallows (a
 * server's own `RequestCancelled`, which Neovim's RPC layer never passes to handlers) still
 * ends the request.
 */
import { runtime } from "../runtime";
import * as timers from "../timers";
import { ppcall, report } from "../task";
import { LspError, codes } from "./error";

/** A `vim.lsp.Client` as tsasync sees it. */
export type Client = vim.lsp.Client;

type Fn = (this: void, ...args: any[]) => any;

/** True when `c`'s methods are `:` methods (Nvim 0.11+), false for field functions (0.10). */
export function method_style(c: Client): boolean {
  const mt = getmetatable(c) as object | undefined;
  return mt !== undefined && type(rawget(mt as LuaTable, "request" as never)) === "function";
}

/** Calls client method `name` with up to four arguments in the form this Neovim expects. */
export function call(c: Client, name: string, a?: unknown, b?: unknown, d?: unknown, e?: unknown): LuaMultiReturn<[any, any]> {
  const f = (c as unknown as Record<string, Fn>)[name];
  if (method_style(c)) return f(c, a, b, d, e);
  return f(a, b, d, e);
}

/** The client `x` designates (a Client or a client id), validated; raises `<fname>: ...`. */
export function resolve_client(fname: string, x: unknown, level: number): Client {
  if (type(x) === "number") {
    const c = vim.lsp.get_client_by_id(x as number);
    if (c === undefined) error(`${fname}: no LSP client with id ${x as number}`, level + 1);
    return c as Client;
  }
  if (type(x) === "table" && type((x as Client).id) === "number" && type((x as Record<string, unknown>).request) === "function") {
    return x as Client;
  }
  return error(`${fname}: client must be a vim.lsp.Client or a client id, got ${type(x)}`, level + 1);
}

/** A request in flight, as the tracker sees it. */
export interface Tracked {
  client: Client;
  /** Request id given by the client. */
  id: number;
  method: string;
  /** Fails the request with `err` (an LspError); called at most once, after untracking. */
  fail: (this: void, op: Tracked, err: unknown) => void;
}

/** client id -> request id -> request */
const pending = new LuaTable<number, LuaTable<number, Tracked>>();
/** clients whose exit we watch (weak keys) */
const hooked = setmetatable(new LuaTable<Client, boolean>(), { __mode: "k" });
/** client id -> polling entry (fallback when the client has no exit callback list) */
const polls = new LuaTable<number, timers.TimerEntry>();
let watching_replies = false;

/** Starts tracking `op`: its client's exit, or a swallowed reply, fails it. */
export function track(op: Tracked): void {
  const c = op.client;
  let list = pending.get(c.id);
  if (list === undefined) {
    list = new LuaTable();
    pending.set(c.id, list);
  }
  list.set(op.id, op);
  if (!watching_replies) watch_replies();
  if (hooked.get(c) !== true) hook_exit(c);
}

/** Stops tracking `op` (answered, cancelled, timed out). */
export function untrack(op: Tracked): void {
  const list = pending.get(op.client.id);
  if (list !== undefined && list.get(op.id) === op) list.delete(op.id);
}

/** Number of tracked requests (for specs and the inspector). */
export function pending_count(): number {
  let n = 0;
  for (const [, list] of pending) for (const [] of list) n += 1;
  return n;
}

function fail_all(c: Client, code: unknown, signal: unknown): void {
  const list = pending.get(c.id);
  if (list === undefined) return;
  pending.delete(c.id);
  const ops: Tracked[] = [];
  for (const [, op] of list) ops.push(op);
  const how = code === undefined ? "stopped" : `exited (code ${tostring(code)}, signal ${tostring(signal)})`;
  for (const op of ops) {
    op.fail(
      op,
      LspError.new({
        code: codes.ClientExited,
        message: `LSP client "${c.name}" (id ${c.id}) ${how} before answering`,
        method: op.method,
        client_id: c.id,
        client_name: c.name,
      }),
    );
  }
}

function hook_exit(c: Client): void {
  hooked.set(c, true);
  // Neovim 0.10-0.12 keep the `on_exit` callbacks of a client in this list and run them when
  // its RPC ends (process exit, `stop()`, in-process server terminating); Neovim appends its
  // own callback the same way. Without it, fall back to polling `is_stopped()`.
  const cbs = rawget(c as unknown as LuaTable, "_on_exit_cbs" as never) as unknown;
  if (type(cbs) === "table") {
    (cbs as Fn[]).push((code: unknown, signal: unknown) => fail_all(c, code ?? "?", signal));
    return;
  }
  poll(c);
}

function poll(c: Client): void {
  if (polls.get(c.id) !== undefined) return;
  polls.set(
    c.id,
    timers.add(
      200,
      () => {
        polls.delete(c.id);
        const list = pending.get(c.id);
        if (list === undefined || next(list)[0] === undefined) return;
        const [ok, stopped] = ppcall(call, c, "is_stopped");
        if (ok && stopped === true) fail_all(c, undefined, undefined);
        else poll(c);
      },
      undefined,
    ),
  );
}

/**
 * Neovim's RPC layer drops a `RequestCancelled` response without calling the request's handler,
 * so a server that cancels a request on its own would leave the task waiting forever. Every
 * response fires `LspRequest` with type "complete" before the handler runs (both are scheduled,
 * in that order); a check scheduled from there runs after the handler, and finds the request
 * still pending only when its handler was never called.
 */
function watch_replies(): void {
  watching_replies = true;
  const group = vim.api.nvim_create_augroup("tsasync.lsp.replies", { clear: true });
  vim.api.nvim_create_autocmd("LspRequest", {
    group,
    desc: "tsasync: end requests whose reply Neovim swallowed",
    callback: (args) => {
      const data = args.data as { client_id?: number; request_id?: number; request?: { type?: string } } | undefined;
      if (data === undefined || data.request === undefined || data.request.type !== "complete") return;
      const list = pending.get(data.client_id!);
      const op = list?.get(data.request_id!);
      if (op === undefined) return;
      runtime.schedule(() => {
        const l = pending.get(op.client.id);
        if (l === undefined || l.get(op.id) !== op) return;
        l.delete(op.id);
        op.fail(
          op,
          LspError.new({
            code: codes.RequestCancelled,
            message: "the server cancelled the request",
            method: op.method,
            client_id: op.client.id,
            client_name: op.client.name,
          }),
        );
      });
    },
  });
}

/** Sends `$/cancelRequest` for request `id` (scheduled when inside a fast event: it runs autocmds). */
export function send_cancel(c: Client, id: number): void {
  if (runtime.in_fast_event()) {
    runtime.schedule(() => send_cancel(c, id));
    return;
  }
  const [ok, err] = ppcall(call, c, "cancel_request", id);
  if (!ok) report(`tsasync: sending $/cancelRequest for request ${id} to LSP client "${c.name}" failed: ${tostring(err)}`);
}
