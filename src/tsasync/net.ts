/**
 * @section tsasync-net
 * TCP clients and servers as task operations. Sockets belong to a task: a
 * connection is closed when the task that opened it ends by cancellation or
 * failure; a server's per-client connection is closed when its handler ends
 * (however it ends).
 */
import { runtime } from "./runtime";
import { Task, current_task, on_finish, off_finish, running_task, spawn } from "./task";
import { new_uv_error } from "./uv/error";
import { UvStream, disown, next_line, unread } from "./uv/stream";
import { track_close, track_open } from "./uv/track";
import { uv } from "./uv/wrap";

type LuaFn = (this: void, ...args: any[]) => any;
interface Tcp {
  close(this: Tcp): void;
  is_closing(this: Tcp): boolean;
  bind(this: Tcp, host: string, port: number): LuaMultiReturn<[number | undefined, string | undefined, string | undefined]>;
  getsockname(this: Tcp): { ip: string; port: number } | undefined;
  getpeername(this: Tcp): { ip: string; port: number } | undefined;
}
const luv = runtime.uv as unknown as { [name: string]: LuaFn };

/** A TCP connection. */
export class Conn {
  /** @internal the luv tcp handle */
  declare tcp: Tcp;
  /** @internal incoming chunks */
  declare rs: UvStream<[string]>;
  /** @internal received text that lines() has not returned yet, from index `pos` on */
  declare partial: string;
  /** @internal */
  declare pos?: number;
  /** @internal */
  declare closed: boolean;
  /** @internal task whose failure closes the connection */
  declare owner?: Task;

  /**
   * Sends `data` (a string or a list of strings); returns once libuv has written it. Raises a
   * UvError (`EPIPE`, `ECONNRESET`, ...) or when the connection is closed.
   */
  write(this: Conn, data: string | string[]): void {
    if (type(data) !== "string" && type(data) !== "table") error(`conn:write: data must be a string or a list of strings, got ${type(data)}`, 2);
    if (this.closed) error("conn:write: the connection is closed", 2);
    uv.write(this.tcp, data);
  }

  /**
   * The next chunk of bytes received, suspending until one arrives; nil at EOF (the peer
   * closed its side) or once closed. Raises a UvError on a read error.
   */
  read(this: Conn): string | undefined {
    running_task("conn:read");
    const rest = unread(this);
    if (rest !== "") return rest;
    const [chunk] = this.rs.recv();
    return chunk;
  }

  /** An iterator over received lines (without `\n`): `for line in conn:lines() do ... end`. */
  lines(this: Conn): (this: void) => string | undefined {
    return () => next_line(this, this.rs);
  }

  /** Shuts down the sending side (the peer reads EOF) while still receiving. */
  shutdown(this: Conn): void {
    if (this.closed) return;
    uv.shutdown(this.tcp);
  }

  /** Address of the peer: `{ ip, port }`. */
  peer(this: Conn): { ip: string; port: number } | undefined {
    return this.closed ? undefined : this.tcp.getpeername();
  }

  /** Closes the connection (a task waiting in `read` gets nil). Idempotent; never suspends. */
  close(this: Conn): void {
    if (this.closed) return;
    this.closed = true;
    this.rs.close();
    if (!this.tcp.is_closing()) this.tcp.close();
    track_close();
    if (this.owner !== undefined) {
      off_finish(this.owner, this);
      this.owner = undefined;
    }
  }

  /** True once closed. */
  is_closed(this: Conn): boolean {
    return this.closed;
  }
}
const ConnProto = (Conn as unknown as { prototype: object }).prototype;

/** Wraps a connected tcp handle (already counted open) owned by `owner`. */
function new_conn(tcp: Tcp, owner: Task | undefined, always: boolean): Conn {
  const rs = uv.read_start(tcp) as unknown as UvStream<[string]>;
  disown(rs);
  const c = setmetatable({ tcp, rs, partial: "", closed: false }, ConnProto as LuaMetatable<object>) as unknown as Conn;
  if (owner !== undefined) {
    c.owner = owner;
    on_finish(owner, c, (t: Task) => {
      if (always || t.status() !== "done") c.close();
    });
  }
  return c;
}

function check_host_port(fname: string, host: unknown, port: unknown, allow_zero: boolean): void {
  if (type(host) !== "string" || host === "") error(`${fname}: host must be a non-empty string, got ${type(host)}`, 3);
  if (type(port) !== "number" || port !== math.floor(port as number) || (port as number) < (allow_zero ? 0 : 1) || (port as number) > 65535) {
    error(`${fname}: port must be an integer in ${allow_zero ? 0 : 1}..65535, got ${tostring(port)}`, 3);
  }
}

