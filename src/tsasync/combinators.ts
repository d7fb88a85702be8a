/**
 * Combinators over lists of Tasks, Futures and functions: `ts.all`, `ts.all_settled`,
 * `ts.any`, `ts.race`, `ts.as_completed` and `ts.map` (the machinery is in group.ts).
 */

/**
 * @section tsasync-combinators
 * Every combinator is called inside a task and takes a list (keys 1..n) whose
 * items are Tasks, Futures, or functions; a function is started as a child
 * task of the caller, named after the combinator and index ("ts.all[2]").
 * Results keep the input order. A combinator that decides before every item
 * completed cancels the rest (the losers of |ts.race()| and |ts.any()|, the
 * rest of |ts.all()| after a failure), and those tasks have completed, their
 * cleanup run, before it returns or raises: nothing it started or cancelled is
 * left running, and its waits leave no watcher on a Future. Tasks given in the
 * list are cancelled too ("the list belongs to the combinator"), except by
 * |ts.all_settled()| and |ts.as_completed()|, which never cancel. Cancelling
 * the caller cancels the items it started; the combinator waits for them to
 * complete, then raises the cancellation. A list holding the running task or
 * one of its parents is refused (that wait could never end).
 */
import { new_aggregate } from "./errors";
import {
  CANCELLED,
  CANCEL_ALL,
  CANCEL_NONE,
  CANCEL_OWN,
  Group,
  Item,
  Source,
  check_list,
  check_table,
  group_add,
  group_finish,
  group_new,
  group_next,
  group_of,
  src_err,
  src_ok,
  src_vals,
  release_others,
} from "./group";
import { Task, check_cancel, running_task, spawn } from "./task";

/** `{...}` of its arguments (no `n`). */
function list_of(this: void, ...values: unknown[]): LuaTable<number, unknown> {
  return [...values] as unknown as LuaTable<number, unknown>;
}

function values_of(s: Source): LuaMultiReturn<unknown[]> {
  const v = src_vals(s);
  return unpack(v as unknown as unknown[], 1, v.n) as LuaMultiReturn<unknown[]>;
}

/** Validates the list and starts its items in a group waited on by `cur`. */
function begin(fname: string, cur: Task, list: unknown): LuaMultiReturn<[Group, number]> {
  const n = check_list(fname, list, cur, 4);
  check_cancel(cur);
  return $multi(group_of(fname, cur, list, n), n);
}

/** `take_until` result: every item was taken. */
const ALL_TAKEN = -2;

/** Handles completed item `i`; true stops taking. */
type Take = (this: void, g: Group, i: number, acc: LuaTable<number, unknown>) => boolean;

/**
 * Takes up to `n` completed items in completion order, handing each to `take` until it
 * returns true. Returns that item's index, `ALL_TAKEN`, or `CANCELLED`.
 */
function take_until(g: Group, n: number, take: Take, acc: LuaTable<number, unknown>): number {
  for (let left = n; left > 0; left--) {
    const i = group_next(g);
    if (i === CANCELLED || take(g, i, acc)) return i;
  }
  return ALL_TAKEN;
}

/** Why `group_finish` cancels: the caller was cancelled, or `why`. */
function reason(fname: string, stop: number, why: string): string {
  return stop === CANCELLED ? `${fname}: the waiting task was cancelled` : `${fname}: ${why}`;
}

function take_values(this: void, g: Group, i: number, acc: LuaTable<number, unknown>): boolean {
  const s = g.src.get(i);
  if (!src_ok(s)) return true;
  acc.set(i, list_of(...values_of(s)));
  return false;
}

function take_settled(this: void, g: Group, i: number, acc: LuaTable<number, unknown>): boolean {
  const s = g.src.get(i);
  let e: LuaTable<AnyNotNil, unknown>;
  if (src_ok(s)) {
    e = list_of(...values_of(s)) as unknown as LuaTable<AnyNotNil, unknown>;
    e.set("ok", true);
    e.set("n", src_vals(s).n);
  } else {
    e = new LuaTable();
    e.set("ok", false);
    // `{ ok = false, err }`: the error both at [1] and as field `err`, for either reading.
    const err = src_err(s);
    e.set(1, err);
    e.set("err", err);
  }
  acc.set(i, e);
  return false;
}

function take_errors(this: void, g: Group, i: number, acc: LuaTable<number, unknown>): boolean {
  const s = g.src.get(i);
  if (src_ok(s)) return true;
  acc.set(i, src_err(s));
  return false;
}

function take_failure(this: void, g: Group, i: number): boolean {
  return !src_ok(g.src.get(i));
}

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
export function all(this: void, list: Item[]): unknown[][] {
  const cur = running_task("ts.all");
  const [g, n] = begin("ts.all", cur, list);
  const res = new LuaTable<number, unknown>();
  const stop = take_until(g, n, take_values, res);
  group_finish(g, CANCEL_ALL, reason("ts.all", stop, "another item failed"));
  if (stop > 0) {
    release_others(g, stop);
    error(src_err(g.src.get(stop)), 0);
  }
  return res as unknown as unknown[][];
}

