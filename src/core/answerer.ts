import type { Answer, Language, Suggestion } from "./answer-schema.js";
import type { Answerer, PackSummary, TopicSummary } from "./answerer-types.js";
import type { Fact, Knowledge, Pack } from "./knowledge-schema.js";
import { detectLanguage } from "./language.js";
import { Matcher, type FactMatch, type MatchRecordInput } from "./matcher.js";
import { queryWords, queryWordsOf, questionTokens } from "./query-words.js";
import { message } from "./messages.js";
import { foldText } from "./normalize.js";

export type { Answerer } from "./answerer-types.js";

/** Questions are cut here before matching: no real question is longer, and matching stays fast. */
export const MAX_QUESTION_LENGTH = 500;
/** Below this confidence the core refuses: a wrong answer is worse than "the article does not say". */
export const ANSWER_THRESHOLD = 0.47;
/** Facts scoring at least this are offered as did-you-mean suggestions. */
const SUGGESTION_THRESHOLD = 0.2;
/** Beside an answer, only facts nearly as close to the question are worth a "see also". */
const SEE_ALSO_SHARE = 0.75;
const MAX_SUGGESTIONS = 3;
const MAX_AUTOCOMPLETE = 25;
const MAX_CHOICE_LENGTH = 100;

interface IndexedFact {
  readonly fact: Fact;
  readonly pack: Pack;
}

/**
 * Removes what chat platforms wrap around a question: Slack's <@U123|name>, <!channel>, <#C1|x>
 * and bare links (a link's label stays); Discord's <@123>, <@&123>, <#123>, <:emoji:123>; @everyone/@here; control
 * characters; markdown markers. What is left is only the words.
 */
