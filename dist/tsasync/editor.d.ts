/** @noSelfInFile */
import { Task } from "./task";
type Fn = (this: void, ...args: any[]) => unknown;
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
export declare function debounce(this: void, ms: number, fn: Fn): (this: void, ...args: any[]) => void;
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
export declare function throttle(this: void, ms: number, fn: Fn): (this: void, ...args: any[]) => void;
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
export declare function latest(this: void, fn: Fn): (this: void, ...args: any[]) => Task;
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
export declare function singleflight(this: void, fn: Fn, key_fn?: Fn): (this: void, ...args: any[]) => LuaMultiReturn<any[]>;
export {};
