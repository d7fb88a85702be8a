/** @section tsasync-api */
import { await_cb, schedule } from "./await";
import { current_task } from "./task";

type AnyFn = (this: void, ...args: any[]) => any;

function hop(fname: string): void {
  if (!vim.in_fast_event()) return;
  if (current_task() === undefined) {
    error(`${fname}: called in a fast event (a libuv callback) outside a task; wrap the caller in ts.run or use vim.schedule`, 3);
  }
  schedule();
}

function proxy(prefix: string, target: () => { [name: string]: AnyFn | undefined }): { [name: string]: AnyFn } {
  const cache = new LuaTable<string, AnyFn>();
  return setmetatable({}, {
    __index: (_self: object, name: string) => {
      const hit = cache.get(name);
      if (hit !== undefined) return hit;
      if (type(name) !== "string") return undefined;
      const fname = `${prefix}.${name}`;
      const f = (...args: unknown[]) => {
        hop(fname);
        const fn = target()[name];
        if (fn === undefined) error(`${fname}: no such function`, 2);
        return fn(...args);
      };
      cache.set(name, f);
      return f;
    },
  }) as unknown as { [name: string]: AnyFn };
}

/**
 * `vim.api` / `vim.fn` with the same arguments and results. In a fast event
 * (a libuv callback, or a task started with `fast = true`) inside a task
 * they continue on the main loop first (|ts.schedule()|), where the call is
 * allowed; elsewhere they call straight through, with no hop. In a fast
 * event outside a task they raise, since nothing could wait there. A name
 * that `vim.api` / `vim.fn` lacks raises "no such function" when called.
 * ```lua
 * local lines = ts.api.nvim_buf_get_lines(0, 0, -1, false)
 * local file = ts.fn.expand("%:p")
 * ```
 * @help ts.api
 * @help ts.fn
 */
export const api = proxy("ts.api", () => vim.api as unknown as { [name: string]: AnyFn });

/** `vim.fn` from tasks, like `ts.api`: `ts.fn.expand("%:p")`. */
export const fn = proxy("ts.fn", () => vim.fn as unknown as { [name: string]: AnyFn });

/** Options of `ts.ui.input`: those of `vim.ui.input` (`prompt`, `default`, `completion`, ...). */
export type InputOptions = { prompt?: string; default?: string; completion?: string; [k: string]: unknown };

/** Options of `ts.ui.select`: those of `vim.ui.select` (`prompt`, `format_item`, `kind`). */
export type SelectOptions = { prompt?: string; format_item?: (this: void, item: any) => string; kind?: string; [k: string]: unknown };

function ui_call(this: void, which: string, a: unknown, b: unknown, cb: AnyFn): void {
  const ui = vim.ui as unknown as { [name: string]: AnyFn };
  if (which === "input") ui.input(a, cb);
  else ui.select(a, b, cb);
}

/**
 * Awaits `vim.ui.input` (whatever is installed at call time: dressing.nvim,
 * snacks, telescope, ...): the text, or nil when the prompt was cancelled.
 * Inside a task. Cancelling the task leaves the prompt open (`vim.ui` offers
 * no way to close it); its answer is then dropped.
 * ```lua
 * local name = ts.ui.input({ prompt = "Branch: " })
 * ```
 * @help ts.ui.input({opts})
 */
export function input(this: void, opts?: InputOptions): string | undefined {
  if (opts !== undefined && type(opts) !== "table") error(`ts.ui.input: opts must be a table, got ${type(opts)}`, 2);
  hop("ts.ui.input");
  const [v] = await_cb("ts.ui.input", undefined, 4, ui_call, "input", opts ?? {}, undefined);
  return v as string | undefined;
}

/**
 * Awaits `vim.ui.select` on {items}: `item, index`, or nil when nothing was
 * chosen. Inside a task. Cancelling the task leaves the prompt open (vim.ui
 * cannot close it); its answer is dropped.
 * ```lua
 * local choice, idx = ts.ui.select({ "a", "b" }, { prompt = "Pick:" })
 * ```
 * @help ts.ui.select({items}, {opts})
 */
export function select_(this: void, items: unknown[], opts?: SelectOptions): LuaMultiReturn<[unknown, number | undefined]> {
  if (type(items) !== "table") error(`ts.ui.select: items must be a list, got ${type(items)}`, 2);
  if (opts !== undefined && type(opts) !== "table") error(`ts.ui.select: opts must be a table, got ${type(opts)}`, 2);
  hop("ts.ui.select");
  const [item, idx] = await_cb("ts.ui.select", undefined, 4, ui_call, "select", items, opts ?? {});
  return $multi(item, idx as number | undefined);
}

/** `ts.ui`: `input(opts)`, `select(items, opts)`. */
export const ui = { input, select: select_ };
