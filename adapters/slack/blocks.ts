import type { types } from "@slack/bolt";
import { z } from "zod";
import { LanguageSchema, removeInvisibleControls, type Answer, type AskOutcome, type Help, type Language } from "../../src/index.js";
import { confidenceText, contextNoteText, UI, withColon } from "../shared/ui-strings.js";
import { decodeEntities, escapeText, escapeWithin, truncate } from "./escape.js";

/** Block Kit rendering of the core's answers. Pure functions: text in, message payload out. */

type KnownBlock = types.KnownBlock;
type ContextElement = types.MrkdwnElement | types.PlainTextElement;

export interface SlackMessage {
  /** Notification and screen-reader text; Slack shows it where blocks cannot be shown. */
  readonly text: string;
  readonly blocks: KnownBlock[];
}

export const ACTION_IDS = {
  share: "share_answer",
  /** One per did-you-mean button (`suggestion_0` … `suggestion_2`): ids must be unique in a block. */
  suggestion: /^suggestion_\d$/,
  /** 👍 / 👎 under an answer. */
  feedbackUp: "feedback_up",
  feedbackDown: "feedback_down",
} as const;

// Slack's documented limits; a payload over any of them is rejected whole (invalid_blocks).
const LIMITS = { sectionText: 3000, contextText: 2000, buttonText: 75, buttonValue: 2000, fallbackText: 3000, homeBlocks: 100 };
const MAX_HELP_TOPICS = 20;
const EXAMPLES_PER_TOPIC = 3;
/** Room for a pack title wherever it is shown: no real title is longer, and the quote needs the rest. */
const TITLE_CHARS = 300;
/** Topics per language on the App Home, so both languages fit Slack's 100 blocks of a view. */
const MAX_HOME_TOPICS = 20;

export interface AnswerRenderOptions {
  /** The question as the user saw it; escaped here before it is echoed. */
  readonly question: string;
  /** An ephemeral answer gets a "Share in channel" button. */
  readonly ephemeral: boolean;
  /** The Slack user id of whoever shared the answer to the channel. */
  readonly sharedBy?: string;
}

const SLACK_ID = /^[A-Z0-9]{2,}$/;

/**
 * Buttons posted before they carried fact ids hold their question, escaped like any echoed text (so
 * no payload the bot sent ever held a raw `<!channel>`); this undoes the escaping.
 */
export function questionFromButton(value: string): string {
  return decodeEntities(value);
}

/**
 * What a fact button (share, did-you-mean, 👍/👎) carries: the fact id and the language of the
 * answer, so a press is answered or recorded by id, and the question it stands for (shown above the
 * answer, and kept with a vote for the curators) when it fits. A share button also carries the
 * answer's confidence, so the shared copy shows what the asker saw.
 */
export interface FactButton {
  readonly factId: string;
  readonly language: Language;
  readonly question?: string | undefined;
  readonly confidence?: number | undefined;
}

const FactButtonSchema = z.object({
  f: z.string().min(1),
  l: LanguageSchema,
  q: z.string().optional(),
  c: z.number().min(0).max(1).optional(),
});
/** Room for the question in a fact button: its escaped JSON stays well under the value limit. */
const BUTTON_QUESTION_CHARS = 300;

/** A fact button's value (escaped JSON), or undefined when even the bare id does not fit. */
export function factButtonValue(button: FactButton): string | undefined {
  const confidence = button.confidence === undefined ? {} : { c: button.confidence };
  const encode = (question: string | undefined): string =>
    escapeText(
      JSON.stringify({ f: button.factId, l: button.language, ...(question === undefined ? {} : { q: question }), ...confidence }),
    );
  const question = button.question === undefined ? undefined : truncate(button.question, BUTTON_QUESTION_CHARS);
  const full = encode(question);
  if (full.length <= LIMITS.buttonValue) return full;
  const bare = encode(undefined);
  return bare.length <= LIMITS.buttonValue ? bare : undefined;
}

/** Reads a fact button's value back; undefined for anything we did not write (an older button). */
export function factButtonFromValue(value: string): FactButton | undefined {
  let json: unknown;
  try {
    json = JSON.parse(decodeEntities(value));
  } catch {
    return undefined;
  }
  const parsed = FactButtonSchema.safeParse(json);
  if (!parsed.success) return undefined;
  return { factId: parsed.data.f, language: parsed.data.l, question: parsed.data.q, confidence: parsed.data.c };
}

function mrkdwn(text: string): { type: "mrkdwn"; text: string } {
  return { type: "mrkdwn", text };
}

