import Fuse from "fuse.js";
import type { Language } from "./answer-schema.js";
import { editDistance } from "./edit-distance.js";
import { stem, tokenize } from "./normalize.js";
import { GENERIC_QUESTION_KIND, QUESTION_WORDS, STOPWORDS } from "./stopwords.js";

/**
 * The fuzzy index behind `answer()`. Every sample question, alias, answer, topic label and quote
 * is a separate record; a question is scored against each record by the weighted share of its
 * words the record contains (rare words weigh more, words the knowledge has never seen count
 * against the match), and a fact scores as its best record. Fuse.js finds, for a word the
 * knowledge does not contain, the known words it may be a typo of.
 */

export type RecordKind = "question" | "alias" | "topic" | "answer" | "quote";

export interface MatchRecordInput {
  readonly factIndex: number;
  readonly kind: RecordKind;
  readonly language: Language;
  readonly text: string;
}

interface IndexedRecord extends MatchRecordInput {
  readonly terms: readonly string[];
  /** What the record asks for ("?where", "?who"…), generic "?what" left out. */
  readonly questionKinds: readonly string[];
  readonly termWeightTotal: number;
}

export interface RecordMatch {
  readonly record: MatchRecordInput;
  readonly score: number;
}

export interface FactMatch {
  readonly factIndex: number;
  readonly score: number;
  /** The record that gave the fact its score. */
  readonly best: MatchRecordInput;
}

/** How much each kind of record is trusted: curated questions and aliases most, long prose least. */
const KIND_WEIGHT: Readonly<Record<RecordKind, number>> = {
  question: 1,
  alias: 1,
  topic: 0.85,
  answer: 0.9,
  quote: 0.85,
};

/** Share of a record's score that does not depend on how much of the record the question covers. */
const RECORD_COVERAGE_FLOOR = 0.55;
/** Quality of a match one or two typing mistakes away from a known word. */
const TYPO_QUALITY = [1, 0.8, 0.6] as const;
/** A record that asks for something else ("pourquoi" for "où") keeps this share of its score. */
const QUESTION_KIND_MISMATCH = 0.7;
const SYNONYM_QUALITY = 0.9;
const FUZZY_CACHE_LIMIT = 10_000;

export interface QueryTerm {
  readonly term: string;
  readonly weight: number;
  readonly matches: readonly { readonly term: string; readonly quality: number }[];
}

const LONG_QUESTION_WORDS = [...QUESTION_WORDS].filter(([word]) => word.length >= 5);

/** "combein", "pourqoi": a long question word with one typo still says what is asked. */
function mistypedQuestionWord(token: string): string | undefined {
  if (token.length < 5 || STOPWORDS.has(token)) return undefined;
  return LONG_QUESTION_WORDS.find(([word]) => editDistance(token, word, 1) <= 1)?.[1];
}

/** A query's words, folded, stopwords removed, stemmed; "US"/"U.S." read as the country. */
export function queryWords(text: string): { word: string; isQuestionWord: boolean }[] {
  const countryFixed = text.replace(/\bU\.?S\.?(?:A\.?)?(?![\p{L}])/gu, " usa ");
  const seen = new Set<string>();
  const out: { word: string; isQuestionWord: boolean }[] = [];
  for (const token of tokenize(countryFixed)) {
    const kind = QUESTION_WORDS.get(token) ?? mistypedQuestionWord(token);
    const isQuestionWord = kind !== undefined;
    if (!isQuestionWord && (STOPWORDS.has(token) || token.length < 2)) continue;
    const word = kind ?? stem(token);
    if (seen.has(word)) continue;
    seen.add(word);
    out.push({ word, isQuestionWord });
  }
  return out;
}

