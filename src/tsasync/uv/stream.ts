/**
 * @section tsasync-uv
 * Streams ~                                                   *ts.UvStream*
 * Repeating callbacks return a stream: `read_start`, `udp_recv_start`,
 * `fs_event_start`, `fs_poll_start`, `signal_start`, `poll_start`,
 * `prepare_start`, `check_start`, `idle_start`, `timer_start` with a repeat
 * greater than 0, `listen` (a stream of accepted client handles, accepted when
 * received), `new_async` and `new_work` (the new handle is `s.handle`).
 * ```lua
 * local s = ts.uv.read_start(pipe)
 * for chunk in s:iter() do ... end      -- ends at EOF
 * ```
 * s:recv()          The next event's values (suspends while none is
 *                   buffered); nil at EOF or once closed. A callback with no
 *                   values yields `true` per event. An error ends the stream:
 *                   buffered values first, then `recv` raises it once. One
 *                   task at a time may wait in `recv`.
 * s:iter()          Iterator for a generic `for` (LuaJIT). On PUC Lua 5.1,
 *                   which cannot suspend inside a generic `for`, loop with
 *                   `recv` in a `while`.
 * s:close()         Stops the callback (`read_stop`, ...; closes the handle of
 *                   `new_async`), drops the buffer, wakes a receiver with nil.
 *                   Idempotent; never suspends.
 * s:len()           Events buffered. `s.limit`, `s.dropped`: see below.
 * s:is_closed()     True once the stream has ended (EOF, error or close) and
 *                   nothing is buffered.
 * Back-pressure: sources that can pause (`read_start`, `udp_recv_start`) are
 * stopped while `s.limit` (default 64) events wait and restarted once half are
 * read; nothing is lost. Other sources keep at most `s.limit` (default 1024)
 * events and drop the oldest, counted in `s.dropped`.
 * Cancelling a task blocked in `recv` leaves the stream usable and loses no
 * value. The stream is closed when the task that created it ends by
 * cancellation or failure.
 */
import { EMPTY, Packed } from "../scheduler";
import { Task, check_cancel, current_task, off_finish, on_finish, resume_error, resume_with, running_task, suspend, register_wait_kind } from "../task";

/**
 * A stream of values from a repeating callback.
 * @typeParam T the values of one event, as a tuple (`[string]` for `read_start`'s chunks).
 */
export class UvStream<T extends unknown[] = unknown[]> {
  /** The handle the stream reads from, when the stream made or owns it (`new_async`, `new_work`). */
  declare handle?: unknown;
  /** Buffer limit: high-water mark of pausable sources, capacity of the others (default 64 / 1024). */
  declare limit: number;
  /** Values dropped because a source that cannot pause overflowed the buffer. */
  declare dropped: number;
  /** @internal buffered events */
  declare q: LuaTable<number, Packed>;
  /** @internal queue head / tail indices */
  declare qh: number;
  declare qt: number;
  /** @internal pending error (raised after the buffered values) */
  declare err?: unknown;
  /** @internal no more values will be buffered (EOF, error, or closed) */
  declare done: boolean;
  /** @internal close() was called */
  declare closed: boolean;
  /** @internal the task blocked in recv */
  declare waiter?: Task;
  /** @internal source paused for back-pressure */
  declare paused: boolean;
  /** @internal stops the callback for good (close, EOF, error) */
  declare stop_fn?: (this: void) => void;
  /** @internal pause / resume of the source (back-pressure) */
  declare pause_fn?: (this: void) => void;
  declare resume_fn?: (this: void) => void;
  /** @internal turns a buffered event into the values handed out (accepting a client) */
  declare take?: (this: void, v: Packed) => Packed;
  /** @internal task whose failure or cancellation closes the stream */
  declare owner?: Task;
  /** @internal name used in errors */
  declare what: string;

