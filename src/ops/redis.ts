import { Redis } from "ioredis";
import type { Logger } from "../logger.js";
import type { OpsMetrics } from "./metrics.js";
import type { RedisConfig } from "./redis-config.js";

/**
 * The timings that decide how the bot behaves while Redis is slow or gone, in one place. A question
 * makes at most five Redis calls (limit, two de-duplication keys, context read and write), and
 * Slack wants an acknowledgement within 3 s, so no call may wait long: a command that has no
 * reply in COMMAND_TIMEOUT_MS gives way to process memory, and the client is reconnected.
 */
export const REDIS_TIMINGS = {
  /** A TCP connect (and TLS handshake) slower than this is a failed attempt. */
  connectTimeoutMs: 1_000,
  /** A reply slower than this fails the command; the caller falls back to process memory. */
  commandTimeoutMs: 500,
  /** Reconnect delays grow by this much per failed attempt… */
  reconnectStepMs: 200,
  /**
   * …up to this, so an instance is back on Redis within about two seconds of Redis coming back
   * (operators are promised under 15 s), without hammering a Redis that stays down.
   */
  reconnectMaxDelayMs: 2_000,
  /** How long close() waits for QUIT before it drops the connection. */
  quitTimeoutMs: 500,
} as const;

/** How Redis is doing, as /healthz reports it. */
export type RedisState = "connected" | "disconnected";

/**
 * The shared Redis of every instance and Discord shard, with the one policy all its users follow:
 * while Redis is down or failing, each operation falls back to the caller's in-process answer,
 * so the bot keeps answering. Operators hear of it once when Redis goes and once when it comes
 * back (never a line per question), and every failure is counted in `redis_errors_total`.
 */
export interface SharedRedis {
  /** The connected ioredis client: for stores built on a library that takes one (the rate limiter). */
  readonly client: Redis;
  /** REDIS_PREFIX, e.g. "article-qa:". */
  readonly prefix: string;
  /** A key under the prefix: key("slack", "event", id) → "article-qa:slack:event:<id>". */
  key(...parts: readonly string[]): string;
  /** True while commands can be sent (the connection is up and past its ready check). */
  isConnected(): boolean;
  state(): RedisState;
  /**
   * Runs `command` against Redis, or `fallback` instead when Redis is not connected or the command
   * fails (the failure is counted and logged at debug level). Never rejects because of Redis.
   */
  attempt<T>(operation: string, command: (client: Redis) => Promise<T>, fallback: () => T | Promise<T>): Promise<T>;
  /** Resolves once the first connection attempt has succeeded or failed (for start-up logs and tests). */
  settled(): Promise<void>;
  /** Closes the connection for good (on shutdown); further operations fall back to memory. */
  close(): Promise<void>;
}

export interface SharedRedisOptions {
  readonly logger: Logger;
  readonly metrics?: Pick<OpsMetrics, "recordRedisError" | "setRedisConnected">;
}

/** The error ioredis rejects a command with when no reply came within commandTimeout. */
function isCommandTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === "Command timed out";
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * Connects to REDIS_URL in the background: start-up never waits for Redis, and never fails
 * because of it. The client reconnects by itself for as long as the process runs.
 */
export function connectSharedRedis(config: RedisConfig, options: SharedRedisOptions): SharedRedis {
  const logger = options.logger.child({ component: "redis", redis: config.displayUrl });
  const metrics = options.metrics;
  const client = new Redis(config.url, {
    connectTimeout: REDIS_TIMINGS.connectTimeoutMs,
    commandTimeout: REDIS_TIMINGS.commandTimeoutMs,
    // Commands sent while disconnected fail at once instead of waiting in a queue for a Redis that
    // may take minutes to come back: the caller falls back to memory and the question is answered.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(attempt * REDIS_TIMINGS.reconnectStepMs, REDIS_TIMINGS.reconnectMaxDelayMs),
  });

  /** "pending" until the first attempt settles; then whether the last state reported was up. */
  let reported: "pending" | RedisState = "pending";
  let closing = false;
  /**
   * Set when a command timed out, until the next connection is ready: ioredis still calls the old
   * connection "ready" while it closes it (which a frozen server can make take seconds), and
   * every command sent meanwhile would wait for its own timeout.
   */
  let unresponsive = false;
  let resolveSettled: () => void = () => undefined;
  const firstAttempt = new Promise<void>((resolve) => {
    resolveSettled = resolve;
  });

  const becameConnected = (): void => {
    unresponsive = false;
    metrics?.setRedisConnected(true);
    if (reported === "disconnected") {
      logger.warn("Redis is reachable again: rate limits, Slack de-duplication and conversation context are shared again");
    } else {
      logger.info("connected to Redis: rate limits, Slack de-duplication and conversation context are shared");
    }
    reported = "connected";
    resolveSettled();
  };
  const becameDisconnected = (reason: string): void => {
    metrics?.setRedisConnected(false);
    if (closing || reported === "disconnected") return;
    logger.warn(
      { reason },
      reported === "pending"
        ? "cannot reach Redis; rate limits, Slack de-duplication and conversation context use this process's memory until it is back"
        : "lost the connection to Redis; rate limits, Slack de-duplication and conversation context use this process's memory until it is back",
    );
    reported = "disconnected";
    resolveSettled();
  };

  client.on("ready", becameConnected);
  // Listening to "error" also keeps ioredis from printing "Unhandled error event" for every failed
  // reconnect: errors are counted, and reported once by becameDisconnected.
  client.on("error", (error: Error) => {
    metrics?.recordRedisError("connection");
    logger.debug({ err: error }, "Redis connection error");
    // An error on a connection that stays up (a reply parser's complaint) is no outage.
    if (client.status !== "ready") becameDisconnected(error.message);
  });
  client.on("close", () => {
    if (reported === "connected") becameDisconnected("connection closed");
  });
  metrics?.setRedisConnected(false);

  const isConnected = (): boolean => client.status === "ready" && !unresponsive && !closing;

  return {
    client,
    prefix: config.prefix,
    key: (...parts) => `${config.prefix}${parts.join(":")}`,
    isConnected,
    state: () => (isConnected() ? "connected" : "disconnected"),
    async attempt(operation, command, fallback) {
      if (!isConnected()) return fallback();
      try {
        return await command(client);
      } catch (error) {
        metrics?.recordRedisError("command");
        logger.debug({ err: error, operation }, "a Redis command failed; using this process's memory for it");
        if (isCommandTimeout(error) && !closing && !unresponsive) {
          // A Redis that accepts connections but does not answer (overloaded, paused) would cost every
          // question a timeout: the next ones fall back at once, and the connection is dropped so
          // that the retry strategy reconnects once Redis answers again.
          unresponsive = true;
          becameDisconnected("command timed out");
          client.disconnect(true);
        }
        return fallback();
      }
    },
    settled: () => firstAttempt,
    async close() {
      if (closing) return;
      closing = true;
      resolveSettled();
      if (client.status === "end") return;
      const quit = client.quit().then(
        () => "quit" as const,
        () => "failed" as const,
      );
      if ((await Promise.race([quit, delay(REDIS_TIMINGS.quitTimeoutMs).then(() => "late" as const)])) !== "quit") {
        client.disconnect();
      }
    },
  };
}
