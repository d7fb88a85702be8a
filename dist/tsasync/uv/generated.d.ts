/** @noSelfInFile */
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
    walk(this: void): unknown[];
    close(this: void, handle: unknown): void;
    timer_start(this: void, timer: unknown, timeout: number, repeat_: number): UvStream<[true]> | void;
    prepare_start(this: void, prepare: unknown): UvStream<[true]>;
    check_start(this: void, check: unknown): UvStream<[true]>;
    idle_start(this: void, idle: unknown): UvStream<[true]>;
    new_async(this: void): UvStream<[unknown]>;
    poll_start(this: void, poll: unknown, events?: string): UvStream<[string]>;
    signal_start(this: void, signal: unknown, signame: string | number): UvStream<[string]>;
    signal_start_oneshot(this: void, signal: unknown, signame: string | number): string;
    spawn(this: void, path: string, options: unknown): LuaMultiReturn<[number, number]>;
    shutdown(this: void, stream: unknown): void;
    listen(this: void, stream: unknown, backlog: number): UvStream<[unknown]>;
    read_start(this: void, stream: unknown): UvStream<[string]>;
    write(this: void, stream: unknown, data: string | string[]): void;
    write2(this: void, stream: unknown, data: string | string[], send_handle: unknown): void;
    tcp_connect(this: void, tcp: unknown, host: string, port: number): void;
    tcp_close_reset(this: void, tcp: unknown): void;
    pipe_connect(this: void, pipe: unknown, name: string): void;
    pipe_connect2(this: void, pipe: unknown, name: string, flags?: number | LuaTable): void;
    udp_send(this: void, udp: unknown, data: string | string[], host: string, port: number): void;
    udp_recv_start(this: void, udp: unknown): UvStream<[string, unknown, LuaTable]>;
    fs_event_start(this: void, fs_event: unknown, path: string, flags: unknown): UvStream<[string, LuaTable]>;
    fs_poll_start(this: void, fs_poll: unknown, path: string, interval: number): UvStream<[LuaTable, LuaTable]>;
    fs_close(this: void, fd: number): boolean;
    fs_open(this: void, path: string, flags: string | number, mode: number): number;
    fs_read(this: void, fd: number, size: number, offset?: number): string;
    fs_unlink(this: void, path: string): boolean;
    fs_write(this: void, fd: number, data: string | string[], offset?: number): number;
    fs_mkdir(this: void, path: string, mode: number): boolean;
    fs_mkdtemp(this: void, template: string): string;
    fs_mkstemp(this: void, template: string): LuaMultiReturn<[number, string]>;
    fs_rmdir(this: void, path: string): boolean;
    fs_scandir(this: void, path: string): unknown;
    fs_stat(this: void, path: string): unknown;
    fs_fstat(this: void, fd: number): unknown;
    fs_lstat(this: void, path: string): unknown;
    fs_rename(this: void, path: string, new_path: string): boolean;
    fs_fsync(this: void, fd: number): boolean;
    fs_fdatasync(this: void, fd: number): boolean;
    fs_ftruncate(this: void, fd: number, offset: number): boolean;
    fs_sendfile(this: void, out_fd: number, in_fd: number, in_offset: number, size: number): number;
    fs_access(this: void, path: string, mode: string): boolean;
    fs_chmod(this: void, path: string, mode: number): boolean;
    fs_fchmod(this: void, fd: number, mode: number): boolean;
    fs_utime(this: void, path: string, atime?: number | string, mtime?: number | string): boolean;
    fs_futime(this: void, fd: number, atime?: number | string, mtime?: number | string): boolean;
    fs_lutime(this: void, path: string, atime?: number | string, mtime?: number | string): boolean;
    fs_link(this: void, path: string, new_path: string): boolean;
    fs_symlink(this: void, path: string, new_path: string, flags?: number | LuaTable): boolean;
    fs_readlink(this: void, path: string): string;
    fs_realpath(this: void, path: string): string;
    fs_chown(this: void, path: string, uid: number, gid: number): boolean;
    fs_fchown(this: void, fd: number, uid: number, gid: number): boolean;
    fs_lchown(this: void, fd: number, uid: number, gid: number): boolean;
    fs_copyfile(this: void, path: string, new_path: string, flags?: number | unknown): boolean;
    fs_opendir(this: void, path: string, entries?: number): unknown;
    fs_readdir(this: void, dir: unknown): LuaTable;
    fs_closedir(this: void, dir: unknown): boolean;
    fs_statfs(this: void, path: string): unknown;
    new_work(this: void, work_callback: string | ((this: void, ...args: any[]) => unknown)): UvStream<[unknown]>;
    getaddrinfo(this: void, host?: string, service?: string, hints?: unknown): LuaTable;
    getnameinfo(this: void, address: unknown): LuaMultiReturn<[string, string]>;
    random(this: void, len: number, flags?: 0 | LuaTable): string;
}
/** `ts.uv.p.<name>`: the same calls returning `err, ...values` (err a UvError or nil) instead of raising. */
export interface UvPWrappers {
    close(this: void, handle: unknown): LuaMultiReturn<[UvError | undefined]>;
    timer_start(this: void, timer: unknown, timeout: number, repeat_: number): UvStream<[true]> | void;
    signal_start_oneshot(this: void, signal: unknown, signame: string | number): LuaMultiReturn<[UvError | undefined, string]>;
    spawn(this: void, path: string, options: unknown): LuaMultiReturn<[UvError | undefined, number, number]>;
    shutdown(this: void, stream: unknown): LuaMultiReturn<[UvError | undefined]>;
    write(this: void, stream: unknown, data: string | string[]): LuaMultiReturn<[UvError | undefined]>;
    write2(this: void, stream: unknown, data: string | string[], send_handle: unknown): LuaMultiReturn<[UvError | undefined]>;
    tcp_connect(this: void, tcp: unknown, host: string, port: number): LuaMultiReturn<[UvError | undefined]>;
    tcp_close_reset(this: void, tcp: unknown): LuaMultiReturn<[UvError | undefined]>;
    pipe_connect(this: void, pipe: unknown, name: string): LuaMultiReturn<[UvError | undefined]>;
    pipe_connect2(this: void, pipe: unknown, name: string, flags?: number | LuaTable): LuaMultiReturn<[UvError | undefined]>;
    udp_send(this: void, udp: unknown, data: string | string[], host: string, port: number): LuaMultiReturn<[UvError | undefined]>;
    fs_close(this: void, fd: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_open(this: void, path: string, flags: string | number, mode: number): LuaMultiReturn<[UvError | undefined, number]>;
    fs_read(this: void, fd: number, size: number, offset?: number): LuaMultiReturn<[UvError | undefined, string]>;
    fs_unlink(this: void, path: string): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_write(this: void, fd: number, data: string | string[], offset?: number): LuaMultiReturn<[UvError | undefined, number]>;
    fs_mkdir(this: void, path: string, mode: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_mkdtemp(this: void, template: string): LuaMultiReturn<[UvError | undefined, string]>;
    fs_mkstemp(this: void, template: string): LuaMultiReturn<[UvError | undefined, number, string]>;
    fs_rmdir(this: void, path: string): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_scandir(this: void, path: string): LuaMultiReturn<[UvError | undefined, unknown]>;
    fs_stat(this: void, path: string): LuaMultiReturn<[UvError | undefined, unknown]>;
    fs_fstat(this: void, fd: number): LuaMultiReturn<[UvError | undefined, unknown]>;
    fs_lstat(this: void, path: string): LuaMultiReturn<[UvError | undefined, unknown]>;
    fs_rename(this: void, path: string, new_path: string): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_fsync(this: void, fd: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_fdatasync(this: void, fd: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_ftruncate(this: void, fd: number, offset: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_sendfile(this: void, out_fd: number, in_fd: number, in_offset: number, size: number): LuaMultiReturn<[UvError | undefined, number]>;
    fs_access(this: void, path: string, mode: string): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_chmod(this: void, path: string, mode: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_fchmod(this: void, fd: number, mode: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_utime(this: void, path: string, atime?: number | string, mtime?: number | string): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_futime(this: void, fd: number, atime?: number | string, mtime?: number | string): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_lutime(this: void, path: string, atime?: number | string, mtime?: number | string): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_link(this: void, path: string, new_path: string): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_symlink(this: void, path: string, new_path: string, flags?: number | LuaTable): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_readlink(this: void, path: string): LuaMultiReturn<[UvError | undefined, string]>;
    fs_realpath(this: void, path: string): LuaMultiReturn<[UvError | undefined, string]>;
    fs_chown(this: void, path: string, uid: number, gid: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_fchown(this: void, fd: number, uid: number, gid: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_lchown(this: void, fd: number, uid: number, gid: number): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_copyfile(this: void, path: string, new_path: string, flags?: number | unknown): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_opendir(this: void, path: string, entries?: number): LuaMultiReturn<[UvError | undefined, unknown]>;
    fs_readdir(this: void, dir: unknown): LuaMultiReturn<[UvError | undefined, LuaTable]>;
    fs_closedir(this: void, dir: unknown): LuaMultiReturn<[UvError | undefined, boolean]>;
    fs_statfs(this: void, path: string): LuaMultiReturn<[UvError | undefined, unknown]>;
    getaddrinfo(this: void, host?: string, service?: string, hints?: unknown): LuaMultiReturn<[UvError | undefined, LuaTable]>;
    getnameinfo(this: void, address: unknown): LuaMultiReturn<[UvError | undefined, string, string]>;
    random(this: void, len: number, flags?: 0 | LuaTable): LuaMultiReturn<[UvError | undefined, string]>;
}
