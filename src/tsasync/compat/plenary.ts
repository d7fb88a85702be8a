/** @section tsasync-types */

/**
 * plenary.async's API on tsasync, so a plugin switches by changing one
 * `require`: `run`, `void`, `wrap(fn, argc)`, `is_leaf_function`,
 * `get_leaf_function_argc`, `util.sleep`, `util.block_on`,
 * `util.will_block`, `util.join`, `util.run_all`, `util.run_first`,
 * `util.race`, `util.scheduler`, `util.apcall`, `util.protected`,
 * `control.Condvar`, `control.Semaphore` (`sem:acquire()` returns a
 * permit; `permit:forget()`), `control.channel.oneshot` (`tx(...)`,
 * `rx()`), `control.channel.counter` and `control.channel.mpsc`
 * (`tx.send(...)`, `rx.recv()`, `rx.last()`), `uv.*` (luv's error-first
 * results; cancellation cleans up), `lsp.buf_request`,
 * `lsp.buf_request_all`, `api.*`, `tests.it`, `tests.describe`,
 * `tests.before_each`, `tests.after_each`, `tests.pending`,
 * `tests.add_globals`, `tests.add_to_env`.
 * Call styles are plenary's: `a.wrap(fn, argc)` (argc second), `tx(...)` /
 * `rx()` for oneshot, `tx.send(...)` / `rx.recv()` (dots) for mpsc and
 * counter channels. Every coroutine is a tsasync task, so |ts.current()|,
 * cancellation, |:Tsasync| and the unhandled-error report work on migrated
 * code too. `run` and `void` start root tasks (plenary's coroutines are
 * independent of their caller) and return them. Where plenary misbehaves
 * this module follows its documentation: `util.block_on` raises on timeout
 * (plenary returns nothing), `rx.last()` returns the newest value (plenary
 * returns the oldest), `util.race` cancels the losers, `util.join` raises
 * the first error (plenary's never returns), `permit:forget()` releases
 * once, and `a.uv` cleans up after cancellation (late fds closed, queued
 * requests cancelled).
 * ```lua
 * local a = require("tsasync.compat.plenary") -- was: plenary.async
 * a.void(function()
 *   local err, stat = a.uv.fs_stat("/tmp")
 *   a.util.scheduler()
 *   print(stat.type)
 * end)()
 * ```
 * @help tsasync.compat.plenary
 * @tag tsasync-compat-plenary
 */
import { await_cb, pawait, pcall_, schedule, sleep } from "../await";
import { block_on as ts_block_on } from "../block_on";
import { channel as ts_channel, Receiver } from "../channel";
import { all, race as ts_race } from "../combinators";
import { Condvar as TsCondvar } from "../condvar";
import { Future } from "../future";
import { Packed, pack } from "../scheduler";
import { Semaphore as TsSemaphore } from "../semaphore";
import { Task, spawn } from "../task";
import { api as ts_api } from "../api";
import { uv as ts_uv } from "../uv/wrap";
import type { UvError } from "../uv/error";

type AnyFn = (this: void, ...args: any[]) => any;
/** A function whose results TSTL passes on as they are (no table). */
type MultiFn = (this: void, ...args: any[]) => LuaMultiReturn<unknown[]>;

/** Wrapped functions and their argc (weak keys: a dropped wrapper is collected). */
const leaves = setmetatable(new LuaTable<AnyFn, number>(), { __mode: "k" });

function check_fn(fname: string, fn: unknown, what = "fn"): void {
  if (type(fn) !== "function") error(`${fname}: ${what} must be a function, got ${type(fn)}`, 3);
}

/**
 * Makes an async function from callback-taking `fn` whose callback is its last (`argc`-th)
 * parameter. Called inside a task with fewer than `argc` arguments it suspends until the
 * callback runs and returns the callback's values; called with all `argc` arguments (the
 * callback given) it calls `fn` directly, as plenary does.
 * ```lua
 * local stat = a.wrap(vim.uv.fs_stat, 2)
 * a.void(function() local err, st = stat("/tmp") end)()
 * ```
 */
