/**
 * The scheduler: owns every resumption of every task.
 *
 * - A ready queue drained by one loop (a trampoline): a task woken while another task runs,
 *   or while the queue is being drained, is appended and resumed by the loop, so callbacks
 *   that fire synchronously never nest `coroutine.resume` and no completion chain, however
 *   long, grows the C stack.
 * - Fast-event batching: a task woken inside a libuv callback (a "fast event" in Neovim)
 *   goes to a batch that a single `vim.schedule` moves to the ready queue on the main loop,
 *   so every task woken in one loop turn shares one hop. Tasks marked `fast` skip it.
 * - A task woken from the main loop while nothing runs is resumed at once: no extra hop.
 *
 * Entries are stored in parallel arrays (task, packed values) so waking allocates nothing
 * beyond the packed values themselves.
 */
import { UvTimer, runtime } from "./runtime";

const in_fast_event = runtime.in_fast_event;

/** Values of a wake-up, packed: `{ n = select("#", ...), ... }`. */
export type Packed = LuaTable<number, unknown> & { n: number };

/** The packed form of "no values"; shared, never written. */
export const EMPTY = { n: 0 } as Packed;

/** Packs varargs keeping `nil` holes. */
export function pack(this: void, ...args: unknown[]): Packed {
  const n = select("#", ...args);
  if (n === 1) return pack1(first_of(...args));
  const t = [...args] as unknown as Packed;
  t.n = n;
  return t;
}

function first_of(this: void, a?: unknown): unknown {
  return a;
}

/** Anything the scheduler can resume (a Task). */
export interface Resumable {
  /** When true the task is resumed inside fast events instead of hopping to the main loop. */
  fast?: boolean;
}

/** Counters for benchmarks and `:checkhealth`. */
export const stats = {
  /** `runtime.schedule` calls made to leave fast events (one per loop turn, not per task). */
  hops: 0,
};

let step_fn: (this: void, t: Resumable, ...args: unknown[]) => void = () => {};
let step0_fn: (this: void, t: Resumable) => void = () => {};
let step1_fn: (this: void, t: Resumable, a: unknown) => void = () => {};

/**
 * Installs the functions that resume a task (set once by the task module): with any values,
 * and the fixed-arity forms for no value and one value, which LuaJIT can compile (passing `...`
 * on is not compiled, so the common cases avoid it).
 */
export function set_step(
  fn: (this: void, t: Resumable, ...args: unknown[]) => void,
  fn0: (this: void, t: Resumable) => void,
  fn1: (this: void, t: Resumable, a: unknown) => void,
): void {
  step_fn = fn;
  step0_fn = fn0;
  step1_fn = fn1;
}

const qt = new LuaTable<number, Resumable>();
const qv = new LuaTable<number, Packed>();
let qhead = 1;
let qtail = 0;

/** True while the trampoline runs (a task step or the drain loop is on the stack). */
let draining = false;

/** Appends a task to the ready queue (no checks). */
export function enqueue(t: Resumable, v: Packed): void {
  qtail += 1;
  qt.set(qtail, t);
  qv.set(qtail, v);
}

/** Removes the newest ready-queue entry if it is `t` (undoes an `enqueue` whose yield failed). */
export function drop_last(t: Resumable): void {
  if (qtail >= qhead && qt.get(qtail) === t) {
    qt.delete(qtail);
    qv.delete(qtail);
    qtail -= 1;
  }
}

/** Number of tasks waiting in the ready queue. */
export function ready_count(): number {
  return qtail - qhead + 1;
}

/** True while the trampoline runs inside a fast event (only `fast` tasks may be stepped). */
let fast_drain = false;

/**
 * Task steps one drain on the main loop may take (ns) before the rest of the ready queue waits
 * for the next loop turn, so that timers, input and redraws get their turn under load (a burst
 * of thousands of I/O completions would otherwise be resumed in one go).
 */
const SLICE_NS = 10e6;
const pt = new LuaTable<number, Resumable>();
const pv = new LuaTable<number, Packed>();
let pn = 0;
let slice_timer: UvTimer | undefined;

/** Runs in the timer phase of the next loop iteration: hands the parked tasks to the batch. */
function resume_parked(this: void): void {
  const n = pn;
  pn = 0;
  for (let i = 1; i <= n; i++) {
    const t = pt.get(i);
    const v = pv.get(i);
    pt.delete(i);
    pv.delete(i);
    defer(t, v);
  }
}

/** Parks the rest of the ready queue until the next loop iteration (see SLICE_NS). */
function park_rest(): void {
  while (qhead <= qtail) {
    const i = qhead;
    pn += 1;
    pt.set(pn, qt.get(i));
    pv.set(pn, qv.get(i));
    qt.delete(i);
    qv.delete(i);
    qhead = i + 1;
  }
  // A libuv timer, not vim.schedule: Neovim runs callbacks scheduled while it processes its
  // event queue in the same pass, which would not let the loop turn.
  slice_timer ??= runtime.uv.new_timer();
  if (!slice_timer.is_active()) slice_timer.start(0, 0, resume_parked);
}