  /**
   * Inside a task: the next event's values, suspending while none is buffered; nil at EOF or
   * once closed. Raises the stream's error (after the values buffered before it). Only one
   * task may wait in `recv` at a time. Cancelling the waiting task loses no value.
   * ```lua
   * local s = ts.uv.read_start(pipe)
   * local chunk = s:recv()
   * ```
   */
  recv(this: UvStream<T>): LuaMultiReturn<T | []> {
    const t = running_task(`${this.what}:recv`);
    check_cancel(t);
    if (this.qh <= this.qt) return unpack_packed(this.take_next()) as LuaMultiReturn<T | []>;
    if (this.err !== undefined) {
      const e = this.err;
      this.err = undefined;
      error(e, 0);
    }
    if (this.done) return $multi();
    if (this.waiter !== undefined) error(`${this.what}:recv: another task ("${this.waiter.name}") is already waiting on this stream`, 2);
    this.waiter = t;
    return suspend(t, abort_recv, this) as LuaMultiReturn<T | []>;
  }

  /**
   * An iterator over the stream's events for a generic `for`: `for chunk in s:iter() do ... end`
   * (ends at EOF or close; raises the stream's error). On PUC Lua 5.1, where a generic `for`
   * cannot suspend, use `while true do local v = s:recv(); if v == nil then break end ... end`.
   */
  iter(this: UvStream<T>): (this: void) => LuaMultiReturn<T | []> {
    return () => this.recv();
  }

  /** Number of events buffered. */
  len(this: UvStream<T>): number {
    return this.qt - this.qh + 1;
  }

  /** True once the stream has ended (EOF, error or close) and nothing is buffered. */
  is_closed(this: UvStream<T>): boolean {
    return this.done && this.qh > this.qt && this.err === undefined;
  }

  /**
   * Stops the callback (e.g. `read_stop`; closes the handle the stream owns) and drops what is
   * buffered; a task waiting in `recv` gets nil. Idempotent; never suspends.
   */
  close(this: UvStream<T>): void {
    if (this.closed) return;
    this.closed = true;
    this.q = new LuaTable();
    this.qh = 1;
    this.qt = 0;
    this.err = undefined;
    end_stream(this);
  }

  /** @internal */
  take_next(this: UvStream<T>): Packed {
    const i = this.qh;
    let v = this.q.get(i);
    this.q.delete(i);
    this.qh = i + 1;
    if (this.paused && this.qt - this.qh + 1 <= this.limit / 2) {
      this.paused = false;
      this.resume_fn!();
    }
    if (this.take !== undefined) v = this.take(v);
    return v;
  }
}

const StreamProto = (UvStream as unknown as { prototype: object }).prototype;
(StreamProto as Record<string, unknown>).__tostring = (s: UvStream) => `${s.what} (${s.done ? "ended" : "open"}, ${s.len()} buffered)`;

function unpack_packed(v: Packed): LuaMultiReturn<unknown[]> {
  return unpack(v as unknown as unknown[], 1, v.n) as LuaMultiReturn<unknown[]>;
}

function abort_recv(arg: unknown): void {
  (arg as UvStream).waiter = undefined;
}
register_wait_kind(abort_recv, (arg) => `${(arg as { what: string }).what}:recv`);

function end_stream(s: UvStream): void {
  const first_end = !s.done;
  s.done = true;
  if (first_end && s.stop_fn !== undefined) {
    const stop = s.stop_fn;
    s.stop_fn = undefined;
    pcall(stop);
  }
  if (s.owner !== undefined) {
    off_finish(s.owner, s);
    s.owner = undefined;
  }
  const w = s.waiter;
  if (w !== undefined && s.qh > s.qt) {
    s.waiter = undefined;
    const e = s.err;
    if (e !== undefined) {
      s.err = undefined;
      resume_error(w, e);
    } else {
      resume_with(w, EMPTY);
    }
  }
}

/** Options of `new_stream`. */
export interface StreamOptions {
  /** Name in errors (`"ts.uv.read_start stream"`). */
  what: string;
  /** Stops the callback for good. */
  stop?: (this: void) => void;
  /** Pause / resume the source (back-pressure); both or neither. */
  pause?: (this: void) => void;
  resume?: (this: void) => void;
  /** See UvStream.take. */
  take?: (this: void, v: Packed) => Packed;
  handle?: unknown;
  /** Default buffer limit. */
  limit?: number;
}

