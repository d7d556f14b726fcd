import type { Conversation, Logger } from "../../src/index.js";

/**
 * What every command, event and component handler needs: every question, help text,
 * autocomplete and vote goes through `conversation`; the adapter only translates.
 */
export interface HandlerDeps {
  readonly conversation: Conversation;
  readonly logger: Logger;
}
