/** @noSelfInFile */
/** What `ts.fs.stat` returns (luv's `fs_stat` table). */
export interface FsStat {
    type: string;
    size: number;
    mode: number;
    mtime: {
        sec: number;
        nsec: number;
    };
    [field: string]: unknown;
}
/**
 * The whole file {path} as a string (also files whose size stat does not
 * know, such as those of /proc).
 * ```lua
 * local text = ts.fs.read_file(vim.fn.stdpath("config") .. "/init.lua")
 * ```
 * Raises a UvError (`ENOENT`, `EISDIR`, ...). Cancellation cancels the
 * queued request; the fd is closed as soon as no request of the call runs on
 * it any more.
 * @help ts.fs.read_file({path})
 */
export declare function read_file(this: void, path: string): string;
/**
 * Atomic: writes {data} (a string or a list of strings) to a temporary file
 * next to {path} (`<path>.tsasync-<pid>-<n>.tmp`), fsyncs it, renames it
 * over {path}. Readers see the old content or the new one, never a part.
 * Keeps an existing file's mode (new files get 0644 minus the umask). On
 * error or cancellation the temporary file is removed (once no request runs
 * on it) and {path} is untouched.
 * @help ts.fs.write_file({path}, {data})
 */
export declare function write_file(this: void, path: string, data: string | string[]): void;
/**
 * Appends {data} (a string or a list of strings) to {path}, creating the
 * file (0644 minus the umask) if needed.
 * @help ts.fs.append({path}, {data})
 */
export declare function append(this: void, path: string, data: string | string[]): void;
/**
 * luv's stat table of {path} (follows symlinks): `type`, `size`, `mode`,
 * `mtime`, ... Raises a UvError with code ENOENT when nothing is there.
 * @help ts.fs.stat({path})
 */
export declare function stat(this: void, path: string): FsStat;
/**
 * Boolean: whether {path} exists (a broken symlink counts as missing).
 * Raises for errors other than ENOENT / ENOTDIR.
 * @help ts.fs.exists({path})
 */
export declare function exists(this: void, path: string): boolean;
/**
 * Creates directory {path} and its missing parents (like `mkdir -p`); an
 * existing directory is fine, an existing file raises EEXIST. {mode}
 * defaults to 0755 (minus the umask).
 * @help ts.fs.mkdir_p({path}, {mode})
 */
export declare function mkdir_p(this: void, path: string, mode?: number): void;
/**
 * Removes {path} and everything below it (like `rm -rf`). Symlinks are
 * removed, not followed; a missing path is fine.
 * @help ts.fs.rm_rf({path})
 */
export declare function rm_rf(this: void, path: string): void;
/**
 * Copies file {from} to {to} (overwriting it); directories recursively
 * (symlinks recreated as symlinks).
 * @help ts.fs.copy({from}, {to})
 */
export declare function copy(this: void, from: string, to: string): void;
/**
 * Reads {dir} in one request when called (raises ENOENT, ENOTDIR), returns
 * an iterator of `name, type` (`"file"`, `"directory"`, `"link"`, ...;
 * without `.` and `..`): `for name, type in ts.fs.scandir(dir) do`. The
 * iterator never suspends (fine in a PUC Lua generic `for`).
 * @help ts.fs.scandir({dir})
 */
export declare function scandir(this: void, dir: string): LuaIterable<LuaMultiReturn<[string, string]>>;
/** Options of `ts.fs.walk`. */
export interface WalkOptions {
    /** Directories read at the same time (default 8). */
    concurrency?: number;
}
/**
 * Iterator of `path, type` for every entry below {dir} (not {dir} itself),
 * in no particular order. `opts.concurrency` (default 8) directories are
 * read at once. Symlinks are reported (type `"link"`), not followed. Work
 * happens while the caller pulls: breaking out of the loop leaves at most
 * `concurrency` requests finishing in the background; cancelling the task
 * cancels the queued ones (`uv.cancel`). A subdirectory vanishing mid-walk
 * is skipped; other errors (and a missing {dir}) are raised by the
 * iterator.
 * ```lua
 * local n = 0
 * for path, type in ts.fs.walk(vim.fn.getcwd(), { concurrency = 16 }) do
 *   if type == "file" then n = n + 1 end
 * end
 * ```
 * @help ts.fs.walk({dir}, {opts})
 */
export declare function walk(this: void, dir: string, opts?: WalkOptions): LuaIterable<LuaMultiReturn<[string, string]>>;
