/**
 * The host adapter: the only module of the core that touches the event loop.
 *
 * Inside Neovim it is built on `vim.schedule`, `vim.in_fast_event`, `vim.uv` and `vim.wait`.
 * On plain Lua 5.1 / LuaJIT with luv (`require("luv")`) it is built on luv alone: `schedule`
 * runs callbacks from a zero timer, there is no fast-event restriction, and `wait` runs
 * `uv.run("once")` until the condition holds. Everything else in the core (tasks, futures,
 * the scheduler, timers) goes through this table, so the core runs and is tested without
 * Neovim.
 */

/** A libuv timer as both `vim.uv` and luv expose it. */
export interface UvTimer {
  start(this: UvTimer, timeout: number, repeat: number, cb: (this: void) => void): unknown;
  stop(this: UvTimer): unknown;
  close(this: UvTimer): unknown;
  is_active(this: UvTimer): boolean;
}

/** What the core needs from `vim.uv` / luv. */
export interface UvLike {
  new_timer(this: void): UvTimer;
  now(this: void): number;
  hrtime(this: void): number;
  update_time(this: void): void;
  run(this: void, mode?: string): boolean;
  stop(this: void): void;
  new_prepare(this: void): { start(this: unknown, cb: (this: void) => void): unknown; close(this: unknown): unknown };
}

/** How `Runtime.wait` ended when the condition did not become true. */
export type WaitFailure = "timeout" | "interrupted";

/** The host operations the core uses. */
export interface Runtime {
  /** `"nvim"` inside Neovim, `"luv"` on plain Lua with luv. */
  readonly host: "nvim" | "luv";
  /** The libuv binding (`vim.uv` or luv). */
  readonly uv: UvLike;
  /** Runs `fn` on the main loop soon, outside any fast event. */
  schedule(this: void, fn: (this: void) => void): void;
  /** True inside a libuv callback where most `vim.api` calls raise E5560. */
  in_fast_event(this: void): boolean;
  /** Loop time in milliseconds (cached per loop iteration, like libuv timers use). */
  now(this: void): number;
  /** Pumps the loop until `cond()` is true or `ms` elapsed. */
  wait(this: void, ms: number, cond: (this: void) => boolean): LuaMultiReturn<[boolean, WaitFailure?]>;
  /** Default sink for errors nobody observed. */
  report_error(this: void, msg: string): void;
  /** Default sink for warnings (debug mode). */
  report_warning(this: void, msg: string): void;
}

/** The longest wait `Runtime.wait` accepts (about 24 days); "forever" for our purposes. */
export const FOREVER = 2147483647;

declare const _G: { vim?: typeof vim };

function nvim_runtime(v: typeof vim): Runtime {
  const uv = (v.uv ?? (v as unknown as { loop: typeof vim.uv }).loop) as unknown as UvLike;
  return {
    host: "nvim",
    uv,
    schedule: v.schedule,
    in_fast_event: v.in_fast_event,
    now: uv.now,
    wait: (ms, cond) => {
      const [ok, code] = v.wait(ms, cond, 10);
      if (ok) return $multi(true, undefined);
      return $multi(false, code === -2 ? "interrupted" : "timeout");
    },
    report_error: (msg) => v.notify(msg, v.log.levels.ERROR),
    report_warning: (msg) => v.notify(msg, v.log.levels.WARN),
  };
}

/**
 * libuv handles the runtime opens for itself while it waits (`wait` on plain luv): leak checks
 * (`ts.testing`) do not count them. Weak keys.
 */
export const own_handles = setmetatable(new LuaTable<object, true>(), { __mode: "k" }) as LuaTable<object, true>;

function luv_runtime(): Runtime {
  const uv = require("luv") as UvLike;
  const pending: Array<(this: void) => void> = [];
  let timer: UvTimer | undefined;
  let armed = false;

  function flush(this: void): void {
    armed = false;
    const batch = pending.splice(0, pending.length);
    for (const fn of batch) {
      const [ok, err] = pcall(fn);
      if (!ok) io.stderr.write(`tsasync: error in scheduled callback: ${tostring(err)}\n`);
    }
  }

  return {
    host: "luv",
    uv,
    schedule: (fn) => {
      pending.push(fn);
      if (!armed) {
        armed = true;
        timer ??= uv.new_timer();
        timer.start(0, 0, flush);
      }
    },
    in_fast_event: () => false,
    now: uv.now,
    wait: (ms, cond) => {
      if (cond()) return $multi(true, undefined);
      uv.update_time();
      const deadline = uv.now() + ms;
      // A timer keeps uv.run("once") from returning at once (or blocking forever) while nothing
      // else is active. uv.run("once") runs due timers *before* it polls: when one of them makes
      // `cond` true, the prepare handle (run right before the poll) stops the loop so the poll
      // does not block until the next event.
      const guard = uv.new_timer();
      guard.start(ms, 0, () => {});
      const stopper = uv.new_prepare();
      own_handles.set(guard, true);
      own_handles.set(stopper, true);
      stopper.start(() => {
        if (cond()) uv.stop();
      });
      try {
        for (;;) {
          uv.run("once");
          if (cond()) return $multi(true, undefined);
          uv.update_time();
          if (uv.now() >= deadline) return $multi(false, "timeout");
          if (!guard.is_active()) guard.start(math.max(0, deadline - uv.now()), 0, () => {});
        }
      } finally {
        guard.close();
        stopper.close();
      }
    },
    report_error: (msg) => io.stderr.write(`${msg}\n`),
    report_warning: (msg) => io.stderr.write(`${msg}\n`),
  };
}

/** The runtime in use, chosen once when the core is loaded. */
export const runtime: Runtime = _G.vim !== undefined ? nvim_runtime(_G.vim) : luv_runtime();
