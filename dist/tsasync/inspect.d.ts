/** @noSelfInFile */
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
import { Task } from "./task";
/** One row of the task tree. */
export interface TreeRow {
    task: Task;
    depth: number;
    /** `name  status  age  waiting on  started at`, indented by depth. */
    text: string;
}
/**
 * The same tree as the inspector shows, as a list of rows
 * `{ task, depth, text }`, depth first, roots and children sorted by name.
 * ```lua
 * for _, row in ipairs(ts.inspect.tree()) do print(row.text) end
 * ```
 * @help ts.inspect.tree()
 */
export declare function tree(this: void): TreeRow[];
/**
 * The task on the cursor's line of inspector buffer {buf}, or nil (for
 * mappings of your own in the inspector, e.g. to show a task's traceback:
 * `print(ts.inspect.task_at_cursor(0):traceback())`).
 * @help ts.inspect.task_at_cursor({buf})
 */
export declare function task_at_cursor(this: void, buf: number): Task | undefined;
/**
 * Opens the inspector buffer in the current window (what `:Tsasync tasks`
 * does); returns its number. Keys: `r` refreshes, `x` cancels the task
 * under the cursor (then refreshes).
 * @help ts.inspect.open()
 */
export declare function open(this: void): number;
