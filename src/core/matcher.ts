import Fuse from "fuse.js";
import type { Language } from "./answer-schema.js";
import { COMMON_WORDS } from "./common-words.js";
import { editDistance } from "./edit-distance.js";
import { stem, tokenize } from "./normalize.js";
import { indexWords, mistypedStopword, queryWords, type QueryWord } from "./query-words.js";
import { GENERIC_QUESTION_KIND, QUESTION_WORDS } from "./stopwords.js";

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
  /** Every question kind in the record, "?what" included, one bit each (see `kindBit`). */
  readonly kindBits: number;
  /**
   * The kinds a question must share with this record not to ask for something else: a sample
   * question's own, or for other records and yes/no questions, all its fact's sample questions'.
   * Filled once every record is indexed; 0 means any.
   */
  answersKinds: number;
  readonly termWeightTotal: number;
}

export interface FactMatch {
  readonly factIndex: number;
  readonly score: number;
  /** False when the fact's best record shares only question words with the question. */
  readonly contentMatched: boolean;
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

/**
 * Share of a record's score that does not depend on how much of the record the question covers:
 * a short question should cover most of a sample question or alias, but only a little of an
 * answer or a quote, which are long by nature.
 */
const RECORD_COVERAGE_FLOOR: Readonly<Record<RecordKind, number>> = {
  question: 0.55,
  alias: 0.55,
  topic: 0.55,
  answer: 0.8,
  // Quotes keep the strict floor: a single shared word with the article is weak evidence.
  quote: 0.55,
};
/** Quality of a match one or two typing mistakes away from a known word. */
const TYPO_QUALITY = [1, 0.8, 0.6] as const;
/**
 * A record that shares only question words with the question ("combien font 12 fois 7" and
 * "Combien de pays…") keeps this share, and its fact is never the answer (see `contentMatched`).
 */
const QUESTION_WORDS_ONLY = 0.4;

/** One bit per question kind ("?where", "?when"…), so the hot loop compares kinds with an AND. */
const KIND_BITS: ReadonlyMap<string, number> = new Map([...new Set(QUESTION_WORDS.values())].map((kind, i) => [kind, 1 << i]));

function kindBit(term: string): number {
  return KIND_BITS.get(term) ?? 0;
}
const NO_KINDS: readonly string[] = [];
/** A record that asks for something else ("pourquoi" for "où") keeps this share of its score. */
const QUESTION_KIND_MISMATCH = 0.7;
const SYNONYM_QUALITY = 0.9;
/** Share of a fact's second-best record added to its best one. */
const SECOND_RECORD_SHARE = 0.05;
/** Quality of a match on a long shared beginning only: another inflection, or a near word. */
const VARIANT_QUALITY = 0.7;
/** How many first letters a word must share with a known one to be read as another form of it. */
const VARIANT_PREFIX = 6;
/** "?what" (quel, what, which) asks for anything: it weighs this share of a specific question word. */
const GENERIC_QUESTION_SHARE = 0.3;
/** Weight of an everyday word the knowledge does not use, as a share of the rarest word's. */
const COMMON_WORD_SHARE = 0.15;
const FUZZY_CACHE_LIMIT = 10_000;

export interface QueryTerm {
  readonly term: string;
  readonly weight: number;
  readonly matches: readonly { readonly term: string; readonly quality: number }[];
}

function sharedPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

export class Matcher {
  private readonly records: IndexedRecord[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly termWeight = new Map<string, number>();
  private readonly formsByLetterAndLength = new Map<string, string[]>();
  private readonly formsByPrefix = new Map<string, string[]>();
  /** Known words (as written) by first letter, each bucket a Fuse index; see `typoLookup`. */
  private readonly fuseByLetter = new Map<string, { readonly fuse: Fuse<string>; readonly forms: readonly string[] }>();
  private readonly fuzzyCache = new Map<string, readonly { term: string; quality: number }[]>();
  /** What each fact's sample questions ask for ("?where", "?count"…), generic "?what" left out. */
  private readonly factQuestionKinds = new Map<number, string[]>();
  /** The languages of the sample questions, aliases, answers and topics each word is used in. */
  private readonly termLanguages = new Map<string, Set<Language>>();
  /** Known words that were hyphenated compounds, as written ("cessezlefeu", "paysbas"). */
  private readonly compounds = new Set<string>();
  /** Every known word as written, leading to its stem. */
  private readonly formToTerm = new Map<string, string>();
  private readonly questionWordWeight: number;
  private readonly unknownWordWeight: number;
  private readonly commonWordWeight: number;
  readonly factCount: number;

  private readonly synonyms = new Map<string, Set<string>>();
  private readonly scratch: {
    call: number;
    term: number;
    readonly callStamp: Uint32Array;
    readonly termStamp: Uint32Array;
    readonly bestQuality: Float64Array;
    readonly bestTermWeight: Float64Array;
    readonly queryCovered: Float64Array;
    readonly recordCovered: Float64Array;
    /** Whether a word other than a question word was found in the record. */
    readonly contentFound: Uint8Array;
    readonly factStamp: Uint32Array;
    readonly factScore: Float64Array;
    readonly factSecondScore: Float64Array;
    readonly factBestRecord: Int32Array;
  };

  /**
   * @param inputs every record to index
   * @param synonymGroups words that mean the same here; a question word finds the records of all
   *   its synonyms, at a slightly lower quality than its own
   */
  constructor(inputs: readonly MatchRecordInput[], synonymGroups: readonly (readonly string[])[] = []) {
    for (const group of synonymGroups) {
      // An entry stands for its first word: "États-Unis" for "etatsuni", "boots" for "boot".
      const words = group.flatMap((entry) => indexWords(entry).slice(0, 1).map((w) => w.word));
      for (const word of words) {
        const set = this.synonyms.get(word) ?? new Set<string>();
        for (const other of words) if (other !== word) set.add(other);
        this.synonyms.set(word, set);
      }
    }
    const factsByTerm = new Map<string, Set<number>>();
    /** The languages each word is written in, accents and all, in the records (to tell a synonym's language). */
    const surfaceLanguages = new Map<string, Set<Language>>();
    const recordTerms = inputs.map((input) => {
      if (input.kind !== "quote") {
        for (const raw of input.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
          const written = surfaceLanguages.get(raw) ?? new Set<Language>();
          written.add(input.language);
          surfaceLanguages.set(raw, written);
        }
      }
      const words = indexWords(input.text).filter((w) => w.tokens[0] === w.tokens[1]);
      const parts = new Set(tokenize(input.text));
      for (const w of words) if (!parts.has(w.surface)) this.compounds.add(w.surface);
      for (const { word, surface, isQuestionWord } of words) {
        // Quotes are in the article's language whatever is asked; the rest says which words each language uses.
        if (input.kind !== "quote") {
          const languages = this.termLanguages.get(word) ?? new Set<Language>();
          languages.add(input.language);
          this.termLanguages.set(word, languages);

        }
        if (!isQuestionWord) {
          // Typos are looked for among words as written, not among stems: "heure" is a typo
          // of no word here, though it is one letter from "heurt", the stem of "heurtent".
          this.formToTerm.set(surface, word);
        }
        let facts = factsByTerm.get(word);
        if (!facts) factsByTerm.set(word, (facts = new Set()));
        facts.add(input.factIndex);
      }
      return words;
    });
    this.factCount = new Set(inputs.map((r) => r.factIndex)).size;
    const maxIdf = Math.log(1 + this.factCount);
    this.questionWordWeight = 0.3 * maxIdf;
    this.unknownWordWeight = 1.3 * maxIdf;
    this.commonWordWeight = COMMON_WORD_SHARE * maxIdf;
    for (const [term, facts] of factsByTerm) {
      const weight = term === GENERIC_QUESTION_KIND
        ? GENERIC_QUESTION_SHARE * this.questionWordWeight
        : term.startsWith("?") ? this.questionWordWeight : Math.log(1 + this.factCount / facts.size);
      this.termWeight.set(term, weight);
    }

    inputs.forEach((input, recordIndex) => {
      // In prose ("la force qui empêcherait…") "qui" and "où" are relative pronouns, not questions.
      const terms = (recordTerms[recordIndex] ?? [])
        .filter((w) => input.kind === "question" || !w.isQuestionWord)
        .map((w) => w.word);
      const termWeightTotal = terms.reduce((sum, t) => sum + (this.termWeight.get(t) ?? 0), 0);
      const questionKinds = terms.filter((t) => t.startsWith("?") && t !== GENERIC_QUESTION_KIND);
      const kindBits = terms.reduce((bits, t) => bits | kindBit(t), 0);
      this.records.push({ ...input, terms, questionKinds, kindBits, answersKinds: 0, termWeightTotal });
      if (input.kind === "question") {
        const factKinds = this.factQuestionKinds.get(input.factIndex) ?? [];
        for (const kind of questionKinds) if (!factKinds.includes(kind)) factKinds.push(kind);
        this.factQuestionKinds.set(input.factIndex, factKinds);
      }
      for (const term of terms) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push(recordIndex);
      }
    });

    for (const record of this.records) {
      const kinds =
        record.kind === "question" && record.questionKinds.length > 0
          ? record.questionKinds
          : (this.factQuestionKinds.get(record.factIndex) ?? NO_KINDS);
      record.answersKinds = kinds.reduce((bits, k) => bits | kindBit(k), 0);
    }

    // A synonym is a word of the language the records write it in, accents and all ("pays":
    // French), of French when it has a French accent ("déclarer"), else of both ("declare").
    for (const group of synonymGroups) {
      for (const entry of group) {
        const first = indexWords(entry)[0];
        const raw = entry.toLowerCase().match(/[\p{L}\p{N}]+/u)?.[0] ?? "";
        if (!first || first.isQuestionWord) continue;
        const languages: Language[] = [...(surfaceLanguages.get(raw) ?? [])];
        if (languages.length === 0) languages.push(...(/[àâçéèêëîïôûùüÿœ]/i.test(entry) ? ["fr" as const] : ["fr" as const, "en" as const]));
        const known = this.termLanguages.get(first.word) ?? new Set<Language>();
        for (const language of languages) known.add(language);
        this.termLanguages.set(first.word, known);
      }
    }

    const n = this.records.length;
    const factSlots = inputs.reduce((max, r) => Math.max(max, r.factIndex + 1), 0);
    this.scratch = {
      call: 0,
      term: 0,
      callStamp: new Uint32Array(n),
      termStamp: new Uint32Array(n),
      bestQuality: new Float64Array(n),
      bestTermWeight: new Float64Array(n),
      queryCovered: new Float64Array(n),
      recordCovered: new Float64Array(n),
      contentFound: new Uint8Array(n),
      factStamp: new Uint32Array(factSlots),
      factScore: new Float64Array(factSlots),
      factSecondScore: new Float64Array(factSlots),
      factBestRecord: new Int32Array(factSlots),
    };

    // One Fuse index per first letter: a typo rarely hits the first letter, so a lookup scans
    // one small bucket, not the vocabulary.
    const buckets = new Map<string, string[]>();
    for (const form of this.formToTerm.keys()) {
      const bucket = buckets.get(form[0] ?? "") ?? [];
      bucket.push(form);
      buckets.set(form[0] ?? "", bucket);
    }
    for (const [letter, forms] of buckets) {
      this.fuseByLetter.set(letter, {
        fuse: new Fuse(forms, { includeScore: true, ignoreLocation: true, threshold: 0.45, minMatchCharLength: 2 }),
        forms,
      });
    }
    // The same words by first letter and length, and by their first six letters, so the
    // word-by-word checks below read a few words, not a whole bucket.
    for (const form of this.formToTerm.keys()) {
      const byLength = `${form[0] ?? ""}${form.length}`;
      this.formsByLetterAndLength.set(byLength, [...(this.formsByLetterAndLength.get(byLength) ?? []), form]);
      if (form.length >= VARIANT_PREFIX) {
        const prefix = form.slice(0, VARIANT_PREFIX);
        this.formsByPrefix.set(prefix, [...(this.formsByPrefix.get(prefix) ?? []), form]);
      }
    }
  }

