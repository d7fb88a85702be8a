/** @noSelfInFile */
// vim.* used by the inspector, the :Tsasync command and :checkhealth.

declare namespace vim {
  namespace api {
    function nvim_buf_set_name(buffer: number, name: string): void;
    function nvim_set_current_buf(buffer: number): void;
    function nvim_win_get_cursor(window: number): [number, number];
    function nvim_win_set_cursor(window: number, pos: [number, number]): void;
    function nvim_buf_is_valid(buffer: number): boolean;
    function nvim_get_runtime_file(name: string, all: boolean): string[];
    function nvim_set_option_value(name: string, value: unknown, opts: { buf?: number; win?: number; scope?: string }): void;
  }
  namespace keymap {
    function set(
      mode: string | string[],
      lhs: string,
      rhs: string | ((this: void) => void),
      opts?: { buffer?: number; desc?: string; nowait?: boolean; silent?: boolean },
    ): void;
  }
  namespace health {
    function start(name: string): void;
    function ok(msg: string): void;
    function info(msg: string): void;
    function warn(msg: string, advice?: string | string[]): void;
    function error(msg: string, advice?: string | string[]): void;
  }
}
