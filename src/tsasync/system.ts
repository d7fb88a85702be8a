/**
 * @section tsasync-system
 * Child processes (`vim.system`) as task operations; Neovim only.
 * `ts.system` runs a command and waits for it; `ts.process` starts one and
 * streams its output.
 */
import { new_timeout } from "./errors";
import { Packed, pack } from "./scheduler";
import * as timers from "./timers";
import {
  Task,
  WaitList,
  check_cancel,
  current_task,
  off_finish,
  on_finish,
  resume_with,
  running_task,
  suspend,
  wl_add_task,
  wl_remove_task,
  register_wait_kind,
} from "./task";
import { new_uv_error } from "./uv/error";
import { UvStream, disown, new_stream, next_line, stream_fail, stream_finish, stream_push, unread } from "./uv/stream";
import { terminate, track_close, track_open } from "./uv/track";

/** What `ts.system` and `proc:wait()` return. */
export interface SystemResult {
  /** Exit code (0 when killed by a signal). */
  code: number;
  /** Signal that killed the process, or 0. */
  signal: number;
  /** Captured stdout (unless `opts.stdout = false` or a function). */
  stdout?: string;
  /** Captured stderr (unless `opts.stderr = false` or a function). */
  stderr?: string;
}

/** Options: those of `vim.system` (`cwd`, `env`, `clear_env`, `stdin`, `stdout`, `stderr`, `text`, `detach`) plus `timeout` in ms. */
export type SystemOptions = vim.SystemOpts;

interface Proc {
  fname: string;
  cmd: string;
  obj?: vim.SystemObj;
  exited: boolean;
  result?: vim.SystemCompleted;
  waiters: WaitList;
  timer?: timers.TimerEntry;
  timeout?: number;
  timed_out: boolean;
  owner?: Task;
  send: (this: void, sig: string) => void;
}

function check_cmd(fname: string, cmd: unknown): string[] {
  if (type(cmd) !== "table" || (cmd as unknown[]).length === 0) {
    error(`${fname}: cmd must be a non-empty list of strings, got ${type(cmd) === "table" ? "an empty table" : type(cmd)}`, 4);
  }
  for (const [i, v] of ipairs(cmd as unknown[])) {
    if (type(v) !== "string") error(`${fname}: cmd[${i}] must be a string, got ${type(v)}`, 4);
  }
  return cmd as string[];
}

const KNOWN_OPTS: { [k: string]: boolean } = {
  cwd: true, env: true, clear_env: true, stdin: true, stdout: true, stderr: true, text: true, detach: true, timeout: true,
};

function copy_opts(fname: string, opts: unknown): LuaTable<string, unknown> {
  const o = new LuaTable<string, unknown>();
  if (opts === undefined) return o;
  if (type(opts) !== "table") error(`${fname}: opts must be a table, got ${type(opts)}`, 4);
  for (const [k, v] of pairs(opts as object)) {
    if (KNOWN_OPTS[k as string] !== true) error(`${fname}: unknown option "${tostring(k)}"`, 4);
    if (k !== "timeout") o.set(k as string, v);
  }
  const ms = (opts as SystemOptions).timeout;
  if (ms !== undefined && (type(ms) !== "number" || ms !== ms || ms < 0)) {
    error(`${fname}: opts.timeout must be a non-negative number of ms, got ${tostring(ms)}`, 4);
  }
  return o;
}

function on_timeout(this: void, arg: unknown): void {
  const p = arg as Proc;
  p.timer = undefined;
  p.timed_out = true;
  terminate(p);
}

/** Starts `cmd`; the Proc tracks its exit. Raises a UvError when it cannot start. */
function start(fname: string, cmd: string[], o: LuaTable<string, unknown>, timeout: number | undefined): Proc {
  const p: Proc = {
    fname,
    cmd: cmd[0],
    exited: false,
    waiters: [],
    timed_out: false,
    timeout,
    send: (sig) => {
      if (p.obj !== undefined && !p.exited) p.obj.kill(sig);
    },
  };
  const [ok, obj] = pcall(vim.system, cmd, o as unknown as vim.SystemOpts, (r: vim.SystemCompleted) => on_exit(p, r));
  if (!ok) {
    const msg = tostring(obj);
    const [code] = string.match(msg, "(E%u[%u%d_]+):");
    if (code !== undefined) {
      const [, e] = string.find(msg, "E%u[%u%d_]+:");
      error(new_uv_error("spawn", `${code}:${string.sub(msg, (e as number) + 1)}`, cmd[0], code), 0);
    }
    error(`${fname}: ${msg}`, 0);
  }
  p.obj = obj as vim.SystemObj;
  track_open();
  if (timeout !== undefined) p.timer = timers.add(timeout, on_timeout, p);
  return p;
}

