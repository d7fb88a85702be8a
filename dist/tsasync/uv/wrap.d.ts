/** @noSelfInFile */
import { UvPWrappers, UvWrappers, specs } from "./generated";
import { stats } from "./track";
/**
 * The same one-shot calls returning `err, ...values` instead of raising
 * (`err` a |ts.UvError| or nil): `local err, st = ts.uv.p.fs_stat(path)`.
 * Streams have no `p` form (`ts.uv.p.timer_start` returns a stream when it
 * repeats, as `ts.uv.timer_start` does).
 * @help ts.uv.p.{name}({...})
 * @tag ts.uv.p
 */
export declare const p: UvPWrappers;
/**
 * `ts.uv`: every callback-taking luv function, awaitable. Also `ts.uv.p` (protected forms),
 * `ts.uv.specs` (the generated metadata) and `ts.uv.stats` (`open`: handles the layer holds
 * open; `late`: requests of cancelled tasks whose callback has not come yet; `killed`).
 * ```lua
 * ts.run(function()
 *   local fd = ts.uv.fs_open("/etc/hostname", "r", 420)
 *   local data = ts.uv.fs_read(fd, 4096, 0)
 *   ts.uv.fs_close(fd)
 *   local err, st = ts.uv.p.fs_stat("/nope") -- err.code == "ENOENT"
 * end)
 * ```
 */
export declare const uv: UvWrappers & {
    p: UvPWrappers;
    specs: typeof specs;
    stats: typeof stats;
};
