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
 * busted's `it`, with {fn} run as a task under a real-time limit of
 * `opts.timeout` milliseconds (default 5000). The body may suspend
 * (|ts.sleep()|, |Task:await()|, ...). When it does not finish in time,
 * the test fails with the test task's tree (name, status, what each task
 * waits on, where it started, as |ts.inspect.tree()| shows it) and the
 * traceback of every suspended task in it (|Task:traceback()|), located at
 * the body's first line; then the task is cancelled (it gets 1 s to
 * unwind). An error raised by the body fails the test with the task's
 * context (message, task name, start site, traceback); a failed
 * assertion stays a busted failure, `pending()` stays pending; the error
 * is never also reported as unhandled. A virtual clock the body installed
 * and left is restored when the body ends. Without {fn} it is busted's
 * pending test.
 * busted defines `it` in each spec file's environment, not in `_G`:
 * `ts.testing.it` reads it from the caller's environment (`getfenv(2)`),
 * else from `_G`, else raises (use |ts.testing.wrap()| there). A body
 * that never suspends (a busy loop) cannot be interrupted: scheduling is
 * cooperative. On PUC Lua, busted prints the test's location as
 * "(tail call)"; LuaJIT shows the spec line.
 * @help ts.testing.it({name}, {fn} [, {opts}])
 */
export declare function it(this: void, name: string, fn?: Body, opts?: ItOptions): unknown;
/**
 * Returns a `ts.testing.it` bound to the busted `it` given, for code whose
 * environment does not hold busted's functions (a helper module).
 * ```lua
 * local tit = ts.testing.wrap(it)
 * ```
 * @help ts.testing.wrap({it})
 */
export declare function wrap(this: void, busted_it: BustedIt): (this: void, name: string, fn?: Body, opts?: ItOptions) => unknown;
/**
 * Installs a virtual clock on the shared timer heap and returns it. From
 * then on nothing on the heap fires by itself: |ts.sleep()|,
 * |ts.timeout()|, |ts.move_on_after()|, |ts.debounce()|, |ts.throttle()|,
 * |ts.select()| timeouts, LSP request timeouts, process kill grace
 * periods. The clock's time starts at 0; deadlines already pending keep
 * their remaining time, counted on the virtual clock. Real-time waits are
 * not virtual: |Task:wait()|, |ts.block_on()| and I/O. One clock at a
 * time (raises if one is installed).
 * ```lua
 * local clock = ts.testing.clock()
 * local t = ts.run(function() ts.sleep(1000); return "woke" end)
 * clock:advance(999); assert.is_false(t:is_done())
 * clock:advance(1);   assert.equal("woke", select(2, t:result()))
 * clock:restore()
 * ```
 * Returns a VirtualClock, whose methods `clock:now()`, `clock:advance()`,
 * `clock:run_all()` and `clock:restore()` follow:
 * @help ts.testing.clock()
 */
export declare function clock(this: void): VirtualClock;
/** Virtual time for the timer heap; made by `ts.testing.clock()`. */
export declare class VirtualClock {
    /** @internal the virtual time (ms) */
    t: number;
    /** @internal true until restored */
    on: boolean;
    /**
     * The virtual time in milliseconds (0 when the clock was installed).
     * @help clock:now()
     * @notag
     * @tag ts.testing-clock:now()
     */
    now(this: VirtualClock): number;
    /**
     * Moves virtual time forward by {ms}: every deadline that falls due fires,
     * earliest first (entries of one deadline in the order they were added),
     * and the tasks each one wakes run to their next suspension before the
     * next deadline fires; deadlines added meanwhile fire too when they fall
     * within {ms}. Deterministic. Called from plain code the woken tasks run
     * at once; called inside a task, the caller yields until every woken task
     * has suspended again. Tasks waiting on the main loop (|ts.schedule()|) or
     * on I/O need the event loop (`vim.wait`, |Task:wait()|). Returns the
     * number of deadlines fired; raises after 100000 (a task sleeping 0 ms
     * in a loop), and once the clock was restored.
     * @help clock:advance({ms})
     * @notag
     * @tag ts.testing-clock:advance()
     */
    advance(this: VirtualClock, ms: number): number;
    /**
     * Advances to each pending deadline in turn until none is pending;
     * returns the virtual milliseconds that passed. Raises after {limit}
     * deadlines (default 10000: a periodic sleeper never runs out), and once
     * the clock was restored.
     * @help clock:run_all([{limit}])
     * @notag
     * @tag ts.testing-clock:run_all()
     */
    run_all(this: VirtualClock, limit?: number): number;
    /**
     * Puts the real clock back. Deadlines still pending keep their remaining
     * virtual time and fire that many real milliseconds later (a debounce
     * whose quiet period spans the switch waits at most its `ms` more).
     * Restoring twice does nothing.
     * @help clock:restore()
     * @notag
     * @tag ts.testing-clock:restore()
     */
    restore(this: VirtualClock): void;
}
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
 * Counts what a test could leave behind: a table
 * `{ tasks, timers, uv_open, fds, handles }` = live tasks, pending
 * deadlines, handles and processes held by the uv layer
 * (`ts.uv.stats.open`), open file descriptors (from
 * `/proc/self/fd`; nil where it does not exist), active libuv handles
 * (`uv.walk`, except the timer heap's own timer; nil on Neovim 0.10,
 * where walking aborts). Give it to |ts.testing.assert_no_leaks()| after
 * the test.
 * ```lua
 * local snap = ts.testing.snapshot()
 * -- { tasks = 0, timers = 0, uv_open = 0, fds = 9, handles = 3 }
 * ```
 * @help ts.testing.snapshot()
 */
export declare function snapshot(this: void): Snapshot;
/**
 * Waits up to `opts.timeout` ms (default 1000; real time, pumping the
 * event loop) for the counts to come back to {snap}'s, then raises
 * listing what is left over: the new live tasks with their status, what
 * they wait on and where they started (as |ts.inspect.tree()| shows
 * them); pending deadlines; uv-layer handles; the new fds with their
 * targets; the new libuv handles. Counts below the snapshot are fine.
 * Inside a task, the running task and its ancestors are not counted, and
 * the wait uses short real-time pauses (a virtual clock does not stop it).
 * ```lua
 * local snap = ts.testing.snapshot()
 * start_and_stop_the_server()
 * ts.testing.assert_no_leaks(snap, { timeout = 500 })
 * ```
 * @help ts.testing.assert_no_leaks({snap} [, {opts}])
 */
export declare function assert_no_leaks(this: void, snap: Snapshot, opts?: {
    timeout?: number;
}): void;
/**
 * Installs busted hooks in the calling spec file or `describe` block:
 * `before_each` takes a snapshot, `after_each` runs
 * |ts.testing.assert_no_leaks()| on it (`opts.timeout`, default 1000) and
 * fails when a virtual clock was left installed (restoring it). Root
 * tasks a test leaked are cancelled after the failure so that they do
 * not spill into the next test. busted reports the failure as an error
 * of `after_each`. The hooks are found like |ts.testing.it()| finds `it`.
 * ```lua
 * describe("my plugin", function()
 *   ts.testing.check_leaks({ timeout = 500 })
 *   it("...", function() ... end)
 * end)
 * ```
 * @help ts.testing.check_leaks([{opts}])
 */
export declare function check_leaks(this: void, opts?: {
    timeout?: number;
}): void;
export {};
