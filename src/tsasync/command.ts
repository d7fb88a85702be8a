/**
 * `:Tsasync {subcommand}` — the user command defined by `plugin/tsasync.lua`.
 *
 *   :Tsasync tasks   open the task inspector (see `ts.inspect`)
 *   :Tsasync health  run `:checkhealth tsasync`
 */
import * as inspect from "./inspect";

/** @section tsasync-inspector */

/**
 * Opens the task inspector in a scratch buffer: the live task tree, one
 * line per task with its name, status, age (debug mode), what it waits on
 * and where it was started. `r` refreshes; `x` cancels the task under the
 * cursor. Root tasks appear once they have suspended (a task that finishes
 * without suspending is never live long enough to show). `:Tsasync health`
 * runs |:checkhealth| for tsasync. `:Tsasync` alone is `:Tsasync tasks`.
 * The command completes its subcommands.
 * @help :Tsasync tasks
 * @tag :Tsasync
 */

const SUBCOMMANDS: Record<string, (this: void) => void> = {
  tasks: () => void inspect.open(),
  health: () => vim.cmd("checkhealth tsasync"),
};

/** Runs `:Tsasync` with its argument string (`opts.args`). */
export function run(this: void, args: string): void {
  const name = vim.trim(args ?? "");
  const fn = SUBCOMMANDS[name === "" ? "tasks" : name];
  if (fn === undefined) {
    vim.notify(`Tsasync: unknown subcommand "${name}" (expected: ${names().join(", ")})`, vim.log.levels.ERROR);
    return;
  }
  fn();
}

function names(): string[] {
  const list: string[] = [];
  for (const k in SUBCOMMANDS) list.push(k);
  table.sort(list);
  return list;
}

/** Completion for `:Tsasync`: the subcommands starting with `arglead`. */
export function complete(this: void, arglead: string): string[] {
  return names().filter((n) => n.startsWith(arglead ?? ""));
}
