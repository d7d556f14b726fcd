import type { Answer, Language } from "./answer-schema.js";

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
}

/** The platform-neutral core: question in, answer out. Every method is pure and never throws. */
export interface Answerer {
  answer(question: string): Answer;
  /** Topics with example questions, for help texts and `/ask` with no question. */
  topics(language: Language): TopicSummary[];
  /** At most 25 sample questions (1–100 characters each) that fit what the user typed so far. */
  suggest(prefix: string, language?: Language): string[];
  readonly packs: readonly PackSummary[];
  readonly factCount: number;
}
