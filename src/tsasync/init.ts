/**
 * @section tsasync-intro
 * ```lua
 * local ts = require("tsasync")
 *
 * ts.run(function()
 *   local err, stat = ts.await(2, vim.uv.fs_stat, vim.fn.expand("~"))
 *   -- back on the main loop: vim.api is safe here
 *   vim.api.nvim_echo({ { "home is a " .. stat.type } }, false, {})
 * end)
 * ```
 * Everything that suspends must be called inside a task (|ts.run()|). Functions
 * that never suspend (|Future:resolve()|, |Task:cancel()|, ...) work anywhere,
 * including libuv callbacks, so callbacks and autocmds can feed tasks.
 *
 * The core (tasks, futures, scheduler) also runs on plain Lua 5.1 or LuaJIT with
 * luv (`require("luv")`), outside Neovim.
 */
// tsasync: an async runtime for Neovim plugins. This module is the public facade; the
// implementation lives in one module per concept (`task`, `scheduler`, `await`, `future`,
// `timers`, `errors`, `runtime`, ...).
import { pawait, await_, checkpoint, current, in_task, pcall_, schedule, sleep, wrap, xpcall_ } from "./await";
import { Barrier } from "./barrier";
import { block_on } from "./block_on";
import { broadcast } from "./broadcast";
import { channel } from "./channel";
import { Condvar } from "./condvar";
import { Event } from "./event";
import { Mutex } from "./mutex";
import { oneshot } from "./oneshot";
import { select_ } from "./select";
import { Semaphore } from "./semaphore";
import { watch } from "./watch";
import { all, all_settled, any, as_completed, map, race } from "./combinators";
import { move_on_after, timeout } from "./deadline";
import { debounce, latest, singleflight, throttle } from "./editor";
import { config } from "./config";
import { is_cancelled, is_timeout } from "./errors";
import { Future } from "./future";
import { run } from "./run";
import { scope } from "./scope";
import { shield } from "./shield";
import { Task } from "./task";
import { version } from "./version";
import * as inspect from "./inspect";
import * as testing from "./testing";
import * as lsp from "./lsp/init";
import { LspError, is_lsp_error } from "./lsp/error";
import { api, fn, ui } from "./api";
import * as fs from "./fs";
import * as net from "./net";
import { Process, process, system } from "./system";
import { UvError, is_uv_error } from "./uv/error";
import { uv } from "./uv/wrap";


export {
  run,
  current,
  in_task,
  await_ as "await",
  pawait,
  wrap,
  sleep,
  schedule,
  checkpoint,
  pcall_ as pcall,
  xpcall_ as xpcall,
  block_on,
  shield,
  all,
  all_settled,
  any,
  race,
  as_completed,
  map,
  timeout,
  move_on_after,
  scope,
  debounce,
  throttle,
  latest,
  singleflight,
  is_cancelled,
  is_timeout,
  config,
  Future,
  Task,
  version,
  inspect,
  testing,
  lsp,
  LspError,
  is_lsp_error,
  channel,
  oneshot,
  broadcast,
  watch,
  select_ as select,
  Semaphore,
  Mutex,
  Event,
  Condvar,
  Barrier,
  uv,
  is_uv_error,
  UvError,
  fs,
  api,
  fn,
  ui,
  net,
  system,
  process,
  Process,
};

// Types for TypeScript users (`import type { Sender } from "tsasync"`); they emit no Lua.
export type { Results, RunOptions, TaskStatus } from "./task";
export type { Awaitable, WrapOptions } from "./await";
export type { Sender, Receiver } from "./channel";
export type { OneshotSender } from "./oneshot";
export type { BroadcastSender, BroadcastReceiver } from "./broadcast";
export type { WatchSender, WatchReceiver } from "./watch";
export type { SelectCaseSpec } from "./select";
export type { Scope } from "./scope";
export type { CancelledError, TimeoutError, TaskError, AggregateError } from "./errors";
export type { UvStream } from "./uv/stream";
export type { SystemResult, SystemOptions } from "./system";
export type { Conn, Server } from "./net";
export type { Channel } from "./channel";

