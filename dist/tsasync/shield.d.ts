/** @noSelfInFile */
/**
 * Runs `fn(...)` as a child task that the caller's cancellation does not reach, waits for
 * it, and returns its results (or raises its error). If the caller was cancelled meanwhile,
 * its cancellation is raised after `fn` finished. Use it for cleanup that must complete
 * (flush a file, send a final request).
 * ```lua
 * ts.shield(function() ts.fs.write_file(path, data) end)
 * ```
 */
export declare function shield(this: void, fn: (this: void, ...args: any[]) => unknown, ...args: unknown[]): LuaMultiReturn<any[]>;
