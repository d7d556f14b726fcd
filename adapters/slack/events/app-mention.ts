import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { ListenerDeps } from "../listener-deps.js";
import { ConversationMessageSchema, reasonToIgnore, replyInConversation } from "./reply.js";

/** `@bot question` in a channel: answered in the message's thread, or in a new thread under it. */
export async function answerMention(
  deps: ListenerDeps,
  { event, client, context }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs,
): Promise<void> {
  const parsed = ConversationMessageSchema.safeParse(event);
  if (!parsed.success) {
    deps.logger.warn({ issues: parsed.error.issues.length }, "ignoring an app_mention event of unexpected shape");
    return;
  }
  const mention = parsed.data;
  const ignored = reasonToIgnore(mention);
  if (ignored !== undefined) {
    deps.logger.debug({ reason: ignored }, "ignoring a mention");
    return;
  }
  const userId = mention.user;
  if (userId === undefined) return; // reasonToIgnore already turns authorless messages away
  if (!deps.answeredMessages.firstSighting(`${mention.channel}:${mention.ts}`)) return;
  await replyInConversation(deps, client, {
    channel: mention.channel,
    threadTs: mention.thread_ts ?? mention.ts,
    text: mention.text,
    userId,
    botUserId: context.botUserId,
  });
}
