import type { Logger } from "pino";
import type { Conversation } from "./conversation.js";
import type { Answerer } from "./core/answerer-types.js";
import type { Platform } from "./platform-name.js";

/** What every platform adapter gets from the composition root (app/main.ts). */
export interface AdapterContext {
  /** Topics, autocomplete and pack titles; questions go through `conversation`. */
  readonly answerer: Answerer;
  /** Every question and vote: rate limit, answer, log line, metrics, feedback file. */
  readonly conversation: Conversation;
  readonly logger: Logger;
}

/**
 * The one interface `adapters/slack` and `adapters/discord` implement. The core never imports a
 * platform SDK; adapters translate between their platform and `Answerer`.
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
