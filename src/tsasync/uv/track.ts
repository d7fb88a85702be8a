/**
 * Accounting of what the uv layer opens itself (handles of accepted clients, sockets,
 * processes, async handles), and the graceful kill used for processes.
 *
 * `ts.uv.stats.open` counts handles and processes opened by tsasync and not yet closed or
 * exited: leak checks compare it with a baseline on every Neovim (`vim.uv.walk`, which sees
 * every luv handle, aborts Neovim 0.10).
 */
import * as timers from "../timers";

/** Counters of the uv layer. */
export const stats = {
  /** Handles and processes opened by tsasync's uv layer and not yet closed / exited. */
  open: 0,
  /** Processes sent SIGKILL because they outlived the grace period after SIGTERM. */
  killed: 0,
};

/** Counts one handle (or process) as open. */
export function track_open(): void {
  stats.open += 1;
}

/** Counts one handle (or process) as closed. */
export function track_close(): void {
  stats.open -= 1;
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