export function cleanQuestion(question: unknown): string {
  if (typeof question !== "string") return "";
  // Cut by characters, not UTF-16 units, so an emoji is never split; short questions need no cut.
  const cut = question.length <= MAX_QUESTION_LENGTH ? question : Array.from(question.slice(0, MAX_QUESTION_LENGTH * 2)).slice(0, MAX_QUESTION_LENGTH).join("");
  return cut
    .replace(/<https?:[^>|]*\|([^>]*)>/g, " $1 ") // a link's label is text the user wrote
    .replace(/<(?:[@#!][^>]*|a?:\w+:\d+|https?:[^>]*)>/g, " ") // user, channel, special mentions, emoji, bare links
    .replace(/@(?:everyone|here|channel)\b/gi, " ")
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\uFFFD]/gu, " ")
    .replace(/[*_~`>|#[\]]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

export function createAnswerer(knowledge: Knowledge): Answerer {
  const facts: IndexedFact[] = knowledge.packs.flatMap((pack) => pack.facts.map((fact) => ({ fact, pack })));
  const records: MatchRecordInput[] = [];
  facts.forEach(({ fact, pack }, factIndex) => {
    const topic = pack.topics.find((t) => t.id === fact.topic);
    for (const language of ["fr", "en"] as const) {
      for (const text of fact.questions[language]) records.push({ factIndex, kind: "question", language, text });
      for (const text of fact.aliases?.[language] ?? []) records.push({ factIndex, kind: "alias", language, text });
      records.push({ factIndex, kind: "answer", language, text: fact.answer[language] });
      if (topic) records.push({ factIndex, kind: "topic", language, text: topic.label[language] });
    }
    records.push({ factIndex, kind: "quote", language: pack.pack.language, text: fact.quote });
  });
  const matcher = new Matcher(records, knowledge.packs.flatMap((p) => p.synonyms ?? []));

  // Words the knowledge uses in one language only tell the asker's language apart.
  const vocabulary = { fr: new Set<string>(), en: new Set<string>() };
  for (const record of records) {
    if (record.kind === "quote") continue;
    for (const { word } of queryWords(record.text)) vocabulary[record.language].add(word);
  }

  const firstQuestion = (factIndex: number, language: Language): string =>
    facts[factIndex]?.fact.questions[language][0] ?? "";

  function suggestionsFor(question: string, ranked: ReturnType<Matcher["rank"]>, language: Language, answered?: FactMatch): Suggestion[] {
    const floor = answered ? Math.max(SUGGESTION_THRESHOLD, answered.score * SEE_ALSO_SHARE) : SUGGESTION_THRESHOLD;
    return ranked
      .filter((m) => m.factIndex !== answered?.factIndex && m.score >= floor)
      .slice(0, MAX_SUGGESTIONS)
      .flatMap((m) => {
        const entry = facts[m.factIndex];
        if (!entry) return [];
        // Offer the asker's own phrasing back when it was a sample question of theirs; else the first one.
        const own = m.best.kind === "question" && m.best.language === language ? m.best.text : undefined;
        const offered = own !== undefined && foldText(own) !== foldText(question) ? own : firstQuestion(m.factIndex, language);
        return [{ factId: entry.fact.id, question: offered }];
      });
  }

  function unknown(language: Language, text: string, suggestions: Suggestion[], confidence: number): Answer {
    return { status: "unknown", answer: text, confidence, factId: null, source: null, suggestions, language };
  }

  function answer(rawQuestion: string): Answer {
    const question = cleanQuestion(rawQuestion);
    const tokens = questionTokens(question);
    const language = detectLanguage(question, vocabulary, tokens);
    if (!hasWords(question)) {
      return unknown(language, message("empty", language, { example: firstQuestion(0, language) }), [], 0);
    }
    const ranked = matcher.rank(queryWordsOf(tokens), undefined, language);
    const best = ranked[0];
    const confidence = Math.round(Math.min(1, best?.score ?? 0) * 1000) / 1000;
    const entry = best ? facts[best.factIndex] : undefined;
    // A question word alone ("où ?") is not yet a question about the article: offer what it may be.
    if (!best || !entry || best.score < ANSWER_THRESHOLD || !best.contentMatched) {
      const suggestions = suggestionsFor(question, ranked, language);
      return unknown(language, message(suggestions.length > 0 ? "unknownWithSuggestions" : "unknown", language), suggestions, confidence);
    }
    return answered(best.factIndex, language, confidence, suggestionsFor(question, ranked, language, best)) ??
      unknown(language, message("unknown", language), [], confidence);
  }

  const factIndexById = new Map(facts.map(({ fact }, index) => [fact.id, index]));

  function answered(factIndex: number, language: Language, confidence: number, suggestions: Suggestion[]): Answer | undefined {
    const entry = facts[factIndex];
    if (!entry) return undefined;
    return {
      status: "answered",
      answer: entry.fact.answer[language],
      confidence,
      factId: entry.fact.id,
      source: { pack: entry.pack.pack.id, title: entry.pack.pack.title, quote: entry.fact.quote },
      suggestions,
      language,
    };
  }

  function answerFact(factId: string, language: Language): Answer {
    const index = factIndexById.get(factId);
    return (index === undefined ? undefined : answered(index, language, 1, [])) ?? unknown(language, message("unknown", language), [], 0);
  }

  function topics(language: Language): TopicSummary[] {
    return knowledge.packs.flatMap((pack) =>
      pack.topics.map((topic) => ({
        id: topic.id,
        label: topic.label[language],
        examples: pack.facts.filter((f) => f.topic === topic.id).map((f) => f.questions[language][0] ?? "").filter(Boolean),
      })),
    );
  }

  // Autocomplete runs on every keystroke: the sample questions are folded once, here.
  const choices: Record<Language, { readonly text: string; readonly folded: string }[]> = { fr: [], en: [] };
  for (const language of ["fr", "en"] as const) {
    for (const { fact } of facts) {
      for (const text of fact.questions[language]) if (text.length <= MAX_CHOICE_LENGTH) choices[language].push({ text, folded: foldText(text) });
    }
  }

  function suggest(prefix: string, language: Language = "fr"): string[] {
    const typed = foldText(cleanQuestion(prefix));
    if (!hasWords(typed)) return facts.map((_, i) => firstQuestion(i, language)).filter(Boolean).slice(0, MAX_AUTOCOMPLETE);
    const own = choices[language];
    const starting = own.filter((q) => q.folded.startsWith(typed)).map((q) => q.text);
    const containing = own.filter((q) => !q.folded.startsWith(typed) && q.folded.includes(typed)).map((q) => q.text);
    // Then the sample questions of the facts the words typed so far match best, typos included.
    const related = matcher.rank(typed, MAX_AUTOCOMPLETE).flatMap((m) => facts[m.factIndex]?.fact.questions[language] ?? []);
    const unique = [...new Set([...starting, ...containing, ...related])];
    return unique.filter((q) => q.length >= 1 && q.length <= MAX_CHOICE_LENGTH).slice(0, MAX_AUTOCOMPLETE);
  }

  const packs: PackSummary[] = knowledge.packs.map((p) => ({ id: p.pack.id, title: p.pack.title, factCount: p.facts.length }));

  return {
    answer,
    answerFact,
    topics,
    suggest,
    packs,
    factCount: facts.length,
  };
}
