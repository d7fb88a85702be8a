/** @noSelfInFile */
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
    new_prepare(this: void): {
        start(this: unknown, cb: (this: void) => void): unknown;
        close(this: unknown): unknown;
    };
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
export declare const FOREVER = 2147483647;
/**
 * libuv handles the runtime opens for itself while it waits (`wait` on plain luv): leak checks
 * (`ts.testing`) do not count them. Weak keys.
 */
export declare const own_handles: LuaTable<object, true>;
/** The runtime in use, chosen once when the core is loaded. */
export declare const runtime: Runtime;
