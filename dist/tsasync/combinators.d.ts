/** @noSelfInFile */
import { Item, Source } from "./group";
/**
 * Waits for every item; returns `{ {...}, {...}, ... }`: entry i is a list
 * of item i's results (`{}` for none). Fail fast: the first error cancels
 * the other items, waits until they completed, and is raised, with its
 * traceback and task context. An empty list gives `{}`.
 * ```lua
 * local r = ts.all({
 *   function() return read_config() end,
 *   function() return ts.await(2, vim.uv.fs_stat, "init.lua") end,
 * })
 * local config, err, stat = r[1][1], r[2][1], r[2][2]
 * ```
 * @help ts.all({list})
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
 * Waits for every item and never raises (except the caller's own
 * cancellation). Entry i describes item i:
 *   `{ ok = true, n = <count>, ... }`   its results at 1..n, their count
 *                                      in `n` (nil results keep their place)
 *   `{ ok = false, err }`              its error, both at index 1
 *                                      (`entry[1]`) and as field `entry.err`
 * (The contract writes `{ ok = true, n, ... } | { ok = false, err }`: `n` is
 * a field, the values are positional, the error is in both places.)
 * ```lua
 * for i, e in ipairs(ts.all_settled(jobs)) do
 *   if e.ok then print(i, unpack(e, 1, e.n))
 *   else print(i, "failed", e[1]) end
 * end
 * ```
 * @help ts.all_settled({list})
 */
export declare function all_settled(this: void, list: Item[]): Settled[];
/**
 * Returns the results of the first item to succeed; the others are
 * cancelled. When every item fails (an empty list included) it raises one
 * aggregate error:                                    *tsasync-aggregate*
 *   err.kind      "aggregate"
 *   err.message   "ts.any: all <n> items failed"
 *   err.errors    the failures in input order (`err.errors[i]` is item
 *                 i's error, with its traceback)
 *   tostring(err) the message, then one line "  [i] <message>" per item
 * |ts.is_cancelled()| is false for it, even when the items were cancelled.
 * The fields stay readable when the error is wrapped by a task.
 * ```lua
 * local body = ts.any({ fetch_mirror_a, fetch_mirror_b })
 * ```
 * @help ts.any({list})
 */
export declare function any(this: void, list: Item[]): LuaMultiReturn<any[]>;
/**
 * Returns the results of the first item to settle, or raises its error if
 * it failed; the others are cancelled. An empty list is an error.
 * ```lua
 * local line = ts.race({ read_line, function() ts.sleep(500) end })
 * ```
 * @help ts.race({list})
 */
export declare function race(this: void, list: Item[]): LuaMultiReturn<any[]>;
/**
 * Returns an iterator: each call suspends until the next item completes
 * and returns it (the Task started for a function, or the Task or Future
 * as given) and its index; nil once every item was returned. Failed items
 * are returned too: their `:await()` raises the error. Leaving the loop
 * early leaves the remaining items running (they are children of the
 * caller: cancel or await them). Only one task at a time may wait on the
 * iterator. PUC Lua 5.1 cannot suspend inside a generic `for` ("attempt
 * to yield across C-call boundary"); there call the iterator in a `while`
 * loop.
 * ```lua
 * for t, i in ts.as_completed({ job_a, job_b }) do
 *   print(i, t:await())
 * end
 * -- PUC Lua 5.1:
 * local next_done = ts.as_completed({ job_a, job_b })
 * while true do
 *   local t, i = next_done()
 *   if not t then break end
 *   print(i, t:await())
 * end
 * ```
 * @help ts.as_completed({list})
 */
export declare function as_completed(this: void, list: Item[]): (this: void) => LuaMultiReturn<[Source | undefined, number?]>;
/** Options of `ts.map`. */
export interface MapOptions {
    /** At most this many calls of `fn` in flight (a positive integer). Default: all at once. */
    concurrency?: number;
}
/**
 * Calls `fn(item)` for every item of the list `items` and returns the
 * first result of each call, in input order (nil results leave holes).
 * `opts.concurrency` (positive integer, default: all at once) bounds the
 * calls in flight; they run in that many child tasks of the caller. After
 * the first failure no new call starts, the calls in flight are cancelled
 * and have completed, and the error is raised.
 * ```lua
 * local stats = ts.map(paths, function(p)
 *   local err, st = ts.await(2, vim.uv.fs_stat, p)
 *   return st
 * end, { concurrency = 8 })
 * ```
 * @help ts.map({items}, {fn}, {opts})
 */
export declare function map<T, R>(this: void, items: T[], fn: (this: void, item: T) => R, opts?: MapOptions): R[];