export function wrap(this: void, fn: AnyFn, argc: number): AnyFn {
  check_fn("plenary.async.wrap", fn, "func");
  if (type(argc) !== "number" || argc !== math.floor(argc) || argc < 1) {
    error(`plenary.async.wrap: argc must be a positive integer, got ${tostring(argc)}`, 2);
  }
  const leaf: MultiFn = (...args: unknown[]) => {
    const n = select("#", ...args);
    if (n === argc) return (fn as MultiFn)(...args);
    if (n > argc) error(`plenary.async wrapped function: got ${n} arguments, expected at most ${argc}`, 2);
    return await_cb("plenary.async wrapped function", undefined, argc, fn, ...args);
  };
  leaves.set(leaf, argc);
  return leaf;
}

/** True for functions made by `wrap`. */
export function is_leaf_function(this: void, fn: unknown): boolean {
  return leaves.has(fn as AnyFn);
}

/** The argc given to `wrap` for `fn`, or nil. */
export function get_leaf_function_argc(this: void, fn: unknown): number | undefined {
  return leaves.get(fn as AnyFn);
}

function finish_with(this: void, callback: AnyFn, fn: AnyFn, ...args: unknown[]): unknown {
  return callback(...(fn as MultiFn)(...args));
}

/**
 * Starts `async_function` as a root task (plenary's coroutines are independent of the caller)
 * and calls `callback(...)` with its results. A wrapped (leaf) function is called with the
 * callback directly. Returns the Task (nil for a leaf). An error is reported like any
 * unobserved task failure (`vim.notify`, or `ts.config({ on_unhandled })`).
 */
export function run(this: void, async_function: AnyFn, callback?: AnyFn): Task | undefined {
  check_fn("plenary.async.run", async_function, "async_function");
  if (callback !== undefined) check_fn("plenary.async.run", callback, "callback");
  if (leaves.has(async_function)) {
    async_function(callback);
    return undefined;
  }
  if (callback === undefined) return spawn({ detach: true }, async_function);
  return spawn({ detach: true }, finish_with, callback, async_function);
}

/**
 * Returns a plain function that starts `fn(...)` as a root task each time it is called (and
 * returns that Task).
 * ```lua
 * vim.keymap.set("n", "<leader>x", a.void(function() a.util.sleep(100); print("later") end))
 * ```
 */
export function void_(this: void, fn: AnyFn): AnyFn {
  check_fn("plenary.async.void", fn, "func");
  return (...args: unknown[]) => spawn({ detach: true }, fn, ...args);
}

// ---- util ---------------------------------------------------------------------------------------

function block_on(this: void, async_function: AnyFn, timeout?: number): LuaMultiReturn<unknown[]> {
  check_fn("plenary.async.util.block_on", async_function, "async_function");
  return ts_block_on(async_function, timeout ?? 2000) as LuaMultiReturn<unknown[]>;
}

function check_fn_list(fname: string, list: unknown): AnyFn[] {
  if (type(list) !== "table") error(`${fname}: expected a list of functions, got ${type(list)}`, 3);
  const fns = list as AnyFn[];
  for (const [i, f] of ipairs(fns)) {
    if (type(f) !== "function") error(`${fname}: item ${i} must be a function, got ${type(f)}`, 3);
  }
  return fns;
}

function apcall(this: void, fn: AnyFn, ...args: unknown[]): LuaMultiReturn<[boolean, ...unknown[]]> {
  const argc = leaves.get(fn);
  if (argc !== undefined) return pawait(argc, fn, ...args);
  return pcall_(fn, ...args);
}