/** An entry of `ts.all_settled`'s result. */
export type Settled = { ok: true; n: number; [i: number]: unknown } | { ok: false; [1]: unknown };

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
export function all_settled(this: void, list: Item[]): Settled[] {
  const cur = running_task("ts.all_settled");
  const [g, n] = begin("ts.all_settled", cur, list);
  const res = new LuaTable<number, unknown>();
  const stop = take_until(g, n, take_settled, res);
  group_finish(g, stop === CANCELLED ? CANCEL_OWN : CANCEL_NONE, reason("ts.all_settled", stop, ""));
  return res as unknown as Settled[];
}

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
export function any(this: void, list: Item[]): LuaMultiReturn<any[]> {
  const cur = running_task("ts.any");
  const [g, n] = begin("ts.any", cur, list);
  const errs = new LuaTable<number, unknown>();
  const stop = take_until(g, n, take_errors, errs);
  group_finish(g, CANCEL_ALL, reason("ts.any", stop, "another item succeeded"));
  if (stop > 0) return values_of(g.src.get(stop));
  return error(new_aggregate(`ts.any: all ${n} items failed`, errs as unknown as unknown[]), 0);
}

/**
 * Returns the results of the first item to settle, or raises its error if
 * it failed; the others are cancelled. An empty list is an error.
 * ```lua
 * local line = ts.race({ read_line, function() ts.sleep(500) end })
 * ```
 * @help ts.race({list})
 */
export function race(this: void, list: Item[]): LuaMultiReturn<any[]> {
  const cur = running_task("ts.race");
  const [g, n] = begin("ts.race", cur, list);
  if (n === 0) error("ts.race: list is empty (nothing could ever settle)", 2);
  const i = group_next(g);
  group_finish(g, CANCEL_ALL, reason("ts.race", i, "another item settled first"));
  release_others(g, i);
  const s = g.src.get(i);
  if (src_ok(s)) return values_of(s);
  return error(src_err(s), 0);
}

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
export function as_completed(this: void, list: Item[]): (this: void) => LuaMultiReturn<[Source | undefined, number?]> {
  const cur = running_task("ts.as_completed");
  const [g, n] = begin("ts.as_completed", cur, list);
  let left = n;
  return () => {
    if (left === 0) return $multi(undefined);
    const t = running_task("ts.as_completed iterator");
    if (g.waiting) error("ts.as_completed iterator: another task is already waiting on this iterator", 2);
    check_cancel(t);
    g.cur = t;
    const i = group_next(g);
    if (i === CANCELLED) {
      left = 0;
      group_finish(g, CANCEL_OWN, reason("ts.as_completed", i, "")); // raises
    }
    left -= 1;
    return $multi(g.src.get(i), i);
  };
}

/** Options of `ts.map`. */
export interface MapOptions {
  /** At most this many calls of `fn` in flight (a positive integer). Default: all at once. */
  concurrency?: number;
}

interface MapState {
  items: LuaTable<number, unknown>;
  fn: (this: void, item: unknown) => unknown;
  res: LuaTable<number, unknown>;
  next: number;
  total: number;
  g: Group;
}

const WORKER = { name: "ts.map worker" };

function map_worker(this: void, m: MapState): void {
  const g = m.g;
  while (g.bad === undefined) {
    const i = m.next;
    if (i > m.total) return;
    m.next = i + 1;
    m.res.set(i, m.fn(m.items.get(i)));
  }
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
export function map<T, R>(this: void, items: T[], fn: (this: void, item: T) => R, opts?: MapOptions): R[] {
  const cur = running_task("ts.map");
  const n = check_table("ts.map", "items", items, "values", 3);
  if (type(fn) !== "function") error(`ts.map: fn must be a function, got ${type(fn)}`, 2);
  let limit = n;
  if (opts !== undefined) {
    if (type(opts) !== "table") error(`ts.map: opts must be a table, got ${type(opts)}`, 2);
    for (const [k, v] of pairs(opts as Record<string, unknown>)) {
      if (k !== "concurrency") error(`ts.map: unknown option "${tostring(k)}"`, 2);
      if (type(v) !== "number" || v !== math.floor(v as number) || (v as number) < 1) {
        error(`ts.map: opts.concurrency must be a positive integer, got ${tostring(v)}`, 2);
      }
      limit = math.min(v as number, n);
    }
  }
  check_cancel(cur);
  const res = new LuaTable<number, unknown>();
  if (n === 0) return res as unknown as R[];
  const g = group_new("ts.map", cur);
  const m: MapState = { items: items as unknown as LuaTable<number, unknown>, fn: fn as MapState["fn"], res, next: 1, total: n, g };
  for (let k = 1; k <= limit; k++) group_add(g, spawn(WORKER, map_worker, m), true);
  const stop = take_until(g, limit, take_failure, res);
  group_finish(g, CANCEL_ALL, reason("ts.map", stop, "another call failed"));
  if (stop > 0) {
    release_others(g, stop);
    error(src_err(g.src.get(stop)), 0);
  }
  return res as unknown as R[];
}
