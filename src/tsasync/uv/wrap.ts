/**
 * @section tsasync-uv
 * `ts.uv.<name>(...)` exists for every callback-taking function of Neovim's luv
 * (64 in Neovim 0.12, listed under "Functions" below). The list and each
 * function's shape are generated from Neovim's own annotations
 * (`$VIMRUNTIME/lua/uv/_meta.lua`) by `scripts/gen-uv.lua` into
 * `src/tsasync/uv/generated.ts` (`make generate-uv`); a few decisions the
 * annotations cannot carry (which functions are timers, listeners, what to do
 * with a late result) are kept in the generator's OVERRIDES table.
 * `ts.uv.specs` holds the metadata at runtime.
 *
 * Call a wrapper inside a task with luv's arguments minus the callback:
 * ```lua
 * ts.run(function()
 *   local fd = ts.uv.fs_open("/etc/hostname", "r", 420)
 *   local data = ts.uv.fs_read(fd, 4096, 0)
 *   ts.uv.fs_close(fd)
 * end)
 * ```
 * It suspends and returns the callback's values after the error argument
 * (callbacks without one, like `spawn`'s `on_exit`, return their values as
 * they are). A failure raises a |ts.UvError|; a synchronous failure of the luv
 * call (`nil, err, name`) too, instead of hanging. Too many arguments raise, and
 * so does a NaN or infinite number (luv would turn it into an arbitrary
 * integer).
 */
import { WrapOptions, await_cb } from "../await";
import { runtime } from "../runtime";
import { EMPTY, Packed, pack } from "../scheduler";
import { first, ppcall } from "../task";
import { UvError, new_uv_error } from "./error";
import { UvSpec, UvPWrappers, UvWrappers, specs } from "./generated";
import { UvStream, new_stream, stream_fail, stream_finish, stream_push } from "./stream";
import { cancel_late, late_done, stats, terminate, track_close, track_open } from "./track";

type LuaFn = (this: void, ...args: any[]) => any;
interface Handle {
  close(this: Handle, cb?: LuaFn): void;
  is_closing(this: Handle): boolean;
  kill(this: Handle, sig: string): unknown;
}

const luv = runtime.uv as unknown as { [name: string]: LuaFn | undefined };

/** Marker first value: the luv call failed synchronously (`nil, err, errname`). */
const SYNC_FAIL = { sync_fail: true };
/** Marker first value: the luv call raised (bad arguments). */
const ARG_FAIL = { arg_fail: true };
const TRUE_EVENT = pack(true);

// ---- cleanup actions ------------------------------------------------------------------------

function close_handle(h: unknown): void {
  if (h !== undefined && !(h as Handle).is_closing()) (h as Handle).close();
}

function late_fd(this: void, _err: unknown, fd: unknown): void {
  if (type(fd) === "number") luv.fs_close!(fd);
}

function late_dir(this: void, _err: unknown, dir: unknown): void {
  if (dir !== undefined) luv.fs_closedir!(dir);
}

function late_mkstemp(this: void, _err: unknown, fd: unknown, path: unknown): void {
  if (type(fd) === "number") luv.fs_close!(fd);
  if (type(path) === "string") luv.fs_unlink!(path);
}

function late_mkdtemp(this: void, _err: unknown, path: unknown): void {
  if (type(path) === "string") luv.fs_rmdir!(path);
}

const LATE: { [k: string]: LuaFn } = { fd: late_fd, dir: late_dir, mkstemp: late_mkstemp, mkdtemp: late_mkdtemp };

/**
 * The cleanup of a one-shot call: releases what arrived late (`late`, if any) and, for a
 * request counted by `cancel_late`, ends its count in `stats.late` once that is done.
 */
function late_action(cancel: string | undefined, late: LuaFn | undefined): LuaFn | undefined {
  if (cancel !== "req") return late;
  if (late === undefined) return () => late_done();
  return (...values: unknown[]) => {
    const [ok, err] = pcall(late, ...values);
    late_done();
    if (!ok) error(err, 0);
  };
}