  /** Known words a query word stands for: itself and its synonyms, or known words a typo or two away. */
  private lookup({ word, surface }: QueryWord): readonly { term: string; quality: number }[] {
    const cached = this.fuzzyCache.get(surface);
    if (cached) return cached;
    const found = this.termWeight.has(word) ? [{ term: word, quality: 1 }] : [];
    for (const synonym of this.synonyms.get(word) ?? []) {
      if (this.termWeight.has(synonym)) found.push({ term: synonym, quality: SYNONYM_QUALITY });
    }
    // A typo first ("dfinie" is "définie", not "d'" + "fin"); an elision glued to its word after.
    const typos = found.length > 0 ? [] : this.typoLookup(surface);
    const result = found.length > 0 ? found : typos.length > 0 ? typos : (this.glued(word) ?? []);
    if (this.fuzzyCache.size >= FUZZY_CACHE_LIMIT) this.fuzzyCache.clear();
    this.fuzzyCache.set(surface, result);
    return result;
  }

  /** "lotan", "darmee": an elision typed without its apostrophe, glued to a known word. */
  private glued(word: string): { term: string; quality: number }[] | undefined {
    const rest = /^(?:l|d|qu|s|c|n|j)(.{3,})$/.exec(word)?.[1];
    const term = rest === undefined ? undefined : [rest, stem(rest)].find((t) => this.termWeight.has(t));
    return term === undefined ? undefined : [{ term, quality: TYPO_QUALITY[1] }];
  }

