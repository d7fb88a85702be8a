/**
 * @section tsasync-fs
 * File-system helpers on top of |tsasync-uv| (libuv's thread pool: the editor
 * never blocks). Inside a task; failures raise a |ts.UvError| (`err.code`,
 * `err.path`). Cancellation cancels queued requests; an fd is closed as soon
 * as no request of the cancelled call still runs on it (never earlier: its
 * number could be reused). A request that a libuv worker already runs cannot
 * be stopped: what it yields (an fd, the temporary file of `write_file`) is
 * released by its callback when it finishes (|ts.uv.stats| `late` counts it
 * meanwhile).
 */
import { runtime } from "./runtime";
import { EMPTY } from "./scheduler";
import { await_cb } from "./await";
import { Task, check_cancel, first, resume_with, running_task, suspend, ypcall, register_wait_kind } from "./task";
import { new_uv_error } from "./uv/error";
import { cancel_late, late_done } from "./uv/track";
import { uv } from "./uv/wrap";

type LuaFn = (this: void, ...args: any[]) => any;
const luv = runtime.uv as unknown as { [name: string]: LuaFn };
/** The same functions, typed for destructuring their several results. */
const luvm = runtime.uv as unknown as { [name: string]: (this: void, ...args: any[]) => LuaMultiReturn<any[]> };

/** What `ts.fs.stat` returns (luv's `fs_stat` table). */
export interface FsStat {
  type: string;
  size: number;
  mode: number;
  mtime: { sec: number; nsec: number };
  [field: string]: unknown;
}

function check_path(fname: string, path: unknown, arg = "path"): string {
  if (type(path) !== "string" || path === "") error(`${fname}: ${arg} must be a non-empty string, got ${type(path) === "string" ? '""' : type(path)}`, 3);
  return path as string;
}

function check_data(fname: string, data: unknown): string {
  if (type(data) === "string") return data as string;
  if (type(data) === "table") {
    for (const [, v] of ipairs(data as unknown[])) {
      if (type(v) !== "string") error(`${fname}: data must be a string or a list of strings, got a list holding a ${type(v)}`, 3);
    }
    return table.concat(data as string[]);
  }
  return error(`${fname}: data must be a string or a list of strings, got ${type(data)}`, 3);
}

function join(dir: string, name: string): string {
  return string.sub(dir, -1) === "/" ? dir + name : `${dir}/${name}`;
}

// ---- fds in use ------------------------------------------------------------------------------------
//
// A cancelled task must not close an fd while a request of its own still runs on it in the
// thread pool (the number could be reused by another open and the request would then hit the
// wrong file). So every request on an fd is counted, and the fd is closed (and a temporary
// file removed) only when the file is released *and* no request is left: at once normally, or
// from the late callback of the last request after a cancellation.

interface File {
  fd?: number;
  busy: number;
  released: boolean;
  /** Temporary file to remove with the fd (write_file before its rename). */
  tmp?: string;
  path: string;
  late_open: LuaFn;
  late_op: LuaFn;
}

function settle(f: File): void {
  if (!f.released || f.busy > 0) return;
  if (f.fd !== undefined) {
    luv.fs_close(f.fd);
    f.fd = undefined;
  }
  if (f.tmp !== undefined) {
    luv.fs_unlink(f.tmp);
    f.tmp = undefined;
  }
}

function new_file(path: string, tmp?: string): File {
  const f = { busy: 0, released: false, path, tmp } as File;
  // The callbacks of requests cancelled with the task (counted in ts.uv.stats.late).
  f.late_open = (_err: unknown, fd: unknown) => {
    f.busy -= 1;
    if (type(fd) === "number") f.fd = fd as number;
    settle(f);
    late_done();
  };
  f.late_op = () => {
    f.busy -= 1;
    settle(f);
    late_done();
  };
  return f;
}

/** Runs luv fs function `name` (callback at `argc`) on behalf of `f`; raises a UvError. */
function file_req(f: File, fname: string, name: string, late: LuaFn, argc: number, a1: unknown, a2?: unknown, a3?: unknown): unknown {
  // Cancellation is checked first: once busy is counted, the request must really be made.
  check_cancel(running_task(fname));
  f.busy += 1;
  const [err, v] = await_cb(fname, { on_cancel: cancel_late, cleanup: late }, argc, luv[name], a1, a2, a3);
  f.busy -= 1;
  if (err !== undefined) error(new_uv_error(name, err, f.path), 0);
  return v;
}

function file_open(f: File, fname: string, path: string, flags: string, mode: number): void {
  f.fd = file_req(f, fname, "fs_open", f.late_open, 4, path, flags, mode) as number;
}

