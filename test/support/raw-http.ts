import { connect, type Socket } from "node:net";

/** What a server said to a request written by hand on a raw socket. */
export interface RawAnswer {
  /** The status code of the first response line; undefined when none came. */
  readonly status: number | undefined;
  /** Milliseconds from the first byte written to the first byte read (or to the close). */
  readonly ms: number;
}

/**
 * Writes `head` (request line and headers, without the blank line) and `body` on a fresh socket,
 * and resolves with the first response line, or after `timeoutMs` with no status. `body` may be
 * shorter than the declared Content-Length: that is how a test proves the server answered
 * without waiting for the rest.
 */
export function rawRequest(port: number, head: readonly string[], body = "", timeoutMs = 5_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const started = performance.now();
    let received = "";
    let settled = false;
    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      resolve({ status: match?.[1] === undefined ? undefined : Number(match[1]), ms: performance.now() - started });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
      if (received.includes("\r\n")) finish();
    });
    socket.on("close", finish);
    socket.on("error", finish);
    socket.write(`${head.join("\r\n")}\r\n\r\n${body}`);
  });
}

/**
 * A client that opens a connection, sends `head` at once (nothing, or complete headers), then the
 * rest a byte at a time, `intervalMs` apart, the way a slowloris attack does; `closedAt` is set
 * when the server closes the connection.
 */
export class SlowClient {
  readonly socket: Socket;
  /** Milliseconds since the start at which the server closed the connection; undefined while open. */
  closedAt: number | undefined;
  readonly #started = performance.now();
  readonly #timer: NodeJS.Timeout;

  constructor(port: number, text: string, intervalMs = 1_000, head = "") {
    this.socket = connect(port, "127.0.0.1");
    if (head !== "") this.socket.write(head);
    let sent = 0;
    this.#timer = setInterval(() => {
      if (this.socket.destroyed || sent >= text.length) return;
      this.socket.write(text.charAt(sent));
      sent += 1;
    }, intervalMs);
    const closed = (): void => {
      this.closedAt ??= performance.now() - this.#started;
      clearInterval(this.#timer);
    };
    this.socket.on("close", closed);
    this.socket.on("end", closed);
    this.socket.on("error", closed);
    this.socket.on("data", () => undefined);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.socket.destroy();
  }
}
