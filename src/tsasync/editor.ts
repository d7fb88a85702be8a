/**
 * @section tsasync-editor
 * Helpers that turn bursts of calls from autocmds, keymaps and callbacks into
 * tasks. Each returns a plain function that may be called from anywhere:
 * plain code, a fast event, a task. The runs they start are root tasks, not
 * children of the caller: they outlive the autocmd or task that triggered
 * them, and an error they raise is reported like any unobserved failure
 * (`vim.notify`, or `on_unhandled` of |ts.config()|), never thrown at the
 * caller. Their timing uses the shared timer heap (no libuv handle per
 * helper).
 */
import { check_ms } from "./await";
import { Packed, pack } from "./scheduler";
import * as timers from "./timers";
import { RunOptions, Task, Watch, await_task, current_task, first, running_task, spawn, wl_add_task } from "./task";

type Fn = (this: void, ...args: any[]) => unknown;

function check_fn(fname: string, fn: unknown, argname = "fn"): void {
  if (type(fn) !== "function") error(`${fname}: ${argname} must be a function, got ${type(fn)}`, 3);
}

function start(opts: RunOptions, fn: Fn, a: Packed): Task {
  return spawn(opts, fn, ...unpack(a as unknown as unknown[], 1, a.n));
}

// ---- debounce ------------------------------------------------------------------------------

interface Debounced {
  fn: Fn;
  ms: number;
  /** Arguments of the last call. */
  args?: Packed;
  /** Loop time at which the quiet period ends. */
  due: number;
  entry?: timers.TimerEntry;
}

const DEBOUNCE: RunOptions = { name: "ts.debounce", detach: true };

function debounce_fire(this: void, arg: unknown): void {
  const d = arg as Debounced;
  const now = timers.now();
  if (now < d.due) {
    // Called again since the timer was set: wait for the rest of the quiet period (at most
    // `ms`: `due` is not moved when a test switches clocks, see timers.set_clock).
    d.entry = timers.add(math.min(d.due - now, d.ms), debounce_fire, d);
    return;
  }
  d.entry = undefined;
  const a = d.args!;
  d.args = undefined;
  start(DEBOUNCE, d.fn, a);
}

/**
 * Returns a function that, however often it is called, runs `fn` once
 * `ms` milliseconds passed without a call, with the arguments of the last
 * call, as a task (`fn` may await; it runs on the main loop). A new call
 * does not cancel a run that already started: runs may overlap when `fn`
 * takes longer than `ms` (wrap `fn` with |ts.latest()| to cancel instead).
 * Errors raised by `fn` are reported, never thrown at the caller. The
 * returned function returns nothing.
 * ```lua
 * local refresh = ts.debounce(200, function(buf)
 *   update_outline(buf)
 * end)
 * vim.api.nvim_create_autocmd("TextChanged", {
 *   callback = function(ev) refresh(ev.buf) end,
 * })
 * ```
 * @help ts.debounce({ms}, {fn})
 */
export function debounce(this: void, ms: number, fn: Fn): (this: void, ...args: any[]) => void {
  check_ms("ts.debounce", ms);
  check_fn("ts.debounce", fn);
  const d: Debounced = { fn, ms, due: 0 };
  return (...args: unknown[]) => {
    d.args = pack(...args);
    d.due = timers.now() + ms;
    if (d.entry === undefined) d.entry = timers.add(ms, debounce_fire, d);
  };
}

// ---- throttle ------------------------------------------------------------------------------

interface Throttled {
  fn: Fn;
  ms: number;
  /** Arguments of the last call made during the window (the trailing call). */
  args?: Packed;
  /** End of the current window. */
  entry?: timers.TimerEntry;
}

const THROTTLE: RunOptions = { name: "ts.throttle", detach: true };

function throttle_end(this: void, arg: unknown): void {
  const t = arg as Throttled;
  t.entry = undefined;
  const a = t.args;
  if (a === undefined) return;
  t.args = undefined;
  t.entry = timers.add(t.ms, throttle_end, t);
  start(THROTTLE, t.fn, a);
}

/**
 * Returns a function that runs `fn` (as a task) at most once per `ms`
 * milliseconds. Leading edge: a call outside a window runs `fn` at once
 * (from plain code before the call returns) and opens a window of `ms`.
 * Calls during the window collapse into one trailing run with the last
 * call's arguments when the window ends, which opens the next window.
 * Runs are never cancelled by later calls. Errors raised by `fn` are
 * reported, never thrown at the caller. Returns nothing.
 * ```lua
 * local on_scroll = ts.throttle(100, function(win)
 *   redraw_context(win)
 * end)
 * vim.api.nvim_create_autocmd("WinScrolled", {
 *   callback = function() on_scroll(vim.api.nvim_get_current_win()) end,
 * })
 * ```
 * @help ts.throttle({ms}, {fn})
 */
