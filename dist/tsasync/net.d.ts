/** @noSelfInFile */
import { Task } from "./task";
import { UvStream } from "./uv/stream";
interface Tcp {
    close(this: Tcp): void;
    is_closing(this: Tcp): boolean;
    bind(this: Tcp, host: string, port: number): LuaMultiReturn<[number | undefined, string | undefined, string | undefined]>;
    getsockname(this: Tcp): {
        ip: string;
        port: number;
    } | undefined;
    getpeername(this: Tcp): {
        ip: string;
        port: number;
    } | undefined;
}
/** A TCP connection. */
export declare class Conn {
    /** @internal the luv tcp handle */
    tcp: Tcp;
    /** @internal incoming chunks */
    rs: UvStream<[string]>;
    /** @internal received text that lines() has not returned yet, from index `pos` on */
    partial: string;
    /** @internal */
    pos?: number;
    /** @internal */
    closed: boolean;
    /** @internal task whose failure closes the connection */
    owner?: Task;
    /**
     * Sends `data` (a string or a list of strings); returns once libuv has written it. Raises a
     * UvError (`EPIPE`, `ECONNRESET`, ...) or when the connection is closed.
     */
    write(this: Conn, data: string | string[]): void;
    /**
     * The next chunk of bytes received, suspending until one arrives; nil at EOF (the peer
     * closed its side) or once closed. Raises a UvError on a read error.
     */
    read(this: Conn): string | undefined;
    /** An iterator over received lines (without `\n`): `for line in conn:lines() do ... end`. */
    lines(this: Conn): (this: void) => string | undefined;
    /** Shuts down the sending side (the peer reads EOF) while still receiving. */
    shutdown(this: Conn): void;
    /** Address of the peer: `{ ip, port }`. */
    peer(this: Conn): {
        ip: string;
        port: number;
    } | undefined;
    /** Closes the connection (a task waiting in `read` gets nil). Idempotent; never suspends. */
    close(this: Conn): void;
    /** True once closed. */
    is_closed(this: Conn): boolean;
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
export declare function connect(this: void, host: string, port: number): Conn;
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
export declare function listen(this: void, host: string, port: number, handler: (this: void, conn: Conn) => unknown): Server;
export {};