/** plenary.async's `util` module: sleep, block_on, will_block, join, run_all, run_first, race, scheduler, apcall, protected. */
export const util = {
  /** Suspends the running task for `ms` milliseconds. */
  sleep: (ms: number) => sleep(ms),
  /**
   * Runs `async_function` as a task and waits for it from synchronous code (default 2000 ms);
   * returns its results; raises its error or a timeout error.
   */
  block_on,
  /** A function that calls `block_on(async_function, timeout)`. */
  will_block: (async_function: AnyFn, timeout?: number) => {
    check_fn("plenary.async.util.will_block", async_function, "async_function");
    return () => block_on(async_function, timeout);
  },
  /**
   * Runs every function of the list concurrently (child tasks) and returns `{ {results of
   * 1}, {results of 2}, ... }`. The first error cancels the others and is raised.
   */
  join: (async_fns: AnyFn[]) => {
    check_fn_list("plenary.async.util.join", async_fns);
    if ((async_fns as unknown[]).length === 0) return [];
    return all(async_fns);
  },
  /** Starts `join(async_fns)` as a root task and calls `callback` when it completes. */
  run_all: (async_fns: AnyFn[], callback?: AnyFn) => {
    check_fn_list("plenary.async.util.run_all", async_fns);
    return run(() => util.join(async_fns), callback);
  },
  /**
   * Calls every `function(callback)` of the list and returns the values of the first callback
   * that runs; later callbacks are ignored.
   */
  run_first: (async_functions: AnyFn[]) => {
    check_fn_list("plenary.async.util.run_first", async_functions);
    const f = Future.new();
    const settle = (...values: unknown[]) => {
      if (!f.is_done()) f.resolve(...values);
    };
    for (const fn of async_functions) fn(settle);
    return f.await();
  },
  /**
   * Runs the async functions as child tasks and returns the values of the first to finish; the
   * others are cancelled (a first error is raised).
   */
  race: (funcs: AnyFn[]) => {
    check_fn_list("plenary.async.util.race", funcs);
    return ts_race(funcs);
  },
  /** Continues the running task on the main loop (after a `vim.schedule` hop). */
  scheduler: () => schedule(),
  /**
   * Protected call that may suspend: `true, ...` or `false, err`. A `wrap`ped function gets
   * the callback at its argc position.
   */
  apcall,
  /** `function() return apcall(async_fn) end`. */
  protected: (async_fn: AnyFn) => {
    check_fn("plenary.async.util.protected", async_fn, "async_fn");
    return () => apcall(async_fn);
  },
};

// ---- control ------------------------------------------------------------------------------------

interface Permit {
  /** Returns the permit to the semaphore (once; later calls do nothing). */
  forget(this: Permit): void;
}

/** plenary's Semaphore: `local permit = sem:acquire(); ...; permit:forget()`. */
class Semaphore {
  declare s: TsSemaphore;

  /** A semaphore with `initial_permits` (> 0) permits. */
  static new(this: void, initial_permits: number): Semaphore {
    if (type(initial_permits) !== "number" || initial_permits <= 0 || initial_permits !== math.floor(initial_permits)) {
      error(`plenary.async.control.Semaphore.new: initial_permits must be a positive integer, got ${tostring(initial_permits)}`, 2);
    }
    return setmetatable({ s: TsSemaphore.new(initial_permits) }, SemaphoreMT as LuaMetatable<object>) as unknown as Semaphore;
  }

  /** Waits (FIFO) for a permit and returns it; cancellation safe. */
  acquire(this: Semaphore): Permit {
    this.s.acquire();
    const s = this.s;
    let held = true;
    return {
      forget: () => {
        if (!held) return;
        held = false;
        s.release();
      },
    };
  }
}
const SemaphoreMT = (Semaphore as unknown as { prototype: object }).prototype;

function unpack_packed(p: Packed | undefined): LuaMultiReturn<unknown[]> {
  if (p === undefined) return $multi();
  return unpack(p as unknown as unknown[], 1, p.n) as LuaMultiReturn<unknown[]>;
}

/** Receives one message, then returns the newest waiting one (dropping the rest). */
function recv_last<T>(rx: Receiver<T>): T | undefined {
  let v = rx.recv();
  for (;;) {
    const [ok, w] = rx.try_recv();
    if (!ok) return v;
    v = w;
  }
}

