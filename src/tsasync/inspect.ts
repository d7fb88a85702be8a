/**
 * The task inspector: the live task tree as rows of text (`tree`), and a scratch buffer
 * showing it (`open`, behind `:Tsasync tasks`), refreshed with `r`, where `x` cancels the task
 * under the cursor.
 *
 * Root tasks appear once they have suspended (tasks that finish without suspending are never
 * live long enough to show); children appear under their parent. Ages and exact start sites
 * are known for tasks started in debug mode (`ts.config({ debug = true })`); otherwise the
 * start site is where the task's function was defined.
 */
/** @section tsasync-inspector */
import { Task, children_of, live_roots, task_counts } from "./task";

/** One row of the task tree. */
export interface TreeRow {
  task: Task;
  depth: number;
  /** `name  status  age  waiting on  started at`, indented by depth. */
  text: string;
}

function row_text(t: Task, depth: number): string {
  const age = t.age();
  const age_text = age === undefined ? "" : `  ${math.floor(age)} ms`;
  return `${string.rep("  ", depth)}${t.name}  [${t.status()}]${age_text}  waiting on: ${t.waiting_on()}  (${t.site()})`;
}

/**
 * The same tree as the inspector shows, as a list of rows
 * `{ task, depth, text }`, depth first, roots and children sorted by name.
 * ```lua
 * for _, row in ipairs(ts.inspect.tree()) do print(row.text) end
 * ```
 * @help ts.inspect.tree()
 */
export function tree(this: void): TreeRow[] {
  const rows: TreeRow[] = [];
  const stack: Array<[Task, number]> = [];
  const roots = live_roots();
  table.sort(roots, (a, b) => a.name > b.name);
  for (let i = roots.length - 1; i >= 0; i--) stack.push([roots[i], 0]);
  while (stack.length > 0) {
    const [t, depth] = stack.pop()!;
    rows.push({ task: t, depth, text: row_text(t, depth) });
    const kids = children_of(t);
    table.sort(kids, (a, b) => a.name > b.name);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], depth + 1]);
  }
  return rows;
}

const HEADER_LINES = 2;
const rows_by_buf = new LuaTable<number, TreeRow[]>();

function render(buf: number): void {
  const rows = tree();
  rows_by_buf.set(buf, rows);
  const counts = task_counts();
  const lines = [
    `tsasync tasks: ${counts.live} live, ${counts.started} started, ${counts.unhandled} unhandled errors reported   (r: refresh, x: cancel)`,
    "",
  ];
  for (const r of rows) lines.push(r.text);
  if (rows.length === 0) lines.push("(no suspended tasks)");
  vim.api.nvim_set_option_value("modifiable", true, { buf });
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines);
  vim.api.nvim_set_option_value("modifiable", false, { buf });
}

/**
 * The task on the cursor's line of inspector buffer {buf}, or nil (for
 * mappings of your own in the inspector, e.g. to show a task's traceback:
 * `print(ts.inspect.task_at_cursor(0):traceback())`).
 * @help ts.inspect.task_at_cursor({buf})
 */
export function task_at_cursor(this: void, buf: number): Task | undefined {
  const rows = rows_by_buf.get(buf);
  if (rows === undefined) return undefined;
  const [line] = vim.api.nvim_win_get_cursor(0);
  return rows[line - HEADER_LINES - 1]?.task;
}

/**
 * Opens the inspector buffer in the current window (what `:Tsasync tasks`
 * does); returns its number. Keys: `r` refreshes, `x` cancels the task
 * under the cursor (then refreshes).
 * @help ts.inspect.open()
 */
export function open(this: void): number {
  const buf = vim.api.nvim_create_buf(false, true);
  vim.api.nvim_buf_set_name(buf, `tsasync://tasks/${buf}`);
  vim.api.nvim_set_option_value("bufhidden", "wipe", { buf });
  vim.api.nvim_set_option_value("filetype", "tsasync-tasks", { buf });
  vim.api.nvim_set_current_buf(buf);
  render(buf);
  vim.keymap.set("n", "r", () => render(buf), { buffer: buf, desc: "tsasync: refresh the task list", nowait: true });
  vim.keymap.set(
    "n",
    "x",
    () => {
      const t = task_at_cursor(buf);
      if (t !== undefined) t.cancel("cancelled from the inspector");
      render(buf);
    },
    { buffer: buf, desc: "tsasync: cancel the task under the cursor", nowait: true },
  );
  vim.api.nvim_create_autocmd("BufWipeout", { buffer: buf, once: true, callback: () => void rows_by_buf.delete(buf) });
  return buf;
}