function on_exit(p: Proc, r: vim.SystemCompleted): void {
  p.exited = true;
  p.result = r;
  track_close();
  if (p.timer !== undefined) {
    timers.remove(p.timer);
    p.timer = undefined;
  }
  if (p.owner !== undefined) {
    off_finish(p.owner, p);
    p.owner = undefined;
  }
  const ws = p.waiters;
  p.waiters = [];
  const v = pack(r);
  for (const w of ws) if (w !== false) resume_with(w as Task, v);
}

interface ExitWait {
  p: Proc;
  kill: boolean;
}

function abort_exit(arg: unknown, t: Task): void {
  const a = arg as ExitWait;
  wl_remove_task(a.p.waiters, t);
  if (a.kill) {
    if (a.p.timer !== undefined) {
      timers.remove(a.p.timer);
      a.p.timer = undefined;
    }
    terminate(a.p);
  }
}
register_wait_kind(abort_exit, (arg) => `process ${(arg as ExitWait).p.cmd}`);

/** Waits for the process to exit; `kill`: cancelling the waiting task kills the process. */
function await_exit(t: Task, p: Proc, kill: boolean): vim.SystemCompleted {
  check_cancel(t);
  if (!p.exited) {
    wl_add_task(p.waiters, t);
    suspend(t, abort_exit, { p, kill } as ExitWait);
  }
  if (p.timed_out) {
    error(new_timeout(p.timeout!, `${p.fname}: ${p.cmd} did not finish within ${p.timeout} ms (killed)`), 0);
  }
  return p.result!;
}

/**
 * Runs {cmd} (a list: program and arguments) with `vim.system` and waits,
 * like `vim.system(cmd, opts):wait()` without blocking the editor:
 * `{ code, signal, stdout, stderr }`. A non-zero exit is a result; a missing
 * executable raises a |ts.UvError| (ENOENT). {opts} as `vim.system`'s
 * (`cwd`, `env`, `clear_env`, `stdin`, `stdout`, `stderr`, `text`, `detach`)
 * plus `timeout` (ms): the process is killed and an |ts.is_timeout()| error
 * raised once it is gone. Cancelling the task kills the process at once.
 * ```lua
 * local r = ts.system({ "git", "rev-parse", "HEAD" },
 *   { cwd = root, timeout = 5000 })
 * if r.code == 0 then print(r.stdout) end
 * ```
 * @help ts.system({cmd}, {opts})
 */
export function system(this: void, cmd: string[], opts?: SystemOptions): SystemResult {
  check_cmd("ts.system", cmd);
  const o = copy_opts("ts.system", opts);
  const t = running_task("ts.system");
  check_cancel(t);
  const p = start("ts.system", cmd, o, opts?.timeout);
  return await_exit(t, p, true) as SystemResult;
}

// ---- ts.process ------------------------------------------------------------------------------------

/**
 * A running child process started by `ts.process`.
 */
export class Process {
  /** The process id. */
  declare pid: number;
  /** @internal */
  declare p: Proc;
  /** @internal stdout chunks */
  declare out: UvStream<[string]>;
  /** @internal stdout received and not returned by lines() yet, from index `pos` on */
  declare partial: string;
  /** @internal */
  declare pos?: number;
  /** @internal stderr chunks */
  declare err_chunks: string[];
  /** @internal stdin was closed */
  declare stdin_closed: boolean;
  /** @internal stops back-pressure on stdout for good (when set) */
  declare unthrottle?: (this: void) => void;

