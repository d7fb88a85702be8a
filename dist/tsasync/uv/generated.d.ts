/** @noSelfInFile */
/**
 * @section tsasync-uv
 * Functions ~
 * One entry per `ts.uv` wrapper, written by `scripts/gen-uv.lua` from the
 * metadata (`ts.uv.specs`, generated from Neovim's luv annotations). The
 * arguments are luv's without the callback; the one-shot calls also have a
 * |ts.uv.p| form. A function the running luv lacks raises
 * "ts.uv.<name>: not available in this Neovim's luv". luv's own
 * documentation: |luvref|.
 */
import type { UvStream } from "./stream";
import type { UvError } from "./error";
/** How one callback-taking luv function is wrapped. */
export interface UvSpec {
    /** Number of parameters including the callback. */
    readonly nparams: number;
    /** Position of the callback among them (1-based). */
    readonly cb: number;
    /** The callback's first value is an error message (`err`). */
    readonly err: boolean;
    /** Names of the callback's values after the error. */
    readonly results: readonly string[];
    /** "once" | "stream" | "timer" | "listen" | "handle_stream" | "collect" | "spawn". */
    readonly kind: string;
    /** Argument position of the path an error is about. */
    readonly path?: number;
    /** On cancellation: "req" (uv.cancel the request), "close" (argument 1), "stop:<fn>". */
    readonly cancel?: string;
    /** A result arriving after cancellation: "fd", "dir", "mkstemp", "mkdtemp". */
    readonly late?: string;
    /** Function that stops a stream's callback. */
    readonly stop?: string;
    /** The stream can pause for back-pressure. */
    readonly pause?: boolean;
    /** A nil value ends the stream. */
    readonly eof?: boolean;
    /** Events with only nil values are ignored. */
    readonly skip_empty?: boolean;
}
/** Every callback-taking function of luv as annotated in Neovim 0.12.4, by name. */
export declare const specs: {
    readonly [name: string]: UvSpec;
};
/**
 * Typed signatures of `ts.uv.<name>`: luv's arguments without the callback; the result is
 * what the callback receives after its error (a stream for repeating callbacks).
 */