  /** The known compound (its stem) that neighbouring words joined spell, exactly or but for one typo ("cesezlefeu"). */
  private compoundOf(surface: string): string | undefined {
    if (!this.compounds.has(surface)) {
      let near: string | undefined;
      for (const compound of this.compounds) {
        if (compound[0] === surface[0] && editDistance(surface, compound, 1) <= 1) {
          near = compound;
          break;
        }
      }
      if (near === undefined) return undefined;
      surface = near;
    }
    return this.formToTerm.get(surface);
  }

  /** Known words (stemmed) whose written or stemmed form is a typo or two away from `word` as typed. */
  private typoLookup(word: string): { term: string; quality: number }[] {
    if (word.length < 4 || word.startsWith("?") || /^\d+$/.test(word)) return [];
    // Two mistakes in a short word make another word ("petrole" → "parole"): allow them in long ones only.
    const maxEdits = word.length >= 8 ? 2 : 1;
    const found: { term: string; quality: number }[] = [];
    const accept = (candidates: readonly string[]): void => {
      for (const candidate of candidates) {
        const distance = editDistance(word, candidate, maxEdits);
        const term = this.formToTerm.get(candidate);
        if (distance <= maxEdits && term !== undefined) found.push({ term, quality: TYPO_QUALITY[distance] ?? 0 });
      }
    };
    // The word's own first letter; its second only when that finds nothing, for a swap of the
    // first two ("oclaition").
    for (const first of new Set([word[0] ?? "", word[1] ?? ""])) {
      const bucket = this.fuseByLetter.get(first);
      if (!bucket) continue;
      // Fuse's bitap scores a swap of two letters as two errors, so in short words it misses
      // "pyas" → "pays": short words, and long ones none of whose proposals holds, are checked
      // against the bucket's words of a near length one by one.
      if (word.length > 5) accept(bucket.fuse.search(word, { limit: 10 }).map((r) => r.item));
      for (let length = word.length - maxEdits; found.length === 0 && length <= word.length + maxEdits; length++) {
        accept(this.formsByLetterAndLength.get(`${first}${length}`) ?? []);
      }
      if (found.length > 0) break;
    }
    // Another form of a known word ("garantissent" / "garantie", "clarified" / "clarifier"):
    // a long shared beginning, where the stemmer's suffix list stops.
    if (found.length === 0 && word.length >= VARIANT_PREFIX) {
      for (const form of this.formsByPrefix.get(word.slice(0, VARIANT_PREFIX)) ?? []) {
        const term = this.formToTerm.get(form);
        if (term !== undefined && sharedPrefixLength(word, form) >= 0.7 * Math.min(word.length, form.length)) {
          found.push({ term, quality: VARIANT_QUALITY });
        }
      }
    }
    found.sort((a, b) => b.quality - a.quality);
    const best = found.filter((f, i) => found.findIndex((g) => g.term === f.term) === i).slice(0, 3);
    // A typo of a word that has synonyms finds them too ("soldtas" → "soldat" → "troop").
    for (const { term, quality } of [...best]) {
      for (const synonym of this.synonyms.get(term) ?? []) {
        if (this.termWeight.has(synonym)) best.push({ term: synonym, quality: quality * SYNONYM_QUALITY });
      }
    }
    return best;
  }

