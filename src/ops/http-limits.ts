import { createServer, type RequestListener, type Server, type ServerResponse } from "node:http";

/**
 * Limits for every HTTP server the bot runs: Slack's HTTP mode and the operator endpoints. Slack
 * sends each request whole, at once, and probes make short GETs, so a client still sending its
 * request after a few seconds is neither. Every open socket costs memory and a file descriptor,
 * and before these limits ~1,000 sockets trickling a byte a second took the endpoint down.
 */
export const HTTP_LIMITS = {
  /** Headers fit in one packet: Slack's arrive at once. Node answers 408 and closes past this. */
  headersTimeoutMs: 3_000,
  /** The whole request, body included: Slack's payloads are a few KB, sent in one go. */
  requestTimeoutMs: 5_000,
  /**
   * How often Node looks for connections past the two timeouts above. Its default, 30 s, would let
   * a slow client keep its socket up to 30 s longer than the timeouts say.
   */
  connectionsCheckingIntervalMs: 1_000,
  /** An idle keep-alive connection: Slack reuses one within seconds if it does at all; then it is closed. */
  keepAliveTimeoutMs: 5_000,
  /**
   * Sockets open at once. Slack opens a handful, probes one or two; 512 is far above that, yet
   * well under the common 1,024 file descriptor limit, so that calls to Slack, the gateway and
   * the feedback file still get a descriptor while someone holds every socket they can.
   */
  maxConnections: 512,
  /**
   * Request body. Slack's largest payloads here are an event for a long message (text plus its
   * rich-text blocks) and a button press carrying our own message back: tens of KB at most.
   * Bolt's default, 4 MB, buffered for every connection, is what an attacker would fill.
   */
  bodyLimitBytes: 128 * 1024,
} as const;

/** A node:http server with HTTP_LIMITS applied; `listener` handles each request. */
export function createLimitedServer(listener: RequestListener): Server {
  const server = createServer(
    {
      headersTimeout: HTTP_LIMITS.headersTimeoutMs,
      requestTimeout: HTTP_LIMITS.requestTimeoutMs,
      connectionsCheckingInterval: HTTP_LIMITS.connectionsCheckingIntervalMs,
      keepAliveTimeout: HTTP_LIMITS.keepAliveTimeoutMs,
    },
    listener,
  );
  server.maxConnections = HTTP_LIMITS.maxConnections;
  return server;
}

/**
 * Answers at once and closes the connection, without reading what is left of the request body:
 * a refused client gets no chance to keep trickling into a socket we hold.
 */
export function refuse(res: ServerResponse, status: number, body = ""): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.shouldKeepAlive = false;
  res.writeHead(status, {
    connection: "close",
    "content-type": "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(body),
  });
  // With `connection: close` and the body unread, Node closes the socket once the answer is out.
  res.end(body);
}