function cancel_action(cancel: string | undefined): LuaFn | undefined {
  if (cancel === undefined) return undefined;
  if (cancel === "req") return cancel_late;
  if (cancel === "close") return (h: unknown) => pcall(close_handle, h);
  const [stop] = string.match(cancel, "^stop:(.+)$");
  if (stop !== undefined) return (h: unknown) => { const f = luv[stop]; if (f !== undefined) pcall(f, h); };
  return error(`ts.uv: unknown cancel action "${cancel}" in the generated metadata`);
}

// ---- results ---------------------------------------------------------------------------------

/** Raises or returns the callback's values of one-shot call `name`. */
function finish(
  name: string,
  spec: UvSpec,
  prot: boolean,
  path: unknown,
  a?: unknown,
  ...rest: unknown[]
): LuaMultiReturn<unknown[]> {
  let err: UvError | undefined;
  if (a === SYNC_FAIL) {
    const [msg, code] = [...rest];
    err = new_uv_error(name, msg, path, code);
  } else if (a === ARG_FAIL) {
    return error(`${prot ? "ts.uv.p." : "ts.uv."}${name}: ${tostring(first(...rest))}`, 0);
  } else if (spec.err) {
    if (a !== undefined) err = new_uv_error(name, a, path);
  } else {
    if (prot) return $multi(undefined, a, ...rest);
    return $multi(a, ...rest);
  }
  if (prot) return $multi(err, ...rest);
  if (err !== undefined) return error(err, 0);
  return $multi(...rest);
}

/** Calls luv `fn` with `args` (the callback included); a synchronous failure is fed to `cb`. */
function call_luv(fn: LuaFn, cb: LuaFn, ret_arg1: boolean, ...args: unknown[]): unknown {
  return after_call(cb, ret_arg1, first(...args), ...ppcall(fn, ...args));
}

function after_call(cb: LuaFn, ret_arg1: boolean, arg1: unknown, ok?: unknown, r1?: unknown, r2?: unknown, r3?: unknown): unknown {
  if (!ok) {
    cb(ARG_FAIL, r1);
    return undefined;
  }
  if (r1 === undefined && type(r2) === "string") {
    cb(SYNC_FAIL, r2, r3);
    return undefined;
  }
  return ret_arg1 ? arg1 : r1;
}

function arg_at(i: number, ...args: unknown[]): unknown {
  const [v] = select(i, ...args);
  return v;
}

/**
 * Refuses NaN and infinite numbers: luv turns them into arbitrary integers (`fs_close(0/0)`
 * closed fd 0), so they are never passed on.
 */
function check_finite(fname: string, nargs: number, ...args: unknown[]): void {
  for (let i = 1; i <= nargs; i++) {
    const [v] = select(i, ...args);
    if (type(v) === "number" && (v !== v || v === math.huge || v === -math.huge)) {
      error(`${fname}: argument ${i} must be a finite number, got ${tostring(v)}`, 3);
    }
  }
}

function arg_count_error(fname: string, n: number, max: number): never {
  return error(`${fname}: got ${n} arguments, expected at most ${max} (luv's arguments without the callback)`, 3);
}

// ---- one-shot wrappers ------------------------------------------------------------------------

function make_once(name: string, spec: UvSpec, fn: LuaFn, prot: boolean): LuaFn {
  const fname = prot ? `ts.uv.p.${name}` : `ts.uv.${name}`;
  const n = spec.nparams;
  const max = n - 1;
  const ret_arg1 = spec.cancel === "close" || (spec.cancel !== undefined && string.sub(spec.cancel, 1, 5) === "stop:");
  // The shim takes the callback last; luv may want it elsewhere (fs_opendir(path, cb, entries)).
  const shim: LuaFn =
    spec.cb === n
      ? (...args: unknown[]) => {
          const [cb] = select(n, ...args);
          return call_luv(fn, cb as LuaFn, ret_arg1, ...args);
        }
      : (...args: any[]) => {
          const p = pack(...args);
          const cb = p.get(n);
          for (let i = n; i > spec.cb; i--) p.set(i, p.get(i - 1));
          p.set(spec.cb, cb);
          return call_luv(fn, cb as LuaFn, ret_arg1, ...unpack(p as unknown as unknown[], 1, n));
        };
  const on_cancel = cancel_action(spec.cancel);
  const cleanup = late_action(spec.cancel, spec.late !== undefined ? LATE[spec.late] : undefined);
  const opts: WrapOptions | undefined = on_cancel !== undefined || cleanup !== undefined ? { on_cancel, cleanup } : undefined;
  const path_at = spec.path;
  return (...args: unknown[]) => {
    const nargs = select("#", ...args);
    if (nargs > max) arg_count_error(fname, nargs, max);
    check_finite(fname, nargs, ...args);
    const path = path_at !== undefined && path_at <= nargs ? arg_at(path_at, ...args) : undefined;
    return finish(name, spec, prot, path, ...await_cb(fname, opts, n, shim, ...args));
  };
}