  /** The question's words with their weights and the known words each matched. */
  analyze(question: string | readonly QueryWord[], language?: Language): QueryTerm[] {
    const words = typeof question === "string" ? queryWords(question) : question;
    // Joined neighbours count only when the knowledge knows the compound, typos allowed
    // ("cesez le feu"); then they replace their parts ("pays bas" is the Netherlands, not a count
    // of countries).
    const isJoin = (w: QueryWord): boolean => w.tokens[1] > w.tokens[0];
    const joins = words.flatMap((w) => {
      if (!isJoin(w)) return [];
      const compound = this.compoundOf(w.surface);
      return compound === undefined ? [] : [{ ...w, word: compound }];
    });
    const consumed = new Set(joins.flatMap((w) => Array.from({ length: w.tokens[1] - w.tokens[0] + 1 }, (_, i) => w.tokens[0] + i)));
    const kept = [...joins, ...words.filter((w) => !isJoin(w) && !consumed.has(w.tokens[0]))];
    return kept.map((queryWord) => {
      const { word, isQuestionWord } = queryWord;
      const found = this.lookup(queryWord);
      // A word the knowledge uses only in the other language is a false friend, and counts as a
      // word it does not know: "pays" in "who pays for this" is not the French for countries.
      const usedIn = this.termLanguages.get(word);
      const foreign = language !== undefined && usedIn !== undefined && !usedIn.has(language);
      // A long foreign word may be a typo of one of the asked language ("ministers" in French).
      const matches = !foreign
        ? found
        : queryWord.surface.length >= 6
          ? this.typoLookup(queryWord.surface).filter((m) => this.termLanguages.get(m.term)?.has(language) === true && m.term !== word)
          : [];
      const known = matches[0];
      const exact = known?.quality === 1;
      // Only once the knowledge has no word like it: "thhey" is "they", but a name may be one typo from a stopword.
      if (!known && !isQuestionWord && mistypedStopword(queryWord.surface)) return { term: word, weight: 0, matches };
      const weight = isQuestionWord
        ? (this.termWeight.get(word) ?? this.questionWordWeight)
        : known
          ? // A typo may stand for several words: it weighs as the most common of them.
            exact
            ? (this.termWeight.get(known.term) ?? this.unknownWordWeight)
            : Math.min(...matches.map((m) => this.termWeight.get(m.term) ?? this.unknownWordWeight))
          : COMMON_WORDS.has(word) || /^\p{L}{1,3}$/u.test(word)
            ? this.commonWordWeight // everyday words, chat abbreviations and typos ("ds", "wat") say little
            : this.unknownWordWeight;
      return { term: word, weight, matches };
    });
  }