/**
 * Makes a stream. The creating task (if any) becomes its owner: the stream is closed when that
 * task ends by cancellation or failure.
 */
export function new_stream<T extends unknown[]>(o: StreamOptions): UvStream<T> {
  const s = setmetatable(
    {
      what: o.what,
      limit: o.limit ?? (o.pause !== undefined ? 64 : 1024),
      dropped: 0,
      q: new LuaTable(),
      qh: 1,
      qt: 0,
      done: false,
      closed: false,
      paused: false,
      stop_fn: o.stop,
      pause_fn: o.pause,
      resume_fn: o.resume,
      take: o.take,
      handle: o.handle,
    },
    StreamProto as LuaMetatable<object>,
  ) as unknown as UvStream<T>;
  const owner = current_task();
  if (owner !== undefined) {
    s.owner = owner;
    on_finish(owner, s, (t: Task) => {
      if (t.status() !== "done") s.close();
    });
  }
  return s;
}

/** Delivers one event (packed values) to the stream, from the source's callback. */
export function stream_push(s: UvStream, v: Packed): void {
  if (s.done) return;
  const w = s.waiter;
  if (w !== undefined) {
    s.waiter = undefined;
    resume_with(w, s.take !== undefined ? s.take(v) : v);
    return;
  }
  if (s.pause_fn !== undefined) {
    // A pausable source stops once `limit` values wait: at most `limit` are ever buffered.
    s.qt += 1;
    s.q.set(s.qt, v);
    if (!s.paused && s.qt - s.qh + 1 >= s.limit) {
      s.paused = true;
      s.pause_fn();
    }
    return;
  }
  if (s.qt - s.qh + 1 >= s.limit) {
    s.q.delete(s.qh);
    s.qh += 1;
    s.dropped += 1;
  }
  s.qt += 1;
  s.q.set(s.qt, v);
}

/** Ends the stream with an error (raised by `recv` after the buffered values). */
export function stream_fail(s: UvStream, err: unknown): void {
  if (s.done) return;
  s.err = err;
  end_stream(s);
}

/** Ends the stream normally (EOF): `recv` returns nil after the buffered values. */
export function stream_finish(s: UvStream): void {
  if (s.done) return;
  end_stream(s);
}

/**
 * Something that reads lines from a chunk stream: `partial` holds received text not returned
 * yet, from index `pos` on (1 when absent). Lines are cut at `pos` instead of re-slicing
 * `partial` for each one: a 64 KiB chunk of short lines costs linear, not quadratic, time.
 */
export interface LineReader {
  partial: string;
  pos?: number;
}

/**
 * The next line (without its newline) from chunk stream `s`, keeping the rest in
 * `r.partial`; a last line without a newline is returned at EOF; nil after that.
 */
export function next_line(r: LineReader, s: UvStream<[string]>): string | undefined {
  for (;;) {
    const pos = r.pos ?? 1;
    const [i] = string.find(r.partial, "\n", pos, true);
    if (i !== undefined) {
      r.pos = i + 1;
      return string.sub(r.partial, pos, i - 1);
    }
    const [chunk] = s.recv(); // may suspend or raise: r is unchanged until it returns
    const rest = unread(r);
    if (chunk === undefined) return rest === "" ? undefined : rest;
    r.partial = rest + (chunk as string);
  }
}

/** The text `r` received and has not returned as a line; `r` keeps nothing after this. */
export function unread(r: LineReader): string {
  const pos = r.pos ?? 1;
  const rest = pos > 1 ? string.sub(r.partial, pos) : r.partial;
  r.partial = "";
  r.pos = 1;
  return rest;
}

/** Takes the stream away from the task that created it (its end no longer closes the stream). */
export function disown(s: UvStream): void {
  if (s.owner !== undefined) off_finish(s.owner, s);
  s.owner = undefined;
}