// ---- processes ----------------------------------------------------------------------------------

interface SpawnState {
  h?: Handle;
  exited?: boolean;
  send: (this: void, sig: string) => void;
}

function make_spawn(name: string, spec: UvSpec, fn: LuaFn, prot: boolean): LuaFn {
  const fname = prot ? `ts.uv.p.${name}` : `ts.uv.${name}`;
  return (path: unknown, options: unknown, ...more: unknown[]) => {
    if (select("#", ...more) > 0) arg_count_error(fname, 2 + select("#", ...more), 2);
    const st: SpawnState = { send: (sig) => { if (st.h !== undefined && !st.h.is_closing()) st.h.kill(sig); } };
    const shim = (p: unknown, o: unknown, cb: LuaFn) => {
      const [ok, h, pid, errname] = pcall(fn, p, o, (code: number, signal: number) => {
        st.exited = true;
        if (st.h !== undefined) {
          st.h.close();
          track_close();
        }
        cb(code, signal);
      });
      if (!ok) cb(ARG_FAIL, h);
      else if (h === undefined) cb(SYNC_FAIL, pid, errname);
      else {
        st.h = h as Handle;
        track_open();
      }
    };
    const opts: WrapOptions = { on_cancel: () => terminate(st) };
    return finish(name, spec, prot, path, ...await_cb(fname, opts, 3, shim, path, options));
  };
}

// ---- streams ------------------------------------------------------------------------------------

function event_cb(name: string, spec: UvSpec, s: UvStream, path: unknown): LuaFn {
  if (!spec.err) {
    return (...vals: unknown[]) => stream_push(s, select("#", ...vals) === 0 ? TRUE_EVENT : pack(...vals));
  }
  const eof = spec.eof === true;
  const skip_empty = spec.skip_empty === true;
  return (err: unknown, ...vals: unknown[]) => {
    if (err !== undefined) {
      stream_fail(s, new_uv_error(name, err, path));
      return;
    }
    const nv = select("#", ...vals);
    const v1 = first(...vals);
    if (eof && v1 === undefined) {
      stream_finish(s);
      return;
    }
    if (skip_empty && v1 === undefined && arg_at(2, ...vals) === undefined) return;
    stream_push(s, nv === 0 ? TRUE_EVENT : pack(...vals));
  };
}

/** Calls start function `fn` with `args` and `cb` at position `spec.cb`; raises a UvError on failure. */
function start(name: string, fname: string, spec: UvSpec, fn: LuaFn, cb: LuaFn, path: unknown, args: Packed): void {
  const p = pack(...unpack(args as unknown as unknown[], 1, args.n));
  p.set(spec.cb, cb);
  const [ok, r1, r2, r3] = pcall(fn, ...unpack(p as unknown as unknown[], 1, spec.nparams));
  if (!ok) error(`${fname}: ${tostring(r1)}`, 0);
  if (r1 === undefined && type(r2) === "string") error(new_uv_error(name, r2, path, r3), 0);
}

function make_stream(name: string, spec: UvSpec, fn: LuaFn): LuaFn {
  const fname = `ts.uv.${name}`;
  const max = spec.nparams - 1;
  const stop = spec.stop !== undefined ? luv[spec.stop] : undefined;
  return (...args: unknown[]) => {
    const nargs = select("#", ...args);
    if (nargs > max) arg_count_error(fname, nargs, max);
    check_finite(fname, nargs, ...args);
    const h = first(...args);
    const path = spec.path !== undefined ? arg_at(spec.path, ...args) : undefined;
    const a = pack(...args);
    const stop_fn = stop !== undefined ? () => stop(h) : undefined;
    let cb: LuaFn = () => {};
    const s = new_stream({
      what: `${fname} stream`,
      stop: stop_fn,
      pause: spec.pause === true ? stop_fn : undefined,
      resume: spec.pause === true ? () => start(name, fname, spec, fn, cb, path, a) : undefined,
    });
    cb = event_cb(name, spec, s, path);
    start(name, fname, spec, fn, cb, path, a);
    return s;
  };
}

