/**
 * Accounting of what the uv layer opens itself (handles of accepted clients, sockets,
 * processes, async handles), of thread-pool requests left behind by cancelled tasks, and the
 * graceful kill used for processes.
 *
 * `ts.uv.stats.open` counts handles and processes opened by tsasync and not yet closed or
 * exited: leak checks compare it with a baseline on every Neovim (`vim.uv.walk`, which sees
 * every luv handle, aborts Neovim 0.10). `ts.uv.stats.late` counts requests whose task was
 * cancelled but whose callback has not arrived yet: a request already running in a libuv
 * worker cannot be cancelled, and what it produces (an fd, a created file) appears only when it
 * finishes and is released by its callback. Until `late` is back to its baseline, a count of
 * open fds or files may still change.
 */
import { runtime } from "../runtime";
import * as timers from "../timers";

/** @section tsasync-uv */
type LuaFn = (this: void, ...args: any[]) => any;
const luv_cancel = (runtime.uv as unknown as { cancel?: LuaFn }).cancel;

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
export const stats = {
  /** Handles and processes opened by tsasync's uv layer and not yet closed / exited. */
  open: 0,
  /** Processes sent SIGKILL because they outlived the grace period after SIGTERM. */
  killed: 0,
  /** Requests (fs, getaddrinfo, ...) of cancelled tasks whose callback has not arrived yet. */
  late: 0,
};

/** Counts one handle (or process) as open. */
export function track_open(): void {
  stats.open += 1;
}

/** Counts one handle (or process) as closed. */
export function track_close(): void {
  stats.open -= 1;
}

/**
 * The `on_cancel` of a thread-pool request `req` (the value luv returned): asks libuv to cancel
 * it (`uv.cancel` fails for a request that a worker already runs) and counts it in
 * `stats.late`. The request's callback comes in every case (with ECANCELED when the cancel
 * worked) and must call `late_done`.
 */
export function cancel_late(this: void, req: unknown): void {
  if (req === undefined) return;
  stats.late += 1;
  if (luv_cancel !== undefined) pcall(luv_cancel, req);
}

/** The callback of a request counted by `cancel_late` arrived. */
export function late_done(): void {
  stats.late -= 1;
}

/** Milliseconds between SIGTERM and SIGKILL when a process is killed by cancellation. */
export const KILL_GRACE_MS = 2000;

/** A process being terminated: `exited` is set by its exit callback. */
export interface Killable {
  exited?: boolean;
  /** Sends a signal (errors are ignored: the process may be gone). */
  send: (this: void, sig: string) => void;
}

function escalate(this: void, arg: unknown): void {
  const p = arg as Killable;
  if (p.exited === true) return;
  stats.killed += 1;
  pcall(p.send, "sigkill");
}

/**
 * Sends SIGTERM now and SIGKILL after `KILL_GRACE_MS` if the process has not exited by
 * then. Never suspends (usable from cancellation handlers).
 */
export function terminate(p: Killable, grace_ms = KILL_GRACE_MS): void {
  if (p.exited === true) return;
  pcall(p.send, "sigterm");
  timers.add(grace_ms, escalate, p);
}