/**
 * @section tsasync-types
 */

/**
 * The npm package's "types" are `dist/tsasync/*.d.ts`, emitted by TSTL from
 * `src/` during `make build` (with `dist/tsasync/lsp/protocol.d.ts`, the
 * LSP types, importable as `tsasync/lsp/protocol`). A TypeScript plugin
 * imports `import * as ts from "tsasync"` and gets `Task<T>`, `Future<T>`,
 * `Sender<T>`/`Receiver<T>` (`Channel<T>`), the typed `ts.uv` wrappers and
 * `UvError`. Set `"noResolvePaths": ["tsasync"]` in its tsconfig's "tstl"
 * section so the emitted Lua keeps `require("tsasync")` (the installed
 * plugin). `make typecheck-consumer` packs the package, installs it into a
 * throwaway plugin and compiles it with TSTL, checking that misuse is
 * rejected.
 * @help TypeScript
 * @tag tsasync-typescript
 */

/**
 * `lua/tsasync/_meta.lua` is a `---@meta` file generated from the same
 * declarations by `scripts/gen-luacats.js` during `make build`: classes
 * (`tsasync.Task`, `tsasync.Future`, `tsasync.Sender`, ...), `---@param`
 * and `---@return` for every function and method. lua-language-server
 * reads it; Neovim never loads it.
 * @help LuaCATS
 * @tag tsasync-luacats
 */

