/**
 * `ts.select`: wait for the first of several operations (receive, send, future or task,
 * timeout) and perform exactly that one.
 *
 * How it works: first every case is polled once, starting at a random case (so when several
 * are ready the choice is uniform and an always-ready case never starves another); the
 * first ready one is performed and returned. If none is ready, the `default` case is
 * returned when there is one; otherwise every case is registered (a waiter record in the
 * channel's queue, a completion callback, a deadline) and the task suspends. Whoever makes a
 * case proceed performs it directly on the select's behalf (hands it the message, takes its
 * value), then every other case is unregistered before the task is woken: exactly one case
 * takes effect. The task's own cases are never in a queue while it polls, so its send and
 * receive cases on one channel never pair with each other.
 *
 * Cancellation safety: `ts.select` is cancellation safe — a select cancelled while
 * waiting unregisters every case and consumes or sends nothing; a select whose case won
 * before the cancellation reached it returns that case (its next suspension raises).
 */
/**
 * @section tsasync-channels
 * Select ~
 * |ts.select()| waits for the first of several channel operations, futures,
 * tasks and timeouts.
 */
import { BroadcastReceiverProto, Sub, sub_take } from "./broadcast";
import { Chan, ReceiverProto, SenderProto, chan_offer, chan_take, CLOSED_WHILE_SENDING } from "./channel";
import { Future, is_future } from "./future";
import * as timers from "./timers";
import { Task, check_cancel, current_task, first, is_task, running_task, suspend, wl_add_callback } from "./task";
import { SelectCase, SelectState, sel_abort, sel_fire, wq_push } from "./waiters";

/** One case of `ts.select`. */
export interface SelectCaseSpec {
  /** Receive from a channel/oneshot receiver or a broadcast subscriber. */
  recv?: unknown;
  /** Send `value` on a channel sender. */
  send?: unknown;
  /** The value of a send case (not nil). */
  value?: unknown;
  /** Wait for a Future or a Task. */
  future?: unknown;
  /** Fires after this many milliseconds. */
  timeout?: number;
  /** Chosen at once when no other case is ready. */
  default?: boolean;
}

const RECV = 1;
const BRECV = 2;
const SEND = 3;
const FUTURE = 4;
const TASK = 5;
const TIMEOUT = 6;
const DEFAULT = 7;

function case_kind(fname: string, c: unknown, i: number): number {
  if (type(c) !== "table") error(`${fname}: cases[${i}] must be a table, got ${type(c)}`, 3);
  const spec = c as SelectCaseSpec;
  let kind = 0;
  let keys = 0;
  for (const [k] of pairs(spec as object)) {
    if (k === "recv" || k === "send" || k === "future" || k === "timeout" || k === "default") keys += 1;
    else if (k !== "value") error(`${fname}: cases[${i}] has an unknown key "${tostring(k)}"`, 3);
  }
  if (keys !== 1) {
    error(`${fname}: cases[${i}] must have exactly one of recv, send, future, timeout, default`, 3);
  }
  if (spec.recv !== undefined) {
    const mt = getmetatable(spec.recv);
    if (mt === ReceiverProto) kind = RECV;
    else if (mt === BroadcastReceiverProto) kind = BRECV;
    else error(`${fname}: cases[${i}].recv must be a channel, oneshot or broadcast receiver, got ${type(spec.recv)}`, 3);
  } else if (spec.send !== undefined) {
    if (getmetatable(spec.send) !== SenderProto) error(`${fname}: cases[${i}].send must be a channel sender (ts.channel), got ${type(spec.send)}`, 3);
    if (spec.value === undefined) error(`${fname}: cases[${i}].value must not be nil (nil is not a message)`, 3);
    kind = SEND;
  } else if (spec.future !== undefined) {
    if (is_future(spec.future)) kind = FUTURE;
    else if (is_task(spec.future)) kind = TASK;
    else error(`${fname}: cases[${i}].future must be a Future or a Task, got ${type(spec.future)}`, 3);
  } else if (spec.timeout !== undefined) {
    const ms = spec.timeout;
    if (type(ms) !== "number" || ms !== ms || ms < 0 || ms === math.huge) {
      error(`${fname}: cases[${i}].timeout must be a non-negative finite number, got ${tostring(ms)}`, 3);
    }
    kind = TIMEOUT;
  } else {
    if (spec.default !== true) error(`${fname}: cases[${i}].default must be true, got ${tostring(spec.default)}`, 3);
    kind = DEFAULT;
  }
  if (spec.value !== undefined && kind !== SEND) error(`${fname}: cases[${i}].value is only for send cases`, 3);
  return kind;
}

/** The result of a completed future or task case: `i, ...values`, or raises its error. */
function settled(i: number, ok?: unknown, ...rest: unknown[]): LuaMultiReturn<unknown[]> {
  if (!ok) return error(first(...rest), 0);
  return $multi(i, ...rest);
}

/** Polls case `i` once; returns true (and its results in `out`) when it took effect. */
function poll(fname: string, kinds: number[], cases: SelectCaseSpec[], i: number, self: Task | undefined, out: { a?: unknown; b?: unknown }): boolean {
  const kind = kinds[i - 1];
  const spec = cases[i - 1];
  if (kind === RECV) {
    const c = (spec.recv as { c: Chan }).c;
    const v = chan_take(c);
    if (v === undefined && !c.closed) return false;
    out.a = v;
    return true;
  }
  if (kind === BRECV) {
    const s = (spec.recv as { s: Sub }).s;
    if (s.bn === 0 && !s.closed) return false;
    const [v, m] = sub_take(s);
    out.a = v;
    out.b = m;
    return true;
  }
  if (kind === SEND) {
    const c = (spec.send as { c: Chan }).c;
    if (c.closed) error(`${fname}: cases[${i}]: send on a closed channel`, 3);
    return chan_offer(c, spec.value);
  }
  if (kind === FUTURE) return (spec.future as Future).is_done();
  if (kind === TASK) {
    const t = spec.future as Task;
    if (t === self) error(`${fname}: cases[${i}]: a task cannot wait for itself`, 3);
    return t.is_done();
  }
  return false;
}

