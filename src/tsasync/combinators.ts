/**
 * Combinators over lists of Tasks, Futures and functions: `ts.all`, `ts.all_settled`,
 * `ts.any`, `ts.race`, `ts.as_completed` and `ts.map`.
 *
 * A function in a list is started as a child task of the caller. Results keep the input
 * order. Whatever a combinator cancels (the losers of `race` and `any`, the rest of `all`
 * after a failure) has completed, its cleanup run, before the combinator returns or raises.
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
 * Waits for every item and returns their results in input order: `{ {a1, a2}, {b1}, ... }`
 * (entry i is a list of item i's results). Fail fast: the first error cancels the other
 * items, waits until they completed, and is raised (with its traceback).
 * ```lua
 * local r = ts.all({ function() return 1 end, function() ts.sleep(5); return 2, 3 end })
 * -- r = { { 1 }, { 2, 3 } }
 * ```
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
 * Waits for every item and describes each outcome, in input order; never raises (except
 * the running task's own cancellation): entry i is `{ ok = true, n = <count>, ... }` with
 * item i's results at `1..n`, or `{ ok = false, err }` with its error at `[1]`.
 * ```lua
 * local r = ts.all_settled({ function() return "a" end, function() error("b") end })
 * -- r[1] = { ok = true, n = 1, "a" }; r[2].ok == false, r[2][1] is the error
 * ```
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
 * Returns the results of the first item to succeed; cancels the others and waits until
 * they completed. When every item fails, raises one aggregate error: `err.kind ==
 * "aggregate"`, `err.errors[i]` = item i's error, `tostring(err)` lists them one per line
 * (`ts.is_cancelled(err)` is false even if the items were cancelled). An empty list raises
 * that error too.
 * ```lua
 * local body = ts.any({ fetch_from_mirror1, fetch_from_mirror2 })
 * ```
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
 * Returns the results of the first item to settle, or raises its error if it failed; the
 * others are cancelled and have completed before `race` returns. An empty list is an error.
 * ```lua
 * local line = ts.race({ read_line, function() ts.sleep(1000); return nil end })
 * ```
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
 * Calls `fn(item)` for every item, at most `concurrency` calls at a time (they run in that
 * many child tasks of the caller), and returns the first result of each call in input order
 * (`nil` results leave holes).
 * After the first failure no new call starts; the calls in flight are cancelled and have
 * completed before that error is raised.
 * ```lua
 * local sizes = ts.map(paths, function(p) return ts.await(2, vim.uv.fs_stat, p) end, { concurrency = 8 })
 * ```
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