  /** Writes `data` (a string or a list of lines) to the process's stdin. Never suspends. */
  write(this: Process, data: string | string[]): void {
    if (type(data) !== "string" && type(data) !== "table") error(`proc:write: data must be a string or a list of strings, got ${type(data)}`, 2);
    if (this.stdin_closed) error("proc:write: stdin is closed", 2);
    if (this.p.exited) error(`proc:write: the process has exited`, 2);
    this.p.obj!.write(data);
  }

  /** Closes the process's stdin (it sees EOF). Idempotent. */
  close_stdin(this: Process): void {
    if (this.stdin_closed) return;
    this.stdin_closed = true;
    if (!this.p.exited) this.p.obj!.write(undefined);
  }

  /**
   * An iterator over stdout lines (without the newline; a last line without one is
   * returned too): `for line in proc:lines() do ... end`. Inside a task; suspends while no
   * line is complete; ends when stdout closes.
   */
  lines(this: Process): (this: void) => string | undefined {
    return () => next_line(this, this.out);
  }

  /**
   * Waits for the process to exit and returns `{ code, signal, stdout, stderr }`: `stdout` is
   * what `lines()` has not consumed, `stderr` everything the process wrote there. Raises an
   * `is_timeout` error when `opts.timeout` killed it. Cancelling the task that started the
   * process while it waits here kills the process at once.
   */
  wait(this: Process): SystemResult {
    const t = running_task("proc:wait");
    // From here on everything the process writes is kept: it must be able to reach its exit.
    this.unthrottle?.();
    const r = await_exit(t, this.p, t === this.p.owner);
    const rest: string[] = [unread(this)];
    while (this.out.len() > 0) rest.push(this.out.take_next().get(1) as string);
    return { code: r.code, signal: r.signal, stdout: table.concat(rest), stderr: table.concat(this.err_chunks) };
  }

  /** Sends `signal` (default `"sigterm"`) to the process. No effect once it has exited. */
  kill(this: Process, signal?: string | number): void {
    if (signal !== undefined && type(signal) !== "string" && type(signal) !== "number") error(`proc:kill: signal must be a string or number, got ${type(signal)}`, 2);
    if (!this.p.exited) this.p.obj!.kill(signal ?? "sigterm");
    this.unthrottle?.(); // its last output must drain for the exit to be seen
  }

  /** True once the process has exited. */
  is_done(this: Process): boolean {
    return this.p.exited;
  }
}

const ProcessProto = (Process as unknown as { prototype: object }).prototype;

/**
 * Starts {cmd}; returns a process:
 *   proc.pid
 *   proc:write({data})    to stdin (a string or a list; never suspends)
 *   proc:close_stdin()
 *   proc:lines()          iterator of stdout lines
 *   proc:wait()           `{ code, signal, stdout, stderr }`; `stdout` is
 *                         what `lines()` did not consume; raises a timeout
 *                         error when `opts.timeout` killed the process
 *   proc:kill({signal})   default "sigterm"
 *   proc:is_done()        true once the process has exited
 * {opts} as for |ts.system()|, but stdin is always a pipe, stdout goes to
 * `lines()` and stderr is collected (`stdin`, `stdout`, `stderr` raise).
 * Back-pressure (Neovim 0.11 and later): while 64 chunks of stdout wait
 * unread, tsasync stops reading the pipe, so a process writing faster than
 * `lines()` is consumed blocks in its writes instead of filling memory;
 * reading resumes once half are consumed. `proc:wait()`, `proc:kill()` and
 * the end of the task that started the process turn this off (the rest of
 * the output is kept, so the process can run to its exit). Neovim 0.10
 * closes the pipe at exit, discarding what was not read, so there stdout is
 * always read at once and buffered without limit.
 * The process is killed when the task that started it ends by
 * cancellation or failure (at once when that task is cancelled in
 * `proc:wait()`); a normal end of the task leaves it running.
 * ```lua
 * local proc = ts.process({ "rg", "--line-number", "TODO" },
 *   { cwd = root })
 * for line in proc:lines() do table.insert(hits, line) end
 * local r = proc:wait()
 * ```
 * @help ts.process({cmd}, {opts})
 */
