import type { Conversation, Logger } from "../../src/index.js";
import { reportReplyFailure, type ReplyStage } from "../shared/reply.js";

/**
 * What every command, event and component handler needs: every question, help text,
 * autocomplete and vote goes through `conversation`; the adapter only translates.
 */
export interface HandlerDeps {
  readonly conversation: Conversation;
  readonly logger: Logger;
}

/** What replyOrApologize reports about `what`, logged with `context` and counted as Discord's. */
export function discordReplyFailure(
  deps: HandlerDeps,
  what: string,
  context: Record<string, unknown>,
  options: { readonly composingTalksToPlatform?: boolean } = {},
): (error: unknown, stage: ReplyStage) => void {
  return reportReplyFailure({
    logger: deps.logger,
    platformError: (error, details) => {
      deps.conversation.platformError("discord", error, details);
    },
    what,
    context,
    ...options,
  });
}
