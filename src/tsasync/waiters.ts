/**
 * Internal: the FIFO wait queues and value buffers that channels, `ts.select` and the
 * synchronisation primitives are built on.
 *
 * A wait queue holds waiters in arrival order: tasks blocked in a plain operation, or cases
 * of a pending `ts.select`. Each waiter remembers its position, so a cancelled waiter is
 * removed in O(1) (its slot becomes `false`, skipped when popping). A waiter is always
 * popped before it is woken: whatever it is handed (a value, a permit, a wake-up) is then
 * its own, also when it is cancelled before it runs again (the core delivers a wake-up that
 * was queued before the cancellation, and the next suspension raises).
 *
 * Values handed to a waiting task travel in fields of the task (`cv`, `cm`) rather than in a
 * packed wake-up, so passing a message to a blocked receiver allocates nothing.
 *
 * A deque (ring buffer that doubles when full) holds buffered values: push and pop are
 * O(1) and never shift the table.
 */
/**
 * @section tsasync-channels
 * Operations that never suspend (`try_send`, `try_recv`, `close`, the `send` of
 * oneshots, broadcasts and watches, `set`, `clear`, `notify_*`, `release`,
 * `unlock`, `try_*`) work anywhere: plain code, autocmds, libuv callbacks (a
 * task they wake continues on the main loop). Operations that suspend raise
 * outside a task, naming the non-suspending alternative. Methods are called
 * with a colon; a dot call raises. Waiters are served first come, first served.
 *
 * Cancellation safety                             *tsasync-cancellation-safety*
 * Every waiting operation is cancellation safe: cancelling a waiting task
 * removes it from the queue it waits in, and it takes nothing (no message, no
 * permit, no notification). Whatever is handed to a waiter is handed over when
 * it is woken, so it is the waiter's own: a task woken with a message (a
 * permit, a notification) and cancelled before it ran again still returns it
 * from the call, and raises at its next suspension. One line per primitive:
 *   Receiver:recv()        safe: a cancelled receiver loses no message; the
 *                          next receiver gets it.
 *   Sender:send()          safe: a sender cancelled while blocked does not
 *                          deliver its value.
 *   ts.select()            safe: a cancelled select unregisters every case;
 *                          nothing is received or sent.
 *   BroadcastReceiver:recv(), WatchReceiver:changed()/recv(), Event:wait(),
 *   Barrier:wait()         safe: the waiter is removed; nothing is consumed (a
 *                          cancelled barrier waiter does not count).
 *   Semaphore:acquire(), Mutex:lock()
 *                          safe: a cancelled waiter never gets a permit; one
 *                          granted just before the cancellation holds it and
 *                          must release it; `with` always does.
 *   Condvar:wait()         safe: a cancelled waiter consumes no notification;
 *                          with a mutex, it locks it again before raising.
 */
import { EMPTY, Packed } from "./scheduler";
import { Task, register_wait_kind, resume_error, resume_with, suspend } from "./task";
import * as timers from "./timers";

/** Anything that waits in a `WaitQueue`: a task or a select case. */
export interface Waiter {
  /** Position in the queue it waits in. */
  widx?: number;
}

/** Fields a waiting task receives its values in. */
export interface TaskSlots {
  /** The value handed over (message, `nil` when closed). */
  cv?: unknown;
  /** The second value handed over (broadcast: number of missed messages). */
  cm?: unknown;
}

/** A FIFO queue of waiters with O(1) removal. */
export interface WaitQueue {
  /** Waiters by position; removed ones are `false`. */
  w: LuaTable<number, Waiter | false>;
  /** Value offered by the waiter at that position (blocked senders). */
  v: LuaTable<number, unknown>;
  /** Position of the oldest entry. */
  h: number;
  /** Position of the newest entry. */
  t: number;
  /** Number of live waiters. */
  n: number;
  /** What waiting in this queue is, for the inspector (`"a semaphore"`, ...). */
  what?: string;
}

/** Makes an empty wait queue. */
export function wq_new(): WaitQueue {
  return { w: new LuaTable(), v: new LuaTable(), h: 1, t: 0, n: 0 };
}

