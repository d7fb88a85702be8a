/** @noSelfInFile */
import { Item, Source } from "./group";
/**
 * Waits for every item and returns their results in input order: `{ {a1, a2}, {b1}, ... }`
 * (entry i is a list of item i's results). Fail fast: the first error cancels the other
 * items, waits until they completed, and is raised (with its traceback).
 * ```lua
 * local r = ts.all({ function() return 1 end, function() ts.sleep(5); return 2, 3 end })
 * -- r = { { 1 }, { 2, 3 } }
 * ```
 */
export declare function all(this: void, list: Item[]): unknown[][];
/** An entry of `ts.all_settled`'s result. */
export type Settled = {
    ok: true;
    n: number;
    [i: number]: unknown;
} | {
    ok: false;
    [1]: unknown;
};
/**
 * Waits for every item and describes each outcome, in input order; never raises (except
 * the running task's own cancellation): entry i is `{ ok = true, n = <count>, ... }` with
 * item i's results at `1..n`, or `{ ok = false, err }` with its error at `[1]`.
 * ```lua
 * local r = ts.all_settled({ function() return "a" end, function() error("b") end })
 * -- r[1] = { ok = true, n = 1, "a" }; r[2].ok == false, r[2][1] is the error
 * ```
 */
export declare function all_settled(this: void, list: Item[]): Settled[];
/**
 * Returns the results of the first item to succeed; cancels the others and waits until
 * they completed. When every item fails, raises one aggregate error: `err.kind ==
 * "aggregate"`, `err.errors[i]` = item i's error, `tostring(err)` lists them one per line
 * (`ts.is_cancelled(err)` is false even if the items were cancelled). An empty list raises
 * that error too.
 * ```lua
 * local body = ts.any({ fetch_from_mirror1, fetch_from_mirror2 })
 * ```
 */
export declare function any(this: void, list: Item[]): LuaMultiReturn<any[]>;
/**
 * Returns the results of the first item to settle, or raises its error if it failed; the
 * others are cancelled and have completed before `race` returns. An empty list is an error.
 * ```lua
 * local line = ts.race({ read_line, function() ts.sleep(1000); return nil end })
 * ```
 */
export declare function race(this: void, list: Item[]): LuaMultiReturn<any[]>;
/**
 * Returns an iterator over the items in completion order: each call suspends until the next
 * item completes and returns it (the Task started for a function, or the Task or Future as
 * given) and its index in the list; `nil` once all were returned. Failed items are returned
 * too: `:await()` them to get their results or error. Leaving the loop early leaves the
 * remaining items running (they are children of the caller: cancel them or await them).
 * PUC Lua 5.1 cannot suspend inside a generic `for`: call the iterator in a `while` loop there.
 * ```lua
 * for t, i in ts.as_completed({ job_a, job_b, job_c }) do print(i, t:await()) end
 * ```
 */
export declare function as_completed(this: void, list: Item[]): (this: void) => LuaMultiReturn<[Source | undefined, number?]>;
/** Options of `ts.map`. */
export interface MapOptions {
    /** At most this many calls of `fn` in flight (a positive integer). Default: all at once. */
    concurrency?: number;
}
/**
 * Calls `fn(item)` for every item, at most `concurrency` calls at a time (they run in that
 * many child tasks of the caller), and returns the first result of each call in input order
 * (`nil` results leave holes).
 * After the first failure no new call starts; the calls in flight are cancelled and have
 * completed before that error is raised.
 * ```lua
 * local sizes = ts.map(paths, function(p) return ts.await(2, vim.uv.fs_stat, p) end, { concurrency = 8 })
 * ```
 */
export declare function map<T, R>(this: void, items: T[], fn: (this: void, item: T) => R, opts?: MapOptions): R[];
