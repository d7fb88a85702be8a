/** @noSelfInFile */
import { Task } from "./task";
type Fn = (this: void, ...args: any[]) => unknown;
/**
 * Returns a function that, however often it is called, runs `fn` once `ms` milliseconds
 * passed without a call, with the arguments of the last call. `fn` runs as a task (it may
 * await). A new call does not cancel a run that already started (runs may overlap when `fn`
 * takes longer than `ms`; combine with `ts.latest` for that). Errors raised by `fn` are
 * reported, never thrown at the caller. The returned function returns nothing.
 * ```lua
 * local refresh = ts.debounce(200, function(buf) update_diagnostics(buf) end)
 * vim.api.nvim_create_autocmd("TextChanged", { callback = function(ev) refresh(ev.buf) end })
 * ```
 */
export declare function debounce(this: void, ms: number, fn: Fn): (this: void, ...args: any[]) => void;
/**
 * Returns a function that runs `fn` (as a task) at most once per `ms` milliseconds: a call
 * outside a window runs `fn` at once and opens a window of `ms`; calls during the window
 * are collapsed into one trailing run, with the last call's arguments, when the window ends
 * (which opens the next window). Runs are not cancelled by later calls. Errors raised by
 * `fn` are reported, never thrown at the caller. The returned function returns nothing.
 * ```lua
 * local on_scroll = ts.throttle(100, function(win) redraw_context(win) end)
 * vim.api.nvim_create_autocmd("WinScrolled", { callback = function() on_scroll(vim.api.nvim_get_current_win()) end })
 * ```
 */
export declare function throttle(this: void, ms: number, fn: Fn): (this: void, ...args: any[]) => void;
/**
 * Returns a function whose every call cancels the run started by the previous call (if it
 * is still running) and starts `fn(...)` as a new task, which it returns. The cancelled run
 * unwinds before the new one starts (from plain code before the call returns; from inside a
 * task at that task's next suspension). Typical: completion or hover requests while typing.
 * Awaiting a superseded run raises a cancellation error (`ts.is_cancelled`).
 * ```lua
 * local complete = ts.latest(function(prefix) return request_completions(prefix) end)
 * vim.api.nvim_create_autocmd("TextChangedI", { callback = function() complete(current_word()) end })
 * ```
 */
export declare function latest(this: void, fn: Fn): (this: void, ...args: any[]) => Task;
/**
 * Returns a function that shares one run of `fn` between concurrent calls with equal keys:
 * while a run for a key is in flight, further calls with that key join it instead of
 * starting another. The key is `key_fn(...)` (compared with `==`), by default the first
 * argument. Once the run completed, the next call starts a new one (results are not cached).
 * Called inside a task it waits for the run and returns its results (raises its error);
 * cancelling the caller only stops that caller waiting, the run goes on for the others.
 * Called from plain code it returns the run's Task (await it, or its error is reported).
 * ```lua
 * local load_config = ts.singleflight(function(path) return parse(ts.fs.read_file(path)) end)
 * ts.run(function() local cfg = load_config(path) end) -- concurrent callers share one read
 * ```
 */
export declare function singleflight(this: void, fn: Fn, key_fn?: Fn): (this: void, ...args: any[]) => LuaMultiReturn<any[]>;
export {};
