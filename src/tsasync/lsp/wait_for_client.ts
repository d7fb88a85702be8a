/**
 * `ts.lsp.wait_for_client`: suspend until an LSP client is attached to a buffer.
 */
/** @section tsasync-lsp */
import { new_timeout } from "../errors";
import { runtime } from "../runtime";
import { pack } from "../scheduler";
import * as timers from "../timers";
import { Task, check_cancel, register_wait_kind, resume_error, resume_with, running_task, suspend } from "../task";
import { Client } from "./client";
import { check_opts, clients_for, leave_fast, resolve_buf } from "./request";

/** Options of `ts.lsp.wait_for_client`. */
export interface WaitForClientOptions {
  /** Only a client with this name counts. */
  name?: string;
  /** Milliseconds; raises a timeout error when no client attached in time. Default: no limit. */
  timeout?: number;
}

interface Waiter {
  t: Task;
  done: boolean;
  aus: number[];
  timer?: timers.TimerEntry;
}

function del_autocmds(this: void, aus: number[]): void {
  for (const id of aus) pcall(vim.api.nvim_del_autocmd, id);
}

/** Ends the wait: removes the deadline and the autocmds (later, when inside a fast event). */
function finish(w: Waiter): void {
  w.done = true;
  if (w.timer !== undefined) timers.remove(w.timer);
  w.timer = undefined;
  if (runtime.in_fast_event()) runtime.schedule(() => del_autocmds(w.aus));
  else del_autocmds(w.aus);
}

function abort_wait(this: void, arg: unknown): void {
  const w = arg as Waiter;
  if (!w.done) finish(w);
}
register_wait_kind(abort_wait, () => "an LSP client to attach");

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
export function wait_for_client(this: void, bufnr: number, opts?: WaitForClientOptions): Client {
  const fname = "ts.lsp.wait_for_client";
  const o = check_opts(fname, opts, { name: "string", timeout: "ms" }) as WaitForClientOptions;
  const t = running_task(fname);
  check_cancel(t);
  leave_fast();
  const buf = resolve_buf(fname, bufnr, 2);
  const now = clients_for(buf, undefined, o.name);
  if (now.length > 0) return now[0];

  const w: Waiter = { t, done: false, aus: [] };
  const group = vim.api.nvim_create_augroup("tsasync.lsp.wait_for_client", { clear: false });
  w.aus[0] = vim.api.nvim_create_autocmd("LspAttach", {
    group,
    buffer: buf,
    desc: "tsasync: ts.lsp.wait_for_client",
    callback: (args) => {
      if (w.done) return true;
      const id = (args.data as { client_id?: number } | undefined)?.client_id;
      const c = id !== undefined ? vim.lsp.get_client_by_id(id) : undefined;
      if (c === undefined || (o.name !== undefined && c.name !== o.name)) return false;
      finish(w);
      resume_with(t, pack(c));
      return false;
    },
  });
  w.aus[1] = vim.api.nvim_create_autocmd("BufWipeout", {
    group,
    buffer: buf,
    desc: "tsasync: ts.lsp.wait_for_client",
    callback: () => {
      if (w.done) return true;
      finish(w);
      resume_error(t, `${fname}: buffer ${buf} was wiped out before an LSP client attached`);
      return false;
    },
  });
  if (o.timeout !== undefined) {
    const ms = o.timeout;
    w.timer = timers.add(
      ms,
      () => {
        if (w.done) return;
        w.timer = undefined;
        finish(w);
        const which = o.name !== undefined ? `"${o.name}" ` : "";
        resume_error(t, new_timeout(ms, `${fname}: no LSP client ${which}attached to buffer ${buf} within ${ms} ms`));
      },
      undefined,
    );
  }
  const [c] = suspend(t, abort_wait, w);
  return c as Client;
}
