import { EmbedBuilder, MessageFlags, type ActionRowBuilder, type ButtonBuilder } from "discord.js";
import { removeInvisibleControls, type Answer, type AskOutcome, type Language, type TopicSummary } from "../../src/index.js";
import { NO_PINGS } from "./allowed-mentions.js";
import { didYouMeanRow } from "./components/did-you-mean.js";
import { feedbackRow } from "./components/feedback.js";
import { escapeUserText, truncate } from "./escape.js";
import { MESSAGES } from "./messages.js";

const COLOR_ANSWERED = 0x2e8b57;
const COLOR_UNKNOWN = 0x99aab5;

/** Discord's embed limits. */
const LIMITS = { title: 256, description: 4096, fieldName: 256, fieldValue: 1024, footer: 2048 } as const;

export interface ReplyPayload {
  embeds: EmbedBuilder[];
  components: ActionRowBuilder<ButtonBuilder>[];
  allowedMentions: typeof NO_PINGS;
}

function quoteBlock(quote: string, title: string): string {
  const quoted = quote
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
  const attribution = `— *${escapeUserText(title)}*`;
  return `${truncate(quoted, LIMITS.fieldValue - attribution.length - 1)}\n${attribution}`;
}

/**
 * An Answer as an embed: the question as asked (escaped), the answer, the article's sentence that
 * backs it with the article's title, and the confidence. An unknown answer carries did-you-mean
 * buttons instead of a source.
 */
export function answerEmbed(answer: Answer, question: string): EmbedBuilder {
  const text = MESSAGES[answer.language];
  const embed = new EmbedBuilder()
    .setColor(answer.status === "answered" ? COLOR_ANSWERED : COLOR_UNKNOWN)
    .setDescription(truncate(answer.answer, LIMITS.description))
    .setFooter({ text: text.confidence(Math.round(answer.confidence * 100)) });
  // A question of nothing but invisible characters has no title, rather than an empty one.
  const asked = removeInvisibleControls(question).trim();
  if (asked !== "") embed.setTitle(truncate(escapeUserText(asked), LIMITS.title));
  if (answer.source !== null) {
    embed.addFields({ name: text.sourceField, value: quoteBlock(answer.source.quote, answer.source.title) });
  }
  return embed;
}

/**
 * An answer with its buttons: 👍 / 👎 under an answered question, did-you-mean suggestions (which
 * answer in the question's language) under an unknown one.
 */
export function answerPayload(answer: Answer, question: string): ReplyPayload {
  const row =
    answer.status === "answered" && answer.factId !== null
      ? feedbackRow(answer.factId)
      : didYouMeanRow(answer.suggestions, answer.language);
  return { embeds: [answerEmbed(answer, question)], components: row ? [row] : [], allowedMentions: NO_PINGS };
}

/** A short text to one person: the rate-limit notice, the thanks for a vote, an apology. */
export interface NoticePayload {
  content: string;
  allowedMentions: typeof NO_PINGS;
}

export type InteractionReply = (ReplyPayload | NoticePayload) & { flags?: MessageFlags.Ephemeral };

/**
 * The reply to an interaction that asked a question: the answer (ephemeral when asked), or, over
 * the per-user limit, the polite notice, always ephemeral since only the asker needs to see it.
 */
export function interactionReply(outcome: AskOutcome, question: string, ephemeral: boolean): InteractionReply {
  if (outcome.kind === "rate-limited") {
    return { content: outcome.message, allowedMentions: NO_PINGS, flags: MessageFlags.Ephemeral };
  }
  return { ...answerPayload(outcome.answer, question), ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/** The /topics listing, and the hint shown when someone mentions the bot without a question. */
export function topicsEmbed(topics: readonly TopicSummary[], language: Language, intro?: string): EmbedBuilder {
  const text = MESSAGES[language];
  const embed = new EmbedBuilder().setColor(COLOR_ANSWERED).setTitle(text.topicsTitle);
  if (intro !== undefined) embed.setDescription(intro);
  if (topics.length === 0) return embed.setDescription(text.noTopics);
  for (const topic of topics.slice(0, 25)) {
    const examples = topic.examples.slice(0, 3).map((example) => `• ${escapeUserText(example)}`);
    embed.addFields({
      name: truncate(topic.label, LIMITS.fieldName),
      value: truncate(examples.length > 0 ? examples.join("\n") : "—", LIMITS.fieldValue),
    });
  }
  return embed;
}

export function apologyPayload(language: Language): NoticePayload {
  return { content: MESSAGES[language].apology, allowedMentions: NO_PINGS };
}
