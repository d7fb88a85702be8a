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
     * Starts `fn(...)` as a task of the scope and returns it (`scope:spawn({ name = "x" }, fn,
     * ...)` names it). It is a child of the task calling `spawn` (the scope's function or one
     * of the scope's tasks); the scope waits for it, and its failure fails the scope. While the
     * scope is failing or cancelled, the new task starts cancelled. After `ts.scope` returned,
     * `spawn` raises an error.
     */
    spawn(this: Scope, a: unknown, ...args: unknown[]): Task;
}
/**
 * Runs `fn(scope)` as a child task named "scope" and waits until it and every task spawned
 * with `scope:spawn` have completed; returns `fn`'s results. The first failure (of `fn` or
 * of a spawned task) cancels everything else in the scope and is raised once all of it has
 * completed. Cancelling the calling task cancels the whole scope; its cancellation is raised
 * after everything completed.
 * ```lua
 * ts.scope(function(scope)
 *   for _, path in ipairs(paths) do scope:spawn(index_file, path) end
 * end) -- every file indexed, or the first error raised and the rest cancelled
 * ```
 */
export declare function scope<R>(this: void, fn: (this: void, scope: Scope) => R): LuaMultiReturn<any[]>;
