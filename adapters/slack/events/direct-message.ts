import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { ListenerDeps } from "../listener-deps.js";
import { ConversationMessageSchema, reasonToIgnore, replyInConversation } from "./reply.js";

/** A direct message to the bot: answered in the conversation, or in the thread it was sent in. */
export async function answerDirectMessage(
  deps: ListenerDeps,
  { event, client, context }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs,
): Promise<void> {
  const parsed = ConversationMessageSchema.safeParse(event);
  if (!parsed.success) {
    deps.logger.debug("ignoring a message event without text, channel or ts");
    return;
  }
  const message = parsed.data;
  if (message.channel_type !== "im") return;
  const ignored = reasonToIgnore(message);
  if (ignored !== undefined) {
    deps.logger.debug({ reason: ignored }, "ignoring a direct message");
    return;
  }
  const userId = message.user;
  if (userId === undefined) return; // reasonToIgnore already turns authorless messages away
  if (!deps.answeredMessages.firstSighting(`${message.channel}:${message.ts}`)) return;
  await replyInConversation(deps, client, {
    channel: message.channel,
    threadTs: message.thread_ts,
    text: message.text,
    userId,
    botUserId: context.botUserId,
  });
}
