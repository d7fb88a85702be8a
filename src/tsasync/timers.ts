/**
 * Timers: one libuv timer drives a binary min-heap of deadlines.
 *
 * `sleep`, timeouts and deadlines add an entry instead of opening a libuv handle each, so ten
 * thousand sleeping tasks cost ten thousand small tables and one timer, and cancelling them
 * leaves no active timer behind (the driving timer is stopped whenever the heap is empty).
 * Entries with the same deadline fire in the order they were added. Deadlines use the loop
 * time (`uv.now()`), exactly as libuv timers do.
 */
import { runtime, UvTimer } from "./runtime";

/** A pending deadline; returned by `add`, taken by `remove`. */
export interface TimerEntry {
  /** Loop time (ms) at which it fires. */
  due: number;
  /** Insertion order, to break ties between equal deadlines. */
  seq: number;
  /** Position in the heap, 0 once fired or removed. */
  idx: number;
  /** Called with `arg` when the deadline passes (in a fast event inside Neovim). */
  fn: (this: void, arg: unknown) => void;
  arg: unknown;
}

const heap = new LuaTable<number, TimerEntry>();
let size = 0;
let seq = 0;
let driver: UvTimer | undefined;
let armed_due = -1;

function less(a: TimerEntry, b: TimerEntry): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

function place(e: TimerEntry, i: number): void {
  heap.set(i, e);
  e.idx = i;
}

function sift_up(i: number): void {
  const e = heap.get(i);
  while (i > 1) {
    const p = math.floor(i / 2);
    const pe = heap.get(p);
    if (!less(e, pe)) break;
    place(pe, i);
    i = p;
  }
  place(e, i);
}

function sift_down(i: number): void {
  const e = heap.get(i);
  for (;;) {
    const l = i * 2;
    if (l > size) break;
    let c = l;
    if (l + 1 <= size && less(heap.get(l + 1), heap.get(l))) c = l + 1;
    const ce = heap.get(c);
    if (!less(ce, e)) break;
    place(ce, i);
    i = c;
  }
  place(e, i);
}

function remove_at(i: number): void {
  const last = heap.get(size);
  heap.delete(size);
  size -= 1;
  if (i <= size) {
    place(last, i);
    sift_down(i);
    sift_up(last.idx);
  }
}

function fire(this: void): void {
  armed_due = -1;
  const now = runtime.now();
  while (size > 0) {
    const top = heap.get(1);
    if (top.due > now) break;
    remove_at(1);
    top.idx = 0;
    top.fn(top.arg);
  }
  arm();
}

function arm(): void {
  if (size === 0) {
    if (armed_due !== -1 && driver !== undefined) driver.stop();
    armed_due = -1;
    return;
  }
  const due = heap.get(1).due;
  if (armed_due !== -1 && armed_due <= due) return;
  driver ??= runtime.uv.new_timer();
  armed_due = due;
  driver.start(math.max(0, due - runtime.now()), 0, fire);
}

/** Calls `fn(arg)` once `ms` milliseconds of loop time have passed. */
export function add(ms: number, fn: (this: void, arg: unknown) => void, arg: unknown): TimerEntry {
  seq += 1;
  size += 1;
  const e: TimerEntry = { due: runtime.now() + ms, seq, idx: size, fn, arg };
  heap.set(size, e);
  sift_up(size);
  if (e.idx === 1) arm();
  return e;
}

/** Removes a pending entry; returns false when it already fired or was removed. */
export function remove(e: TimerEntry): boolean {
  if (e.idx === 0) return false;
  remove_at(e.idx);
  e.idx = 0;
  if (size === 0) arm();
  return true;
}

/** The clock deadlines are measured on (loop time, or the virtual clock in tests). */
export function now(): number {
  return runtime.now();
}

/** Number of pending deadlines (for leak checks and the inspector). */
export function pending(): number {
  return size;
}

/** True when the driving libuv timer is active (for leak checks). */
export function driver_active(): boolean {
  return driver !== undefined && driver.is_active();
}
