/** @noSelfInFile */
/**
 * Counters of the uv layer. `open`: handles and processes opened by tsasync
 * (accepted clients, sockets, processes, async handles) and not yet closed;
 * `killed`: processes that needed SIGKILL after the grace period; `late`:
 * requests (fs, getaddrinfo, getnameinfo, also those of `ts.fs`) whose task
 * was cancelled but whose callback has not come yet. A request that a libuv
 * worker already runs cannot be cancelled: the fd or file it makes appears
 * only when it finishes, and is released by its callback. Leak checks
 * compare `open` with a baseline (on every Neovim: `vim.uv.walk` aborts
 * Neovim 0.10), and wait for `late` to return to its baseline before
 * counting fds or files.
 * @help ts.uv.stats
 */
export declare const stats: {
    /** Handles and processes opened by tsasync's uv layer and not yet closed / exited. */
    open: number;
    /** Processes sent SIGKILL because they outlived the grace period after SIGTERM. */
    killed: number;
    /** Requests (fs, getaddrinfo, ...) of cancelled tasks whose callback has not arrived yet. */
    late: number;
};
/** Counts one handle (or process) as open. */
export declare function track_open(): void;
/** Counts one handle (or process) as closed. */
export declare function track_close(): void;
/**
 * The `on_cancel` of a thread-pool request `req` (the value luv returned): asks libuv to cancel
 * it (`uv.cancel` fails for a request that a worker already runs) and counts it in
 * `stats.late`. The request's callback comes in every case (with ECANCELED when the cancel
 * worked) and must call `late_done`.
 */
export declare function cancel_late(this: void, req: unknown): void;
/** The callback of a request counted by `cancel_late` arrived. */
export declare function late_done(): void;
/** Milliseconds between SIGTERM and SIGKILL when a process is killed by cancellation. */
export declare const KILL_GRACE_MS = 2000;
/** A process being terminated: `exited` is set by its exit callback. */
export interface Killable {
    exited?: boolean;
    /** Sends a signal (errors are ignored: the process may be gone). */
    send: (this: void, sig: string) => void;
}
/**
 * Sends SIGTERM now and SIGKILL after `KILL_GRACE_MS` if the process has not exited by
 * then. Never suspends (usable from cancellation handlers).
 */
export declare function terminate(p: Killable, grace_ms?: number): void;