  /** Facts ranked by how well their best record matches the question; empty when nothing does. */
  rank(question: string | readonly QueryWord[], limit = 5, language?: Language): FactMatch[] {
    const query = this.analyze(question, language);
    const queryKinds = query.reduce((bits, q) => (q.term === GENERIC_QUESTION_KIND ? bits : bits | kindBit(q.term)), 0);
    const queryWeightTotal = query.reduce((sum, q) => sum + q.weight, 0);
    if (queryWeightTotal === 0) return [];
    // Aliases, answers, topics and quotes are not questions: they cannot hold a question word, so
    // they are measured on the question's other words alone.
    const contentWeightTotal = query.reduce((sum, q) => sum + (q.term.startsWith("?") ? 0 : q.weight), 0);

    // Scratch arrays are reused across calls (rank is synchronous): a question touches a few
    // hundred records at most, and allocating maps for them was most of the time spent.
    const s = this.scratch;
    const callStamp = ++s.call;
    const touched: number[] = [];
    // Content words first: they pick the candidate records. A question word ("?what", "?where")
    // sits in most records; it only adds to records a content word already found.
    const contentFirst = [...query].sort((a, b) => Number(a.term.startsWith("?")) - Number(b.term.startsWith("?")));
    for (const q of contentFirst) {
      const termStamp = ++s.term;
      const inThisTerm: number[] = [];
      if (q.term.startsWith("?")) {
        const weight = this.termWeight.get(q.term) ?? 0;
        for (const recordIndex of touched) {
          if (((this.records[recordIndex]?.kindBits ?? 0) & kindBit(q.term)) !== 0) {
            s.bestQuality[recordIndex] = 1;
            s.bestTermWeight[recordIndex] = weight;
            inThisTerm.push(recordIndex);
          }
        }
      }
      for (const match of q.term.startsWith("?") && touched.length > 0 ? [] : q.matches) {
        const termWeight = this.termWeight.get(match.term) ?? 0;
        for (const recordIndex of this.postings.get(match.term) ?? []) {
          if (s.termStamp[recordIndex] !== termStamp) {
            s.termStamp[recordIndex] = termStamp;
            s.bestQuality[recordIndex] = match.quality;
            s.bestTermWeight[recordIndex] = termWeight;
            inThisTerm.push(recordIndex);
          } else if ((s.bestQuality[recordIndex] ?? 0) < match.quality) {
            s.bestQuality[recordIndex] = match.quality;
            s.bestTermWeight[recordIndex] = termWeight;
          }
        }
      }
      for (const recordIndex of inThisTerm) {
        if (s.callStamp[recordIndex] !== callStamp) {
          s.callStamp[recordIndex] = callStamp;
          s.queryCovered[recordIndex] = 0;
          s.recordCovered[recordIndex] = 0;
          s.contentFound[recordIndex] = 0;
          touched.push(recordIndex);
        }
        const quality = s.bestQuality[recordIndex] ?? 0;
        s.queryCovered[recordIndex] = (s.queryCovered[recordIndex] ?? 0) + q.weight * quality;
        if (!q.term.startsWith("?")) s.contentFound[recordIndex] = 1;
        s.recordCovered[recordIndex] = (s.recordCovered[recordIndex] ?? 0) + (s.bestTermWeight[recordIndex] ?? 0) * quality;
      }
    }

    const factsTouched: number[] = [];
    for (const recordIndex of touched) {
      const record = this.records[recordIndex];
      if (!record) continue;
      const isQuestion = record.kind === "question";
      const denominator = isQuestion || contentWeightTotal === 0 ? queryWeightTotal : contentWeightTotal;
      const queryShare = Math.min(1, (s.queryCovered[recordIndex] ?? 0) / denominator);
      const recordShare = record.termWeightTotal > 0 ? (s.recordCovered[recordIndex] ?? 0) / record.termWeightTotal : 0;
      // A sample question asks for one thing; other records, and yes/no sample questions, answer
      // what the fact's sample questions ask for, together (precomputed as bits: this loop is hot).
      const asksOtherThing = queryKinds !== 0 && record.answersKinds !== 0 && (queryKinds & record.answersKinds) === 0;
      const score =
        queryShare * (RECORD_COVERAGE_FLOOR[record.kind] + (1 - RECORD_COVERAGE_FLOOR[record.kind]) * Math.min(1, recordShare)) *
        KIND_WEIGHT[record.kind] * (asksOtherThing ? QUESTION_KIND_MISMATCH : 1) *
        (s.contentFound[recordIndex] === 1 ? 1 : QUESTION_WORDS_ONLY);
      const fact = record.factIndex;
      if (s.factStamp[fact] !== callStamp) {
        s.factStamp[fact] = callStamp;
        s.factScore[fact] = score;
        s.factSecondScore[fact] = 0;
        s.factBestRecord[fact] = recordIndex;
        factsTouched.push(fact);
      } else if ((s.factScore[fact] ?? 0) < score) {
        s.factSecondScore[fact] = s.factScore[fact] ?? 0;
        s.factScore[fact] = score;
        s.factBestRecord[fact] = recordIndex;
      } else if ((s.factSecondScore[fact] ?? 0) < score) {
        s.factSecondScore[fact] = score;
      }
    }
    // A fact two of whose records match is a little surer than one matched by a single record.
    for (const fact of factsTouched) {
      s.factScore[fact] = Math.min(1, (s.factScore[fact] ?? 0) + SECOND_RECORD_SHARE * (s.factSecondScore[fact] ?? 0));
    }
    factsTouched.sort((a, b) => (s.factScore[b] ?? 0) - (s.factScore[a] ?? 0));
    return factsTouched.slice(0, limit).flatMap((factIndex) => {
      const best = this.records[s.factBestRecord[factIndex] ?? -1];
      const bestIndex = s.factBestRecord[factIndex] ?? -1;
      return best ? [{ factIndex, score: s.factScore[factIndex] ?? 0, best, contentMatched: s.contentFound[bestIndex] === 1 }] : [];
    });
  }

  /** Sample-question records of a fact in one language, best match to the question first. */
  recordsOf(factIndex: number, kind: RecordKind, language: Language): MatchRecordInput[] {
    return this.records.filter((r) => r.factIndex === factIndex && r.kind === kind && r.language === language);
  }
}
