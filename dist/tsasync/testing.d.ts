/** @noSelfInFile */
type Body = (this: void) => unknown;
type BustedIt = (this: void, name: string, fn?: Body) => unknown;
/** Default real-time limit of a test body run by `ts.testing.it`, in milliseconds. */
export declare const DEFAULT_TIMEOUT = 5000;
/** Options of `ts.testing.it`. */
export interface ItOptions {
    /** Real-time limit of the body in milliseconds (default 5000). */
    timeout?: number;
}
/**
 * busted's `it`, with the body run as a task (so it may suspend: `ts.sleep`, `Task:await`,
 * ...) under a real-time limit of `opts.timeout` ms (default 5000). A body that does not
 * finish in time fails the test with the task tree and the traceback of every suspended task
 * in it (where it is suspended and what it waits on); it is then cancelled. An error raised
 * by the body fails the test with the task's context (a failed assertion stays a failure). A
 * virtual clock the body installed and did not restore is restored when the body ends.
 * busted's `it` is found in the caller's environment (busted defines it in each spec file's
 * environment), else in `_G`; elsewhere use `ts.testing.wrap(it)`. A body that never
 * suspends cannot be interrupted (cooperative scheduling).
 * ```lua
 * local tit = require("tsasync").testing.it
 * tit("reads the file", function() assert.equal("x", ts.fs.read_file("f")) end, { timeout = 1000 })
 * ```
 */
export declare function it(this: void, name: string, fn?: Body, opts?: ItOptions): unknown;
/**
 * Returns a `ts.testing.it` bound to the given busted `it` (for callers whose environment
 * does not hold busted's functions, e.g. a helper module).
 * ```lua
 * local tit = ts.testing.wrap(it)
 * ```
 */
export declare function wrap(this: void, busted_it: BustedIt): (this: void, name: string, fn?: Body, opts?: ItOptions) => unknown;
/** Virtual time for the timer heap; made by `ts.testing.clock()`. */
export declare class VirtualClock {
    /** @internal the virtual time (ms) */
    t: number;
    /** @internal true until restored */
    on: boolean;
    /** The virtual time in milliseconds (0 when the clock was installed). */
    now(this: VirtualClock): number;
    /**
     * Moves virtual time forward by `ms`: every deadline that falls due fires, earliest first
     * (one deadline's entries in the order they were added), and the tasks each one wakes run
     * to their next suspension before the next deadline fires; deadlines added meanwhile fire
     * too when they fall within `ms`. Called inside a task, the caller yields so that the woken
     * tasks run. Returns the number of deadlines fired.
     */
    advance(this: VirtualClock, ms: number): number;
    /**
     * Advances to each pending deadline in turn until none is pending; raises after `limit`
     * deadlines (default 10000: a periodic timer never runs out). Returns the virtual time
     * that passed, in milliseconds.
     */
    run_all(this: VirtualClock, limit?: number): number;
    /**
     * Puts the real clock back. Pending deadlines keep their remaining virtual time and fire
     * that many real milliseconds later. Restoring twice does nothing.
     */
    restore(this: VirtualClock): void;
}
/**
 * Installs a virtual clock on the shared timer heap and returns it. From then on nothing on the
 * heap fires by itself (`ts.sleep`, `ts.timeout`, `ts.move_on_after`, `ts.debounce`,
 * `ts.throttle`, `ts.select` timeouts, ...): `clock:advance(ms)` and `clock:run_all()` fire
 * what falls due, deterministically and at once. Virtual time starts at 0; deadlines pending
 * on the real clock keep their remaining time. Real-time waits (`Task:wait(ms)`,
 * `ts.block_on(fn, ms)`, I/O) are not virtual. One clock at a time: raises if one is
 * installed. `ts.testing.it` restores a clock its body left installed.
 * ```lua
 * local clock = ts.testing.clock()
 * local t = ts.run(function() ts.sleep(1000); return "woke" end)
 * clock:advance(999); assert.is_false(t:is_done())
 * clock:advance(1);   assert.equal("woke", select(2, t:result()))
 * clock:restore()
 * ```
 */
export declare function clock(this: void): VirtualClock;
/** What `ts.testing.snapshot()` counts. */
export interface Snapshot {
    /** Live tasks (`task_counts().live`). */
    tasks: number;
    /** Pending deadlines on the timer heap. */
    timers: number;
    /** Handles and processes the uv layer (`ts.uv`, `ts.net`, `ts.system`, ...) holds open. */
    uv_open: number;
    /** Open file descriptors of the process (where `/proc/self/fd` exists). */
    fds?: number;
    /**
     * Active libuv handles (`uv.walk`; not on Neovim 0.10, where walking aborts), except the
     * timer driving the timer heap (its deadlines are counted in `timers`).
     */
    handles?: number;
}
/**
 * Counts what a test could leave behind: live tasks, pending deadlines, handles held by the uv
 * layer, open file descriptors (`/proc/self/fd`), and active libuv handles (`uv.walk`; not
 * on Neovim 0.10). Give it to `ts.testing.assert_no_leaks` after the test.
 * ```lua
 * local snap = ts.testing.snapshot()  -- { tasks = 0, timers = 0, uv_open = 0, fds = 9, handles = 3 }
 * ```
 */
export declare function snapshot(this: void): Snapshot;
/**
 * Waits up to `opts.timeout` ms (default 1000; real time, pumping the event loop) for the
 * counts of `ts.testing.snapshot()` to come back to the snapshot's, then raises listing what
 * is left over: the new live tasks (name, status, what they wait on, where they started, as
 * in `ts.inspect.tree()`), pending deadlines, uv-layer handles, new fds (with their
 * targets), new active libuv handles. Counts below the snapshot are fine. Inside a task the
 * running task and its ancestors are not counted, and the wait uses short real-time pauses
 * (a virtual clock does not stop it).
 * ```lua
 * local snap = ts.testing.snapshot()
 * run_the_code_under_test()
 * ts.testing.assert_no_leaks(snap, { timeout = 500 })
 * ```
 */
export declare function assert_no_leaks(this: void, snap: Snapshot, opts?: {
    timeout?: number;
}): void;
/**
 * Installs busted hooks in the calling spec file (or `describe` block): `before_each` takes a
 * snapshot, `after_each` runs `assert_no_leaks` on it (`opts.timeout`, default 1000 ms; the
 * leaked root tasks are then cancelled so they do not spill into the next test) and fails if
 * a virtual clock was left installed (restoring it). busted reports such a failure as an
 * error of `after_each`. Hooks are found like `ts.testing.it` finds `it`.
 * ```lua
 * describe("my plugin", function()
 *   ts.testing.check_leaks({ timeout = 500 })
 *   it("...", function() ... end)
 * end)
 * ```
 */
export declare function check_leaks(this: void, opts?: {
    timeout?: number;
}): void;
export {};