function drain(this: void): void {
  const t0 = fast_drain ? 0 : runtime.uv.hrtime();
  let steps = 0;
  while (qhead <= qtail) {
    const i = qhead;
    const t = qt.get(i);
    const v = qv.get(i);
    qt.delete(i);
    qv.delete(i);
    qhead = i + 1;
    // Inside a fast event only tasks that asked for it run; the others go to the main loop.
    if (fast_drain && t.fast !== true) defer(t, v);
    else if (v.n === 0) step0_fn(t);
    else if (v.n === 1) step1_fn(t, v.get(1));
    else step_fn(t, ...unpack(v as unknown as unknown[], 1, v.n));
    steps += 1;
    if (steps % 16 === 0 && !fast_drain && qhead <= qtail && runtime.uv.hrtime() - t0 > SLICE_NS) park_rest();
  }
  qhead = 1;
  qtail = 0;
}

/**
 * Starts a batch of wake-ups from plain code: they are queued and run by `end_batch` in order,
 * instead of each running (and draining) before the next is even woken. Returns false when the
 * trampoline already runs (then there is nothing to end).
 */
export function begin_batch(): boolean {
  if (draining) return false;
  draining = true;
  fast_drain = in_fast_event();
  return true;
}

/** Runs the batch started by `begin_batch` (when it returned true). */
export function end_batch(): void {
  if (qhead <= qtail) drain();
  fast_drain = false;
  draining = false;
}

// ---- fast-event batch -------------------------------------------------------------------

const dt = new LuaTable<number, Resumable | false>();
const dv = new LuaTable<number, Packed>();
let dn = 0;
let hop_pending = false;

function run_batch(this: void): void {
  hop_pending = false;
  const n = dn;
  dn = 0;
  for (let i = 1; i <= n; i++) {
    const t = dt.get(i);
    const v = dv.get(i);
    dt.delete(i);
    dv.delete(i);
    if (t !== false) enqueue(t, v);
  }
  if (!draining) {
    draining = true;
    drain();
    draining = false;
  }
}

/**
 * Adds `t` to the batch resumed by the next main-loop hop. Returns the entry's index, which
 * `cancel_deferred` takes.
 */
export function defer(t: Resumable, v: Packed): number {
  dn += 1;
  dt.set(dn, t);
  dv.set(dn, v);
  if (!hop_pending) {
    hop_pending = true;
    stats.hops += 1;
    runtime.schedule(run_batch);
  }
  return dn;
}

/** Removes a deferred entry made by `defer` (used when its task is cancelled). */
export function cancel_deferred(t: Resumable, index: number): void {
  if (index <= dn && dt.get(index) === t) dt.set(index, false);
}

// ---- wake-ups ---------------------------------------------------------------------------

/**
 * Resumes `t` with `...` according to the scheduling rules: queued while the trampoline
 * runs, batched to the main loop from a fast event (unless `t.fast`), otherwise at once.
 */
export function wake(t: Resumable, ...args: unknown[]): void {
  if (draining) {
    enqueue(t, pack(...args));
    return;
  }
  // Resumes `t` here and drains the queue (the same shape in wake0/wake1/wake_packed/wake_fast):
  // this is the path of every callback await woken by libuv, which runs interpreted (a vararg
  // function called from C), so a helper's call layer would count. A drain inside a fast event
  // only steps `fast` tasks; the others are batched to the main loop.
  const fast = in_fast_event();
  if (fast && t.fast !== true) {
    defer(t, pack(...args));
    return;
  }
  draining = true;
  fast_drain = fast;
  step_fn(t, ...args);
  if (qhead <= qtail) drain();
  draining = false;
  fast_drain = false;
}

/** `wake` with no values, without varargs (compiled by LuaJIT). */
export function wake0(t: Resumable): void {
  if (draining) {
    enqueue(t, EMPTY);
    return;
  }
  const fast = in_fast_event();
  if (fast && t.fast !== true) {
    defer(t, EMPTY);
    return;
  }
  draining = true;
  fast_drain = fast;
  step0_fn(t);
  if (qhead <= qtail) drain();
  draining = false;
  fast_drain = false;
}

/** `wake` with one value, without varargs. */
export function wake1(t: Resumable, a: unknown): void {
  if (draining) {
    enqueue(t, pack1(a));
    return;
  }
  const fast = in_fast_event();
  if (fast && t.fast !== true) {
    defer(t, pack1(a));
    return;
  }
  draining = true;
  fast_drain = fast;
  step1_fn(t, a);
  if (qhead <= qtail) drain();
  draining = false;
  fast_drain = false;
}

/** Packs one value. */
export function pack1(a: unknown): Packed {
  return { n: 1, 1: a } as unknown as Packed;
}

/** Like `wake` but with already packed values (shared by several waiters). */
export function wake_packed(t: Resumable, v: Packed): void {
  if (draining) {
    enqueue(t, v);
    return;
  }
  const fast = in_fast_event();
  if (fast && t.fast !== true) {
    defer(t, v);
    return;
  }
  draining = true;
  fast_drain = fast;
  step_fn(t, ...unpack(v as unknown as unknown[], 1, v.n));
  if (qhead <= qtail) drain();
  draining = false;
  fast_drain = false;
}

/** Like `wake` but resumes `t` even inside a fast event (for `{ fast = true }` operations). */
export function wake_fast(t: Resumable, ...args: unknown[]): void {
  if (draining) {
    enqueue(t, pack(...args));
    return;
  }
  draining = true;
  fast_drain = in_fast_event();
  step_fn(t, ...args);
  if (qhead <= qtail) drain();
  draining = false;
  fast_drain = false;
}
