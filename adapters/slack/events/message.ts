import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { ConversationKey } from "../../../src/index.js";
import type { ListenerDeps } from "../listener-deps.js";
import {
  directMessageConversation,
  personMessage,
  questionText,
  replyInConversation,
  threadConversation,
  type ConversationMessage,
} from "./reply.js";

/** Channel types whose thread replies SLACK_THREAD_FOLLOWUPS may answer: public and private channels. */
const CHANNEL_TYPES = new Set(["channel", "group"]);

/**
 * A plain message: a direct message to the bot (the DM, or the DM thread it is in, is the
 * conversation), or, with SLACK_THREAD_FOLLOWUPS=true, a reply in a channel thread the bot answered
 * while that conversation is active. Anything else (a message that mentions the bot is the
 * app_mention listener's) is not for the bot.
 */
export async function answerMessage(
  deps: ListenerDeps,
  { event, client, context }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs,
): Promise<void> {
  const message = personMessage(deps, event);
  const where = message === undefined ? undefined : placement(deps, message, context.botUserId);
  if (message === undefined || where === undefined) return;
  // A reply in a channel thread is for the bot only while the thread's conversation is active.
  if (where.kind === "thread reply" && !(await deps.conversation.isActive(where.conversation.key))) return;
  if (!(await deps.answeredMessages.firstSighting(`${message.channel}:${message.ts}`))) return;
  await replyInConversation(deps, client, {
    channel: message.channel,
    threadTs: message.thread_ts,
    text: questionText(message),
    userId: message.user,
    botUserId: context.botUserId,
    conversation: where.conversation,
  });
}

interface Placement {
  readonly kind: "direct message" | "thread reply";
  readonly conversation: ConversationKey;
}

/** Which conversation a plain message may be part of, or undefined when it cannot be for the bot. */
function placement(deps: ListenerDeps, message: ConversationMessage, botUserId: string | undefined): Placement | undefined {
  if (message.channel_type === "im") {
    const conversation =
      message.thread_ts === undefined ? directMessageConversation(message.channel) : threadConversation(message.channel, message.thread_ts);
    return { kind: "direct message", conversation };
  }
  const threadTs = message.thread_ts;
  if (!deps.threadFollowUps || threadTs === undefined || threadTs === message.ts) return undefined;
  if (message.channel_type === undefined || !CHANNEL_TYPES.has(message.channel_type)) return undefined;
  if (botUserId !== undefined && message.text.includes(`<@${botUserId}`)) return undefined;
  return { kind: "thread reply", conversation: threadConversation(message.channel, threadTs) };
}