/** `timer_start(timer, timeout, repeat)`: a stream of `true` per tick when repeat > 0, else awaits the one tick. */
function make_timer(name: string, spec: UvSpec, fn: LuaFn, prot: boolean): LuaFn {
  const once = make_once(name, spec, fn, prot);
  const stream = make_stream(name, spec, fn);
  return (timer: unknown, timeout: unknown, repeat: unknown, ...more: unknown[]) => {
    if (type(repeat) === "number" && (repeat as number) > 0) return stream(timer, timeout, repeat, ...more);
    return once(timer, timeout, repeat ?? 0, ...more);
  };
}

/** `listen(server, backlog)`: a stream of accepted client handles (accepted when received). */
function make_listen(name: string, spec: UvSpec, fn: LuaFn): LuaFn {
  const fname = `ts.uv.${name}`;
  return (server: unknown, backlog: unknown, ...more: unknown[]) => {
    if (select("#", ...more) > 0) arg_count_error(fname, 2 + select("#", ...more), 2);
    if (type(server) !== "userdata") error(`${fname}: server must be a uv stream handle (tcp or pipe), got ${type(server)}`, 2);
    const kind = luv.handle_get_type !== undefined ? first(luv.handle_get_type(server)) : "tcp";
    const take = (): Packed => {
      const client = (kind === "pipe" ? luv.new_pipe!(false) : luv.new_tcp!()) as Handle;
      const [ok, e1, e2] = pcall(luv.accept!, server, client);
      if (!ok || (e1 === undefined && e2 !== undefined)) {
        client.close();
        return pack(undefined, new_uv_error("accept", ok ? e2 : e1));
      }
      track_open();
      return pack(client);
    };
    const s = new_stream<[unknown]>({ what: `${fname} stream`, take, limit: 1024 });
    const cb = (err: unknown) => {
      if (err !== undefined) stream_fail(s, new_uv_error(name, err));
      else stream_push(s, EMPTY);
    };
    start(name, fname, spec, fn, cb, undefined, pack(server, backlog));
    return s;
  };
}

/** `new_async()` / `new_work(work_fn)`: the handle is made here and kept as `s.handle`. */
function make_handle_stream(name: string, spec: UvSpec, fn: LuaFn): LuaFn {
  const fname = `ts.uv.${name}`;
  const max = spec.nparams - 1;
  return (...args: unknown[]) => {
    const nargs = select("#", ...args);
    if (nargs > max) arg_count_error(fname, nargs, max);
    check_finite(fname, nargs, ...args);
    let cb: LuaFn = () => {};
    const p = pack(...args);
    p.set(spec.cb, (...v: unknown[]) => cb(...v));
    const [ok, h, e] = pcall(fn, ...unpack(p as unknown as unknown[], 1, spec.nparams));
    if (!ok) error(`${fname}: ${tostring(h)}`, 2);
    if (h === undefined) error(new_uv_error(name, e), 0);
    const closes = name === "new_async";
    if (closes) track_open();
    const s = new_stream({
      what: `${fname} stream`,
      handle: h,
      stop: closes ? () => { (h as Handle).close(); track_close(); } : undefined,
    });
    cb = event_cb(name, spec, s, undefined);
    return s;
  };
}

/** `walk()`: the handles `uv.walk` visits, as a list (refused on Neovim 0.10, where walk aborts). */
function make_collect(name: string, fn: LuaFn): LuaFn {
  return (...more: unknown[]) => {
    if (select("#", ...more) > 0) arg_count_error(`ts.uv.${name}`, select("#", ...more), 0);
    if (runtime.host === "nvim" && vim.fn.has("nvim-0.11") === 0) {
      error(`ts.uv.${name}: vim.uv.${name} aborts Neovim 0.10 (luv_walk_cb assertion); needs Neovim 0.11 or newer`, 2);
    }
    const list: unknown[] = [];
    fn((h: unknown) => {
      list.push(h);
    });
    return list;
  };
}