export class Matcher {
  private readonly records: IndexedRecord[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly termWeight = new Map<string, number>();
  private readonly fuseByLength = new Map<number, Fuse<string>>();
  private readonly fuzzyCache = new Map<string, readonly { term: string; quality: number }[]>();
  private readonly questionWordWeight: number;
  private readonly unknownWordWeight: number;
  readonly factCount: number;

  private readonly synonyms = new Map<string, Set<string>>();

  /**
   * @param inputs every record to index
   * @param synonymGroups words that mean the same here; a question word finds the records of all
   *   its synonyms, at a slightly lower quality than its own
   */
  constructor(inputs: readonly MatchRecordInput[], synonymGroups: readonly (readonly string[])[] = []) {
    for (const group of synonymGroups) {
      // An entry stands for its first word: "États-Unis" for "etatsuni", "boots" for "boot".
      const words = group.flatMap((entry) => queryWords(entry).slice(0, 1).map((w) => w.word));
      for (const word of words) {
        const set = this.synonyms.get(word) ?? new Set<string>();
        for (const other of words) if (other !== word) set.add(other);
        this.synonyms.set(word, set);
      }
    }
    const factsByTerm = new Map<string, Set<number>>();
    const recordTerms = inputs.map((input) => {
      const words = queryWords(input.text);
      for (const { word } of words) {
        let facts = factsByTerm.get(word);
        if (!facts) factsByTerm.set(word, (facts = new Set()));
        facts.add(input.factIndex);
      }
      return words;
    });
    this.factCount = new Set(inputs.map((r) => r.factIndex)).size;
    const maxIdf = Math.log(1 + this.factCount);
    this.questionWordWeight = 0.3 * maxIdf;
    this.unknownWordWeight = 0.75 * maxIdf;
    for (const [term, facts] of factsByTerm) {
      const weight = term.startsWith("?") ? this.questionWordWeight : Math.log(1 + this.factCount / facts.size);
      this.termWeight.set(term, weight);
    }

    inputs.forEach((input, recordIndex) => {
      const terms = (recordTerms[recordIndex] ?? []).map((w) => w.word);
      const termWeightTotal = terms.reduce((sum, t) => sum + (this.termWeight.get(t) ?? 0), 0);
      const questionKinds = terms.filter((t) => t.startsWith("?") && t !== GENERIC_QUESTION_KIND);
      this.records.push({ ...input, terms, questionKinds, termWeightTotal });
      for (const term of terms) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push(recordIndex);
      }
    });

    // One Fuse index per word length: a typo changes length by at most two, so a lookup only
    // scans the few buckets that can hold the intended word.
    const byLength = new Map<number, string[]>();
    for (const term of this.termWeight.keys()) {
      const bucket = byLength.get(term.length) ?? [];
      bucket.push(term);
      byLength.set(term.length, bucket);
    }
    for (const [length, terms] of byLength) {
      this.fuseByLength.set(
        length,
        new Fuse(terms, { includeScore: true, ignoreLocation: true, threshold: 0.45, minMatchCharLength: 2 }),
      );
    }
  }

  /** Known words a query word stands for: itself and its synonyms, or known words a typo or two away. */
  private lookup(word: string): readonly { term: string; quality: number }[] {
    const cached = this.fuzzyCache.get(word);
    if (cached) return cached;
    const found = this.termWeight.has(word) ? [{ term: word, quality: 1 }] : [];
    for (const synonym of this.synonyms.get(word) ?? []) {
      if (this.termWeight.has(synonym)) found.push({ term: synonym, quality: SYNONYM_QUALITY });
    }
    const result = found.length > 0 ? found : this.typoLookup(word);
    if (this.fuzzyCache.size >= FUZZY_CACHE_LIMIT) this.fuzzyCache.clear();
    this.fuzzyCache.set(word, result);
    return result;
  }

