import type { Answer, ConversationTurn, Language } from "./answer-schema.js";
import type { Explanation } from "./explanation.js";

export interface TopicSummary {
  readonly id: string;
  readonly label: string;
  /** Sample questions for this topic, in the requested language. */
  readonly examples: readonly string[];
}

export interface PackSummary {
  readonly id: string;
  readonly title: string;
  readonly factCount: number;
  /** The article's address, when the knowledge has one. */
  readonly url?: string;
}

/** The platform-neutral core: question in, answer out. Every method is pure and never throws. */
export interface AnswerOptions {
  /** The conversation's earlier turns, oldest first (`Answer.turn` of each): a follow-up leans on them. */
  readonly context?: readonly ConversationTurn[];
}

export interface Answerer {
  answer(question: string, options?: AnswerOptions): Answer;
  /**
   * The answer of one fact, by id: what a did-you-mean button asks for. Confidence 1; an id that
   * no fact has (a button from before the knowledge changed) gives an ordinary "unknown".
   */
  answerFact(factId: string, language: Language): Answer;
  /** Why a question gets its answer: the chosen fact and the runner-up, factor by factor (`--explain`). */
  explain(question: string): Explanation;
  /** Topics with example questions, for help texts and `/ask` with no question. */
  topics(language: Language): TopicSummary[];
  /** At most 25 sample questions (1–100 characters each) that fit what the user typed so far. */
  suggest(prefix: string, language?: Language): string[];
  readonly packs: readonly PackSummary[];
  readonly factCount: number;
  /**
   * The language a text is in, read as the core reads questions (with the knowledge's vocabulary),
   * so that what the bot says around an answer (a rate-limit notice, an apology) is in the language
   * the answer would have been in.
   */
  detectLanguage(text: string): Language;
}
