import type { webApi } from "@slack/bolt";
import { z } from "zod";
import { replyBudget, type ConversationKey, type ReplyBudget } from "../../../src/index.js";
import { replyOrApologize } from "../../shared/reply.js";
import { renderApology, renderOutcome, renderRateLimited, type SlackMessage } from "../blocks.js";
import { sendToSlack } from "../delivery.js";
import { slackTextToPlain } from "../escape.js";
import { replyFailure, slackError, type ListenerDeps } from "../listener-deps.js";

/**
 * An attachment of a message: a forwarded or shared message arrives as one, flagged `is_share`
 * (or `is_msg_unfurl` / `is_reply_unfurl`), its text in `text` and never in the message's own.
 */
const AttachmentSchema = z.looseObject({
  text: z.string().optional(),
  fallback: z.string().optional(),
  is_share: z.boolean().optional(),
  is_msg_unfurl: z.boolean().optional(),
  is_reply_unfurl: z.boolean().optional(),
});

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
  attachments: z.array(AttachmentSchema).optional(),
});
export type ConversationMessage = z.infer<typeof ConversationMessageSchema>;

/**
 * Subtypes that are still a new message typed by a person: a thread reply also sent to the channel,
 * and a message with a file attached. Every other subtype is an edit, a deletion, a bot's message or
 * a channel notice ("joined #general").
 */
const PERSON_SUBTYPES = new Set(["thread_broadcast", "file_share"]);

export interface IgnoreOptions {
  /**
   * An app_mention for an edited message is a mention added by the edit: answered (once, since
   * answers are de-duplicated by channel and ts). Edits of other messages are never answered.
   */
  readonly answerEdits?: boolean;
}

/**
 * Why a message gets no answer, or undefined when it should get one. Bots (this one included) are
 * never answered: answering them is how two bots end up talking forever.
 */
export function reasonToIgnore(message: ConversationMessage, options: IgnoreOptions = {}): string | undefined {
  if (message.bot_id !== undefined) return "sent by a bot";
  if (message.subtype !== undefined && !PERSON_SUBTYPES.has(message.subtype)) return `message subtype ${message.subtype}`;
  if (message.edited !== undefined && options.answerEdits !== true) return "an edit";
  if (message.user === undefined) return "no author";
  return undefined;
}

/** A message typed by a person: the fields we use, and its author for certain. */
export type PersonMessage = ConversationMessage & { readonly user: string };

/**
 * The event as a message a person typed, or undefined (logged at debug level, or at warn for an
 * event of unexpected shape when `warnOnShape`) when it is not one to answer.
 */
export function personMessage(
  deps: Pick<ListenerDeps, "logger">,
  event: unknown,
  options: IgnoreOptions & { readonly warnOnShape?: boolean } = {},
): PersonMessage | undefined {
  const parsed = ConversationMessageSchema.safeParse(event);
  if (!parsed.success) {
    if (options.warnOnShape === true) deps.logger.warn({ issues: parsed.error.issues.length }, "ignoring an event of unexpected shape");
    else deps.logger.debug("ignoring a message event without text, channel or ts");
    return undefined;
  }
  const message = parsed.data;
  const ignored = reasonToIgnore(message, options);
  const user = message.user;
  if (ignored !== undefined || user === undefined) {
    deps.logger.debug({ reason: ignored }, "ignoring a message");
    return undefined;
  }
  return { ...message, user };
}

/** The message's own text and the text of the messages it forwards or shares, in that order. */
export function questionText(message: Pick<ConversationMessage, "text" | "attachments">): string {
  const shared = (message.attachments ?? [])
    .filter((attachment) => attachment.is_share === true || attachment.is_msg_unfurl === true || attachment.is_reply_unfurl === true)
    .map((attachment) => attachment.text ?? attachment.fallback ?? "");
  return [message.text, ...shared].filter((text) => text.trim() !== "").join("\n");
}

/** A Slack thread: the bot's answers to one question and its follow-ups, in the same thread. */
export function threadConversation(channel: string, threadTs: string): ConversationKey {
  return { key: `slack:${channel}:${threadTs}` };
}

/** A direct message outside any thread: the whole DM is one conversation. */
export function directMessageConversation(channel: string): ConversationKey {
  return { key: `slack:${channel}` };
}

export interface ConversationReply {
  readonly channel: string;
  /** Where to answer; undefined answers in the conversation itself (a DM outside any thread). */
  readonly threadTs: string | undefined;
  /** Raw Slack text of the message, forwarded messages' text included. */
  readonly text: string;
  /** Who asked: the per-user limit is kept under this id, and a rate-limit note is shown to them alone. */
  readonly userId: string;
  /** The bot's own user id, whose mentions are removed from the question. */
  readonly botUserId: string | undefined;
  /** The conversation the message belongs to, whose earlier turns a follow-up leans on. */
  readonly conversation: ConversationKey;
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
  await replyOrApologize<SlackMessage | undefined>({
    compose: async () => {
      const outcome = await deps.conversation.ask({
        platform: "slack",
        userId: reply.userId,
        question,
        conversation: reply.conversation,
      });
      if (outcome.kind === "rate-limited") {
        await notifyRateLimited(deps, client, reply, renderRateLimited(outcome.message), replyBudget());
        return undefined;
      }
      return renderOutcome(outcome, { question, ephemeral: false });
    },
    send: async (message) => {
      if (message === undefined) return;
      await client.chat.postMessage({
        ...where,
        text: message.text,
        blocks: message.blocks,
        // Plain "@channel" in an echoed question must stay text, never become a mention.
        link_names: false,
        unfurl_links: false,
        unfurl_media: false,
      });
    },
    apology: () => renderApology(deps.conversation.detectLanguage(question)),
    failed: replyFailure(deps, "a Slack message", { channel: reply.channel, method: "chat.postMessage" }),
    deliver: sendToSlack,
  });
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