/** Room for the context note on the question line; notes are a few words. */
const CONTEXT_NOTE_CHARS = 200;

/** Text Slack shows as it is: no bold, italics, strike, code, quotes or links, no emoji codes. */
function plainText(text: string): { type: "plain_text"; text: string; emoji: false } {
  return { type: "plain_text", text, emoji: false };
}

/**
 * The question as echoed above an answer, then the context note when earlier turns decided the
 * answer (so a wrong reading of a follow-up is seen before the answer is read). The question is
 * the user's text, so it goes in a plain_text element: `*`, `_`, `~`, backticks, `>` and links in
 * it stay characters, not formatting, and bidi controls and zero-width characters are removed, so
 * a question cannot restyle or spoof the bot's message ("Share in channel" shows it to everyone).
 */
function questionElements(options: AnswerRenderOptions, answer: Answer): ContextElement[] {
  const language = answer.language;
  const question = escapeWithin(removeInvisibleControls(options.question), LIMITS.contextText - 100 - CONTEXT_NOTE_CHARS);
  const note = answer.contextNote === undefined ? [] : [plainText(escapeWithin(contextNoteText(answer.contextNote), CONTEXT_NOTE_CHARS))];
  // Only ids shaped like Slack's are turned into mentions; anything else would be user-controlled markup.
  if (options.sharedBy !== undefined && SLACK_ID.test(options.sharedBy)) {
    // Slack refuses an empty text object: a button that had no room for its question shares none.
    return [mrkdwn(`<@${options.sharedBy}> ${withColon(UI.askedBy[language], language)}`), ...(question === "" ? [] : [plainText(question)]), ...note];
  }
  return [plainText(`${withColon(UI.question[language], language)} ${question}`), ...note];
}

/** The article's title, linked to the article when the knowledge has its address. */
function titleLink(title: string, url: string | undefined): string {
  const text = escapeWithin(title, TITLE_CHARS);
  if (url === undefined) return text;
  // `|` and `>` would end Slack's <url|label> early; the schema only lets http(s) addresses in.
  const href = escapeText(url.replaceAll("|", "%7C"));
  return `<${href}|${text}>`;
}

export function renderAnswer(answer: Answer, options: AnswerRenderOptions): SlackMessage {
  const language = answer.language;
  const blocks: KnownBlock[] = [
    { type: "context", elements: questionElements(options, answer) },
    { type: "section", text: mrkdwn(escapeWithin(answer.answer, LIMITS.sectionText)) },
  ];

  if (answer.status === "answered") {
    if (answer.source !== null) {
      const title = titleLink(answer.source.title, answer.source.url);
      const quote = escapeWithin(answer.source.quote, LIMITS.contextText - 200 - title.length);
      blocks.push({ type: "context", elements: [mrkdwn(`:newspaper: ${withColon(UI.source[language], language)} *${title}* — “${quote}”`)] });
    }
    blocks.push({ type: "context", elements: [mrkdwn(confidenceText(answer.confidence, language))] });
    const value =
      options.ephemeral && answer.factId !== null
        ? factButtonValue({ factId: answer.factId, language, question: options.question, confidence: answer.confidence })
        : undefined;
    if (value !== undefined) {
      blocks.push({
        type: "actions",
        block_id: "share",
        elements: [
          {
            type: "button",
            action_id: ACTION_IDS.share,
            style: "primary",
            text: { type: "plain_text", text: UI.share[language] },
            value,
          },
        ],
      });
    }
    const feedback = answer.factId === null ? undefined : feedbackBlock(answer.factId, language, options.question);
    if (feedback !== undefined) blocks.push(feedback);
  } else {
    const buttons = answer.suggestions
      .map((suggestion) => ({
        suggestion,
        value: factButtonValue({ factId: suggestion.factId, language, question: suggestion.question }),
      }))
      .filter((entry): entry is { suggestion: (typeof entry)["suggestion"]; value: string } => entry.value !== undefined)
      .slice(0, 3)
      .map(({ suggestion, value }, index) => ({
        type: "button" as const,
        action_id: `suggestion_${index}`,
        // Sample questions come from the knowledge packs, not from users; plain_text never pings anyone.
        text: { type: "plain_text" as const, text: truncate(suggestion.question, LIMITS.buttonText) },
        value,
      }));
    if (buttons.length > 0) blocks.push({ type: "actions", block_id: "suggestions", elements: buttons });
  }

  const fallback = answer.contextNote === undefined ? answer.answer : `${answer.answer} ${contextNoteText(answer.contextNote)}`;
  return { text: escapeWithin(fallback, LIMITS.fallbackText), blocks };
}

