/** @noSelfInFile */
/** A libuv failure. `tostring(err)` gives `message`. */
export interface UvError {
    /** Always `"uv"`. */
    readonly kind: "uv";
    /** libuv's error name: `"ENOENT"`, `"ECONNREFUSED"`, ... (`"EUNKNOWN"` when luv gave none). */
    readonly code: string;
    /** The luv function that failed: `"fs_open"`, `"tcp_connect"`, ... */
    readonly name: string;
    /** luv's message, e.g. `"ENOENT: no such file or directory: /nope"`. */
    readonly message: string;
    /** The path the call was about, when it had one. */
    readonly path?: string;
}
/** Metatable of UvError values. */
export declare const UvErrorMT: Record<string, unknown>;
/**
 * Makes a UvError from luv's error message (`"ENOENT: no such file or directory: /x"`) and,
 * when luv returned one separately, its error name.
 */
export declare function new_uv_error(name: string, msg: unknown, path?: unknown, code?: unknown): UvError;
/**
 * True when `err` is (or wraps) a UvError; looks through the context tasks add to errors.
 * ```lua
 * local ok, err = ts.pcall(ts.fs.stat, "/nope")
 * if not ok and ts.is_uv_error(err) and err.code == "ENOENT" then ... end
 * ```
 */
export declare function is_uv_error(this: void, err: unknown): boolean;
/** The UvError inside `err` (under task-error wrappers), or nil. */
export declare function as_uv_error(err: unknown): UvError | undefined;
/**
 * `ts.UvError`: make or recognise UvErrors from Lua, e.g. in wrappers of your own.
 * ```lua
 * error(ts.UvError.new("fs_open", "ENOENT: no such file or directory: /x", "/x"))
 * if ts.UvError.is(err) then ... end -- same as ts.is_uv_error(err)
 * ```
 */
export declare const UvError: {
    /** A UvError for luv function `name` from luv's message (code parsed from it unless given). */
    new: (name: string, message: unknown, path?: unknown, code?: unknown) => UvError;
    /** True when `err` is (or wraps) a UvError. */
    is: (err: unknown) => boolean;
};
