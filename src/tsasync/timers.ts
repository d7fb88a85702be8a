/**
 * Timers: one libuv timer drives a binary min-heap of deadlines (buckets of entries that share one).
 *
 * `sleep`, timeouts and deadlines add an entry instead of opening a libuv handle each, so ten
 * thousand sleeping tasks cost ten thousand small tables and one timer, and cancelling them
 * leaves no active timer behind (the driving timer is stopped whenever the heap is empty).
 * Entries with the same deadline fire in the order they were added. Deadlines use the loop
 * time (`uv.now()`), exactly as libuv timers do.
 *
 * Tests may swap the clock (`set_clock`, used by `ts.testing.clock()`): deadlines are then
 * measured on the given clock and fire only when its owner calls `run_due` (the libuv timer is
 * stopped). The real clock is a module-local function, so the real-time path pays nothing for it.
 */
import { runtime, UvTimer } from "./runtime";

/** A pending deadline; returned by `add`, taken by `remove`. */
export interface TimerEntry {
  /** Loop time (ms) at which it fires. */
  due: number;
  /** Position in its bucket, 0 once fired or removed. */
  idx: number;
  /** Called with `arg` when the deadline passes (in a fast event inside Neovim). */
  fn: (this: void, arg: unknown) => void;
  arg: unknown;
  /** @internal the bucket of all entries with this deadline */
  b: Bucket;
}

/**
 * All entries with one deadline, in the order they were added. Deadlines are loop times in
 * whole milliseconds, so entries added in one loop turn with the same delay share a bucket:
 * adding, removing and firing such an entry costs O(1), and only buckets go through the heap.
 */
interface Bucket {
  due: number;
  /** Entries in insertion order; removed ones are `false`. */
  items: Array<TimerEntry | false>;
  /** Entries not removed. */
  live: number;
  /** Position in the heap, 0 once taken out. */
  hidx: number;
}

const heap = new LuaTable<number, Bucket>();
const by_due = new LuaTable<number, Bucket>();
let nb = 0;
let size = 0;
let driver: UvTimer | undefined;
let armed_due = -1;
/** The clock deadlines are measured on: the loop time, or a test's virtual clock. */
let clock_now: (this: void) => number = runtime.now;
/** True while a virtual clock is installed: nothing arms the libuv timer then. */
let virtual = false;

function place(b: Bucket, i: number): void {
  heap.set(i, b);
  b.hidx = i;
}

function sift_up(i: number): void {
  const b = heap.get(i);
  while (i > 1) {
    const p = math.floor(i / 2);
    const pb = heap.get(p);
    if (pb.due <= b.due) break;
    place(pb, i);
    i = p;
  }
  place(b, i);
}

function sift_down(i: number): void {
  const b = heap.get(i);
  for (;;) {
    const l = i * 2;
    if (l > nb) break;
    let c = l;
    if (l + 1 <= nb && heap.get(l + 1).due < heap.get(l).due) c = l + 1;
    const cb = heap.get(c);
    if (cb.due >= b.due) break;
    place(cb, i);
    i = c;
  }
  place(b, i);
}

/** Takes bucket `b` out of the heap and the index (its entries are fired or all removed). */
function drop(b: Bucket): void {
  const i = b.hidx;
  if (i === 0) return;
  b.hidx = 0;
  by_due.delete(b.due);
  const last = heap.get(nb);
  heap.delete(nb);
  nb -= 1;
  if (i <= nb) {
    place(last, i);
    sift_down(i);
    sift_up(last.hidx);
  }
}

function fire(this: void): void {
  armed_due = -1;
  const now = clock_now();
  // Take every due bucket out first, then run them: an entry added while they run (a task
  // resumed in this callback that sleeps 0 ms: same loop time, so due at once) waits for the
  // next loop turn instead of being fired by this loop, which would then never end.
  const due: Bucket[] = [];
  while (nb > 0) {
    const b = heap.get(1);
    if (b.due > now) break;
    drop(b);
    due.push(b);
  }
  // While they run, and after, the driver is armed for at least 1 ms: libuv before 1.45 runs
  // a timer started with 0 ms inside a timer callback again in the same loop iteration, so
  // tasks resumed here that keep sleeping 0 ms (on plain luv, or `fast` tasks) would never
  // let the loop turn.
  firing = true;
  for (const b of due) run_bucket(b);
  arm();
  firing = false;
}

