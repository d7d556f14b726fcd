import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { ListenerDeps } from "../listener-deps.js";
import { personMessage, questionText, replyInConversation, threadConversation } from "./reply.js";

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
  const mention = personMessage(deps, event, { answerEdits: true, warnOnShape: true });
  if (mention === undefined) return;
  if (!(await deps.answeredMessages.firstSighting(`${mention.channel}:${mention.ts}`))) return;
  const threadTs = mention.thread_ts ?? mention.ts;
  await replyInConversation(deps, client, {
    channel: mention.channel,
    threadTs,
    text: questionText(mention),
    userId: mention.user,
    botUserId: context.botUserId,
    conversation: threadConversation(mention.channel, threadTs),
  });
}
