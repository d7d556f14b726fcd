import { z } from "zod";

/**
 * The one source of truth for the knowledge format: TypeScript types are inferred from it and
 * knowledge/facts.schema.json is generated from it (`npm run knowledge:schema`).
 */

const kebabCase = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case, like coalition-size");

const sentence = z.string().trim().min(1, "must not be empty");

export const LocalizedTextSchema = z
  .object({ fr: sentence, en: sentence })
  .strict()
  .describe("The same text in French and in English.");

export const LocalizedListSchema = z
  .object({
    fr: z.array(sentence).min(2, "needs at least two sample questions"),
    en: z.array(sentence).min(2, "needs at least two sample questions"),
  })
  .strict();

export const AliasesSchema = z
  .object({
    fr: z.array(sentence).optional(),
    en: z.array(sentence).optional(),
  })
  .strict()
  .describe("Keywords and short phrasings people may type instead of a full question.");

export const TopicSchema = z
  .object({
    id: kebabCase,
    label: LocalizedTextSchema,
  })
  .strict();

export const ENTITY_KINDS = ["person", "country", "organisation", "place", "time", "number"] as const;

export const FactSchema = z
  .object({
    id: kebabCase.describe("Unique across every pack; used by did-you-mean buttons."),
    topic: kebabCase.describe("The id of one of the pack's topics."),
    answer: LocalizedTextSchema.describe(
      "One or two standalone sentences that name their subject, in both languages.",
    ),
    questions: LocalizedListSchema.describe("Varied sample questions people would ask, per language."),
    aliases: AliasesSchema.optional(),
    quote: sentence.describe("The sentence (or contiguous span) of article.txt that backs the answer, verbatim."),
    partOf: kebabCase
      .optional()
      .describe(
        "The id of a fact of the same pack whose list this one is an item of (one of the four objectives): " +
          "what the list says of all its items (\"the four priority objectives of the future mission\") explains questions about this item too.",
      ),
    settles: z
      .array(z.enum(ENTITY_KINDS))
      .optional()
      .describe(
        "Kinds of name the fact gives in full (the meeting's one place, its one day, the coalition's two founders): " +
          "a yes/no question naming another of that kind (\"was it on Tuesday?\") is answered \"no\" with this fact, not refused.",
      ),
    affirms: z
      .array(z.enum(ENTITY_KINDS))
      .optional()
      .describe(
        "Kinds of name the fact says yes of (the meeting's place, the countries ready to contribute): a yes/no question naming " +
          "one it names (\"is the UK ready to contribute?\") is answered \"yes\" with this fact. Not for a quote: naming the United " +
          "States does not make its speaker American.",
      ),
    subject: LocalizedTextSchema.optional().describe(
      "What the fact is about, as a short note shown when a follow-up was read with it: " +
        "\"à propos du ministre finlandais\", \"about the Finnish minister\".",
    ),
  })
  .strict();

export const UnsaidSchema = z
  .object({
    id: kebabCase.describe("Unique across every pack, facts included."),
    topic: kebabCase.describe("The id of one of the pack's topics."),
    answer: LocalizedTextSchema.describe(
      "What the article does not say, as one sentence in both languages: \"L’article ne dit pas qui dirige la coalition.\"",
    ),
    questions: LocalizedListSchema.describe("How people ask it, per language: the questions this refusal answers."),
    aliases: AliasesSchema.optional(),
    see: kebabCase
      .optional()
      .describe("The id of the pack's fact nearest to it: its answer follows the refusal as what the article does say."),
  })
  .strict()
  .describe(
    "A question readers ask that the article does not answer (who leads the coalition, what it costs): when a question " +
      "is this one's, the bot says plainly that the article does not say, and what it does say, instead of the nearest fact.",
  );

export const EntitySchema = z
  .object({
    id: kebabCase.describe("Unique in the pack."),
    kind: z.enum(ENTITY_KINDS).describe("What it is: a nationality is a country's."),
    names: z
      .object({
        fr: z.array(sentence).min(1, "needs at least one name in French"),
        en: z.array(sentence).min(1, "needs at least one name in English"),
      })
      .strict()
      .describe("Every way the article and its readers write it, per language (nationality adjectives too)."),
    label: LocalizedTextSchema.optional().describe("How answers name it; the first name of each language when absent."),
    subject: z
      .boolean()
      .optional()
      .describe("What the whole article is about (Ukraine here): every fact is about it, so naming it never rules a fact out."),
    includes: z
      .array(z.string().regex(/^(?:person|country|organisation|place|time|number):[\w-]+$/, "must be a catalog id, like country:EE"))
      .optional()
      .describe("Entities it stands for as a group (the Baltic states: country:EE, country:LV, country:LT)."),
  })
  .strict()
  .describe("A named thing of the article. Which facts mention it is derived from their answers, quotes and aliases.");

export const PackSchema = z
  .object({
    pack: z
      .object({
        id: kebabCase.describe("The pack's id; matches its folder name."),
        title: sentence.describe("The article's title, shown under every answer."),
        language: z.enum(["fr", "en"]).describe("The language of article.txt."),
        date: z.string().optional().describe("Publication date, when known (ISO 8601)."),
        source: z.string().optional().describe("Where the article comes from, when known."),
        url: z
          .url({ protocol: /^https?$/, error: "must be an http(s) address" })
          .optional()
          .describe("The article's address, when it is online: answers link the title to it."),
      })
      .strict(),
    topics: z.array(TopicSchema).min(1),
    synonyms: z
      .array(z.array(sentence).min(2, "a synonym group needs at least two words"))
      .optional()
      .describe(
        "Groups of words that mean the same in questions about this article, in either language " +
          "(meet, réunir, gather…). They apply to every pack's facts.",
      ),
    antonyms: z
      .array(
        z
          .object({
            words: z.array(sentence).min(1).describe("A word of the article and its kin, in either language (croissant, growing)."),
            opposites: z.array(sentence).min(1).describe("What people ask instead when they think the opposite (en baisse, declining)."),
          })
          .strict(),
      )
      .optional()
      .describe(
        "Words and their opposites: a question using the opposite of a fact's word (\"is commitment " +
          "declining?\" of a fact saying it grows) is asked of that fact, which answers it. They apply to every pack's facts.",
      ),
    entities: z
      .array(EntitySchema)
      .optional()
      .describe(
        "The people, countries and nationalities, organisations, places, times and numbers the article names. " +
          "A question naming another of a kind (Sweden, the EU, Monday) is not about a fact that names one of these.",
      ),
    facts: z.array(FactSchema),
    unsaid: z
      .array(UnsaidSchema)
      .optional()
      .describe("What readers ask that the article does not say: answered with a plain refusal, never with a fact."),
  })
  .strict();

export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
export type Topic = z.infer<typeof TopicSchema>;
export type KnowledgeEntity = z.infer<typeof EntitySchema>;
export type Fact = z.infer<typeof FactSchema>;
export type Unsaid = z.infer<typeof UnsaidSchema>;
export type PackFile = z.infer<typeof PackSchema>;

/** A pack as loaded: the validated facts file plus its article. */
export interface Pack extends PackFile {
  readonly dir: string;
  readonly factsPath: string;
  readonly articlePath: string;
  readonly article: string;
  /** The line of facts.yaml a path such as ["facts", 3, "quote"] is on, for error messages. */
  readonly lineOf?: (path: readonly (string | number)[]) => number | undefined;
}

export interface Knowledge {
  readonly packs: readonly Pack[];
}
