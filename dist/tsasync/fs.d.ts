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
 * Reads a whole file.
 * ```lua
 * local text = ts.fs.read_file(vim.fn.stdpath("config") .. "/init.lua")
 * ```
 * Raises a UvError (`ENOENT`, `EISDIR`, ...). Cancellation cancels the queued request; the fd
 * is closed as soon as no request of the call runs on it any more.
 */
export declare function read_file(this: void, path: string): string;
/**
 * Writes `data` (a string or a list of strings) to `path` atomically: into a temporary file
 * next to it (`<path>.tsasync-<pid>-<n>.tmp`), flushed with fsync, then renamed over `path`.
 * Readers see the old content or the new one, never a part. An existing file's permissions
 * are kept (new files get 0644 minus the umask). On error or cancellation the temporary file
 * is removed (once no request runs on it) and `path` is untouched.
 */
export declare function write_file(this: void, path: string, data: string | string[]): void;
/** Appends `data` to `path`, creating the file (0644 minus the umask) if needed. */
export declare function append(this: void, path: string, data: string | string[]): void;
/**
 * luv's stat table of `path` (follows symlinks): `type`, `size`, `mode`, `mtime`, ...
 * Raises a UvError with code `ENOENT` when nothing is there.
 */
export declare function stat(this: void, path: string): FsStat;
/** True when `path` exists (a broken symlink counts as missing). Raises for errors other than ENOENT / ENOTDIR. */
export declare function exists(this: void, path: string): boolean;
/**
 * Creates directory `path` and its missing parents (like `mkdir -p`); an existing directory
 * is fine, an existing file raises EEXIST. `mode` defaults to 0755 (minus the umask).
 */
export declare function mkdir_p(this: void, path: string, mode?: number): void;
/**
 * Removes `path` and everything below it (like `rm -rf`); symlinks are removed, not followed.
 * A missing `path` is fine.
 */
export declare function rm_rf(this: void, path: string): void;
/**
 * Copies file `from` to `to` (overwriting it); a directory is copied recursively, symlinks
 * are recreated as symlinks.
 */
export declare function copy(this: void, from: string, to: string): void;
/**
 * The entries of directory `dir` (without `.` and `..`), as an iterator of `name, type`
 * (`"file"`, `"directory"`, `"link"`, ...): `for name, type in ts.fs.scandir(dir) do`.
 * The directory is read in one request when `scandir` is called (raises ENOENT, ENOTDIR);
 * the iterator itself never suspends, so it also works in a PUC Lua generic `for`.
 */
export declare function scandir(this: void, dir: string): LuaIterable<LuaMultiReturn<[string, string]>>;
/** Options of `ts.fs.walk`. */
export interface WalkOptions {
    /** Directories read at the same time (default 8). */
    concurrency?: number;
}
/**
 * Every entry below `dir` (not `dir` itself), as an iterator of `path, type`, in no particular
 * order: up to `concurrency` directories are read at once. Symlinks are reported (type
 * `"link"`), not followed. A subdirectory that disappears during the walk is skipped; other
 * errors (and a missing `dir`) are raised by the iterator. Work happens only while the caller
 * pulls entries: breaking out of the loop leaves at most `concurrency` requests to finish in
 * the background; cancelling the task cancels the queued ones (`uv.cancel`).
 * ```lua
 * local n = 0
 * for path, type in ts.fs.walk(vim.fn.getcwd(), { concurrency = 16 }) do
 *   if type == "file" then n = n + 1 end
 * end
 * ```
 */
export declare function walk(this: void, dir: string, opts?: WalkOptions): LuaIterable<LuaMultiReturn<[string, string]>>;
