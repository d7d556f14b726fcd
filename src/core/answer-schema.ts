import { z } from "zod";

export const LanguageSchema = z.enum(["fr", "en"]);
export type Language = z.infer<typeof LanguageSchema>;

export const SuggestionSchema = z.object({
  factId: z.string().min(1),
  /** A sample question, in the asker's language, that answers this fact when asked back. */
  question: z.string().min(1),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const SourceSchema = z.object({
  pack: z.string().min(1),
  /** The article's title, for the context line under an answer. */
  title: z.string().min(1),
  /** The article's sentence that backs the answer, verbatim. */
  quote: z.string().min(1),
  /** The article's address (`pack.url`), when the knowledge has one: the title links to it. */
  url: z.url().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

/**
 * What a conversation remembers of one exchange, so that a follow-up ("and the Finnish one?",
 * "since when?") can lean on it. The core fills it in (`Answer.turn`); the conversation service
 * stores it as it is, in memory or in Redis, and hands the last few back with the next question.
 */
export const ConversationTurnSchema = z.object({
  /** The question as the core read it: for a follow-up, the question it stood for. */
  question: z.string().max(2_000),
  factId: z.string().min(1).nullable(),
  /** Ids of the named things (people, countries, organisations…) the exchange was about. */
  entities: z.array(z.string().min(1)).max(20),
  language: LanguageSchema,
});
export type ConversationTurn = z.infer<typeof ConversationTurnSchema>;

/**
 * What the core returns for every question. "unknown" is an ordinary result, never an exception:
 * `answer` then holds a short refusal in the asker's language and `suggestions` a did-you-mean list.
 */
export const AnswerSchema = z
  .object({
    status: z.enum(["answered", "unknown"]),
    answer: z.string().min(1),
    confidence: z.number().min(0).max(1),
    factId: z.string().min(1).nullable(),
    source: SourceSchema.nullable(),
    suggestions: z.array(SuggestionSchema).max(3),
    language: LanguageSchema,
    /** What to remember of this exchange for a follow-up; absent for an empty question. */
    turn: ConversationTurnSchema.optional(),
    /**
     * Set when earlier turns decided the answer: a short note in the asker's language naming what
     * the question was read as being about ("the Finnish minister"), to show beside the answer.
     */
    contextNote: z.string().min(1).optional(),
  })
  .refine((a) => (a.status === "answered") === (a.factId !== null && a.source !== null), {
    message: "an answered question has a fact id and a source; an unknown one has neither",
  });
export type Answer = z.infer<typeof AnswerSchema>;
