import type { Conversation, Logger } from "../../src/index.js";
import { reportReplyFailure, type ReplyStage } from "../shared/reply.js";
import type { SeenKeys } from "./dedupe.js";

/** What every listener needs besides Bolt's own arguments; built once in app.ts. */
export interface ListenerDeps {
  /** Every question, help text, share and vote: the adapter only translates. */
  readonly conversation: Conversation;
  readonly logger: Logger;
  /** Messages already answered, by `channel:ts`, so one message never gets two answers (across instances with Redis). */
  readonly answeredMessages: SeenKeys;
  /** SLACK_THREAD_FOLLOWUPS: plain replies in a thread the bot answered are answered while it is active. */
  readonly threadFollowUps: boolean;
}

/** A failure talking to Slack (a reply that could not be sent): counted by the conversation service. */
export function slackError(deps: ListenerDeps, error: unknown, context: Record<string, unknown> = {}): void {
  deps.conversation.platformError("slack", error, context);
}

/** What replyOrApologize reports about `what`, logged with `context` and counted as Slack's when sending failed. */
export function replyFailure(deps: ListenerDeps, what: string, context: Record<string, unknown>): (error: unknown, stage: ReplyStage) => void {
  return reportReplyFailure({
    logger: deps.logger,
    platformError: (error, details) => {
      slackError(deps, error, details);
    },
    what,
    context,
  });
}
