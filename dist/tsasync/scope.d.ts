/** @noSelfInFile */
/**
 * `ts.scope`: a block that owns the tasks spawned into it (a Trio nursery).
 *
 * `ts.scope(fn)` runs `fn(scope)` as a child task and does not return before that task and
 * every task spawned with `scope:spawn` have completed. The first failure among them cancels
 * all the others, and once they have completed it is raised. Cancelling the task that runs
 * `ts.scope` cancels everything in the scope; the cancellation is raised after all of it
 * completed.
 */
/**
 * @section tsasync-deadlines
 */
import { Group } from "./group";
import { Task } from "./task";
/**
 * The handle `ts.scope` passes to its function. `scope:spawn(fn, ...)` starts a task in it.
 */
export declare class Scope {
    /** @internal */
    g: Group;
    /** @internal 0 open, 1 failing or cancelled (new tasks start cancelled), 2 closed */
    st: number;
    /**
     * Starts `fn(...)` as a task of the scope (the handle that |ts.scope()|
     * passes to its function) and returns the |tsasync-Task|. `opts`:
     * `name`, `fast` as for |ts.run()| (other keys raise). The task is a
     * child of the task calling `spawn` (the scope's function, or a task of
     * the scope); the scope waits for it and fails with it. While the scope is
     * failing or cancelled the new task starts cancelled. After |ts.scope()|
     * returned, `spawn` raises "scope:spawn: the scope is closed ...".
     * @help Scope:spawn({fn}, {...})
     * @help Scope:spawn({opts}, {fn}, {...})
     */
    spawn(this: Scope, a: unknown, ...args: unknown[]): Task;
}
/**
 * Runs `fn(scope)` as a child task named "scope" and waits until it and
 * every task spawned with |Scope:spawn()| have completed; returns `fn`'s
 * results. The first failure (of `fn` or of any task of the scope)
 * cancels everything else in the scope, and is raised once all of it has
 * completed. A task of the scope that is cancelled on its own
 * (`task:cancel()`) is not a failure. Cancelling the task that runs
 * `ts.scope` cancels the whole scope; the cancellation is raised after
 * everything in it completed.
 * ```lua
 * ts.scope(function(scope)
 *   for _, path in ipairs(paths) do scope:spawn(index_file, path) end
 *   scope:spawn(watch_changes)
 * end) -- all done, or the first error raised and the rest cancelled
 * ```
 * @help ts.scope({fn})
 */
export declare function scope<R>(this: void, fn: (this: void, scope: Scope) => R): LuaMultiReturn<any[]>;