function unavailable(fname: string, name: string): LuaFn {
  return () => {
    const v = runtime.host === "nvim" ? `Neovim ${tostring(vim.version())}` : "luv";
    return error(`${fname}: not available in this Neovim's luv (${v}, luv ${tostring(luv.version_string?.() ?? "?")}); vim.uv.${name} is missing`, 2);
  };
}

function make(name: string, spec: UvSpec, prot: boolean): LuaFn | undefined {
  const fn = luv[name];
  const kind = spec.kind;
  const streaming = kind === "stream" || kind === "listen" || kind === "handle_stream" || kind === "collect";
  if (prot && streaming) return undefined;
  const fname = prot ? `ts.uv.p.${name}` : `ts.uv.${name}`;
  if (fn === undefined) return unavailable(fname, name);
  if (kind === "once") return make_once(name, spec, fn, prot);
  if (kind === "spawn") return make_spawn(name, spec, fn, prot);
  if (kind === "timer") return make_timer(name, spec, fn, prot);
  if (kind === "stream") return make_stream(name, spec, fn);
  if (kind === "listen") return make_listen(name, spec, fn);
  if (kind === "handle_stream") return make_handle_stream(name, spec, fn);
  if (kind === "collect") return make_collect(name, fn);
  return error(`ts.uv: unknown kind "${kind}" for ${name} in the generated metadata`);
}

/**
 * The same one-shot calls returning `err, ...values` instead of raising
 * (`err` a |ts.UvError| or nil): `local err, st = ts.uv.p.fs_stat(path)`.
 * Streams have no `p` form (`ts.uv.p.timer_start` returns a stream when it
 * repeats, as `ts.uv.timer_start` does).
 * @help ts.uv.p.{name}({...})
 * @tag ts.uv.p
 */
export const p = {} as UvPWrappers;

/**
 * `ts.uv`: every callback-taking luv function, awaitable. Also `ts.uv.p` (protected forms),
 * `ts.uv.specs` (the generated metadata) and `ts.uv.stats` (`open`: handles the layer holds
 * open; `late`: requests of cancelled tasks whose callback has not come yet; `killed`).
 * ```lua
 * ts.run(function()
 *   local fd = ts.uv.fs_open("/etc/hostname", "r", 420)
 *   local data = ts.uv.fs_read(fd, 4096, 0)
 *   ts.uv.fs_close(fd)
 *   local err, st = ts.uv.p.fs_stat("/nope") -- err.code == "ENOENT"
 * end)
 * ```
 */
export const uv = {} as UvWrappers & { p: UvPWrappers; specs: typeof specs; stats: typeof stats };

for (const [name, spec] of pairs(specs as unknown as LuaTable<string, UvSpec>)) {
  (uv as unknown as Record<string, LuaFn>)[name] = make(name, spec, false)!;
  const pf = make(name, spec, true);
  if (pf !== undefined) (p as unknown as Record<string, LuaFn>)[name] = pf;
}
uv.p = p;
uv.specs = specs;
uv.stats = stats;

/**
 * @section tsasync-uv
 * Cancellation ~
 * Cancelling the awaiting task releases the operation at once:
 *   - a queued fs, getaddrinfo or getnameinfo request is cancelled
 *     (`uv.cancel`); one already running finishes in the background;
 *   - a result that arrives after cancellation is released: a late fd is
 *     closed, a late dir closed (`fs_closedir`), a late `fs_mkstemp` file
 *     closed and removed, a late `fs_mkdtemp` directory removed;
 *   - `tcp_connect`, `pipe_connect`, `pipe_connect2` close the handle;
 *   - a one-shot timer or `signal_start_oneshot` is stopped;
 *   - `ts.uv.spawn`'s process is killed: SIGTERM, then SIGKILL after 2 s.
 * `write`, `shutdown`, `udp_send` and `close` cannot be taken back: they
 * complete in the background.
 */
