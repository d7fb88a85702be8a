/** @noSelfInFile */
/**
 * Error values of the runtime: cancellation, timeouts, and the context a task adds to an
 * error that escapes it (a TaskError wrapper, one per task the error crosses, keeping the
 * original error as `cause`).
 */
/**
 * @section tsasync-errors
 * An error that escapes a task is wrapped with the task's context: the task's
 * name, where it was started (with `ts.config({ debug = true })` the exact
 * |ts.run()| call; otherwise where its function was defined) and the traceback
 * of its coroutine at the raise site. Awaiting a failed task re-raises that
 * error; if it escapes the awaiting task too, a second layer is added. The
 * wrapper hides nothing:
 *   - `tostring(err)` is the original message, then one block per task,
 *     innermost (the raise site) first;
 *   - `err.message` is the original message; `err.task`, `err.site`,
 *     `err.traceback` and `err.cause` describe the outermost layer;
 *   - any other field (`err.code`, `err.data`, ...) reads through to the
 *     original table error;
 *   - |ts.is_cancelled()| and |ts.is_timeout()| look through every layer,
 *     as do |ts.is_uv_error()| and |ts.is_lsp_error()|.
 *
 * A task whose failure nobody observes (no await, no |Task:on_complete()|, no
 * |Task:result()|, no parent) is reported on a later loop turn through
 * `vim.notify(msg, vim.log.levels.ERROR)`, or the `on_unhandled` handler of
 * |ts.config()|. Each failure is reported at most once; an observed one never.
 * Cancellations are not failures and are not reported. An awaiter cancelled
 * (or a |Task:wait()| that timed out) before the outcome has observed nothing,
 * and a combinator or deadline whose caller is cancelled reports the failures
 * of the tasks it started instead of dropping them with the cancellation.
 * Errors raised by callbacks given to tsasync (`on_complete`, `cleanup`,
 * `on_cancel`, the `on_unhandled` handler) are reported the same way and never
 * stop the scheduler; failing |ts.debounce()| / |ts.throttle()| /
 * |ts.latest()| runs are unhandled task failures.
 */
/** The error raised at the suspension points of a cancelled task. */
export interface CancelledError {
    /** Always `"cancelled"`. */
    readonly kind: "cancelled";
    /** What `Task:cancel(reason)` was given, if anything. */
    readonly reason?: unknown;
}
/** The error raised when a deadline passes (`Task:wait`, `block_on`, `ts.timeout`, ...). */
export interface TimeoutError {
    /** Always `"timeout"`. */
    readonly kind: "timeout";
    /** The deadline, in milliseconds. */
    readonly ms: number;
    /** Human-readable text, also what `tostring` returns. */
    readonly message: string;
}
/** An error that escaped a task, with the task's context. Fields of the cause read through. */
export interface TaskError {
    /** The error as raised inside the task (possibly another TaskError from a deeper task). */
    readonly cause: unknown;
    /** Name of the task the error escaped from. */
    readonly task: string;
    /** Where that task was started (`file:line`), or where its function was defined. */
    readonly site: string;
    /** Traceback of the task's coroutine at the raise site. */
    readonly traceback: string;
    /** The innermost error's message. */
    readonly message: string;
    readonly [field: string]: unknown;
}
/** Metatable of cancellation errors. */
export declare const CancelledMT: Record<string, unknown>;
/** Metatable of timeout errors. */
export declare const TimeoutMT: Record<string, unknown>;
/** Metatable of task error wrappers: fields the wrapper lacks are read from the cause. */
export declare const TaskErrorMT: Record<string, unknown>;
/** Makes a cancellation error. */
export declare function new_cancelled(reason?: unknown): CancelledError;
/** Makes a timeout error with `message` (default `"timeout after <ms> ms"`). */
export declare function new_timeout(ms: number, message?: string): TimeoutError;
/** Wraps `cause` with a task's context. */
export declare function new_task_error(cause: unknown, task: string, site: string, traceback: string): TaskError;
/** Follows task-error wrappers down to the first error that has metatable `mt`. */
export declare function find_error(err: unknown, mt: object): unknown;
/** The innermost error under any task-error wrappers. */
export declare function root_cause(err: unknown): unknown;
/** The first line of a wrapped error's text: the root error as it prints itself. */
export declare function headline_of(err: unknown): string;
/** The message of any error value: a table error's `message` field, else `tostring`. */
export declare function message_of(err: unknown): string;
/**
 * True when `err` is, or wraps, a cancellation error. `err` is any error
 * value, e.g. the second result of |ts.pcall()| or |Task:pawait()|.
 * @help ts.is_cancelled({err})
 */
export declare function is_cancelled(this: void, err: unknown): boolean;
/**
 * True when `err` is, or wraps, a timeout error (|Task:wait()|,
 * |ts.block_on()|, |ts.timeout()|). False for cancellations.
 * @help ts.is_timeout({err})
 */
export declare function is_timeout(this: void, err: unknown): boolean;
/**
 * The error `ts.any` raises when every item failed: one error listing every failure.
 * Through task-error wrappers its fields stay readable (`err.kind`, `err.errors`).
 */
export interface AggregateError {
    /** Always `"aggregate"`. */
    readonly kind: "aggregate";
    /** One line: which operation failed and how many failures it collected. */
    readonly message: string;
    /** The failures, in the order of the input list (`errors[i]` is item i's error). */
    readonly errors: unknown[];
}
/** Metatable of aggregate errors: `tostring` gives the message and one line per failure. */
export declare const AggregateMT: Record<string, unknown>;
/** Makes an aggregate error from `errors` (a Lua list, kept as is). */
export declare function new_aggregate(message: string, errors: unknown[]): AggregateError;
