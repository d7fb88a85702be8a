/** @noSelfInFile */
// Declarations of the parts of vim.lsp / vim.diagnostic used by src/tsasync/lsp/ (merged into the
// `vim` namespace of vim.d.ts). Client methods are not declared here: their calling convention
// differs between Nvim 0.10 (fields, `client.request(...)`) and 0.11+ (`client:request(...)`),
// so src/tsasync/lsp/client.ts calls them through one helper that picks the form by capability.

declare namespace vim {
  /** The `null` of decoded JSON (`vim.NIL`). */
  const NIL: unknown;
  function uri_from_bufnr(bufnr: number): string;

  namespace api {
    function nvim_get_current_win(): number;
    function nvim_win_get_buf(win: number): number;
    function nvim_win_is_valid(win: number): boolean;
    function nvim_buf_is_valid(buf: number): boolean;
    function nvim_del_autocmd(id: number): void;
  }

  namespace lsp {
    /** Fields of a client that tsasync reads (methods are called through tsasync/lsp/client). */
    interface Client {
      offset_encoding: string;
      attached_buffers: { [bufnr: number]: boolean };
    }
    namespace util {
      /** `position_encoding` is required on 0.11+ (a warning otherwise) and accepted on 0.10. */
      function make_position_params(win: number, position_encoding: string): Record<string, any>;
      function make_range_params(win: number, position_encoding: string): Record<string, any>;
      function make_given_range_params(
        start_pos: [number, number],
        end_pos: [number, number],
        bufnr: number,
        position_encoding: string,
      ): Record<string, any>;
      function locations_to_items(locations: unknown[], position_encoding: string): QuickfixItem[];
      function apply_workspace_edit(edit: unknown, position_encoding: string): void;
    }
    namespace diagnostic {
      function get_namespace(client_id: number, is_pull?: boolean): number;
    }
    /** A quickfix list entry as `vim.fn.setqflist` takes it. */
    interface QuickfixItem {
      filename?: string;
      bufnr?: number;
      lnum: number;
      col: number;
      end_lnum?: number;
      end_col?: number;
      text?: string;
      user_data?: unknown;
    }
  }

  namespace diagnostic {
    interface Diagnostic {
      lnum: number;
      col: number;
      message: string;
      namespace?: number;
      user_data?: { lsp?: unknown; [k: string]: unknown };
    }
    function get(bufnr?: number, opts?: { namespace?: number; lnum?: number }): Diagnostic[];
  }
}