/** Releases `f` (closing its fd when no request runs on it) and passes results or the error on. */
function release_then(f: File, ok?: unknown, ...rest: unknown[]): LuaMultiReturn<unknown[]> {
  f.released = true;
  settle(f);
  if (!ok) return error(first(...rest), 0);
  return $multi(...rest);
}

function read_body(this: void, f: File): string {
  const fname = "ts.fs.read_file";
  file_open(f, fname, f.path, "r", 438);
  const st = file_req(f, fname, "fs_fstat", f.late_op, 2, f.fd) as FsStat;
  const chunks: string[] = [];
  let off = 0;
  let want = st.size > 0 ? st.size : 65536;
  for (;;) {
    const data = file_req(f, fname, "fs_read", f.late_op, 4, f.fd, want, off) as string;
    if (data === "") break;
    chunks.push(data);
    off += data.length;
    want = 65536;
  }
  return table.concat(chunks);
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
export function read_file(this: void, path: string): string {
  check_path("ts.fs.read_file", path);
  running_task("ts.fs.read_file");
  const f = new_file(path);
  const [data] = release_then(f, ...ypcall(read_body, f));
  return data as string;
}

function write_all(f: File, fname: string, data: string, offset?: number): void {
  let rest = data;
  let off = offset;
  while (rest.length > 0) {
    const n = file_req(f, fname, "fs_write", f.late_op, 4, f.fd, rest, off) as number;
    rest = string.sub(rest, n + 1);
    if (off !== undefined) off += n;
  }
}

function write_body(this: void, f: File, data: string, mode: number): void {
  const fname = "ts.fs.write_file";
  file_open(f, fname, f.tmp!, "wx", mode);
  write_all(f, fname, data, 0);
  file_req(f, fname, "fs_fsync", f.late_op, 2, f.fd);
}

let tmp_counter = 0;

/**
 * Atomic: writes {data} (a string or a list of strings) to a temporary file
 * next to {path} (`<path>.tsasync-<pid>-<n>.tmp`), fsyncs it, renames it
 * over {path}. Readers see the old content or the new one, never a part.
 * Keeps an existing file's mode (new files get 0644 minus the umask). On
 * error or cancellation the temporary file is removed (once no request runs
 * on it) and {path} is untouched.
 * @help ts.fs.write_file({path}, {data})
 */
export function write_file(this: void, path: string, data: string | string[]): void {
  check_path("ts.fs.write_file", path);
  const text = check_data("ts.fs.write_file", data);
  running_task("ts.fs.write_file");
  const [err, st] = uv.p.fs_stat(path);
  const mode = err === undefined && st !== undefined ? (st as FsStat).mode % 4096 : 420;
  tmp_counter += 1;
  const tmp = `${path}.tsasync-${luv.os_getpid()}-${tmp_counter}.tmp`;
  const f = new_file(path, tmp);
  const [ok, e] = ypcall(write_body, f, text, mode);
  if (ok) f.tmp = undefined; // written: keep it for the rename
  release_then(f, ok, e);
  const [ok2, e2] = ypcall(uv.fs_rename, tmp, path);
  if (!ok2) {
    luv.fs_unlink(tmp);
    error(e2, 0);
  }
}

function append_body(this: void, f: File, data: string): void {
  file_open(f, "ts.fs.append", f.path, "a", 420);
  write_all(f, "ts.fs.append", data, undefined);
}

/**
 * Appends {data} (a string or a list of strings) to {path}, creating the
 * file (0644 minus the umask) if needed.
 * @help ts.fs.append({path}, {data})
 */
export function append(this: void, path: string, data: string | string[]): void {
  check_path("ts.fs.append", path);
  const text = check_data("ts.fs.append", data);
  running_task("ts.fs.append");
  const f = new_file(path);
  release_then(f, ...ypcall(append_body, f, text));
}

/**
 * luv's stat table of {path} (follows symlinks): `type`, `size`, `mode`,
 * `mtime`, ... Raises a UvError with code ENOENT when nothing is there.
 * @help ts.fs.stat({path})
 */
export function stat(this: void, path: string): FsStat {
  check_path("ts.fs.stat", path);
  return uv.fs_stat(path) as FsStat;
}

/**
 * Boolean: whether {path} exists (a broken symlink counts as missing).
 * Raises for errors other than ENOENT / ENOTDIR.
 * @help ts.fs.exists({path})
 */
export function exists(this: void, path: string): boolean {
  check_path("ts.fs.exists", path);
  const [err] = uv.p.fs_stat(path);
  if (err === undefined) return true;
  if (err.code === "ENOENT" || err.code === "ENOTDIR") return false;
  return error(err, 0);
}

/**
 * Creates directory {path} and its missing parents (like `mkdir -p`); an
 * existing directory is fine, an existing file raises EEXIST. {mode}
 * defaults to 0755 (minus the umask).
 * @help ts.fs.mkdir_p({path}, {mode})
 */
export function mkdir_p(this: void, path: string, mode?: number): void {
  check_path("ts.fs.mkdir_p", path);
  if (mode !== undefined && type(mode) !== "number") error(`ts.fs.mkdir_p: mode must be a number, got ${type(mode)}`, 2);
  running_task("ts.fs.mkdir_p");
  const [p] = string.gsub(path, "(.)/+$", "%1");
  mkdir_rec(p, mode ?? 493);
}

function mkdir_rec(path: string, mode: number): void {
  const [err] = uv.p.fs_mkdir(path, mode);
  if (err === undefined) return;
  if (err.code === "EEXIST") {
    const st = uv.fs_stat(path) as FsStat;
    if (st.type !== "directory") error(new_uv_error("fs_mkdir", `EEXIST: file already exists and is not a directory: ${path}`, path, "EEXIST"), 0);
    return;
  }
  if (err.code !== "ENOENT") error(err, 0);
  const [parent] = string.match(path, "^(.+)/[^/]+$");
  if (parent === undefined || parent === path) error(err, 0);
  mkdir_rec(parent, mode);
  const [err2] = uv.p.fs_mkdir(path, mode);
  if (err2 !== undefined && err2.code !== "EEXIST") error(err2, 0);
}

/**
 * Removes {path} and everything below it (like `rm -rf`). Symlinks are
 * removed, not followed; a missing path is fine.
 * @help ts.fs.rm_rf({path})
 */
export function rm_rf(this: void, path: string): void {
  check_path("ts.fs.rm_rf", path);
  running_task("ts.fs.rm_rf");
  rm_rec(path);
}

function rm_rec(path: string): void {
  const [err, st] = uv.p.fs_lstat(path);
  if (err !== undefined) {
    if (err.code === "ENOENT") return;
    error(err, 0);
  }
  if ((st as FsStat).type === "directory") {
    const names: string[] = [];
    for (const [name] of scandir(path)) names.push(name);
    for (const name of names) rm_rec(join(path, name));
    const [e2] = uv.p.fs_rmdir(path);
    if (e2 !== undefined && e2.code !== "ENOENT") error(e2, 0);
  } else {
    const [e2] = uv.p.fs_unlink(path);
    if (e2 !== undefined && e2.code !== "ENOENT") error(e2, 0);
  }
}

/**
 * Copies file {from} to {to} (overwriting it); directories recursively
 * (symlinks recreated as symlinks).
 * @help ts.fs.copy({from}, {to})
 */
export function copy(this: void, from: string, to: string): void {
  check_path("ts.fs.copy", from, "from");
  check_path("ts.fs.copy", to, "to");
  running_task("ts.fs.copy");
  copy_rec(from, to);
}

function copy_rec(from: string, to: string): void {
  const st = uv.fs_lstat(from) as FsStat;
  if (st.type === "directory") {
    mkdir_rec(to, st.mode % 4096);
    const names: string[] = [];
    for (const [name] of scandir(from)) names.push(name);
    for (const name of names) copy_rec(join(from, name), join(to, name));
  } else if (st.type === "link") {
    const target = uv.fs_readlink(from);
    const [err] = uv.p.fs_unlink(to);
    if (err !== undefined && err.code !== "ENOENT") error(err, 0);
    uv.fs_symlink(target, to);
  } else {
    uv.fs_copyfile(from, to);
  }
}

/** Type of a directory entry, asking lstat when the file system did not say. */
function entry_type(path: string, ty: unknown): string {
  if (ty !== undefined && ty !== "unknown") return ty as string;
  const [st] = luvm.fs_lstat(path);
  return st !== undefined ? (st as FsStat).type : "unknown";
}

/**
 * Reads {dir} in one request when called (raises ENOENT, ENOTDIR), returns
 * an iterator of `name, type` (`"file"`, `"directory"`, `"link"`, ...;
 * without `.` and `..`): `for name, type in ts.fs.scandir(dir) do`. The
 * iterator never suspends (fine in a PUC Lua generic `for`).
 * @help ts.fs.scandir({dir})
 */
export function scandir(this: void, dir: string): LuaIterable<LuaMultiReturn<[string, string]>> {
  check_path("ts.fs.scandir", dir, "dir");
  const req = uv.fs_scandir(dir);
  const next = (): LuaMultiReturn<[string, string] | []> => {
    const [name, ty] = luvm.fs_scandir_next(req);
    if (name === undefined) {
      if (ty !== undefined) error(new_uv_error("fs_scandir_next", ty, dir), 0);
      return $multi();
    }
    return $multi(name as string, entry_type(join(dir, name as string), ty));
  };
  return next as unknown as LuaIterable<LuaMultiReturn<[string, string]>>;
}

// ---- walk ------------------------------------------------------------------------------------------

interface Walk {
  root: string;
  conc: number;
  dirs: LuaTable<number, string>;
  dh: number;
  dt: number;
  paths: LuaTable<number, string>;
  types: LuaTable<number, string>;
  ph: number;
  pt: number;
  inflight: number;
  /** Running scandir requests: true, or false once cancelled (counted in ts.uv.stats.late). */
  reqs: LuaTable<object, boolean>;
  err?: unknown;
  waiter?: Task;
  stopped: boolean;
}

function walk_start(w: Walk, dir: string): void {
  w.inflight += 1;
  let req: unknown;
  const [r, e, en] = luvm.fs_scandir(dir, (err: unknown, res: unknown) => {
    w.inflight -= 1;
    if (req !== undefined) {
      if (w.reqs.get(req as object) === false) late_done();
      w.reqs.delete(req as object);
    }
    if (w.stopped) return;
    if (err !== undefined) {
      const ue = new_uv_error("fs_scandir", err, dir);
      // An entry that vanished or changed type during the walk is skipped; the root is not.
      if (dir === w.root || (ue.code !== "ENOENT" && ue.code !== "ENOTDIR")) {
        if (w.err === undefined) w.err = ue;
      }
    } else {
      for (;;) {
        const [name, ty] = luvm.fs_scandir_next(res);
        if (name === undefined) break;
        const path = join(dir, name as string);
        const t = entry_type(path, ty);
        w.pt += 1;
        w.paths.set(w.pt, path);
        w.types.set(w.pt, t);
        if (t === "directory") {
          w.dt += 1;
          w.dirs.set(w.dt, path);
        }
      }
    }
    const waiter = w.waiter;
    if (waiter !== undefined) {
      w.waiter = undefined;
      resume_with(waiter, EMPTY);
    }
  });
  if (r === undefined) {
    w.inflight -= 1;
    if (w.err === undefined) w.err = new_uv_error("fs_scandir", e, dir, en);
    return;
  }
  req = r;
  w.reqs.set(r as object, true);
}

function abort_walk(arg: unknown): void {
  const w = arg as Walk;
  w.waiter = undefined;
  w.stopped = true;
  for (const [req, running] of w.reqs) {
    if (running) {
      w.reqs.set(req, false);
      cancel_late(req);
    }
  }
}
register_wait_kind(abort_walk, () => "ts.fs.walk");

function walk_next(w: Walk): LuaMultiReturn<[string, string] | []> {
  const t = running_task("ts.fs.walk iterator");
  for (;;) {
    check_cancel(t);
    while (w.inflight < w.conc && w.dh <= w.dt) {
      const d = w.dirs.get(w.dh);
      w.dirs.delete(w.dh);
      w.dh += 1;
      walk_start(w, d);
    }
    if (w.ph <= w.pt) {
      const i = w.ph;
      w.ph = i + 1;
      const p = w.paths.get(i);
      const ty = w.types.get(i);
      w.paths.delete(i);
      w.types.delete(i);
      return $multi(p, ty);
    }
    if (w.err !== undefined) {
      const e = w.err;
      w.err = undefined;
      w.stopped = true;
      w.dh = w.dt + 1;
      error(e, 0);
    }
    if (w.inflight === 0) return $multi();
    w.waiter = t;
    suspend(t, abort_walk, w);
  }
}

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
export function walk(this: void, dir: string, opts?: WalkOptions): LuaIterable<LuaMultiReturn<[string, string]>> {
  check_path("ts.fs.walk", dir, "dir");
  let conc = 8;
  if (opts !== undefined) {
    if (type(opts) !== "table") error(`ts.fs.walk: opts must be a table, got ${type(opts)}`, 2);
    for (const [k] of pairs(opts as object)) if (k !== "concurrency") error(`ts.fs.walk: unknown option "${tostring(k)}"`, 2);
    const c = opts.concurrency;
    if (c !== undefined) {
      if (type(c) !== "number" || c < 1 || c !== math.floor(c)) error(`ts.fs.walk: opts.concurrency must be a positive integer, got ${tostring(c)}`, 2);
      conc = c;
    }
  }
  running_task("ts.fs.walk");
  const w: Walk = {
    root: dir,
    conc,
    dirs: new LuaTable(),
    dh: 1,
    dt: 1,
    paths: new LuaTable(),
    types: new LuaTable(),
    ph: 1,
    pt: 0,
    inflight: 0,
    reqs: new LuaTable(),
    stopped: false,
  };
  w.dirs.set(1, dir);
  return (() => walk_next(w)) as unknown as LuaIterable<LuaMultiReturn<[string, string]>>;
}

