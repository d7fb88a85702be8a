/**
 * Futures: one-shot completion cells. A future is resolved with values or rejected with an
 * error, once; tasks awaiting it resume with those values (or raise that error), in the
 * order they started waiting. Resolving and rejecting never suspend, so plain callbacks,
 * autocmds and libuv callbacks can complete futures that tasks await.
 */
/**
 * @section tsasync-futures
 */
import { EMPTY, Packed, begin_batch, end_batch, pack } from "./scheduler";
import {
  Task,
  WaitList,
  Watch,
  check_cancel,
  is_task,
  protect,
  register_wait_kind,
  report,
  resume_error,
  resume_with,
  running_task,
  suspend,
  wl_add_callback,
  wl_add_task,
  wl_remove_task,
} from "./task";


const PENDING = 0;
/** `Future.s` once resolved. */
export const RESOLVED = 1;
/** `Future.s` once rejected. */
export const REJECTED = 2;

/** Raises `<fname>: not called on a Future` unless `self` is one (a method called with a dot). */
function check_future(self: unknown, fname: string): void {
  if (!is_future(self)) error(`${fname}: not called on a Future (got ${type(self)}); call it with a colon: f:${string.match(fname, ":(.*)$")[0]}(...)`, 3);
}

/**
 * A one-shot completion cell.
 * ```lua
 * local f = ts.Future.new()
 * ts.run(function() print(f:await()) end)
 * f:resolve("hello")  -- the task prints "hello"
 * ```
 * @typeParam R the resolved values, as a tuple.
 */
export class Future<R extends unknown[] = unknown[]> {
  /** @internal 0 pending, 1 resolved, 2 rejected */
  declare s: number;
  /** @internal resolved values */
  declare v?: Packed;
  /** @internal rejection error */
  declare e?: unknown;
  /** @internal waiting tasks and callbacks */
  declare w?: WaitList;

  /**
   * Creates a pending future: a one-shot completion cell. Resolving and
   * rejecting never suspend, so plain callbacks can complete it.
   * ```lua
   * local f = ts.Future.new()
   * ts.run(function() print(f:await()) end)
   * vim.schedule(function() f:resolve("hello") end)
   * ```
   * @help ts.Future.new()
   */
  static new<R extends unknown[] = unknown[]>(this: void): Future<R> {
    return setmetatable({ s: PENDING }, FutureProto as LuaMetatable<object>) as unknown as Future<R>;
  }

  /**
   * Completes the future with the values; wakes its waiters in the order
   * they started waiting. Raises if already completed.
   * @help Future:resolve({...})
   */
  resolve(this: Future<R>, ...values: R): void {
    check_future(this, "Future:resolve");
    if (this.s !== PENDING) error("Future:resolve: the future is already completed", 2);
    this.s = RESOLVED;
    this.v = select("#", ...values) === 0 ? EMPTY : pack(...values);
    settle(this);
  }

  /**
   * Completes the future with error `err` (not nil), which its awaiters
   * raise. Raises if already completed.
   * @help Future:reject({err})
   */
  reject(this: Future<R>, err: unknown): void {
    check_future(this, "Future:reject");
    if (this.s !== PENDING) error("Future:reject: the future is already completed", 2);
    if (err === undefined) error("Future:reject: err must not be nil", 2);
    this.s = REJECTED;
    this.e = err;
    settle(this);
  }

  /**
   * Inside a task: waits until the future completes, then returns its
   * values or raises its error. Cancelling the waiting task removes it from
   * the future and changes nothing else.
   * @help Future:await()
   */
  await(this: Future<R>): LuaMultiReturn<R> {
    check_future(this, "Future:await");
    return await_future(running_task("Future:await"), this) as unknown as LuaMultiReturn<R>;
  }

