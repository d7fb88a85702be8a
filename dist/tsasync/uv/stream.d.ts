/** @noSelfInFile */
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
import { Packed } from "../scheduler";
import { Task } from "../task";
/**
 * A stream of values from a repeating callback.
 * @typeParam T the values of one event, as a tuple (`[string]` for `read_start`'s chunks).
 */
export declare class UvStream<T extends unknown[] = unknown[]> {
    /** The handle the stream reads from, when the stream made or owns it (`new_async`, `new_work`). */
    handle?: unknown;
    /** Buffer limit: high-water mark of pausable sources, capacity of the others (default 64 / 1024). */
    limit: number;
    /** Values dropped because a source that cannot pause overflowed the buffer. */
    dropped: number;
    /** @internal buffered events */
    q: LuaTable<number, Packed>;
    /** @internal queue head / tail indices */
    qh: number;
    qt: number;
    /** @internal pending error (raised after the buffered values) */
    err?: unknown;
    /** @internal no more values will be buffered (EOF, error, or closed) */
    done: boolean;
    /** @internal close() was called */
    closed: boolean;
    /** @internal the task blocked in recv */
    waiter?: Task;
    /** @internal source paused for back-pressure */
    paused: boolean;
    /** @internal stops the callback for good (close, EOF, error) */
    stop_fn?: (this: void) => void;
    /** @internal pause / resume of the source (back-pressure) */
    pause_fn?: (this: void) => void;
    resume_fn?: (this: void) => void;
    /** @internal turns a buffered event into the values handed out (accepting a client) */
    take?: (this: void, v: Packed) => Packed;
    /** @internal task whose failure or cancellation closes the stream */
    owner?: Task;
    /** @internal name used in errors */
    what: string;
    /**
     * Inside a task: the next event's values, suspending while none is buffered; nil at EOF or
     * once closed. Raises the stream's error (after the values buffered before it). Only one
     * task may wait in `recv` at a time. Cancelling the waiting task loses no value.
     * ```lua
     * local s = ts.uv.read_start(pipe)
     * local chunk = s:recv()
     * ```
     */
    recv(this: UvStream<T>): LuaMultiReturn<T | []>;
    /**
     * An iterator over the stream's events for a generic `for`: `for chunk in s:iter() do ... end`
     * (ends at EOF or close; raises the stream's error). On PUC Lua 5.1, where a generic `for`
     * cannot suspend, use `while true do local v = s:recv(); if v == nil then break end ... end`.
     */
    iter(this: UvStream<T>): (this: void) => LuaMultiReturn<T | []>;
    /** Number of events buffered. */
    len(this: UvStream<T>): number;
    /** True once the stream has ended (EOF, error or close) and nothing is buffered. */
    is_closed(this: UvStream<T>): boolean;
    /**
     * Stops the callback (e.g. `read_stop`; closes the handle the stream owns) and drops what is
     * buffered; a task waiting in `recv` gets nil. Idempotent; never suspends.
     */
    close(this: UvStream<T>): void;
    /** @internal */
    take_next(this: UvStream<T>): Packed;
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
export declare function new_stream<T extends unknown[]>(o: StreamOptions): UvStream<T>;
/** Delivers one event (packed values) to the stream, from the source's callback. */
export declare function stream_push(s: UvStream, v: Packed): void;
/** Ends the stream with an error (raised by `recv` after the buffered values). */
export declare function stream_fail(s: UvStream, err: unknown): void;
/** Ends the stream normally (EOF): `recv` returns nil after the buffered values. */
export declare function stream_finish(s: UvStream): void;
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
export declare function next_line(r: LineReader, s: UvStream<[string]>): string | undefined;
/** The text `r` received and has not returned as a line; `r` keeps nothing after this. */
export declare function unread(r: LineReader): string;
/** Takes the stream away from the task that created it (its end no longer closes the stream). */
export declare function disown(s: UvStream): void;