/** 👍 / 👎 under an answer; each press is recorded against the answer's fact for the curators. */
function feedbackBlock(factId: string, language: Language, question: string): KnownBlock | undefined {
  const value = factButtonValue({ factId, language, question });
  if (value === undefined) return undefined;
  const button = (actionId: string, emoji: string, label: string) => ({
    type: "button" as const,
    action_id: actionId,
    text: { type: "plain_text" as const, text: emoji, emoji: true },
    accessibility_label: label,
    value,
  });
  return {
    type: "actions",
    block_id: "feedback",
    elements: [
      button(ACTION_IDS.feedbackUp, "👍", UI.helpful[language]),
      button(ACTION_IDS.feedbackDown, "👎", UI.notHelpful[language]),
    ],
  };
}

/** The private acknowledgement of a 👍 / 👎 press. */
export function renderFeedbackThanks(language: Language): SlackMessage {
  const text = UI.thanks[language];
  return { text, blocks: [{ type: "context", elements: [mrkdwn(text)] }] };
}

/** A short note to one person, such as "that message has no text I can answer". */
export function renderNotice(text: string): SlackMessage {
  const escaped = escapeText(text);
  return { text: escaped, blocks: [{ type: "section", text: mrkdwn(escaped) }] };
}

/** The short note a user over the per-user limit sees, privately (the text comes from the core). */
export function renderRateLimited(message: string): SlackMessage {
  const text = escapeText(message);
  return { text, blocks: [{ type: "section", text: mrkdwn(`:hourglass_flowing_sand: ${text}`) }] };
}

function topicBlocks(help: Help, maxTopics: number): KnownBlock[] {
  return help.topics.slice(0, maxTopics).map((topic) => {
    const examples = topic.examples.slice(0, EXAMPLES_PER_TOPIC).map((example) => `• ${escapeWithin(example, 300)}`);
    return { type: "section", text: mrkdwn([`*${escapeWithin(topic.label, 200)}*`, ...examples].join("\n")) };
  });
}

function packTitles(help: Help): string {
  return help.packs.map((pack) => `*${titleLink(pack.title, pack.url)}*`).join(", ");
}

/** The topics with example questions: for an empty question, "help" or "aide". */
export function renderHelp(help: Help): SlackMessage {
  const language = help.language;
  const intro = `${UI.helpIntro[language]} ${packTitles(help)}`;
  return {
    text: intro,
    blocks: [
      { type: "section", text: mrkdwn(intro) },
      ...topicBlocks(help, MAX_HELP_TOPICS),
      { type: "context", elements: [mrkdwn(UI.slackHowTo[language])] },
    ],
  };
}

/**
 * The App Home tab: the article (title, linked), how to ask, and the topics with example questions,
 * in French then English, since Slack does not tell the app its user's language.
 */
export function renderHome(helps: readonly Help[]): types.HomeView {
  const blocks: KnownBlock[] = [];
  for (const help of helps) {
    const language = help.language;
    blocks.push(
      { type: "header", text: { type: "plain_text", text: truncate(UI.topicsTitle[language], 150) } },
      { type: "section", text: mrkdwn(`:newspaper: ${withColon(UI.article[language], language)} ${packTitles(help)}`) },
      { type: "section", text: mrkdwn(`*${withColon(UI.howToAsk[language], language)}* ${UI.slackHowTo[language]}`) },
      ...topicBlocks(help, MAX_HOME_TOPICS),
      { type: "divider" },
    );
  }
  return { type: "home", blocks: blocks.slice(0, LIMITS.homeBlocks) };
}

/** Said when answering failed; in the asker's language when known, else in both. */
export function renderApology(language: Language | undefined): SlackMessage {
  const text = language === undefined ? `${UI.apology.fr}\n${UI.apology.en}` : UI.apology[language];
  return { text, blocks: [{ type: "section", text: mrkdwn(`:warning: ${text}`) }] };
}

/** Whatever the conversation service decided, as a Slack message: an answer, the help, or the limit's note. */
export function renderOutcome(outcome: AskOutcome, options: AnswerRenderOptions): SlackMessage {
  if (outcome.kind === "help") return renderHelp(outcome.help);
  if (outcome.kind === "rate-limited") return renderRateLimited(outcome.message);
  return renderAnswer(outcome.answer, options);
}