/** plenary.async's `control` module: Condvar, Semaphore, channel.oneshot/counter/mpsc. */
export const control = {
  /** plenary's Condvar: `cv:wait()`, `cv:notify_one()`, `cv:notify_all()` (ts.Condvar). */
  Condvar: TsCondvar,
  Semaphore,
  channel: {
    /**
     * `tx, rx`: `tx(...)` sends any values (nil too) once and never suspends; `rx()` suspends
     * until they arrive and returns them (once).
     */
    oneshot: () => {
      const f = Future.new();
      let received = false;
      const tx = (...values: unknown[]) => {
        if (f.is_done()) error("Oneshot channel can only send once", 2);
        f.resolve(...values);
      };
      const rx = () => {
        if (received) error("Oneshot channel can only receive one value!", 2);
        received = true;
        return f.await();
      };
      return $multi(tx, rx);
    },
    /**
     * `tx, rx` for notifications without values: `tx.send()` counts one; `rx.recv()` waits
     * for a count and takes it; `rx.last()` waits for one and takes them all.
     */
    counter: () => {
      const [s, r] = ts_channel<boolean>();
      return $multi({ send: () => void s.try_send(true) }, { recv: () => void r.recv(), last: () => void recv_last(r) });
    },
    /**
     * Multiple producers, one consumer, unbounded: `tx.send(...)` never suspends;
     * `rx.recv()` returns the oldest message's values (waiting for one); `rx.last()` the newest,
     * dropping the older ones.
     */
    mpsc: () => {
      const [s, r] = ts_channel<Packed>();
      return $multi(
        { send: (...values: unknown[]) => void s.try_send(pack(...values)) },
        { recv: () => unpack_packed(r.recv()), last: () => unpack_packed(recv_last(r)) },
      );
    },
  },
};

// ---- uv, lsp, api, tests ------------------------------------------------------------------------

function first_done(cancel: unknown, ok?: unknown, ...rest: unknown[]): LuaMultiReturn<unknown[]> {
  if (ok) return $multi(...rest);
  if (type(cancel) === "function") (cancel as AnyFn)();
  return error(rest[0], 0);
}

/**
 * Calls `fn(...args)` with a callback at position `argc` and returns the values of the first
 * callback; later ones are ignored. When the task is cancelled meanwhile, a function `fn`
 * returned (vim.lsp's cancel) is called.
 */
function first_callback(argc: number, fn: AnyFn, ...args: unknown[]): LuaMultiReturn<unknown[]> {
  const f = Future.new();
  const list = pack(...args);
  list.set(argc, (...values: unknown[]) => {
    if (!f.is_done()) f.resolve(...values);
  });
  const cancel = fn(...unpack(list as unknown as unknown[], 1, argc));
  return first_done(cancel, ...pcall_(() => f.await()));
}

const UV_NAMES = [
  "close", "fs_open", "fs_read", "fs_close", "fs_unlink", "fs_write", "fs_mkdir", "fs_mkdtemp",
  "fs_rmdir", "fs_scandir", "fs_stat", "fs_fstat", "fs_lstat", "fs_rename", "fs_fsync",
  "fs_fdatasync", "fs_ftruncate", "fs_sendfile", "fs_access", "fs_chmod", "fs_fchmod", "fs_utime",
  "fs_futime", "fs_link", "fs_symlink", "fs_readlink", "fs_realpath", "fs_chown", "fs_fchown",
  "fs_copyfile", "fs_opendir", "fs_readdir", "fs_closedir", "shutdown", "write", "write2",
  "tcp_connect", "pipe_connect", "udp_send", "getaddrinfo", "getnameinfo",
];

function error_first(this: void, err?: unknown, ...values: unknown[]): LuaMultiReturn<unknown[]> {
  return $multi(err === undefined ? undefined : (err as UvError).message, ...values);
}

