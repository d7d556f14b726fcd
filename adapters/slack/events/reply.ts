import type { webApi } from "@slack/bolt";
import { z } from "zod";
import { mayHaveBeenPosted, replyBudget, type ReplyBudget } from "../../../src/index.js";
import { helpLanguage, renderAnswer, renderApology, renderHelp, renderRateLimited, type SlackMessage } from "../blocks.js";
import { sendToSlack } from "../delivery.js";
import { slackTextToPlain } from "../escape.js";
import { languageOf, slackError, type ListenerDeps } from "../listener-deps.js";

/** The fields of a message or app_mention event we use; anything else Slack sends is ignored. */
export const ConversationMessageSchema = z.object({
  text: z.string().default(""),
  channel: z.string().min(1),
  ts: z.string().min(1),
  thread_ts: z.string().min(1).optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  edited: z.unknown().optional(),
  channel_type: z.string().optional(),
});
export type ConversationMessage = z.infer<typeof ConversationMessageSchema>;

/**
 * Subtypes that are still a new message typed by a person: a thread reply also sent to the channel,
 * and a message with a file attached. Every other subtype is an edit, a deletion, a bot's message or
 * a channel notice ("joined #general").
 */
const PERSON_SUBTYPES = new Set(["thread_broadcast", "file_share"]);

/**
 * Why a message gets no answer, or undefined when it should get one. Bots (this one included) and
 * edits are never answered: answering them is how two bots end up talking forever.
 */
export function reasonToIgnore(message: ConversationMessage): string | undefined {
  if (message.bot_id !== undefined) return "sent by a bot";
  if (message.subtype !== undefined && !PERSON_SUBTYPES.has(message.subtype)) return `message subtype ${message.subtype}`;
  if (message.edited !== undefined) return "an edit";
  if (message.user === undefined) return "no author";
  return undefined;
}

export interface ConversationReply {
  readonly channel: string;
  /** Where to answer; undefined answers in the conversation itself (a DM outside any thread). */
  readonly threadTs: string | undefined;
  /** Raw Slack text of the message. */
  readonly text: string;
  /** Who asked: the per-user limit is kept under this id, and a rate-limit note is shown to them alone. */
  readonly userId: string;
  /** The bot's own user id, whose mentions are removed from the question. */
  readonly botUserId: string | undefined;
}

/**
 * Answers a message in a conversation; on any failure, logs it and posts an apology instead. Over
 * the per-user limit, only the asker gets a short ephemeral note (in the thread), and nothing is posted.
 */
export async function replyInConversation(
  deps: ListenerDeps,
  client: webApi.WebClient,
  reply: ConversationReply,
): Promise<void> {
  const question = slackTextToPlain(reply.text, reply.botUserId);
  const where = { channel: reply.channel, ...(reply.threadTs === undefined ? {} : { thread_ts: reply.threadTs }) };
  // One budget for the whole reply: the answer, and the apology if the answer was refused.
  const budget = replyBudget();
  const post = async (message: SlackMessage): Promise<void> => {
    await sendToSlack(
      () =>
        client.chat.postMessage({
          ...where,
          text: message.text,
          blocks: message.blocks,
          // Plain "@channel" in an echoed question must stay text, never become a mention.
          link_names: false,
          unfurl_links: false,
          unfurl_media: false,
        }),
      budget,
    );
  };

  let message: SlackMessage;
  try {
    const help = helpLanguage(question);
    if (help !== undefined) {
      message = renderHelp(deps.answerer.packs, deps.answerer.topics(help), help);
    } else {
      const outcome = deps.conversation.ask({ platform: "slack", userId: reply.userId, question });
      if (outcome.kind === "rate-limited") {
        await notifyRateLimited(deps, client, reply, renderRateLimited(outcome.message), budget);
        return;
      }
      message = renderAnswer(outcome.answer, { question, ephemeral: false });
    }
  } catch (error) {
    deps.logger.error({ err: error, channel: reply.channel }, "answering a Slack message failed; apologizing");
    message = renderApology(languageOf(question));
  }

  try {
    await post(message);
  } catch (error) {
    slackError(deps, error, { channel: reply.channel, method: "chat.postMessage" });
    if (mayHaveBeenPosted(error)) {
      // Slack may have posted it: a second copy, or an apology under the answer, would be wrong.
      deps.logger.error({ err: error, channel: reply.channel }, "answering a Slack message may have failed; not sending it again");
      return;
    }
    deps.logger.error({ err: error, channel: reply.channel }, "answering a Slack message failed; apologizing");
    try {
      await post(renderApology(languageOf(question)));
    } catch (apologyError) {
      slackError(deps, apologyError, { channel: reply.channel, method: "chat.postMessage" });
      deps.logger.error({ err: apologyError, channel: reply.channel }, "posting the apology failed too");
    }
  }
}

/** The rate-limit note, visible to the asker alone; a failure is logged and counted, retried only as sendToSlack does. */
async function notifyRateLimited(
  deps: ListenerDeps,
  client: webApi.WebClient,
  reply: ConversationReply,
  message: SlackMessage,
  budget: ReplyBudget,
): Promise<void> {
  try {
    await sendToSlack(
      () =>
        client.chat.postEphemeral({
          channel: reply.channel,
          user: reply.userId,
          ...(reply.threadTs === undefined ? {} : { thread_ts: reply.threadTs }),
          text: message.text,
          blocks: message.blocks,
        }),
      budget,
    );
  } catch (error) {
    slackError(deps, error, { channel: reply.channel, method: "chat.postEphemeral" });
  }
}
