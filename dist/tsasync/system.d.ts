/** @noSelfInFile */
import * as timers from "./timers";
import { Task, WaitList } from "./task";
import { UvStream } from "./uv/stream";
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
export declare function system(this: void, cmd: string[], opts?: SystemOptions): SystemResult;
/**
 * A running child process started by `ts.process`.
 */
export declare class Process {
    /** The process id. */
    pid: number;
    /** @internal */
    p: Proc;
    /** @internal stdout chunks */
    out: UvStream<[string]>;
    /** @internal stdout received and not returned by lines() yet, from index `pos` on */
    partial: string;
    /** @internal */
    pos?: number;
    /** @internal stderr chunks */
    err_chunks: string[];
    /** @internal stdin was closed */
    stdin_closed: boolean;
    /** @internal stops back-pressure on stdout for good (when set) */
    unthrottle?: (this: void) => void;
    /** Writes `data` (a string or a list of lines) to the process's stdin. Never suspends. */
    write(this: Process, data: string | string[]): void;
    /** Closes the process's stdin (it sees EOF). Idempotent. */
    close_stdin(this: Process): void;
    /**
     * An iterator over stdout lines (without the newline; a last line without one is
     * returned too): `for line in proc:lines() do ... end`. Inside a task; suspends while no
     * line is complete; ends when stdout closes.
     */
    lines(this: Process): (this: void) => string | undefined;
    /**
     * Waits for the process to exit and returns `{ code, signal, stdout, stderr }`: `stdout` is
     * what `lines()` has not consumed, `stderr` everything the process wrote there. Raises an
     * `is_timeout` error when `opts.timeout` killed it. Cancelling the task that started the
     * process while it waits here kills the process at once.
     */
    wait(this: Process): SystemResult;
    /** Sends `signal` (default `"sigterm"`) to the process. No effect once it has exited. */
    kill(this: Process, signal?: string | number): void;
    /** True once the process has exited. */
    is_done(this: Process): boolean;
}
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
export declare function process(this: void, cmd: string[], opts?: SystemOptions): Process;
export {};
