/** @noSelfInFile */
/**
 * Error values of the runtime: cancellation, timeouts, and the context a task adds to an
 * error that escapes it.
 *
 * A failing task's error is wrapped once per task it crosses: the wrapper keeps the original
 * error (`cause`), the task's name, where it was started, and the traceback of the task's
 * coroutine at the raise site. `tostring(err)` prints the original message first, then one
 * traceback block per task. Wrappers never hide what they wrap: `is_cancelled`, `is_timeout`
 * (and the `is_*` of later layers) look through them, and reading a field that the wrapper
 * does not have (`err.code`, `err.data`, ...) reads it from the wrapped error.
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
 * True when `err` is (or wraps) a cancellation error.
 * @param err any error value, e.g. the second result of `ts.pcall` or `Task:pawait`.
 */
export declare function is_cancelled(this: void, err: unknown): boolean;
/**
 * True when `err` is (or wraps) a timeout error.
 * @param err any error value.
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