function result_of(kind: number, spec: SelectCaseSpec, i: number, a: unknown, b: unknown): LuaMultiReturn<unknown[]> {
  if (kind === RECV) return $multi(i, a);
  if (kind === BRECV) return $multi(i, a, b);
  if (kind === FUTURE) return settled(i, ...(spec.future as Future).result());
  if (kind === TASK) return settled(i, ...(spec.future as Task).result());
  return $multi(i);
}

function fire_timeout(this: void, arg: unknown): void {
  const rec = arg as SelectCase;
  rec.e = undefined;
  sel_fire(rec.sel, rec.i, undefined, undefined, undefined);
}

function register(sel: SelectState, kind: number, spec: SelectCaseSpec, i: number): void {
  const rec: SelectCase = { sel, i };
  if (kind === RECV) {
    const q = (spec.recv as { c: Chan }).c.rq;
    rec.q = q;
    wq_push(q, rec, undefined);
  } else if (kind === BRECV) {
    const q = (spec.recv as { s: Sub }).s.rq;
    rec.q = q;
    wq_push(q, rec, undefined);
  } else if (kind === SEND) {
    const q = (spec.send as { c: Chan }).c.sq;
    rec.q = q;
    wq_push(q, rec, spec.value);
  } else if (kind === TIMEOUT) {
    rec.e = timers.add(spec.timeout!, fire_timeout, rec);
  } else if (kind === FUTURE) {
    rec.un = (spec.future as Future).on_complete(() => sel_fire(sel, i, undefined, undefined, undefined));
  } else if (kind === TASK) {
    // Not Task:on_complete: losing this race must not count as observing the task's error.
    const t = spec.future as Task;
    rec.un = wl_add_callback((t.obs ??= []), () => sel_fire(sel, i, undefined, undefined, undefined));
  }
  sel.recs.push(rec);
}

/**
 * Waits until one case can proceed, performs exactly that one, and returns
 * its index and values. Cases:
 *   { recv = rx }            channel, oneshot or broadcast receiver:
 *                            `i, v` (nil when closed; broadcast:
 *                            `i, v, missed`)
 *   { send = tx, value = v } channel sender: `i` once sent (raises if the
 *                            channel is or becomes closed)
 *   { future = f }           a Future or a Task: `i, ...values`; its
 *                            error is raised, as by |ts.await()|
 *   { timeout = ms }         `i` after `ms` milliseconds
 *   { default = true }       `i` at once when no other case is ready (at
 *                            most one; with it, `ts.select` never suspends
 *                            and works outside tasks)
 * The other cases are unregistered without receiving or sending anything,
 * also when the task is cancelled. A select's own send and receive cases
 * on one channel never pair with each other. When several cases are ready
 * the choice is uniformly random, so an always-ready case never starves
 * another. Raises outside a task (unless it has a `default` case), on
 * cancellation, and when a case is not a table with exactly one of these
 * keys.
 * ```lua
 * while true do
 *   local i, job = ts.select({
 *     { recv = jobs }, { recv = quit }, { timeout = 5000 },
 *   })
 *   if i == 1 and job then run(job)
 *   elseif i == 2 then break
 *   else print("idle") end
 * end
 * ```
 * @help ts.select({cases})
 */
export function select_(this: void, cases: SelectCaseSpec[]): LuaMultiReturn<any[]> {
  const fname = "ts.select";
  if (type(cases) !== "table") error(`${fname}: cases must be a list of cases, got ${type(cases)}`, 2);
  const n = cases.length;
  if (n === 0) error(`${fname}: cases must not be empty`, 2);
  const kinds: number[] = [];
  let dflt = 0;
  for (let i = 1; i <= n; i++) {
    const kind = case_kind(fname, cases[i - 1], i);
    if (kind === DEFAULT) {
      if (dflt !== 0) error(`${fname}: at most one default case (cases[${dflt}] and cases[${i}])`, 2);
      dflt = i;
    }
    kinds.push(kind);
  }
  let t: Task | undefined;
  if (current_task() !== undefined || dflt === 0) {
    t = running_task(fname);
    check_cancel(t);
  }
  const out: { a?: unknown; b?: unknown } = {};
  // Uniform over the cases that can be polled: drawing the default's slot too would hand its
  // turns to the case after it (with 2 ready cases and a default, one won 2/3 of the time).
  let start = math.random(dflt === 0 ? n : n - 1) - 1;
  if (dflt !== 0 && start >= dflt - 1) start += 1;
  for (let k = 0; k < n; k++) {
    const i = ((start + k) % n) + 1;
    if (poll(fname, kinds, cases, i, t, out)) return result_of(kinds[i - 1], cases[i - 1], i, out.a, out.b);
  }
  if (dflt !== 0) return $multi(dflt);
  const cur = t!;
  const sel: SelectState = { t: cur, won: 0, recs: [] };
  for (let i = 1; i <= n; i++) register(sel, kinds[i - 1], cases[i - 1], i);
  suspend(cur, sel_abort, sel);
  const won = sel.won;
  if (sel.err !== undefined) {
    const e = sel.err;
    error(e === CLOSED_WHILE_SENDING ? `${fname}: cases[${won}]: the channel was closed while the send waited (the value was not sent)` : e, 0);
  }
  return result_of(kinds[won - 1], cases[won - 1], won, sel.a, sel.b);
}