/** Appends waiter `w` (offering `v`, if any) to `q`. */
export function wq_push(q: WaitQueue, w: Waiter, v: unknown): void {
  const i = q.t + 1;
  q.t = i;
  q.w.set(i, w);
  if (v !== undefined) q.v.set(i, v);
  w.widx = i;
  q.n += 1;
}

/** Removes the oldest live waiter and returns it with the value it offers; nil when empty. */
export function wq_pop(q: WaitQueue): LuaMultiReturn<[Waiter | undefined, unknown]> {
  const ws = q.w;
  let i = q.h;
  const last = q.t;
  while (i <= last) {
    const w = ws.get(i);
    ws.delete(i);
    if (w !== false) {
      const v = q.v.get(i);
      q.v.delete(i);
      q.n -= 1;
      w.widx = undefined;
      if (i === last) {
        q.h = 1;
        q.t = 0;
      } else {
        q.h = i + 1;
      }
      return $multi(w, v);
    }
    i += 1;
  }
  q.h = 1;
  q.t = 0;
  return $multi(undefined, undefined);
}

/** Removes waiter `w` from `q` (cancelled); false when it is not there (already popped). */
export function wq_remove(q: WaitQueue, w: Waiter): boolean {
  const i = w.widx;
  if (i === undefined || q.w.get(i) !== w) return false;
  q.w.set(i, false);
  q.v.delete(i);
  w.widx = undefined;
  q.n -= 1;
  if (q.n === 0) {
    for (let k = q.h; k <= q.t; k++) q.w.delete(k);
    q.h = 1;
    q.t = 0;
  }
  return true;
}

/** `abort` for `suspend`: removes the cancelled task from the queue passed as `arg`. */
export function abort_wq(this: void, arg: unknown, t: Task): void {
  wq_remove(arg as WaitQueue, t);
}
register_wait_kind(abort_wq, (q) => (q as WaitQueue).what ?? "a wait queue");

/** Suspends task `t` in queue `q` until it is popped and woken. */
export function wait_in(t: Task, q: WaitQueue, what: string): void {
  wq_push(q, t, undefined);
  if (q.what !== what) q.what = what;
  suspend(t, abort_wq, q);
}

/** Pops every waiter of `q` and wakes it with no values. Returns how many. */
export function wake_all(q: WaitQueue): number {
  let n = 0;
  while (q.n > 0) {
    const [w] = wq_pop(q);
    wake_waiter(w!);
    n += 1;
  }
  return n;
}

// ---- deques -----------------------------------------------------------------------------

/** A ring buffer of values: `bn` values starting at slot `bh + 1` of `b` (size `sz`). */
export interface Deque {
  b: LuaTable<number, unknown>;
  /** Offset of the oldest value (0-based). */
  bh: number;
  /** Number of values. */
  bn: number;
  /** Size of the ring (grows by doubling). */
  sz: number;
}

function dq_grow(d: Deque): void {
  const sz = d.sz;
  if (sz === 0) {
    d.sz = 8;
    return;
  }
  // Values sit in slots bh+1..sz, then (wrapped) 1..bh. Doubling the size leaves the first
  // part where it is; the wrapped part moves to the slots right after it.
  const b = d.b;
  for (let k = 1; k <= d.bh; k++) {
    b.set(sz + k, b.get(k));
    b.delete(k);
  }
  d.sz = sz * 2;
}

/** Appends `v`. */
export function dq_push(d: Deque, v: unknown): void {
  if (d.bn === d.sz) dq_grow(d);
  // Branch-free wrap (a branch taken in part of the pushes exits the compiled trace).
  d.b.set(((d.bh + d.bn) % d.sz) + 1, v);
  d.bn += 1;
}

/** Removes and returns the oldest value (the deque must not be empty). */
export function dq_pop(d: Deque): unknown {
  const i = d.bh + 1;
  const v = d.b.get(i);
  d.b.delete(i);
  d.bh = i % d.sz;
  d.bn -= 1;
  return v;
}

/** Drops every value. */
export function dq_clear(d: Deque): void {
  d.b = new LuaTable();
  d.bh = 0;
  d.bn = 0;
  d.sz = 0;
}

