import type { Answerer, Conversation, Logger } from "../../src/index.js";

/**
 * What every command, event and component handler needs. Questions and votes go through
 * `conversation` (rate limit, answer, log line, metrics, feedback file); `answerer` is only for
 * what is not a question: topics and autocomplete.
 */
export interface HandlerDeps {
  readonly answerer: Answerer;
  readonly conversation: Conversation;
  readonly logger: Logger;
}
