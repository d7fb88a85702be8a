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
import { Task } from "./task";
/** One row of the task tree. */
export interface TreeRow {
    task: Task;
    depth: number;
    /** `name  status  age  waiting on  started at`, indented by depth. */
    text: string;
}
/** The live task tree, depth first, roots sorted by name. */
export declare function tree(this: void): TreeRow[];
/** The task on the cursor's row of an inspector buffer, if any. */
export declare function task_at_cursor(this: void, buf: number): Task | undefined;
/**
 * Opens the inspector in a scratch buffer in the current window. Keys: `r` refreshes, `x`
 * cancels the task under the cursor (then refreshes). Returns the buffer number.
 */
export declare function open(this: void): number;