export interface UvWrappers {
    /**
     * Returns the list of the callback's arguments (`handle` per call); never
     * suspends. Refused on Neovim 0.10, where `vim.uv.walk` aborts the process.
     * See |uv.walk()|.
     * @help ts.uv.walk()
     */
    walk(this: void): unknown[];
    /**
     * Waits for the callback; returns nothing. Cannot be taken back: on
     * cancellation it completes in the background. See |uv.close()|.
     * @help ts.uv.close({handle})
     */
    close(this: void, handle: unknown): void;
    /**
     * With {repeat} > 0 returns a stream (|ts.UvStream|) of `true` per tick;
     * else waits for the one tick and returns nothing. Cancelling the task stops
     * {timer} (`timer_stop`). See |uv.timer_start()|.
     * @help ts.uv.timer_start({timer}, {timeout}, {repeat})
     */
    timer_start(this: void, timer: unknown, timeout: number, repeat_: number): UvStream<[true]> | void;
    /**
     * Returns a stream (|ts.UvStream|) of `true` per event. Keeps at most
     * `s.limit` events, dropping the oldest. `s:close()` calls `prepare_stop`,
     * as does a failure or cancellation of the task that made it. See
     * |uv.prepare_start()|.
     * @help ts.uv.prepare_start({prepare})
     */
    prepare_start(this: void, prepare: unknown): UvStream<[true]>;
    /**
     * Returns a stream (|ts.UvStream|) of `true` per event. Keeps at most
     * `s.limit` events, dropping the oldest. `s:close()` calls `check_stop`, as
     * does a failure or cancellation of the task that made it. See
     * |uv.check_start()|.
     * @help ts.uv.check_start({check})
     */
    check_start(this: void, check: unknown): UvStream<[true]>;
    /**
     * Returns a stream (|ts.UvStream|) of `true` per event. Keeps at most
     * `s.limit` events, dropping the oldest. `s:close()` calls `idle_stop`, as
     * does a failure or cancellation of the task that made it. See
     * |uv.idle_start()|.
     * @help ts.uv.idle_start({idle})
     */
    idle_start(this: void, idle: unknown): UvStream<[true]>;
    /**
     * Returns a stream (|ts.UvStream|) of the callback's arguments (`...`), an
     * event per call; the handle it makes is `s.handle`. See |uv.new_async()|.
     * @help ts.uv.new_async()
     */
    new_async(this: void): UvStream<[unknown]>;
    /**
     * Returns a stream (|ts.UvStream|) of `events` per event. Keeps at most
     * `s.limit` events, dropping the oldest. `s:close()` calls `poll_stop`, as
     * does a failure or cancellation of the task that made it. See
     * |uv.poll_start()|.
     * @help ts.uv.poll_start({poll} [, {events}])
     */
    poll_start(this: void, poll: unknown, events?: string): UvStream<[string]>;
    /**
     * Returns a stream (|ts.UvStream|) of `signame` per event. Keeps at most
     * `s.limit` events, dropping the oldest. `s:close()` calls `signal_stop`, as
     * does a failure or cancellation of the task that made it. See
     * |uv.signal_start()|.
     * @help ts.uv.signal_start({signal}, {signame})
     */
    signal_start(this: void, signal: unknown, signame: string | number): UvStream<[string]>;
    /**
     * Returns `signame`. Cancelling the task stops {signal} (`signal_stop`). See
     * |uv.signal_start_oneshot()|.
     * @help ts.uv.signal_start_oneshot({signal}, {signame})
     */
    signal_start_oneshot(this: void, signal: unknown, signame: string | number): string;
    /**
     * Starts the process and waits for its exit: returns `code, signal`.
     * Cancelling the task kills the process: SIGTERM, then SIGKILL after 2 s.
     * See |uv.spawn()|.
     * @help ts.uv.spawn({path}, {options})
     */
    spawn(this: void, path: string, options: unknown): LuaMultiReturn<[number, number]>;
    /**
     * Waits for the callback; returns nothing. Cannot be taken back: on
     * cancellation it completes in the background. See |uv.shutdown()|.
     * @help ts.uv.shutdown({stream})
     */
    shutdown(this: void, stream: unknown): void;
    /**
     * Returns a stream (|ts.UvStream|) of client handles, each accepted when
     * received. Closing the stream does not close {stream}: close it to stop
     * listening. See |uv.listen()|.
     * @help ts.uv.listen({stream}, {backlog})
     */
    listen(this: void, stream: unknown, backlog: number): UvStream<[unknown]>;
    /**
     * Returns a stream (|ts.UvStream|) of `data` per event, ending at EOF. The
     * source pauses while `s.limit` events wait (nothing is lost). `s:close()`
     * calls `read_stop`, as does a failure or cancellation of the task that made
     * it. See |uv.read_start()|.
     * @help ts.uv.read_start({stream})
     */
    read_start(this: void, stream: unknown): UvStream<[string]>;
    /**
     * Waits for the callback; returns nothing. Cannot be taken back: on
     * cancellation it completes in the background. See |uv.write()|.
     * @help ts.uv.write({stream}, {data})
     */
    write(this: void, stream: unknown, data: string | string[]): void;
    /**
     * Waits for the callback; returns nothing. Cannot be taken back: on
     * cancellation it completes in the background. See |uv.write2()|.
     * @help ts.uv.write2({stream}, {data}, {send_handle})
     */
    write2(this: void, stream: unknown, data: string | string[], send_handle: unknown): void;
    /**
     * Waits for the callback; returns nothing. Cancelling the task closes {tcp}.
     * See |uv.tcp_connect()|.
     * @help ts.uv.tcp_connect({tcp}, {host}, {port})
     */
    tcp_connect(this: void, tcp: unknown, host: string, port: number): void;
    /**
     * Waits for the callback; returns nothing. Cannot be taken back: on
     * cancellation it completes in the background. See |uv.tcp_close_reset()|.
     * @help ts.uv.tcp_close_reset({tcp})
     */
    tcp_close_reset(this: void, tcp: unknown): void;
    /**
     * Waits for the callback; returns nothing. Cancelling the task closes
     * {pipe}. See |uv.pipe_connect()|.
     * @help ts.uv.pipe_connect({pipe}, {name})
     */
    pipe_connect(this: void, pipe: unknown, name: string): void;
    /**
     * Waits for the callback; returns nothing. Cancelling the task closes
     * {pipe}. See |uv.pipe_connect2()|.
     * @help ts.uv.pipe_connect2({pipe}, {name} [, {flags}])
     */
    pipe_connect2(this: void, pipe: unknown, name: string, flags?: number | LuaTable): void;
    /**
     * Waits for the callback; returns nothing. Cannot be taken back: on
     * cancellation it completes in the background. See |uv.udp_send()|.
     * @help ts.uv.udp_send({udp}, {data}, {host}, {port})
     */
    udp_send(this: void, udp: unknown, data: string | string[], host: string, port: number): void;
    /**
     * Returns a stream (|ts.UvStream|) of `data, addr, flags` per event. The
     * source pauses while `s.limit` events wait (nothing is lost). `s:close()`
     * calls `udp_recv_stop`, as does a failure or cancellation of the task that
     * made it. See |uv.udp_recv_start()|.
     * @help ts.uv.udp_recv_start({udp})
     */
    udp_recv_start(this: void, udp: unknown): UvStream<[string, unknown, LuaTable]>;
    /**
     * Returns a stream (|ts.UvStream|) of `filename, events` per event. Keeps at
     * most `s.limit` events, dropping the oldest. `s:close()` calls
     * `fs_event_stop`, as does a failure or cancellation of the task that made
     * it. See |uv.fs_event_start()|.
     * @help ts.uv.fs_event_start({fs_event}, {path}, {flags})
     */
    fs_event_start(this: void, fs_event: unknown, path: string, flags: unknown): UvStream<[string, LuaTable]>;
    /**
     * Returns a stream (|ts.UvStream|) of `prev, curr` per event. Keeps at most
     * `s.limit` events, dropping the oldest. `s:close()` calls `fs_poll_stop`,
     * as does a failure or cancellation of the task that made it. See
     * |uv.fs_poll_start()|.
     * @help ts.uv.fs_poll_start({fs_poll}, {path}, {interval})
     */
    fs_poll_start(this: void, fs_poll: unknown, path: string, interval: number): UvStream<[LuaTable, LuaTable]>;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_close()|.
     * @help ts.uv.fs_close({fd})
     */
    fs_close(this: void, fd: number): boolean;
    /**
     * Returns `fd`. Cancelling the task cancels the queued request; a late `fd`
     * is closed. See |uv.fs_open()|.
     * @help ts.uv.fs_open({path}, {flags}, {mode})
     */
    fs_open(this: void, path: string, flags: string | number, mode: number): number;
    /**
     * Returns `data`. Cancelling the task cancels the queued request. See
     * |uv.fs_read()|.
     * @help ts.uv.fs_read({fd}, {size} [, {offset}])
     */
    fs_read(this: void, fd: number, size: number, offset?: number): string;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_unlink()|.
     * @help ts.uv.fs_unlink({path})
     */
    fs_unlink(this: void, path: string): boolean;
    /**
     * Returns `bytes`. Cancelling the task cancels the queued request. See
     * |uv.fs_write()|.
     * @help ts.uv.fs_write({fd}, {data} [, {offset}])
     */
    fs_write(this: void, fd: number, data: string | string[], offset?: number): number;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_mkdir()|.
     * @help ts.uv.fs_mkdir({path}, {mode})
     */
    fs_mkdir(this: void, path: string, mode: number): boolean;
    /**
     * Returns `path`. Cancelling the task cancels the queued request; a late
     * directory is removed. See |uv.fs_mkdtemp()|.
     * @help ts.uv.fs_mkdtemp({template})
     */
    fs_mkdtemp(this: void, template: string): string;
    /**
     * Returns `fd, path`. Cancelling the task cancels the queued request; a late
     * file is closed and removed. See |uv.fs_mkstemp()|.
     * @help ts.uv.fs_mkstemp({template})
     */
    fs_mkstemp(this: void, template: string): LuaMultiReturn<[number, string]>;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_rmdir()|.
     * @help ts.uv.fs_rmdir({path})
     */
    fs_rmdir(this: void, path: string): boolean;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_scandir()|.
     * @help ts.uv.fs_scandir({path})
     */
    fs_scandir(this: void, path: string): unknown;
    /**
     * Returns `stat`. Cancelling the task cancels the queued request. See
     * |uv.fs_stat()|.
     * @help ts.uv.fs_stat({path})
     */
    fs_stat(this: void, path: string): unknown;
    /**
     * Returns `stat`. Cancelling the task cancels the queued request. See
     * |uv.fs_fstat()|.
     * @help ts.uv.fs_fstat({fd})
     */
    fs_fstat(this: void, fd: number): unknown;
    /**
     * Returns `stat`. Cancelling the task cancels the queued request. See
     * |uv.fs_lstat()|.
     * @help ts.uv.fs_lstat({path})
     */
    fs_lstat(this: void, path: string): unknown;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_rename()|.
     * @help ts.uv.fs_rename({path}, {new_path})
     */
    fs_rename(this: void, path: string, new_path: string): boolean;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_fsync()|.
     * @help ts.uv.fs_fsync({fd})
     */
    fs_fsync(this: void, fd: number): boolean;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_fdatasync()|.
     * @help ts.uv.fs_fdatasync({fd})
     */
    fs_fdatasync(this: void, fd: number): boolean;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_ftruncate()|.
     * @help ts.uv.fs_ftruncate({fd}, {offset})
     */
    fs_ftruncate(this: void, fd: number, offset: number): boolean;
    /**
     * Returns `bytes`. Cancelling the task cancels the queued request. See
     * |uv.fs_sendfile()|.
     * @help ts.uv.fs_sendfile({out_fd}, {in_fd}, {in_offset}, {size})
     */
    fs_sendfile(this: void, out_fd: number, in_fd: number, in_offset: number, size: number): number;
    /**
     * Returns `permission`. Cancelling the task cancels the queued request. See
     * |uv.fs_access()|.
     * @help ts.uv.fs_access({path}, {mode})
     */
    fs_access(this: void, path: string, mode: string): boolean;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_chmod()|.
     * @help ts.uv.fs_chmod({path}, {mode})
     */
    fs_chmod(this: void, path: string, mode: number): boolean;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_fchmod()|.
     * @help ts.uv.fs_fchmod({fd}, {mode})
     */
    fs_fchmod(this: void, fd: number, mode: number): boolean;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_utime()|.
     * @help ts.uv.fs_utime({path} [, {atime}, {mtime}])
     */
    fs_utime(this: void, path: string, atime?: number | string, mtime?: number | string): boolean;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_futime()|.
     * @help ts.uv.fs_futime({fd} [, {atime}, {mtime}])
     */
    fs_futime(this: void, fd: number, atime?: number | string, mtime?: number | string): boolean;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_lutime()|.
     * @help ts.uv.fs_lutime({path} [, {atime}, {mtime}])
     */
    fs_lutime(this: void, path: string, atime?: number | string, mtime?: number | string): boolean;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_link()|.
     * @help ts.uv.fs_link({path}, {new_path})
     */
    fs_link(this: void, path: string, new_path: string): boolean;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_symlink()|.
     * @help ts.uv.fs_symlink({path}, {new_path} [, {flags}])
     */
    fs_symlink(this: void, path: string, new_path: string, flags?: number | LuaTable): boolean;
    /**
     * Returns `path`. Cancelling the task cancels the queued request. See
     * |uv.fs_readlink()|.
     * @help ts.uv.fs_readlink({path})
     */
    fs_readlink(this: void, path: string): string;
    /**
     * Returns `path`. Cancelling the task cancels the queued request. See
     * |uv.fs_realpath()|.
     * @help ts.uv.fs_realpath({path})
     */
    fs_realpath(this: void, path: string): string;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_chown()|.
     * @help ts.uv.fs_chown({path}, {uid}, {gid})
     */
    fs_chown(this: void, path: string, uid: number, gid: number): boolean;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_fchown()|.
     * @help ts.uv.fs_fchown({fd}, {uid}, {gid})
     */
    fs_fchown(this: void, fd: number, uid: number, gid: number): boolean;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_lchown()|.
     * @help ts.uv.fs_lchown({fd}, {uid}, {gid})
     */
    fs_lchown(this: void, fd: number, uid: number, gid: number): boolean;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_copyfile()|.
     * @help ts.uv.fs_copyfile({path}, {new_path} [, {flags}])
     */
    fs_copyfile(this: void, path: string, new_path: string, flags?: number | unknown): boolean;
    /**
     * Returns `dir`. Cancelling the task cancels the queued request; a late dir
     * is closed (`fs_closedir`). See |uv.fs_opendir()|.
     * @help ts.uv.fs_opendir({path} [, {entries}])
     */
    fs_opendir(this: void, path: string, entries?: number): unknown;
    /**
     * Returns `entries`. Cancelling the task cancels the queued request. See
     * |uv.fs_readdir()|.
     * @help ts.uv.fs_readdir({dir})
     */
    fs_readdir(this: void, dir: unknown): LuaTable;
    /**
     * Returns `success`. Cancelling the task cancels the queued request. See
     * |uv.fs_closedir()|.
     * @help ts.uv.fs_closedir({dir})
     */
    fs_closedir(this: void, dir: unknown): boolean;
    /**
     * Returns `stat`. Cancelling the task cancels the queued request. See
     * |uv.fs_statfs()|.
     * @help ts.uv.fs_statfs({path})
     */
    fs_statfs(this: void, path: string): unknown;
    /**
     * Returns a stream (|ts.UvStream|) of the callback's arguments (`...`), an
     * event per call; the handle it makes is `s.handle`. See |uv.new_work()|.
     * @help ts.uv.new_work({work_callback})
     */
    new_work(this: void, work_callback: string | ((this: void, ...args: any[]) => unknown)): UvStream<[unknown]>;
    /**
     * Returns `addresses`. Cancelling the task cancels the queued request. See
     * |uv.getaddrinfo()|.
     * @help ts.uv.getaddrinfo([{host}, {service}, {hints}])
     */
    getaddrinfo(this: void, host?: string, service?: string, hints?: unknown): LuaTable;
    /**
     * Returns `host, service`. Cancelling the task cancels the queued request.
     * See |uv.getnameinfo()|.
     * @help ts.uv.getnameinfo({address})
     */
    getnameinfo(this: void, address: unknown): LuaMultiReturn<[string, string]>;
    /**
     * Returns `bytes`. Cannot be taken back: on cancellation it completes in the
     * background. See |uv.random()|.
     * @help ts.uv.random({len} [, {flags}])
     */
    random(this: void, len: number, flags?: 0 | LuaTable): string;
}
/** `ts.uv.p.<name>`: the same calls returning `err, ...values` (err a UvError or nil) instead of raising. */
export interface UvPWrappers {
    /** |ts.uv.close()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    close(this: void, handle: unknown): LuaMultiReturn<[UvError | undefined]>;
    /** |ts.uv.timer_start()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    timer_start(this: void, timer: unknown, timeout: number, repeat_: number): UvStream<[true]> | void;
    /** |ts.uv.signal_start_oneshot()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    signal_start_oneshot(this: void, signal: unknown, signame: string | number): LuaMultiReturn<[UvError | undefined, string]>;
    /** |ts.uv.spawn()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    spawn(this: void, path: string, options: unknown): LuaMultiReturn<[UvError | undefined, number, number]>;
    /** |ts.uv.shutdown()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    shutdown(this: void, stream: unknown): LuaMultiReturn<[UvError | undefined]>;
    /** |ts.uv.write()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    write(this: void, stream: unknown, data: string | string[]): LuaMultiReturn<[UvError | undefined]>;
    /** |ts.uv.write2()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    write2(this: void, stream: unknown, data: string | string[], send_handle: unknown): LuaMultiReturn<[UvError | undefined]>;
    /** |ts.uv.tcp_connect()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    tcp_connect(this: void, tcp: unknown, host: string, port: number): LuaMultiReturn<[UvError | undefined]>;
    /** |ts.uv.tcp_close_reset()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    tcp_close_reset(this: void, tcp: unknown): LuaMultiReturn<[UvError | undefined]>;
    /** |ts.uv.pipe_connect()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    pipe_connect(this: void, pipe: unknown, name: string): LuaMultiReturn<[UvError | undefined]>;
    /** |ts.uv.pipe_connect2()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    pipe_connect2(this: void, pipe: unknown, name: string, flags?: number | LuaTable): LuaMultiReturn<[UvError | undefined]>;
    /** |ts.uv.udp_send()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    udp_send(this: void, udp: unknown, data: string | string[], host: string, port: number): LuaMultiReturn<[UvError | undefined]>;
    /** |ts.uv.fs_close()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_close(this: void, fd: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_open()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_open(this: void, path: string, flags: string | number, mode: number): LuaMultiReturn<[UvError | undefined, number]>;
    /** |ts.uv.fs_read()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_read(this: void, fd: number, size: number, offset?: number): LuaMultiReturn<[UvError | undefined, string]>;
    /** |ts.uv.fs_unlink()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_unlink(this: void, path: string): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_write()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_write(this: void, fd: number, data: string | string[], offset?: number): LuaMultiReturn<[UvError | undefined, number]>;
    /** |ts.uv.fs_mkdir()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_mkdir(this: void, path: string, mode: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_mkdtemp()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_mkdtemp(this: void, template: string): LuaMultiReturn<[UvError | undefined, string]>;
    /** |ts.uv.fs_mkstemp()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_mkstemp(this: void, template: string): LuaMultiReturn<[UvError | undefined, number, string]>;
    /** |ts.uv.fs_rmdir()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_rmdir(this: void, path: string): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_scandir()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_scandir(this: void, path: string): LuaMultiReturn<[UvError | undefined, unknown]>;
    /** |ts.uv.fs_stat()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_stat(this: void, path: string): LuaMultiReturn<[UvError | undefined, unknown]>;
    /** |ts.uv.fs_fstat()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_fstat(this: void, fd: number): LuaMultiReturn<[UvError | undefined, unknown]>;
    /** |ts.uv.fs_lstat()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_lstat(this: void, path: string): LuaMultiReturn<[UvError | undefined, unknown]>;
    /** |ts.uv.fs_rename()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_rename(this: void, path: string, new_path: string): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_fsync()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_fsync(this: void, fd: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_fdatasync()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_fdatasync(this: void, fd: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_ftruncate()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_ftruncate(this: void, fd: number, offset: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_sendfile()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_sendfile(this: void, out_fd: number, in_fd: number, in_offset: number, size: number): LuaMultiReturn<[UvError | undefined, number]>;
    /** |ts.uv.fs_access()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_access(this: void, path: string, mode: string): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_chmod()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_chmod(this: void, path: string, mode: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_fchmod()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_fchmod(this: void, fd: number, mode: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_utime()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_utime(this: void, path: string, atime?: number | string, mtime?: number | string): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_futime()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_futime(this: void, fd: number, atime?: number | string, mtime?: number | string): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_lutime()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_lutime(this: void, path: string, atime?: number | string, mtime?: number | string): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_link()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_link(this: void, path: string, new_path: string): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_symlink()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_symlink(this: void, path: string, new_path: string, flags?: number | LuaTable): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_readlink()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_readlink(this: void, path: string): LuaMultiReturn<[UvError | undefined, string]>;
    /** |ts.uv.fs_realpath()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_realpath(this: void, path: string): LuaMultiReturn<[UvError | undefined, string]>;
    /** |ts.uv.fs_chown()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_chown(this: void, path: string, uid: number, gid: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_fchown()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_fchown(this: void, fd: number, uid: number, gid: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_lchown()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_lchown(this: void, fd: number, uid: number, gid: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_copyfile()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_copyfile(this: void, path: string, new_path: string, flags?: number | unknown): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_opendir()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_opendir(this: void, path: string, entries?: number): LuaMultiReturn<[UvError | undefined, unknown]>;
    /** |ts.uv.fs_readdir()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_readdir(this: void, dir: unknown): LuaMultiReturn<[UvError | undefined, LuaTable]>;
    /** |ts.uv.fs_closedir()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_closedir(this: void, dir: unknown): LuaMultiReturn<[UvError | undefined, boolean]>;
    /** |ts.uv.fs_statfs()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    fs_statfs(this: void, path: string): LuaMultiReturn<[UvError | undefined, unknown]>;
    /** |ts.uv.getaddrinfo()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    getaddrinfo(this: void, host?: string, service?: string, hints?: unknown): LuaMultiReturn<[UvError | undefined, LuaTable]>;
    /** |ts.uv.getnameinfo()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    getnameinfo(this: void, address: unknown): LuaMultiReturn<[UvError | undefined, string, string]>;
    /** |ts.uv.random()| returning `err, ...` (`err` a |ts.UvError| or nil) instead of raising. */
    random(this: void, len: number, flags?: 0 | LuaTable): LuaMultiReturn<[UvError | undefined, string]>;
}