// Entries added while a bucket fires go to a new bucket (this one is out of the index);
// entries of it removed meanwhile are `false`.
function run_bucket(b: Bucket): void {
  const items = b.items;
  for (let i = 1; i <= items.length; i++) {
    const e = items[i - 1];
    if (e === false) continue;
    items[i - 1] = false;
    e.idx = 0;
    b.live -= 1;
    size -= 1;
    e.fn(e.arg);
  }
}

let firing = false;

function arm(): void {
  if (virtual) return;
  if (nb === 0) {
    if (armed_due !== -1 && driver !== undefined) driver.stop();
    armed_due = -1;
    return;
  }
  const due = heap.get(1).due;
  if (armed_due !== -1 && armed_due <= due) return;
  driver ??= runtime.uv.new_timer();
  armed_due = due;
  driver.start(math.max(firing ? 1 : 0, due - clock_now()), 0, fire);
}

/** Calls `fn(arg)` once `ms` milliseconds of loop time have passed. */
export function add(ms: number, fn: (this: void, arg: unknown) => void, arg: unknown): TimerEntry {
  const due = clock_now() + ms;
  let b = by_due.get(due);
  if (b === undefined) {
    nb += 1;
    b = { due, items: [], live: 0, hidx: nb };
    by_due.set(due, b);
    heap.set(nb, b);
    sift_up(nb);
  }
  const items = b.items;
  const e: TimerEntry = { due, idx: items.length + 1, fn, arg, b };
  items.push(e);
  b.live += 1;
  size += 1;
  if (b.hidx === 1 && b.live === 1) arm();
  return e;
}

/** Removes a pending entry; returns false when it already fired or was removed. */
export function remove(e: TimerEntry): boolean {
  if (e.idx === 0) return false;
  const b = e.b;
  b.items[e.idx - 1] = false;
  e.idx = 0;
  b.live -= 1;
  size -= 1;
  if (b.live === 0) drop(b);
  if (size === 0) arm();
  return true;
}

/** The clock deadlines are measured on (loop time). */
export function now(this: void): number {
  return clock_now();
}

/** Number of pending deadlines (for leak checks and the inspector). */
export function pending(): number {
  return size;
}

/** True when `h` is the libuv timer driving the heap (leak checks count the deadlines instead). */
export function is_driver(this: void, h: unknown): boolean {
  return h !== undefined && h === driver;
}

/** True when the driving libuv timer is active (for leak checks). */
export function driver_active(): boolean {
  return driver !== undefined && driver.is_active();
}

/** The earliest pending deadline (on the current clock), or nil when none is pending. */
export function next_due(this: void): number | undefined {
  return nb > 0 ? heap.get(1).due : undefined;
}

/**
 * Fires every entry whose deadline is at or before the current clock's time, earliest first
 * (the libuv timer's callback; a virtual clock calls it after moving its time).
 */
export function run_due(this: void): void {
  fire();
}

/** Moves every pending deadline by `delta` ms (bucket order is unchanged: the heap stays valid). */
function shift(delta: number): void {
  if (delta === 0) return;
  for (let i = 1; i <= nb; i++) {
    const b = heap.get(i);
    by_due.delete(b.due);
  }
  for (let i = 1; i <= nb; i++) {
    const b = heap.get(i);
    b.due += delta;
    by_due.set(b.due, b);
    for (const e of b.items) if (e !== false) e.due += delta;
  }
}

/**
 * Installs a clock for the deadlines (tests: `ts.testing.clock()`), or with no argument goes
 * back to the loop time. While a clock is installed the libuv timer is stopped and nothing
 * fires unless `run_due` is called. Pending deadlines keep their remaining time across a
 * switch: deadlines measured on one clock are moved onto the other.
 */
export function set_clock(this: void, clock?: { now: (this: void) => number }): void {
  const before = clock_now();
  if (clock !== undefined) {
    if (armed_due !== -1 && driver !== undefined) driver.stop();
    armed_due = -1;
    virtual = true;
    clock_now = clock.now;
  } else {
    virtual = false;
    clock_now = runtime.now;
  }
  shift(clock_now() - before);
  arm();
}

/** True while a clock other than the loop time is installed. */
export function is_virtual(this: void): boolean {
  return virtual;
}