function resolve(host: string): string {
  const [v4] = string.match(host, "^[%d%.]+$");
  const [v6] = string.find(host, ":", 1, true);
  if (v4 !== undefined || v6 !== undefined) return host;
  const addrs = uv.getaddrinfo(host, undefined, { socktype: "stream" }) as unknown as Array<{ addr: string }>;
  if (addrs[0] === undefined) error(new_uv_error("getaddrinfo", `ENOENT: no address for host ${host}`, undefined, "ENOENT"), 0);
  return addrs[0].addr;
}

/**
 * TCP connection to {host} (an IP address or a name) and {port}. Raises a
 * UvError (`ECONNREFUSED`, ...). Cancellation during the connect closes the
 * socket at once. The connection is closed when the calling task ends by
 * cancellation or failure.
 * ```lua
 * local conn = ts.net.connect("127.0.0.1", 8080)
 * conn:write("PING\n")
 * local reply = conn:lines()()
 * conn:close()
 * ```
 * @help ts.net.connect({host}, {port})
 */
export function connect(this: void, host: string, port: number): Conn {
  check_host_port("ts.net.connect", host, port, false);
  const t = running_task("ts.net.connect");
  const ip = resolve(host);
  const tcp = luv.new_tcp() as Tcp;
  track_open();
  const [ok, err] = pcall(() => uv.tcp_connect(tcp, ip, port));
  if (!ok) {
    if (!tcp.is_closing()) tcp.close();
    track_close();
    error(err, 0);
  }
  return new_conn(tcp, t, false);
}

/** A listening TCP server. */
export interface Server {
  /** The port listened on (the one the system picked when 0 was asked). */
  port: number;
  /** The address listened on. */
  host: string;
  /** Stops accepting and closes the listening socket; running handlers go on. Idempotent. */
  close(this: Server): void;
}

/**
 * Listens on {host}:{port} ({port} 0 picks one: `server.port`);
 * `handler(conn)` runs as a task per client, a child of the server's accept
 * loop, itself a child of the caller: the caller does not complete before
 * `server:close()` (and its running handlers); cancelling it closes the
 * server and cancels the handlers; a handler's unhandled error fails the
 * server and the caller (catch inside the handler to keep serving). A
 * handler's connection is closed when the handler ends. `server:close()`
 * stops accepting and closes the listening socket; running handlers go on.
 * ```lua
 * local server = ts.net.listen("127.0.0.1", 0, function(conn)
 *   for line in conn:lines() do conn:write(line .. "\n") end -- echo
 * end)
 * print(server.port)
 * ```
 * @help ts.net.listen({host}, {port}, {handler})
 */
export function listen(this: void, host: string, port: number, handler: (this: void, conn: Conn) => unknown): Server {
  check_host_port("ts.net.listen", host, port, true);
  if (type(handler) !== "function") error(`ts.net.listen: handler must be a function, got ${type(handler)}`, 2);
  running_task("ts.net.listen");
  const tcp = luv.new_tcp() as Tcp;
  track_open();
  const [ok, e, en] = tcp.bind(host, port);
  let clients: UvStream<[unknown]> | undefined;
  let lerr: unknown;
  if (ok !== undefined) {
    const [lok, l] = pcall(() => uv.listen(tcp, 128));
    if (lok) clients = l as unknown as UvStream<[unknown]>;
    else lerr = l;
  }
  if (clients === undefined) {
    tcp.close();
    track_close();
    error(lerr ?? new_uv_error("tcp_bind", e, undefined, en), 0);
  }
  disown(clients);
  let closed = false;
  const server: Server = {
    port: tcp.getsockname()!.port,
    host,
    close: () => {
      if (closed) return;
      closed = true;
      clients!.close();
      tcp.close();
      track_close();
    },
  };
  const accept_loop = (): void => {
    for (;;) {
      const [client, aerr] = clients!.recv();
      if (client === undefined) {
        if (aerr !== undefined) error(aerr, 0);
        break;
      }
      spawn({ name: `ts.net handler ${host}:${server.port}` }, (c: Tcp) => handler(new_conn(c, current_task(), true)), client);
    }
  };
  const loop = spawn({ name: `ts.net server ${host}:${server.port}` }, accept_loop);
  on_finish(loop, server, () => server.close());
  return server;
}

/**
 * @section tsasync-net
 * Connections: `conn:write(data)` (awaits the write), `conn:read()` (a chunk,
 * nil at EOF), `conn:lines()`, `conn:shutdown()` (the peer reads EOF),
 * `conn:peer()` (`{ ip, port }`), `conn:close()`, `conn:is_closed()`. Reading
 * pauses while 64 chunks wait unread.
 */