export function process(this: void, cmd: string[], opts?: SystemOptions): Process {
  check_cmd("ts.process", cmd);
  const o = copy_opts("ts.process", opts);
  for (const k of ["stdin", "stdout", "stderr"]) {
    if (o.get(k) !== undefined) error(`ts.process: opts.${k} is managed by ts.process (use proc:write / proc:lines / result.stderr)`, 2);
  }
  const out = new_stream<[string]>({ what: "proc:lines", limit: math.huge });
  const err_chunks: string[] = [];
  o.set("stdin", true);
  o.set("stdout", (e: string | undefined, data: string | undefined) => {
    if (e !== undefined) stream_fail(out, new_uv_error("read_start", e));
    else if (data === undefined) stream_finish(out);
    else stream_push(out, pack(data) as Packed);
  });
  o.set("stderr", (_e: string | undefined, data: string | undefined) => {
    if (data !== undefined) err_chunks.push(data);
  });
  // The process, not the stream, is what the starting task owns.
  disown(out);
  const p = start("ts.process", cmd, o, opts?.timeout);
  const proc = setmetatable(
    { pid: p.obj!.pid, p, out, partial: "", err_chunks, stdin_closed: false },
    ProcessProto as LuaMetatable<object>,
  ) as unknown as Process;
  throttle(proc, o.get("stdout") as (this: void, e: string | undefined, data: string | undefined) => void);
  const owner = current_task();
  if (owner !== undefined) {
    p.owner = owner;
    on_finish(owner, p, (t: Task) => {
      proc.unthrottle?.();
      if (t.status() !== "done") terminate(p);
    });
  }
  return proc;
}

/** Chunks of stdout that may wait unread before `ts.process` stops reading the pipe. */
const STDOUT_HIGH_WATER = 64;

/**
 * Neovim 0.11+ keeps a process's stdout pipe open until EOF (0.10 closes it at exit, dropping
 * unread output, so pausing it there would lose data). Asked once, outside fast events
 * (`vim.fn` raises there: such a call gets no back-pressure and a later one asks again).
 */
let pipe_survives_exit: boolean | undefined;
function pipe_survives(): boolean {
  if (pipe_survives_exit === undefined) {
    const [ok, has] = pcall(() => vim.fn.has("nvim-0.11") === 1);
    if (!ok) return false;
    pipe_survives_exit = has === true;
  }
  return pipe_survives_exit;
}

interface PausablePipe {
  read_stop(this: PausablePipe): unknown;
  read_start(this: PausablePipe, cb: (this: void, e: string | undefined, data: string | undefined) => void): unknown;
  is_closing(this: PausablePipe): boolean;
  close(this: PausablePipe): void;
}

/**
 * Back-pressure on the stdout of `proc`: the stream pauses the pipe (`read_stop`) at the high
 * water mark and resumes it (`read_start` with `handler`, closing the pipe at EOF as
 * vim.system's own handler does) when half is consumed. Uses vim.system's pipe, which is
 * private (`obj._state.stdout`): when it is not there as expected, stdout stays unthrottled.
 */
function throttle(proc: Process, handler: (this: void, e: string | undefined, data: string | undefined) => void): void {
  if (!pipe_survives()) return;
  const state = (proc.p.obj as unknown as { _state?: { stdout?: unknown } })._state;
  const pipe = state?.stdout as PausablePipe | undefined;
  if (type(pipe) !== "userdata") return;
  const [ok, stop] = pcall(() => (pipe as unknown as Record<string, unknown>).read_stop);
  if (!ok || type(stop) !== "function") return;
  const on_read = (e: string | undefined, data: string | undefined): void => {
    handler(e, data);
    if (data === undefined && !pipe!.is_closing()) {
      pipe!.read_stop();
      pipe!.close();
    }
  };
  const out = proc.out;
  out.limit = STDOUT_HIGH_WATER;
  out.pause_fn = () => {
    if (!pipe!.is_closing()) pipe!.read_stop();
  };
  out.resume_fn = () => {
    if (!pipe!.is_closing()) pipe!.read_start(on_read);
  };
  proc.unthrottle = () => {
    proc.unthrottle = undefined;
    out.limit = math.huge;
    if (out.paused) {
      out.paused = false;
      out.resume_fn!();
    }
  };
}

/**
 * @section tsasync-system
 * Killing means SIGTERM, then SIGKILL when the process is still alive after a
 * grace period of 2 seconds (|ts.uv.stats| `killed` counts the SIGKILLs).
 */
