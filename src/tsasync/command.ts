/**
 * `:Tsasync {subcommand}` — the user command defined by `plugin/tsasync.lua`.
 *
 *   :Tsasync tasks   open the task inspector (see `ts.inspect`)
 *   :Tsasync health  run `:checkhealth tsasync`
 */
import * as inspect from "./inspect";

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
