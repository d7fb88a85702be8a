/** @noSelfInFile */
/// <reference path="../../types/lua.d.ts" />
/// <reference path="../../types/vim-inspect.d.ts" />
/// <reference path="../../types/vim-lsp.d.ts" />
/// <reference path="../../types/vim.d.ts" />
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
export { run, current, in_task, await_ as "await", pawait, wrap, sleep, schedule, checkpoint, pcall_ as pcall, xpcall_ as xpcall, block_on, shield, all, all_settled, any, race, as_completed, map, timeout, move_on_after, scope, debounce, throttle, latest, singleflight, is_cancelled, is_timeout, config, Future, Task, version, inspect, testing, lsp, LspError, is_lsp_error, channel, oneshot, broadcast, watch, select_ as select, Semaphore, Mutex, Event, Condvar, Barrier, uv, is_uv_error, UvError, fs, api, fn, ui, net, system, process, Process, };
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
