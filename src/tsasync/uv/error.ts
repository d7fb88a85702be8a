/**
 * `UvError`: the structured error raised by `ts.uv.*`, `ts.fs.*`, `ts.net.*` and
 * `ts.system` in place of luv's error-first values.
 */
import { find_error } from "../errors";

/** @section tsasync-uv */

/**
 * A libuv failure, raised by `ts.uv`, `ts.fs`, `ts.net` and `ts.system`.
 * Fields: `code` (`"ENOENT"`), `name` (the luv function, `"fs_open"`),
 * `message` (luv's, `"ENOENT: no such file or directory: /x"`), `path`
 * (when the call had one), `kind` (always `"uv"`). `tostring(err)` is the
 * message.
 * @help ts.UvError
 */
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
export const UvErrorMT: Record<string, unknown> = {
  __tostring: (e: UvError) => e.message,
};

/**
 * Makes a UvError from luv's error message (`"ENOENT: no such file or directory: /x"`) and,
 * when luv returned one separately, its error name.
 */
export function new_uv_error(name: string, msg: unknown, path?: unknown, code?: unknown): UvError {
  const message = tostring(msg);
  let c = type(code) === "string" ? (code as string) : undefined;
  if (c === undefined) {
    const [m] = string.match(message, "^(E[%u%d_]+)");
    c = m ?? "EUNKNOWN";
  }
  return setmetatable(
    { kind: "uv", code: c, name, message, path: type(path) === "string" ? (path as string) : undefined } as UvError,
    UvErrorMT,
  ) as UvError;
}

/**
 * True when `err` is, or wraps, a |ts.UvError| (fields read through the
 * task context, see |tsasync-errors|).
 * ```lua
 * local ok, err = ts.pcall(ts.fs.stat, "/nope")
 * if not ok and ts.is_uv_error(err) and err.code == "ENOENT" then
 *   ...
 * end
 * ```
 * @help ts.is_uv_error({err})
 */
export function is_uv_error(this: void, err: unknown): boolean {
  return find_error(err, UvErrorMT) !== undefined;
}

/** The UvError inside `err` (under task-error wrappers), or nil. */
export function as_uv_error(err: unknown): UvError | undefined {
  return find_error(err, UvErrorMT) as UvError | undefined;
}

/**
 * `ts.UvError`: make or recognise UvErrors from Lua, e.g. in wrappers of your own.
 * ```lua
 * error(ts.UvError.new("fs_open", "ENOENT: no such file or directory: /x", "/x"))
 * if ts.UvError.is(err) then ... end -- same as ts.is_uv_error(err)
 * ```
 */
export const UvError = {
  /**
   * Makes a UvError for luv function {name} from luv's {message}; {code} is
   * parsed from the message (`"ENOENT: ..."`) unless given. For wrappers of
   * your own that should fail like `ts.uv`. `ts.UvError.is(err)` is
   * |ts.is_uv_error()|.                                      *ts.UvError.is()*
   * @help ts.UvError.new({name}, {message}, {path}, {code})
   */
  new: (name: string, message: unknown, path?: unknown, code?: unknown): UvError => {
    if (type(name) !== "string") error(`ts.UvError.new: name must be a string, got ${type(name)}`, 2);
    return new_uv_error(name, message, path, code);
  },
  /** True when `err` is (or wraps) a UvError. */
  is: (err: unknown): boolean => is_uv_error(err),
};