export function throttle(this: void, ms: number, fn: Fn): (this: void, ...args: any[]) => void {
  check_ms("ts.throttle", ms);
  check_fn("ts.throttle", fn);
  const t: Throttled = { fn, ms };
  return (...args: unknown[]) => {
    if (t.entry !== undefined) {
      t.args = pack(...args);
      return;
    }
    t.entry = timers.add(ms, throttle_end, t);
    spawn(THROTTLE, fn, ...args);
  };
}

// ---- latest --------------------------------------------------------------------------------

const LATEST: RunOptions = { name: "ts.latest", detach: true };

/**
 * Returns a function whose every call cancels the run started by the
 * previous call (if still running) and starts `fn(...)` as a new task,
 * which it returns. The cancelled run unwinds before the new one starts
 * (from plain code, before the call returns; from inside a task, at that
 * task's next suspension). Awaiting a superseded run raises a
 * cancellation error (|ts.is_cancelled()|) with reason "superseded by a
 * newer call". Typical: completion or hover requests while typing.
 * ```lua
 * local complete = ts.latest(function(prefix)
 *   -- cancelled when typing on:
 *   local items = request_completions(prefix)
 *   show(items)
 * end)
 * vim.api.nvim_create_autocmd("TextChangedI", {
 *   callback = function() complete(vim.fn.expand("<cword>")) end,
 * })
 * ```
 * @help ts.latest({fn})
 */
export function latest(this: void, fn: Fn): (this: void, ...args: any[]) => Task {
  check_fn("ts.latest", fn);
  let last: Task | undefined;
  return (...args: unknown[]) => {
    if (last !== undefined) last.cancel("superseded by a newer call");
    last = spawn(LATEST, fn, ...args);
    return last;
  };
}

// ---- singleflight --------------------------------------------------------------------------

interface Flights {
  fn: Fn;
  key_fn?: Fn;
  /** Runs in flight by key. */
  runs: LuaTable<AnyNotNil, Task>;
}

/** Stands for the key `nil` (no argument). */
const NIL_KEY = {};

const SINGLEFLIGHT: RunOptions = { name: "ts.singleflight", detach: true };

function flight_done(this: void, w: Watch, t: unknown): void {
  const f = w.g as Flights;
  const key = w.i as AnyNotNil;
  if (f.runs.get(key) === t) f.runs.delete(key);
}

/**
 * Returns a function that shares one run of `fn` between concurrent calls
 * with equal keys: while a run for a key is in flight, more calls with
 * that key join it instead of starting another. The key is `key_fn(...)`
 * (compared with `==`; nil is a key, NaN is refused), by default the
 * first argument. Once the run completed the next call starts a new one
 * (nothing is cached).
 * Inside a task the call waits for the run and returns its results, or
 * raises its error; cancelling one caller only stops that caller waiting
 * (the run goes on for the others). From plain code it returns the run's
 * Task (await it, or its error is reported).
 * ```lua
 * local load = ts.singleflight(function(path)
 *   return parse(read(path))
 * end)
 * ts.run(function() local a = load("x.json") end) -- these two calls
 * ts.run(function() local b = load("x.json") end) -- share one run
 * ```
 * @help ts.singleflight({fn}, {key_fn})
 */
export function singleflight(this: void, fn: Fn, key_fn?: Fn): (this: void, ...args: any[]) => LuaMultiReturn<any[]> {
  check_fn("ts.singleflight", fn);
  if (key_fn !== undefined) check_fn("ts.singleflight", key_fn, "key_fn");
  const f: Flights = { fn, key_fn, runs: new LuaTable() };
  return (...args: unknown[]): LuaMultiReturn<unknown[]> => {
    let key = f.key_fn !== undefined ? f.key_fn(...args) : first(...args);
    if (key === undefined) key = NIL_KEY;
    else if (key !== key) error("singleflight function: the key is NaN (it can never equal another key)", 2);
    let t = f.runs.get(key as AnyNotNil);
    if (t === undefined) {
      t = spawn(SINGLEFLIGHT, fn, ...args);
      if (!t.is_done()) {
        f.runs.set(key as AnyNotNil, t);
        const w: Watch = { fn: flight_done, g: f, i: key };
        wl_add_task((t.obs ??= []), w);
      }
    }
    if (current_task() === undefined) return $multi(t);
    return await_task(running_task("singleflight function"), t);
  };
}