/**
 * plenary's `a.uv`: luv functions with luv's error-first results (`err` a message string or
 * nil), built on `ts.uv.p` so cancellation cleans up. `listen` and `udp_recv_start` return the
 * first callback's values, as plenary's do.
 */
export const uv: { [name: string]: AnyFn } = {};
for (const name of UV_NAMES) {
  const spec = ts_uv.specs[name];
  const p = (ts_uv.p as unknown as Record<string, AnyFn | undefined>)[name];
  const plain = (ts_uv as unknown as Record<string, AnyFn | undefined>)[name];
  if (spec === undefined || (spec.err ? p : plain) === undefined) continue;
  uv[name] = spec.err ? (...args: unknown[]) => error_first(...(p as MultiFn)(...args)) : plain!;
}
for (const [name, argc] of [["listen", 3], ["udp_recv_start", 2]] as const) {
  uv[name] = (...args: unknown[]) => first_callback(argc, (vim.uv as unknown as Record<string, AnyFn>)[name], ...args);
}

type LspFns = { buf_request: AnyFn; buf_request_all: AnyFn };

/**
 * plenary's `a.lsp`: `buf_request(bufnr, method, params) -> err, result, ctx, config` (the
 * first response) and `buf_request_all(bufnr, method, params) -> results` (per client id).
 * Cancelling the task cancels the requests.
 */
export const lsp = {
  buf_request: (bufnr: number, method: string, params?: unknown) =>
    first_callback(4, (vim.lsp as unknown as LspFns).buf_request, bufnr, method, params),
  buf_request_all: (bufnr: number, method: string, params?: unknown) =>
    first_callback(4, (vim.lsp as unknown as LspFns).buf_request_all, bufnr, method, params),
};

/** plenary's `a.api`: `vim.api` that hops to the main loop when called in a fast event (ts.api). */
export const api = ts_api;

type Busted = { [name: string]: AnyFn | undefined };
/** busted's `name`: from the spec file's environment (busted sets them there), else global. */
function busted(name: string): AnyFn {
  const f = (getfenv(3) as Busted)[name] ?? (_G as unknown as Busted)[name];
  if (type(f) !== "function") error(`plenary.async.tests.${name}: busted's global ${name} is not defined`, 3);
  return f as AnyFn;
}

function test_timeout(): number {
  return tonumber(os.getenv("PLENARY_TEST_TIMEOUT")) ?? 2000;
}

/**
 * plenary's `a.tests`: busted's `describe`/`it`/`pending`/`before_each`/`after_each` whose
 * bodies run as tasks (`block_on`, `$PLENARY_TEST_TIMEOUT` ms, default 2000: a hanging body
 * fails with a timeout error).
 */
export const tests: { [name: string]: AnyFn } = {
  describe: (s: string, fn: AnyFn) => busted("describe")(s, fn),
  it: (s: string, fn: AnyFn) => busted("it")(s, () => block_on(fn, test_timeout())),
  pending: (...args: unknown[]) => busted("pending")(...args),
  before_each: (fn: AnyFn) => busted("before_each")(() => block_on(fn, test_timeout())),
  after_each: (fn: AnyFn) => busted("after_each")(() => block_on(fn, test_timeout())),
};

function install(env: Record<string, unknown>): void {
  const a = (_G as unknown as { package: { loaded: Record<string, unknown> } }).package.loaded["tsasync.compat.plenary"] as Record<string, unknown>;
  env.a = a;
  a.describe = tests.describe;
  a.it = tests.it;
  a.spec = tests.it;
  a.test = tests.it;
  a.pending = tests.pending;
  a.before_each = tests.before_each;
  a.after_each = tests.after_each;
}

/** Sets the global `a` to this module, with `a.it`, `a.describe`, ... (plenary's add_globals). */
tests.add_globals = () => install(_G as unknown as Record<string, unknown>);
/** Same for the calling function's environment (plenary's add_to_env). */
tests.add_to_env = () => {
  const env = getfenv(2) as Record<string, unknown>;
  install(env);
  setfenv(2, env);
};

export { void_ as void };
