import type { Conversation } from "./conversation.js";
import type { Logger } from "./logger.js";
import type { Platform } from "./platform-name.js";

/** What every platform adapter gets from the composition root (app/main.ts). */
export interface AdapterContext {
  /**
   * Everything the adapter asks of the bot: questions, help and topics, autocomplete, votes,
   * follow-up context. Adapters never reach around it to the core.
   */
  readonly conversation: Conversation;
  readonly logger: Logger;
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
}
