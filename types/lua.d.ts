/** @noSelfInFile */
// Lua globals whose lua-types declarations are narrower than Lua itself.

/** Raises any Lua value as an error (lua-types only admits strings). */
declare function error(message: unknown, level?: number): never;
/** `debug.traceback` also takes a thread (the coroutine whose stack to print). */
declare namespace debug {
  function traceback(thread: LuaThread, message?: string, level?: number): string;
  function getinfo(thread: LuaThread, level: number, what?: string): debug.FunctionInfo | undefined;
}