// ---- select cases -----------------------------------------------------------------------

/** State of one pending `ts.select` call. */
export interface SelectState {
  /** The selecting task. */
  t: Task;
  /** Index of the case that won; 0 while pending, -1 once aborted. */
  won: number;
  /** Values of the winning case. */
  a?: unknown;
  b?: unknown;
  /** Values of a winning future case (`ok, ...`). */
  p?: Packed;
  /** Error to raise (send on a channel closed meanwhile). */
  err?: unknown;
  /** Registered cases, to unregister when one wins. */
  recs: SelectCase[];
}

/** One registered case of a pending select. */
export interface SelectCase extends Waiter {
  sel: SelectState;
  /** Index of the case in the `cases` list. */
  i: number;
  /** Queue the case waits in (recv / send cases). */
  q?: WaitQueue;
  /** Deadline (timeout case). */
  e?: timers.TimerEntry;
  /** Unsubscribes the completion callback (future case). */
  un?: (this: void) => void;
}

function unregister(sel: SelectState): void {
  for (const rec of sel.recs) {
    if (rec.q !== undefined) wq_remove(rec.q, rec);
    else if (rec.e !== undefined) timers.remove(rec.e);
    else if (rec.un !== undefined) rec.un();
  }
}

/** Case `i` of `sel` wins with values `a, b` (or error `err`): unregister the rest, wake the task. */
export function sel_fire(sel: SelectState, i: number, a: unknown, b: unknown, err: unknown): void {
  if (sel.won !== 0) return;
  sel.won = i;
  sel.a = a;
  sel.b = b;
  sel.err = err;
  unregister(sel);
  resume_with(sel.t, EMPTY);
}

/** `abort` of a pending select (its task was cancelled): unregister every case. */
export function sel_abort(this: void, arg: unknown): void {
  const sel = arg as SelectState;
  if (sel.won !== 0) return;
  sel.won = -1;
  unregister(sel);
}
register_wait_kind(sel_abort, () => "ts.select");

// ---- handing things to waiters -----------------------------------------------------------

/** Hands values `a, b` to a popped waiter (a receiver) and wakes it. */
export function deliver(w: Waiter, a: unknown, b: unknown): void {
  const rec = w as SelectCase;
  if (rec.sel !== undefined) {
    sel_fire(rec.sel, rec.i, a, b, undefined);
  } else {
    const t = w as Task & TaskSlots;
    t.cv = a;
    t.cm = b;
    resume_with(t, EMPTY);
  }
}

/** Wakes a popped waiter with no values (a sender whose value was taken, a permit, an event). */
export function wake_waiter(w: Waiter): void {
  deliver(w, undefined, undefined);
}

/** Wakes a popped waiter so that it raises `err`. */
export function fail_waiter(w: Waiter, err: unknown): void {
  const rec = w as SelectCase;
  if (rec.sel !== undefined) sel_fire(rec.sel, rec.i, undefined, undefined, err);
  else resume_error(w as Task, err);
}

/** Takes the value handed to task `t` by `deliver` (clearing the slot). */
export function take_slot(t: Task): unknown {
  const s = t as Task & TaskSlots;
  const v = s.cv;
  s.cv = undefined;
  return v;
}

/** Takes both values handed to task `t` by `deliver`. */
export function take_slot2(t: Task): LuaMultiReturn<[unknown, unknown]> {
  const s = t as Task & TaskSlots;
  const v = s.cv;
  const m = s.cm;
  s.cv = undefined;
  s.cm = undefined;
  return $multi(v, m);
}

/** Raises `"<fname>: call it as obj:<method>(...)"` when a method was called with a dot. */
export function bad_self(fname: string): never {
  const [, method] = string.match(fname, "^.-:(.*)$");
  return error(`${fname}: not called on a ${string.match(fname, "^[^:]*")[0]}; call it with a colon: obj:${method ?? "method"}(...)`, 3);
}

/** Raises `"<fname>: must be called inside a task ..."` naming the non-suspending alternative. */
export function outside_task(fname: string, alternative: string): never {
  return error(`${fname}: must be called inside a task (start one with ts.run); from plain code use ${alternative}`, 3);
}
