import type { Conversation, Logger } from "../../src/index.js";
import type { ReplyStage } from "../shared/reply.js";
import type { RecentKeys } from "./dedupe.js";

/** What every listener needs besides Bolt's own arguments; built once in app.ts. */
export interface ListenerDeps {
  /** Every question, help text, share and vote: the adapter only translates. */
  readonly conversation: Conversation;
  readonly logger: Logger;
  /** Messages already answered, by `channel:ts`, so one message never gets two answers. */
  readonly answeredMessages: RecentKeys;
  /** SLACK_THREAD_FOLLOWUPS: plain replies in a thread the bot answered are answered while it is active. */
  readonly threadFollowUps: boolean;
}

/** A failure talking to Slack (a reply that could not be sent): counted by the conversation service. */
export function slackError(deps: ListenerDeps, error: unknown, context: Record<string, unknown> = {}): void {
  deps.conversation.platformError("slack", error, context);
}

/**
 * What replyOrApologize reports, logged with `context` (the command, the channel…): a failure to
 * compose a reply is a bug and only logged; a failure to send one is also counted as Slack's.
 */
export function replyFailure(deps: ListenerDeps, what: string, context: Record<string, unknown>) {
  return (error: unknown, stage: ReplyStage): void => {
    if (stage !== "composing") slackError(deps, error, context);
    const message =
      stage === "composing"
        ? `${what} failed; apologizing`
        : stage === "sending"
          ? `sending ${what} failed; apologizing`
          : `sending the apology for ${what} failed too`;
    deps.logger.error({ err: error, ...context }, message);
  };
}