  /**
   * Protected |Future:await()|: `true, ...values` or `false, err`. The
   * running task's own cancellation is raised, never returned.
   * @help Future:pawait()
   */
  pawait(this: Future<R>): LuaMultiReturn<[boolean, ...unknown[]]> {
    check_future(this, "Future:pawait");
    const cur = running_task("Future:pawait");
    return protect(cur, await_future, cur, this);
  }

  /**
   * True once resolved or rejected.
   * @help Future:is_done()
   */
  is_done(this: Future<R>): boolean {
    check_future(this, "Future:is_done");
    return this.s !== PENDING;
  }

  /**
   * Calls `fn(true, ...values)` or `fn(false, err)` on completion, at once
   * if complete. An error raised by `fn` is reported (|tsasync-errors|).
   * Returns a function that unsubscribes `fn`.
   * @help Future:on_complete({fn})
   */
  on_complete(this: Future<R>, fn: (this: void, ok: boolean, ...values: unknown[]) => void): () => void {
    check_future(this, "Future:on_complete");
    if (type(fn) !== "function") error(`Future:on_complete: fn must be a function, got ${type(fn)}`, 2);
    if (this.s !== PENDING) {
      call(fn, this);
      return () => {};
    }
    return wl_add_callback((this.w ??= []), fn);
  }

  /**
   * After completion: `true, ...values` or `false, err`. Raises while
   * pending.
   * @help Future:result()
   */
  result(this: Future<R>): LuaMultiReturn<[boolean, ...unknown[]]> {
    check_future(this, "Future:result");
    if (this.s === PENDING) error("Future:result: the future has not completed", 2);
    if (this.s === REJECTED) return $multi(false, this.e);
    const v = this.v!;
    return $multi(true, ...unpack(v as unknown as unknown[], 1, v.n));
  }
}

const FutureProto = (Future as unknown as { prototype: object }).prototype;
(FutureProto as Record<string, unknown>).__tostring = (f: Future) =>
  `Future (${f.s === PENDING ? "pending" : f.s === RESOLVED ? "resolved" : "rejected"})`;

/** True when `x` is a Future. */
export function is_future(x: unknown): x is Future {
  return getmetatable(x) === FutureProto;
}

function call(fn: (this: void, ok: boolean, ...values: unknown[]) => void, f: Future): void {
  let res: LuaMultiReturn<[boolean, unknown]>;
  if (f.s === RESOLVED) {
    const v = f.v!;
    res = pcall(fn, true, ...unpack(v as unknown as unknown[], 1, v.n));
  } else {
    res = pcall(fn, false, f.e);
  }
  const [ok, err] = res;
  if (!ok) report(`tsasync: error in Future:on_complete callback: ${tostring(err)}`);
}

function settle(f: Future): void {
  const w = f.w;
  if (w === undefined) return;
  f.w = undefined;
  // Every waiter is woken before any of them runs (in the order they started waiting).
  const batch = begin_batch();
  for (const o of w) {
    if (o === false) continue;
    if (type(o) === "function") call(o as (this: void, ok: boolean, ...values: unknown[]) => void, f);
    else if (!is_task(o)) (o as Watch).fn(o as Watch, f);
    else if (f.s === RESOLVED) resume_with(o, f.v!);
    else resume_error(o, f.e);
  }
  if (batch) end_batch();
}

function abort_wait(arg: unknown, t: Task): void {
  const w = (arg as Future).w;
  if (w !== undefined) wl_remove_task(w, t);
}
register_wait_kind(abort_wait, () => "a future");

/** `t` waits for `f`. */
export function await_future(t: Task, f: Future): LuaMultiReturn<unknown[]> {
  check_cancel(t);
  if (f.s === RESOLVED) {
    const v = f.v!;
    return unpack(v as unknown as unknown[], 1, v.n) as LuaMultiReturn<unknown[]>;
  }
  if (f.s === REJECTED) return error(f.e, 0);
  wl_add_task((f.w ??= []), t);
  return suspend(t, abort_wait, f);
}

