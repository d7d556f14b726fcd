import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { ListenerDeps } from "../listener-deps.js";
import { ConversationMessageSchema, questionText, reasonToIgnore, replyInConversation, threadConversation } from "./reply.js";

/**
 * `@bot question` in a channel: answered in the message's thread, or in a new thread under it. The
 * thread is the conversation, so a mention in a thread where the bot answered is a follow-up. A
 * mention added by editing a message is answered too, once: answers are de-duplicated by channel
 * and ts, which an edit keeps.
 */
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
  const ignored = reasonToIgnore(mention, { answerEdits: true });
  if (ignored !== undefined) {
    deps.logger.debug({ reason: ignored }, "ignoring a mention");
    return;
  }
  const userId = mention.user;
  if (userId === undefined) return; // reasonToIgnore already turns authorless messages away
  if (!deps.answeredMessages.firstSighting(`${mention.channel}:${mention.ts}`)) return;
  const threadTs = mention.thread_ts ?? mention.ts;
  await replyInConversation(deps, client, {
    channel: mention.channel,
    threadTs,
    text: questionText(mention),
    userId,
    botUserId: context.botUserId,
    conversation: threadConversation(mention.channel, threadTs),
  });
}