/**
 * @section tsasync-guarantees
 * Each promise names the spec that proves it (files under spec/).
 *
 * - No stack overflow at any depth of synchronous completions: 200,000 awaits
 *   of a synchronous callback in one task, 10,000 tasks each starting the
 *   next, 10,000 each awaiting the next. (core/await_spec.lua "stack safety")
 * - After awaiting a libuv callback, `vim.api` may be called at once; tasks
 *   woken in one loop turn share one `vim.schedule`.
 *   (nvim/fast_event_spec.lua)
 * - Cancellation is level-triggered and releases the awaited operation at
 *   once; cancelling 10,000 sleeping tasks leaves no pending deadline and no
 *   active timer. (core/cancel_spec.lua)
 * - Structured concurrency as in |tsasync-structured|.
 *   (core/structure_spec.lua)
 * - Errors keep their context; unobserved failures are reported exactly once;
 *   observed ones never. (core/errors_spec.lua)
 * - |ts.pcall()| works across suspensions on PUC Lua 5.1 and LuaJIT.
 *   (core/pcall_spec.lua, run in the PUC Lua lane of `make test`)
 * - An LSP request ends exactly once: answered, server error (|ts.LspError|),
 *   ContentModified retried `retry` times, timeout, cancellation, client exit,
 *   or the server's own cancellation; timeout and cancellation send
 *   `$/cancelRequest` with the request's id (asserted on what an in-process
 *   server received), leave no deadline and no tracked request behind, and a
 *   late answer is ignored; |ts.lsp.request_all()| times out and cancels per
 *   client; the same on Neovim 0.10 and 0.12, without deprecation warnings.
 *   (nvim/lsp_spec.lua)
 * - Against typescript-language-server: hover, definition and references give
 *   real results; a request cancelled mid-flight sends `$/cancelRequest` and
 *   no error follows. (nvim/lsp_tsls_spec.lua)
 * - Channels are FIFO and deliver every message exactly once: 100,000 messages
 *   from 4 producers to 4 consumers, bounded and unbounded; bounded senders
 *   resume in order; rendezvous hands over directly; close drains, then nil.
 *   (core/channel_spec.lua)
 * - No message or permit is lost to cancellation: cancelled receivers,
 *   senders, semaphore/mutex waiters and selects take nothing; a waiter
 *   cancelled after being handed something keeps it; `with` releases on error
 *   and cancellation. (core/channel_spec.lua, core/select_spec.lua,
 *   core/sync_spec.lua)
 * - |ts.select()| performs exactly one case, never pairs its own send and
 *   receive, and is fair. (core/select_spec.lua)
 * - Broadcast subscribers learn how many values they missed; watch receivers
 *   see the latest value. (core/broadcast_watch_spec.lua)
 * - Callbacks in fast events feed tasks through `try_send`, `set`,
 *   `release`; `for v in rx:iter()` works on LuaJIT. (nvim/channel_spec.lua)
 * - Combinators keep input order, accept Tasks, Futures and functions, and
 *   have cancelled and waited for every loser before they return or raise;
 *   `ts.map` never exceeds its concurrency and starts nothing after a
 *   failure; `ts.any` raises one aggregate error; when `all`, `map`, `race` or
 *   `scope` raise their first failure, any other real failure of the tasks
 *   they started is reported, never lost. (core/combinators_spec.lua,
 *   nvim/combinators_spec.lua)
 * - A deadline is removed as soon as the work finishes (100 quick
 *   `ts.timeout(60000, ...)` calls leave no pending deadline); at the
 *   deadline the work has completed before the timeout is raised; deadlines
 *   nest, and a timeout is neither a cancellation nor the work's own error.
 *   (core/deadline_spec.lua)
 * - |ts.scope()| waits for every task spawned into it, fails with the first
 *   failure after cancelling the rest, and is cancelled as a whole.
 *   (core/scope_spec.lua)
 * - |ts.shield()| finishes its work when the caller (or a grandparent, or a
 *   deadline) cancels, then raises the cancellation. (core/cancel_spec.lua)
 * - |ts.debounce()|, |ts.throttle()|, |ts.latest()| and |ts.singleflight()|
 *   work from plain callers, autocmds and keymaps; errors of their runs are
 *   reported, never thrown at the caller. (core/editor_spec.lua,
 *   nvim/combinators_spec.lua)
 * - `ts.uv` wraps every callback-taking function of the running Neovim's luv
 *   annotations, and the committed generated file matches them.
 *   (nvim/uv_spec.lua "coverage")
 * - Cancelling any wrapper family mid-flight (fs, getaddrinfo, timers,
 *   signals, sockets, streams, processes) returns the open fd count, the uv
 *   layer's handle count and, on Neovim >= 0.11, `vim.uv.walk`'s handle count
 *   to their baseline; late fds are closed, also those of an open that was
 *   running in a libuv worker when its task was cancelled, and
 *   `ts.uv.stats.late` returns to its baseline. (nvim/uv_cancel_spec.lua)
 * - `ts.fs.write_file` never leaves a partial file or a temporary file.
 *   (nvim/fs_spec.lua)
 * - A cancelled or timed-out process is gone (its pid no longer exists);
 *   one that ignores SIGTERM gets SIGKILL. (nvim/system_spec.lua)
 * - On Neovim 0.11+, `ts.process` output nobody reads stays within 64
 *   chunks (the writer blocks) and all of it arrives once read; waiting,
 *   killing or ending the starting task lets the process run to its exit.
 *   (nvim/system_spec.lua)
 * - Sockets close with the task that opened them. (nvim/net_spec.lua)
 * - `require("tsasync.compat.vim_async_polyfill")` behaves as Neovim 0.13's
 *   `vim.async` where a plugin can observe it (start order of children,
 *   checkpoints, level-triggered close and failures, closables closed before
 *   the task continues, timeouts, iter order, semaphore FIFO and hand-over,
 *   tracebacks across awaited tasks, coroutine misuse), on 0.10 and 0.12,
 *   except the differences listed in |tsasync-vim-async|.
 *   (nvim/vim_async_spec.lua)
 * - Detaching the last child of a parent that already returned completes the
 *   parent. (core/structure_spec.lua)
 * - Randomised scenarios keep every invariant: random trees of tasks that
 *   sleep, await futures, send/receive on channels, take semaphores, spawn
 *   children, fail, cancel each other, hit |ts.timeout()| /
 *   |ts.move_on_after()| and |ts.select()|; after each, every task ended
 *   exactly once with one status, every failure was observed or reported
 *   exactly once (never lost), every message sent was received exactly once
 *   or is still queued, permits balance, and no deadline or live task
 *   remains. 2,000 seeds in `make test` (LuaJIT and PUC Lua), 100,000 in
 *   `make stress`; seeds reproduce the same task programs on both.
 *   (core/scenario_spec.lua, spec/helpers/scenario.lua)
 * - A task looping on `ts.sleep(0)` lets the event loop turn, also on plain
 *   luv. (core/scenario_spec.lua)
 * - Every public function rejects bad input (wrong types, nil, negative,
 *   NaN, infinite numbers, a bad self, a call outside a task) with an error
 *   starting with its public name, or accepts it without corrupting state.
 *   (core/bad_input_spec.lua, nvim/bad_input_spec.lua)
 * - Errors in callbacks given to tsasync are reported and never stop the
 *   scheduler; other tasks keep running. (core/callback_errors_spec.lua)
 * - Awaiting from `vim.schedule` callbacks, autocmds, `vim.wait` predicates
 *   and `vim.ui` callbacks works or raises clearly, as in
 *   |tsasync-reentrancy|, and never corrupts state.
 *   (nvim/reentrancy_spec.lua)
 * - Cancelling at each suspension point in turn of every wrapper family (uv
 *   fs, streams, processes, sockets, LSP requests, channel ops, locks,
 *   combinators) returns fds, uv-layer handles, `vim.uv.walk` handles (0.11+),
 *   live tasks, pending deadlines and tracked LSP requests to their
 *   baseline once late callbacks have run (`ts.uv.stats.late` back to 0);
 *   `ts.fs.write_file` leaves no temporary file at any point; locks are free
 *   and permits back. (nvim/cancel_sweep_spec.lua)
 * - The inspector shows every live task that has suspended, with what it
 *   waits on; `x` cancels the task under the cursor; |:checkhealth| reports
 *   cleanly on 0.10 and 0.12. (core/inspect_spec.lua, nvim/inspect_spec.lua)
 * - `tsasync.compat.plenary` provides every function of plenary.async's API
 *   in plenary's call styles. (nvim/compat_plenary_spec.lua)
 * - `lua/tsasync/_meta.lua` parses and annotates every function reachable
 *   from `require("tsasync")`, methods included. (nvim/luacats_spec.lua)
 * - A git clone of HEAD installs with `vim.pack.add` on Neovim 0.12 into
 *   fresh XDG dirs; `require("tsasync")` works and `:checkhealth tsasync` has
 *   no warning or error. (nvim/install_spec.lua)
 * - The npm package's declarations compile a TypeScript plugin with TSTL and
 *   reject misuse. (`make typecheck-consumer`, scripts/typecheck-consumer.sh)
 * - A |ts.testing.it()| body that hangs fails its test after its timeout with
 *   the task tree and tracebacks, in real busted run by `nvim -l` and by PUC
 *   Lua 5.1, without freezing the run; body errors keep the task's context
 *   and failed assertions stay failures. (nvim/testing_spec.lua,
 *   core/testing_spec.lua)
 * - Under |ts.testing.clock()| nothing on the timer heap fires until the clock
 *   is advanced; then deadlines fire in order, each woken task runs to its
 *   next suspension before the next deadline, and sleeps, timeouts, debounce
 *   and throttle land on exact virtual times; restoring keeps the remaining
 *   time of pending deadlines. (core/testing_spec.lua, core/editor_spec.lua,
 *   core/deadline_spec.lua)
 * - |ts.testing.assert_no_leaks()| detects a leaked task (named, with what it
 *   waits on), deadline and fd, and passes once they are gone; spec files
 *   under |ts.testing.check_leaks()| leave nothing behind.
 *   (core/testing_spec.lua; check_leaks in core/deadline_spec.lua,
 *   editor_spec.lua, future_spec.lua, inspect_spec.lua, structure_spec.lua,
 *   testing_spec.lua)
 */
