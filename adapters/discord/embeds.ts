import { EmbedBuilder, MessageFlags, type ActionRowBuilder, type ButtonBuilder } from "discord.js";
import { removeInvisibleControls, type Answer, type AskOutcome, type Help, type Language } from "../../src/index.js";
import { confidenceText, contextNoteText, UI } from "../shared/ui-strings.js";
import { NO_PINGS } from "./allowed-mentions.js";
import { didYouMeanRow } from "./components/did-you-mean.js";
import { feedbackRow } from "./components/feedback.js";
import { escapeUserText, truncate } from "./escape.js";

const COLOR_ANSWERED = 0x2e8b57;
const COLOR_UNKNOWN = 0x99aab5;

/** Discord's embed limits; an embed over any of them, or over `total` in all, is rejected whole. */
const LIMITS = { title: 256, description: 4096, fieldName: 256, fieldValue: 1024, footer: 2048, fields: 25, total: 6000 } as const;
/** Room for the article's title under a quote: the quote gets the rest of the field. */
const TITLE_CHARS = 300;
/** Room for an article's address in a link; a longer one is shown as plain text. */
const MAX_LINK_URL = 500;
const EXAMPLES_PER_TOPIC = 3;

export interface ReplyPayload {
  embeds: EmbedBuilder[];
  components: ActionRowBuilder<ButtonBuilder>[];
  allowedMentions: typeof NO_PINGS;
}

/** The article's title (escaped, cut to fit), linked to the article when the knowledge has its address. */
function titleLink(title: string, url: string | undefined): string {
  const text = escapeUserText(truncate(title, TITLE_CHARS));
  if (url === undefined || url.length > MAX_LINK_URL) return text;
  // `)` would end the markdown link early; `<…>` keeps Discord from previewing the article.
  return `[${text.replaceAll("]", "\\]")}](<${url.replaceAll(")", "%29").replaceAll(">", "%3E")}>)`;
}

function quoteBlock(answer: Answer): string | undefined {
  if (answer.source === null) return undefined;
  const quoted = answer.source.quote
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
  const attribution = `— *${titleLink(answer.source.title, answer.source.url)}*`;
  return `${truncate(quoted, LIMITS.fieldValue - attribution.length - 1)}\n${attribution}`;
}

/**
 * An Answer as an embed: the question as asked (escaped), the answer (after the context note when
 * earlier turns decided it, so a wrong reading is seen first), the article's sentence that backs
 * it with the article's title, and the confidence. An unknown answer carries did-you-mean buttons
 * instead of a source.
 */
export function answerEmbed(answer: Answer, question: string): EmbedBuilder {
  const note = answer.contextNote === undefined ? "" : `*${escapeUserText(contextNoteText(answer.contextNote))}*\n`;
  const embed = new EmbedBuilder()
    .setColor(answer.status === "answered" ? COLOR_ANSWERED : COLOR_UNKNOWN)
    .setDescription(truncate(`${note}${answer.answer}`, LIMITS.description))
    .setFooter({ text: confidenceText(answer.confidence, answer.language) });
  // A question of nothing but invisible characters has no title, rather than an empty one.
  const asked = removeInvisibleControls(question).trim();
  // Cut before escaping as well as after: discord.js's markdown patterns take time that grows much
  // faster than the text (a 2,000-character question spent seconds in them), and nothing past the
  // title's limit is shown anyway.
  if (asked !== "") embed.setTitle(truncate(escapeUserText(truncate(asked, LIMITS.title)), LIMITS.title));
  const source = quoteBlock(answer);
  if (source !== undefined) embed.addFields({ name: UI.source[answer.language], value: source });
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

export function noticePayload(content: string): NoticePayload {
  return { content, allowedMentions: NO_PINGS };
}

/** The help for an empty question or "help": the topics with example questions, and how to ask. */
export function helpPayload(help: Help): ReplyPayload {
  return { embeds: [topicsEmbed(help, UI.emptyQuestion[help.language])], components: [], allowedMentions: NO_PINGS };
}

/** Whatever the conversation service decided, as a message: an answer, the help, or the limit's notice. */
export function outcomePayload(outcome: AskOutcome, question: string): ReplyPayload | NoticePayload {
  if (outcome.kind === "rate-limited") return noticePayload(outcome.message);
  if (outcome.kind === "help") return helpPayload(outcome.help);
  return answerPayload(outcome.answer, question);
}

/**
 * The reply to an interaction that asked a question: the answer (ephemeral when asked), or, over
 * the per-user limit, the polite notice, always ephemeral since only the asker needs to see it.
 */
export function interactionReply(outcome: AskOutcome, question: string, ephemeral: boolean): InteractionReply {
  const payload = outcomePayload(outcome, question);
  return ephemeral || outcome.kind === "rate-limited" ? { ...payload, flags: MessageFlags.Ephemeral } : payload;
}

/**
 * The /topics listing, and the help shown for a mention without a question: as many topics as fit
 * Discord's 25 fields and 6,000 characters in all, the rest left out rather than the whole
 * embed refused.
 */
export function topicsEmbed(help: Help, intro?: string): EmbedBuilder {
  const language = help.language;
  const title = UI.topicsTitle[language];
  const description = truncate([intro, UI.discordHowTo[language]].filter((line) => line !== undefined).join("\n\n"), LIMITS.description);
  const embed = new EmbedBuilder().setColor(COLOR_ANSWERED).setTitle(title);
  if (help.topics.length === 0) return embed.setDescription(UI.noTopics[language]);
  embed.setDescription(description);
  let used = title.length + description.length;
  for (const topic of help.topics.slice(0, LIMITS.fields)) {
    const examples = topic.examples.slice(0, EXAMPLES_PER_TOPIC).map((example) => `• ${escapeUserText(example)}`);
    const name = truncate(topic.label, LIMITS.fieldName);
    const value = truncate(examples.length > 0 ? examples.join("\n") : "—", LIMITS.fieldValue);
    if (used + name.length + value.length > LIMITS.total) break;
    used += name.length + value.length;
    embed.addFields({ name, value });
  }
  return embed;
}

export function apologyPayload(language: Language): NoticePayload {
  return noticePayload(UI.apology[language]);
}
