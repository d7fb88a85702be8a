/**
 * tsasync: an async runtime for Neovim plugins.
 *
 * ```lua
 * local ts = require("tsasync")
 * ts.run(function()
 *   local err, stat = ts.await(2, vim.uv.fs_stat, vim.fn.expand("~"))
 *   vim.api.nvim_echo({ { "home is a " .. stat.type } }, false, {}) -- safe: back on the main loop
 * end)
 * ```
 *
 * This module is the public facade; the implementation lives in one module per concept
 * (`task`, `scheduler`, `await`, `future`, `timers`, `errors`, `runtime`, ...).
 */
import { pawait, await_, checkpoint, current, in_task, pcall_, schedule, sleep, wrap, xpcall_ } from "./await";
import { block_on } from "./block_on";
import { config } from "./config";
import { is_cancelled, is_timeout } from "./errors";
import { Future } from "./future";
import { run } from "./run";
import { shield } from "./shield";
import { Task } from "./task";
import { api, fn, ui } from "./api";
import * as fs from "./fs";
import * as net from "./net";
import { Process, process, system } from "./system";
import { is_uv_error } from "./uv/error";
import { uv } from "./uv/wrap";

/** The version of tsasync. */
export const version = "0.1.0";

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
  is_cancelled,
  is_timeout,
  config,
  Future,
  Task,
  uv,
  is_uv_error,
  fs,
  api,
  fn,
  ui,
  net,
  system,
  process,
  Process,
};