  private typoLookup(word: string): { term: string; quality: number }[] {
    if (word.length < 4 || word.startsWith("?") || /^\d+$/.test(word)) return [];
    // Two mistakes in a short word make another word ("petrole" → "parole"): allow them in long ones only.
    const maxEdits = word.length >= 8 ? 2 : 1;
    const found: { term: string; quality: number }[] = [];
    for (let length = word.length - maxEdits; length <= word.length + maxEdits; length++) {
      const fuse = this.fuseByLength.get(length);
      if (!fuse) continue;
      for (const result of fuse.search(word, { limit: 8 })) {
        const distance = editDistance(word, result.item, maxEdits);
        // A typo rarely hits the first letter; requiring it keeps "pays" from reading as "paix".
        if (distance > maxEdits || (distance > 0 && result.item[0] !== word[0] && distance > 1)) continue;
        found.push({ term: result.item, quality: TYPO_QUALITY[distance] ?? 0 });
      }
    }
    found.sort((a, b) => b.quality - a.quality);
    const best = found.slice(0, 3);
    // A typo of a word that has synonyms finds them too ("soldtas" → "soldat" → "troop").
    for (const { term, quality } of [...best]) {
      for (const synonym of this.synonyms.get(term) ?? []) {
        if (this.termWeight.has(synonym)) best.push({ term: synonym, quality: quality * SYNONYM_QUALITY });
      }
    }
    return best;
  }

  /** The question's words with their weights and the known words each matched. */
  analyze(question: string): QueryTerm[] {
    return queryWords(question).map(({ word, isQuestionWord }) => {
      const matches = this.lookup(word);
      const known = matches[0];
      const weight = isQuestionWord
        ? this.questionWordWeight
        : known
          ? (this.termWeight.get(known.term) ?? this.unknownWordWeight)
          : this.unknownWordWeight;
      return { term: word, weight, matches };
    });
  }

  /** Facts ranked by how well their best record matches the question; empty when nothing does. */
  rank(question: string, limit = 5): FactMatch[] {
    const query = this.analyze(question);
    const queryKinds = new Set(query.map((q) => q.term).filter((t) => t.startsWith("?") && t !== GENERIC_QUESTION_KIND));
    const queryWeightTotal = query.reduce((sum, q) => sum + q.weight, 0);
    if (queryWeightTotal === 0) return [];

    const queryCovered = new Map<number, number>();
    const recordCovered = new Map<number, number>();
    for (const q of query) {
      // For each record, the best way this query word is found in it.
      const bestInRecord = new Map<number, { quality: number; termWeight: number }>();
      for (const match of q.matches) {
        const termWeight = this.termWeight.get(match.term) ?? 0;
        for (const recordIndex of this.postings.get(match.term) ?? []) {
          const previous = bestInRecord.get(recordIndex);
          if (!previous || previous.quality < match.quality) {
            bestInRecord.set(recordIndex, { quality: match.quality, termWeight });
          }
        }
      }
      for (const [recordIndex, { quality, termWeight }] of bestInRecord) {
        queryCovered.set(recordIndex, (queryCovered.get(recordIndex) ?? 0) + q.weight * quality);
        recordCovered.set(recordIndex, (recordCovered.get(recordIndex) ?? 0) + termWeight * quality);
      }
    }

    const bestByFact = new Map<number, FactMatch>();
    for (const [recordIndex, covered] of queryCovered) {
      const record = this.records[recordIndex];
      if (!record) continue;
      const queryShare = covered / queryWeightTotal;
      const recordShare = record.termWeightTotal > 0 ? (recordCovered.get(recordIndex) ?? 0) / record.termWeightTotal : 0;
      const asksOtherThing =
        queryKinds.size > 0 && record.questionKinds.length > 0 && !record.questionKinds.some((k) => queryKinds.has(k));
      const score =
        queryShare * (RECORD_COVERAGE_FLOOR + (1 - RECORD_COVERAGE_FLOOR) * Math.min(1, recordShare)) *
        KIND_WEIGHT[record.kind] * (asksOtherThing ? QUESTION_KIND_MISMATCH : 1);
      const previous = bestByFact.get(record.factIndex);
      if (!previous || previous.score < score) {
        bestByFact.set(record.factIndex, { factIndex: record.factIndex, score, best: record });
      }
    }
    return [...bestByFact.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /** Sample-question records of a fact in one language, best match to the question first. */
  recordsOf(factIndex: number, kind: RecordKind, language: Language): MatchRecordInput[] {
    return this.records.filter((r) => r.factIndex === factIndex && r.kind === kind && r.language === language);
  }
}
