import type { Conversation } from "./conversation.js";
import type { Logger } from "./logger.js";
import type { MetricsSnapshot } from "./ops/metrics.js";
import type { SharedRedis } from "./ops/redis.js";
import type { Platform } from "./platform-name.js";

/** What every platform adapter gets from the composition root (app/main.ts). */
export interface AdapterContext {
  /**
   * Everything the adapter asks of the bot: questions, help and topics, autocomplete, votes,
   * follow-up context. Adapters never reach around it to the core.
   */
  readonly conversation: Conversation;
  readonly logger: Logger;
  /**
   * The Redis every instance shares, when REDIS_URL is set: for what an adapter keeps between
   * deliveries itself (Slack's retry de-duplication). Absent: the adapter keeps it in memory.
   */
  readonly redis?: SharedRedis;
}

/**
 * The one interface `adapters/slack` and `adapters/discord` implement. The core never imports a
 * platform SDK; adapters translate between their platform and `Conversation`.
 */
export interface PlatformAdapter {
  readonly platform: Platform;
  /** Connects to the platform; resolves once it accepts messages. */
  start(): Promise<void>;
  /** Stops accepting new messages, lets in-flight ones finish, then disconnects. */
  stop(): Promise<void>;
  /** True while the platform connection is up (for health checks). */
  isConnected(): boolean;
  /**
   * The metrics of the processes this adapter runs besides this one (Discord's shard processes),
   * for /metrics to serve aggregated with this process's. Absent when it runs none.
   */
  collectMetrics?(): Promise<readonly MetricsSnapshot[]>;
}
