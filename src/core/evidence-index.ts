import type { Language } from "./answer-schema.js";
import { COMMON_WORDS, LIGHT_NOUNS, LIGHT_VERBS, FREQUENT_WORDS } from "./common-words.js";
import { dictionaryWords } from "./dictionary.js";
import { editDistance } from "./edit-distance.js";
import type { Entity, EntityKind, EntityLexicon, EntityMention } from "./entities.js";
import type { TimeScale } from "./entity-catalog.js";
import type { Fact, Pack } from "./knowledge-schema.js";
import { tokenize } from "./normalize.js";
import { mistypedStopword, readTokens, tokenSpan, type QueryWord, type ReadQuestion } from "./question-reading.js";
import type { FieldKind, MatchHow, ScoringParams } from "./scoring-params.js";
import { frenchPluralVerbStem, stemWord } from "./stemming.js";
import { QUESTION_WORDS, STOPWORDS, type QuestionKind } from "./stopwords.js";

/**
 * The knowledge as evidence: for every fact, each word its sample questions, aliases, answer,
 * quote and topic hold (stemmed), with how strongly the part it was found in speaks for the fact;
 * what its sample questions ask (where, when…); the entities it names. Built once at start-up.
 * `analyze` reads a question against it: each word's weight and the known words it may stand for.
 */

/** A sample question or an alias: what a question that says nearly the same thing is measured on. */
export interface IndexedRecord {
  readonly text: string;
  readonly field: "question" | "alias";
  readonly language: Language;
  readonly terms: readonly string[];
  /** Sum of the terms' weights. */
  readonly total: number;
}

export interface FactEvidence {
  readonly fact: Fact;
  readonly pack: Pack;
  /** The countries of the places it names, where known ("brussels" → Belgium): see `AnalyzedWord.inCountry`. */
  readonly placeCountries: ReadonlySet<string>;
  /** Each known word of the fact, with the strength of the strongest part holding it. */
  readonly terms: ReadonlyMap<string, { readonly strength: number; readonly field: FieldKind }>;
  /**
   * What its sample questions ask, each kind with the share of those asking something specific
   * that ask it: a question asking what few or none of them ask asks for something else.
   */
  readonly kinds: ReadonlyMap<QuestionKind, number>;
  /** How many of its sample questions ask each kind: the facts most asked a kind, for a question word alone. */
  readonly kindCounts: ReadonlyMap<QuestionKind, number>;
  /** The same kinds, as a list. */
  readonly kindList: readonly QuestionKind[];
  /** Entities its answer, quote and aliases name (groups with what they include). */
  readonly entities: ReadonlySet<string>;
  /** Kinds of the entities it names, the article's subject left out. */
  readonly entityKinds: ReadonlySet<EntityKind>;
  /**
   * For each kind the fact gives in full (`settles`), the scales of its names of that kind (a
   * weekday…; undefined for kinds without one): a yes/no question naming another of the same
   * kind and scale is answered "no" with it.
   */
  readonly settled: ReadonlyMap<EntityKind, ReadonlySet<TimeScale | undefined>>;
  /** Kinds a yes/no question naming one the fact names is answered "yes" of (`affirms`). */
  readonly affirmed: ReadonlySet<EntityKind>;
  /** What its sample questions count ("combien de pays": the term of "pays"); empty when none counts a thing. */
  readonly counted: ReadonlySet<number>;
  readonly records: readonly IndexedRecord[];
  /** Its records (indices into `records`) by term, so a question reads only the records it shares words with. */
  readonly recordsByTerm: ReadonlyMap<number, readonly number[]>;
  /**
   * `terms` by term id (see `WordMatch.id`): what scoring reads, many times per question. `lone`:
   * held only by a single one of its sample questions.
   */
  readonly termsById: ReadonlyMap<number, { readonly strength: number; readonly field: FieldKind; readonly lone: boolean }>;
  /** The term ids of what it states, its answers and quote: what a choice ("diplomatique ou militaire ?") is answered by. */
  readonly said: ReadonlySet<number>;
  /**
   * For each kind a name answers (who, where, when), the terms its answers write beside
   * a name of that kind ("toute nouvelle agression *russe*", "allied with *Kyiv*"): a question
   * asking who of one of them asks the name the fact gives there, whatever its sample questions ask.
   * Each term with the names (entity ids) it is beside.
   */
  readonly namedBeside: ReadonlyMap<QuestionKind, ReadonlyMap<number, ReadonlySet<string>>>;
}

/** The kinds of name that answer a question kind: a city is a place, a day a time, a minister or a country a "who". */
export const NAMED_ANSWER: Partial<Record<QuestionKind, readonly EntityKind[]>> = { where: ["place"], when: ["time"], who: ["person", "country"] };

export interface WordMatch {
  readonly term: string;
  /** The term's number in the index: scoring looks terms up by it (−1 for none). */
  readonly id: number;
  readonly how: MatchHow;
  readonly quality: number;
}

/** A match of the word as written or by its stem: not a typo, synonym or opposite. */
export function isAsWritten(match: WordMatch): boolean {
  return match.how === "exact" || match.how === "stem";
}

/** How a question word was read: known to the knowledge, unknown (counts against), or meaningless. */
export type WordStatus = "known" | "unknown" | "common" | "ignored";

export interface AnalyzedWord {
  /** As typed, folded; for a compound, its parts joined ("paysbas"). */
  readonly surface: string;
  /** The entity the word names, if it is (part of) a name. */
  readonly entity?: Entity;
  readonly weight: number;
  readonly status: WordStatus;
  readonly matches: readonly WordMatch[];
  /** What it asks, as the noun of an asking phrase ("quelle ville"): see `QueryWord.asks`. */
  readonly asks?: QuestionKind;
  /** The other side of a choice it is one side of ("en hausse ou en baisse", "growing or shrinking"): its index in `words`. */
  readonly orWith?: number;
  /** The noun a "which"/"quel" asks for ("*quelles armes* ?", "what *weapons*…"): what the answer must be about. */
  readonly askedNoun?: true;
  /** For a city asked of a country ("quelle ville ukrainienne", "which Ukrainian city"): that country's id. */
  readonly inCountry?: string;
}

export interface AnalyzedQuestion {
  readonly language: Language;
  readonly words: readonly AnalyzedWord[];
  readonly totalWeight: number;
  /** Specific kinds asked: "what" is left out, it asks for anything. */
  readonly kinds: ReadonlySet<QuestionKind>;
  readonly kindList: readonly QuestionKind[];
  readonly mentions: readonly EntityMention[];
  /** Entities named as a choice ("jeudi ou vendredi"): one of them in a fact is enough. */
  readonly alternatives: ReadonlySet<string>;
  /** For a count of a thing ("combien de soldats"), the ids its words match (soldier, troop…: none for a word the knowledge lacks); undefined otherwise. */
  readonly counted: readonly number[] | undefined;
  /** It asks how many of something ("combien", "how many"): a fact giving no number and counting nothing cannot say. */
  readonly countsThings: boolean;
  /** It asks yes or no, or to choose between names ("c'était mardi la réunion ?", "à Paris ou à Londres ?"): see `ReadQuestion.yesNo`. */
  readonly yesNo: boolean;
}

interface TextInput {
  readonly text: string;
  readonly field: FieldKind;
  readonly language: Language;
}

const FUZZY_CACHE_LIMIT = 10_000;

function isMeaningful(token: string): boolean {
  return !STOPWORDS.has(token) && !QUESTION_WORDS.has(token) && token.length >= 2;
}

const NO_TOKENS: ReadonlySet<string> = new Set();

/** Two forms of one word: one ends the other ("lance", "lancée"), or they share `prefix` first letters ("soutient", "soutien"). */
function isFormOf(a: string, b: string, prefix: number): boolean {
  return a.startsWith(b) || b.startsWith(a) || (a.length >= prefix && a.slice(0, prefix) === b.slice(0, prefix));
}

/**
 * The commonest slips, which make real words too: a doubled consonant typed once or twice
 * ("finish", "planing"), two neighbours swapped ("frist"). Not a doubled vowel: folding makes
 * those of French accents ("armées" is "armees"), and "armes" (weapons) is no slip of it.
 */
function isCommonSlip(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let at = 0;
  while (at < short.length && short[at] === long[at]) at++;
  if (long.length === short.length + 1) return at > 0 && long[at] === long[at - 1] && !/[aeiouy]/.test(long[at] ?? "") && long.slice(at + 1) === short.slice(at);
  return long.length === short.length && at < short.length - 1 && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}

/** Words that may follow "ou"/"or" in a choice between two names: "NATO or the EU", "jeudi ou bien vendredi". */
const CHOICE_FILLERS = new Set(["the", "a", "le", "la", "les", "l", "un", "une", "bien", "alors", "plutot", "rather", "maybe", "peut", "etre"]);

/** Words between "ou"/"or" and a side of a choice: "en hausse ou en baisse", "a handful or more like dozens". */
const CHOICE_SIDE_FILLERS = new Set([...["en", "a", "au", "de", "d", "du", "des", "like", "way", "more", "plus", "so", "just"], ...CHOICE_FILLERS]);

/** Tokens looked past, at most, for a side of a choice: "or way more like dozens". */
const MAX_CHOICE_GAP = 3;

/**
 * "en hausse ou en baisse ?", "short-term or long-term?": the words on either side of "ou"/"or"
 * (fillers skipped) are a choice; a fact explaining one side answers it, the other is no word
 * against it (see scoreFact). Each side's index in `words`, by the other's.
 */
function choicePartners(words: readonly QueryWord[], tokens: readonly string[], isName: (word: number) => boolean): Map<number, number> {
  const partners = new Map<number, number>();
  const wordAt = new Map<number, number>();
  words.forEach((w, i) => {
    for (let t = w.tokens[0]; t <= w.tokens[1]; t++) wordAt.set(t, i);
  });
  const side = (from: number, step: 1 | -1): number | undefined => {
    for (let t = from, gap = 0; t >= 0 && t < tokens.length && gap <= MAX_CHOICE_GAP; t += step, gap++) {
      const found = wordAt.get(t);
      if (found !== undefined) return found;
      if (!CHOICE_SIDE_FILLERS.has(tokens[t] ?? "")) return undefined;
    }
    return undefined;
  };
  tokens.forEach((token, t) => {
    if (token !== "ou" && token !== "or") return;
    const [left, right] = [side(t - 1, -1), side(t + 1, 1)];
    if (left === undefined || right === undefined || left === right || isName(left) || isName(right)) return;
    partners.set(left, right).set(right, left);
  });
  return partners;
}

/** What a choice between two names of a kind asks ("jeudi ou vendredi ?" asks when). */
const ALTERNATIVE_ASKS: Partial<Record<EntityKind, Exclude<QuestionKind, "what">>> = { time: "when", place: "where", person: "who", country: "who", organisation: "who", number: "count" };

const NO_STRENGTHS = new Float64Array(0);

export class EvidenceIndex {
  readonly facts: readonly FactEvidence[];
  /** Facts by term, for the candidates of a question. */
  private readonly postings = new Map<string, number[]>();
  private readonly termWeight = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private readonly weightById: Float64Array;
  private readonly postingsById: (readonly number[])[];
  /** Beside each of `postingsById`'s facts, the term's strength in it: ranking reads it per match, without a map lookup. */
  private readonly strengthsById: Float64Array[];
  /** Every known word as written (folded), leading to its term. */
  private readonly formToTerm = new Map<string, string>();
  /** Known words that were hyphenated compounds, as written ("cessezlefeu", "paysbas"). */
  private readonly compounds = new Set<string>();
  /** Languages of the texts each term is written in (a quote's is the article's). */
  private readonly termLanguages = new Map<string, Set<Language>>();
  /** Languages each word is written in, as written, where the answers, aliases or topics use it (see `curatedLanguages`). */
  private readonly curatedLanguages: ReadonlyMap<string, ReadonlySet<Language>>;
  private readonly synonyms = new Map<string, Set<string>>();
  /** Terms and the terms of their opposites, both ways (`antonyms` in the knowledge). */
  private readonly opposites = new Map<string, Set<string>>();
  private readonly formsByLetterAndLength = new Map<string, string[]>();
  private readonly formsByPrefix = new Map<string, string[]>();
  private readonly lookupCache = new Map<string, readonly WordMatch[]>();
  /** Neighbours joined, to the compound they spell ("" for none): most joins are no compound. */
  private readonly compoundCache = new Map<string, string>();
  /** Terms some fact holds in more than one sample question, or in a curated part. */
  private readonly corroborated: ReadonlySet<string>;
  /** Sample questions' typos ("mision", "reasurance"), to the word they misspell. */
  private readonly respelled = new Map<string, string>();
  readonly maxWeight: number;
  /** Terms only curated refusals hold (see the constructor's `factCount`). */
  private readonly refusalsOnly = new Set<string>();
  /** Written forms only curated refusals use: no typo is read as one of them. */
  private readonly refusalForms = new Set<string>();
  /** The languages of the refusals' terms: a stem finds a term only refusals hold in them ("leading" → "lead"). */
  private readonly refusalTermLanguages = new Map<string, Set<Language>>();
  readonly articleEntityKinds: ReadonlySet<EntityKind>;
  /**
   * For each kind of name only one fact gives in full (`settles`), that fact's index: "was it in
   * London?" names nothing else, and is asked of the one fact giving the place.
   */
  readonly soleSettlers: ReadonlyMap<EntityKind, number>;

  constructor(
    entries: readonly { readonly fact: Fact; readonly pack: Pack }[],
    private readonly lexicon: EntityLexicon,
    private readonly params: ScoringParams,
    /**
     * How many of the first entries are facts. The rest (curated refusals) are ranked as facts are
     * but weigh no word: a fact scores as it would without them, and a word only they hold weighs
     * as a word the knowledge does not have.
     */
    factCount = entries.length,
  ) {
    // Spellings are learnt from the facts alone: a refusal's "cout" must not respell a fact's "count".
    this.learnSpellings(entries.slice(0, factCount).flatMap(({ fact, pack }) => textsOf(fact, pack)));
    const saidTerms: Set<string>[] = [];
    const factTerms = entries.map(({ fact, pack }, entryIndex) => {
      const terms = new Map<string, { strength: number; field: FieldKind; lone: boolean }>();
      const said = new Set<string>();
      saidTerms.push(said);
      const questionsHolding = new Map<string, number>();
      const refusal = entryIndex >= factCount;
      for (const input of textsOf(fact, pack)) {
        for (const term of new Set(this.indexText(input, refusal))) {
          if (input.field === "question") questionsHolding.set(term, (questionsHolding.get(term) ?? 0) + 1);
        }
      }
      for (const input of textsOf(fact, pack)) {
        for (const term of this.indexText(input, refusal)) {
          if (input.field === "answer" || input.field === "quote") said.add(term);
          // A word only one sample question uses is incidental to the fact ("lol", a detail of another fact).
          const lone = input.field === "question" && (questionsHolding.get(term) ?? 0) < 2;
          const strength = params.fieldStrength[input.field] * (lone ? params.loneQuestionWord : 1);
          const known = terms.get(term);
          if ((known?.strength ?? 0) < strength) terms.set(term, { strength, field: input.field, lone: lone && known?.lone !== false });
          else if (known && !lone) known.lone = false;
        }
      }
      return terms;
    });
    this.addListContext(entries, factTerms);
    factTerms.forEach((terms, factIndex) => {
      for (const term of terms.keys()) pushTo(this.postings, term, factIndex);
    });
    // A word only ever met in a single sample question (a chat filler, a typo, a detail) has not
    // shown that it tells facts apart, however rare it is: it weighs less.
    // Corroborated: held by a curated part of some fact, or by two of its sample questions.
    const corroborated = new Set(factTerms.slice(0, factCount).flatMap((terms) => [...terms].filter(([, t]) => !t.lone).map(([term]) => term)));
    this.corroborated = corroborated;
    this.maxWeight = Math.log(1 + Math.max(1, factCount));
    for (const [term, facts] of this.postings) {
      const holding = facts.filter((f) => f < factCount).length;
      if (holding === 0) this.refusalsOnly.add(term);
      const weight = holding === 0 ? params.unknownWordShare * this.maxWeight : Math.log(1 + factCount / holding);
      this.termWeight.set(term, corroborated.has(term) ? weight : weight * params.loneWordWeight);
    }
    for (const term of this.termWeight.keys()) this.termIds.set(term, this.termIds.size);
    this.weightById = Float64Array.from(this.termWeight.values());
    this.postingsById = [...this.postings.values()];

    // A false friend is one for the facts: a refusal's English "who pays?" must not make French "pays" English.
    this.curatedLanguages = curatedLanguages(entries.slice(0, factCount).flatMap(({ fact, pack }) => textsOf(fact, pack)));
    for (const pack of new Set(entries.map((e) => e.pack))) {
      for (const group of pack.synonyms ?? []) this.addSynonyms(group);
      for (const pair of pack.antonyms ?? []) this.addOpposites(pair.words, pair.opposites);
    }

    this.facts = entries.map(({ fact, pack }, factIndex) => {
      const kindCounts = new Map<QuestionKind, number>();
      let asking = 0;
      const records: IndexedRecord[] = [];
      const countedForms: { form: string; language: Language }[] = [];
      for (const language of ["fr", "en"] as const) {
        for (const text of fact.questions[language]) {
          const reading = readTokens(tokenize(text), text);
          for (const form of reading.counted) countedForms.push({ form, language });
          const asked = [...reading.kinds].filter((k) => k !== "what");
          if (asked.length > 0) asking++;
          for (const kind of asked) kindCounts.set(kind, (kindCounts.get(kind) ?? 0) + 1);
          records.push(this.record(text, "question", language));
        }
        for (const text of fact.aliases?.[language] ?? []) records.push(this.record(text, "alias", language));
        // What its answer's numbers count ("l'un des *quatre objectifs*"): "combien de navires" is none of it.
        const said = tokenize(fact.answer[language]);
        for (const mention of lexicon.find(said, fact.answer[language])) {
          if (mention.entity.kind !== "number") continue;
          const noun = said.slice(mention.tokens[1] + 1).find((t) => !STOPWORDS.has(t));
          if (noun !== undefined) countedForms.push({ form: noun, language });
        }
      }
      const { ids: entities, kinds: entityKinds } = lexicon.namedBy(fact);
      const settled = new Map<EntityKind, Set<TimeScale | undefined>>();
      for (const kind of fact.settles ?? []) {
        settled.set(kind, new Set([...entities].flatMap((id) => {
          const entity = lexicon.get(id);
          return entity?.kind === kind && !entity.subject ? [entity.scale] : [];
        })));
      }
      // Of at least `kindMinAskingShare` of its questions: one "Where is Europe heading?" among a
      // fact's few asking anything is no sign it answers where.
      const questionCount = fact.questions.fr.length + fact.questions.en.length;
      const kinds = new Map([...kindCounts].map(([kind, count]) => [kind, count / Math.max(asking, this.params.kindMinAskingShare * questionCount, 1)]));
      const recordsByTerm = new Map<number, number[]>();
      records.forEach((record, i) => {
        for (const term of record.terms) pushTo(recordsByTerm, this.termIds.get(term) ?? -1, i);
      });
      const terms = factTerms[factIndex] ?? new Map<string, { strength: number; field: FieldKind; lone: boolean }>();
      const termsById = new Map([...terms].map(([term, found]) => [this.termIds.get(term) ?? -1, found] as const));
      const counted = new Set(countedForms.flatMap(({ form, language }) => {
        const id = this.termIds.get(stemWord(this.respelled.get(form) ?? form, language));
        return id === undefined ? [] : [id];
      }));
      const affirmed = new Set(fact.affirms ?? []);
      const namedBeside = new Map<QuestionKind, Map<number, Set<string>>>();
      const content = (t: string): boolean => !STOPWORDS.has(t);
      for (const { text, language } of [{ text: fact.answer.fr, language: "fr" as const }, { text: fact.answer.en, language: "en" as const }]) {
        const tokens = tokenize(text);
        for (const mention of lexicon.find(tokens, text)) {
          for (const [kind, named] of Object.entries(NAMED_ANSWER) as [QuestionKind, readonly EntityKind[]][]) {
            if (!named.includes(mention.entity.kind)) continue;
            const beside = [...tokens.slice(0, mention.tokens[0]).filter(content).slice(-this.params.besideNameWords), ...tokens.slice(mention.tokens[1] + 1).filter(content).slice(0, this.params.besideNameWords)];
            for (const token of beside) {
              const id = this.termIds.get(stemWord(this.respelled.get(token) ?? token, language));
              if (id === undefined) continue;
              const ofKind = namedBeside.get(kind) ?? new Map<number, Set<string>>();
              namedBeside.set(kind, ofKind.set(id, (ofKind.get(id) ?? new Set()).add(mention.entity.id)));
            }
          }
        }
      }
      const said = new Set([...(saidTerms[factIndex] ?? [])].flatMap((term) => {
        const id = this.termIds.get(term);
        return id === undefined ? [] : [id];
      }));
      const placeCountries = new Set([...entities].flatMap((id) => {
        const country = lexicon.get(id)?.kind === "place" ? lexicon.countryOf(id) : undefined;
        return country === undefined ? [] : [country];
      }));
      return { fact, pack, placeCountries, terms, termsById, said, kinds, kindCounts, kindList: [...kinds.keys()], entities, entityKinds, settled, affirmed, counted, records, recordsByTerm, namedBeside };
    });
    this.strengthsById = this.postingsById.map((facts, id) => Float64Array.from(facts, (f) => this.facts[f]?.termsById.get(id)?.strength ?? 0));
    // What the article names: its declared entities, and what its facts name (an official, "the Finnish minister", is a person).
    this.articleEntityKinds = new Set([...lexicon.declared().filter((e) => !e.subject).map((e) => e.kind), ...this.facts.slice(0, factCount).flatMap((f) => [...f.entityKinds])]);
    const settlers = new Map<EntityKind, number[]>();
    this.facts.slice(0, factCount).forEach((f, i) => {
      for (const kind of f.settled.keys()) settlers.set(kind, [...(settlers.get(kind) ?? []), i]);
    });
    this.soleSettlers = new Map([...settlers].flatMap(([kind, [first, ...others]]) => (first !== undefined && others.length === 0 ? [[kind, first] as const] : [])));
    this.buildTypoIndex();
  }

  /**
   * Sample questions are written the way people chat, typos included: a word written in no
   * answer, quote, alias or topic that is a typo away from a word that is (or that is written
   * `spellingMajority` times as often) is read as that word — else "mision" would be a word of its own,
   * and the typo "mision" would find it rather than "mission". A word of the language is no typo
   * of another word ("servait" is not "serait", "armes" not "armée", "condition" not "coalition"):
   * it is read as a form of its own word only ("russes", "russe"), or as the word it is a common
   * slip of (`isCommonSlip`: "finish" for "finnish").
   */
  private learnSpellings(texts: readonly TextInput[]): void {
    const count = new Map<string, number>();
    const curated = new Set<string>();
    for (const { text, field } of texts) {
      for (const token of new Set(tokenize(text, "joined"))) {
        count.set(token, (count.get(token) ?? 0) + 1);
        if (field !== "question") curated.add(token);
      }
    }
    const byLetterAndLength = new Map<string, string[]>();
    for (const form of count.keys()) pushTo(byLetterAndLength, `${form[0] ?? ""}${form.length}`, form);
    const words = dictionaryWords([...count.keys()].filter((form) => !curated.has(form)));
    const mayBe = (form: string, c: string): boolean => !words.has(form) || (isMeaningful(c) && isFormOf(form, c, this.params.variantPrefix)) || isCommonSlip(form, c);
    for (const [form, n] of count) {
      if (curated.has(form) || form.length < this.params.minRespelledLength || !isMeaningful(form)) continue;
      const edits = this.allowedEdits(form.length);
      let near: string | undefined;
      for (let length = form.length - edits; length <= form.length + edits; length++) {
        for (const c of byLetterAndLength.get(`${form[0] ?? ""}${length}`) ?? []) {
          // The right spelling: written in a curated part, or far more often than the typo.
          const often = count.get(c) ?? 0;
          if (c === form || !(curated.has(c) || often >= this.params.spellingMajority * n)) continue;
          if ((near === undefined || often > (count.get(near) ?? 0)) && editDistance(form, c, edits) <= edits && mayBe(form, c)) near = c;
        }
      }
      if (near !== undefined) this.respelled.set(form, near);
    }
  }

  /**
   * Terms of one text of a fact; records the words as written, for typos, and their languages.
   * A curated refusal's (`refusal`) adds no compound, language or typo target and rewrites no
   * word a fact has: how the facts' words are read stays what it is without refusals.
   */
  private indexText({ text, field, language }: TextInput, refusal = false): string[] {
    const parts = new Set(tokenize(text));
    const terms: string[] = [];
    for (const written of tokenize(text, "joined")) {
      if (!isMeaningful(written)) continue;
      const token = this.respelled.get(written) ?? written;
      const term = stemWord(token, language);
      terms.push(term);
      if (refusal) {
        if (!this.formToTerm.has(token)) {
          this.formToTerm.set(token, term);
          this.refusalForms.add(token);
        }
        addTo(this.refusalTermLanguages, term, language);
        continue;
      }
      // Compounds are the curated parts' ("Pays-Bas", "cessez-le-feu"), not a sample question's hyphen.
      if (!parts.has(token) && field !== "question") this.compounds.add(token);
      this.formToTerm.set(token, term);
      addTo(this.termLanguages, term, language);
    }
    return terms;
  }

  private record(text: string, field: IndexedRecord["field"], language: Language): IndexedRecord {
    const terms = [...new Set(tokenize(text, "joined").filter(isMeaningful).map((t) => stemWord(this.respelled.get(t) ?? t, language)))];
    return { text, field, language, terms, total: terms.reduce((sum, t) => sum + this.weightOf(t), 0) };
  }

  /**
   * A synonym group: each word entry stands for its stems in either language; a phrase ("forces
   * armées", "first time") for itself as one compound, which a question's two or three
   * neighbouring words join into ("espace aérien" → "espaceaerien") — never for its first word
   * alone ("forces", "first"). A phrase with a stopword or question word ("set up", "how many")
   * cannot be told from a question's own words, one of more than three words is never joined:
   * both are left out. A compound is known only when its group meets a word of the knowledge,
   * else joining a question's words into it would lose them.
   */
  private addSynonyms(group: readonly string[]): void {
    const { terms, compounds } = this.termsOfEntries(group);
    if (terms.some((t) => this.termWeight.has(t))) for (const compound of compounds) this.compounds.add(compound);
    for (const term of terms) {
      const set = this.synonyms.get(term) ?? new Set<string>();
      for (const other of terms) if (other !== term) set.add(other);
      this.synonyms.set(term, set);
    }
  }

  /** The terms a group's entries stand for (see `addSynonyms`), and the compounds of its phrases. */
  private termsOfEntries(group: readonly string[]): { terms: string[]; compounds: string[] } {
    const compounds: string[] = [];
    const terms = group.flatMap((entry) => {
      const { terms: ofEntry, compound } = termsOfEntry(entry);
      if (compound !== undefined) compounds.push(compound);
      return ofEntry;
    });
    return { terms, compounds };
  }

  /**
   * Words and their opposites, each side standing for the other's terms. Words only ("short-term"
   * is one): a phrase's words would be read apart in a question, each against the other side.
   */
  private addOpposites(words: readonly string[], opposites: readonly string[]): void {
    const single = (entries: readonly string[]): string[] => entries.filter((e) => tokenize(e, "joined").length === 1);
    const [one, other] = [this.termsOfEntries(single(words)), this.termsOfEntries(single(opposites))];
    for (const [from, to] of [[one.terms, other.terms], [other.terms, one.terms]] as const) {
      for (const term of from) {
        const set = this.opposites.get(term) ?? new Set<string>();
        for (const t of to) if (t !== term) set.add(t);
        this.opposites.set(term, set);
      }
    }
  }

  private buildTypoIndex(): void {
    for (const form of this.formToTerm.keys()) {
      // A typo is read as a fact's word only: a refusal's forms must not crowd the facts' out.
      if (this.refusalForms.has(form)) continue;
      pushTo(this.formsByLetterAndLength, `${form[0] ?? ""}${form.length}`, form);
      if (form.length >= this.params.variantPrefix) pushTo(this.formsByPrefix, form.slice(0, this.params.variantPrefix), form);
    }
  }

  /**
   * An item of a list (`partOf`: one of the four objectives) is also explained by what its list's
   * answer and quote say of all the items ("quatre objectifs prioritaires… mission future"), less
   * what they say of the other items: "the third priority objective" is the third's, not the list's.
   */
  private addListContext(entries: readonly { readonly fact: Fact; readonly pack: Pack }[], factTerms: Map<string, { strength: number; field: FieldKind; lone: boolean }>[]): void {
    const indexById = new Map(entries.map((e, i) => [`${e.pack.pack.id}/${e.fact.id}`, i] as const));
    const proseOf = (i: number): Set<string> => {
      const entry = entries[i];
      if (!entry) return new Set();
      return new Set(textsOf(entry.fact, entry.pack).filter((t) => t.field === "answer" || t.field === "quote" || t.field === "alias").flatMap((t) => this.indexText(t)));
    };
    const itemsOf = new Map<number, number[]>();
    entries.forEach(({ fact, pack }, i) => {
      const list = fact.partOf === undefined ? undefined : indexById.get(`${pack.pack.id}/${fact.partOf}`);
      if (list !== undefined) pushTo(itemsOf, list, i);
    });
    const strength = this.params.fieldStrength.list;
    for (const [list, items] of itemsOf) {
      const listWords = proseOf(list);
      const itemWords = items.map(proseOf);
      items.forEach((item, n) => {
        const terms = factTerms[item];
        if (!terms) return;
        const others = new Set(itemWords.flatMap((words, m) => (m === n ? [] : [...words])));
        for (const term of listWords) {
          if (others.has(term) && !itemWords[n]?.has(term)) continue;
          if ((terms.get(term)?.strength ?? 0) < strength) terms.set(term, { strength, field: "list", lone: false });
        }
      });
    }
  }

  weightOf(term: string): number {
    return this.termWeight.get(term) ?? 0;
  }

  weightOfId(id: number): number {
    return this.weightById[id] ?? 0;
  }

  factsWithId(id: number): readonly number[] {
    return this.postingsById[id] ?? [];
  }

  /** The term's strength in each fact of `factsWithId(id)`, in the same order. */
  strengthsWithId(id: number): Float64Array {
    return this.strengthsById[id] ?? NO_STRENGTHS;
  }

  /**
   * Reads a question against the knowledge: weights, matches, what it asks, what it names. The
   * first `backgroundWords` tokens, when given, are a follow-up's context: they weigh less, and
   * are read in `backgroundLanguage`, the language that turn was asked in ("où s'est réunie la
   * coalition ?" then "when?").
   */
  analyze(read: ReadQuestion, language: Language, backgroundWords = 0, backgroundLanguage: Language = language): AnalyzedQuestion {
    // A background of the other language keeps its small words ("un" of a French question before "what does it get?").
    const mentions = this.lexicon.find(read.tokens, read.text, backgroundWords > 0 && backgroundLanguage !== language ? undefined : language);
    const named = new Map(mentions.flatMap((m) => tokenSpan(m.tokens).map((t) => [t, m.entity] as const)));
    // Joined neighbours count only when the knowledge knows the compound, typos allowed ("cesez
    // le feu"); they replace their parts ("pays bas" is the Netherlands, not a count of countries).
    // Joins never overlap, exact ones first, then the longest: "les états unis a" joins "etats
    // unis" to "etatsunis", and "etats unis a", one letter from it, is not the same name a second time.
    const candidates = read.joins.flatMap((join) => {
      const compound = this.compoundOf(join.surface);
      return compound === undefined ? [] : [{ join: { ...join, surface: compound }, exact: compound === join.surface }];
    });
    const spanOf = (join: QueryWord): number => join.tokens[1] - join.tokens[0];
    candidates.sort((a, b) => Number(b.exact) - Number(a.exact) || spanOf(b.join) - spanOf(a.join));
    const consumed = new Set<number>();
    const joins: QueryWord[] = [];
    for (const { join } of candidates) {
      const span = tokenSpan(join.tokens);
      if (span.some((t) => consumed.has(t))) continue;
      span.forEach((t) => consumed.add(t));
      joins.push(join);
    }
    joins.sort((a, b) => a.tokens[0] - b.tokens[0]);
    const kept: QueryWord[] = [...joins, ...read.words.filter((w) => !consumed.has(w.tokens[0]))];
    // A word of the context that the follow-up says itself (a name put in place of the old one) is its own.
    const foreground = backgroundWords === 0 ? NO_TOKENS : new Set(read.tokens.slice(backgroundWords));
    // Names have their own choices (`alternatives`): "européenne ou américaine" is settled by the names a fact holds.
    const partners = choicePartners(kept, read.tokens, (i) => named.has(kept[i]?.tokens[0] ?? -1));
    const words = kept.map((word, i) => {
      const entity = named.get(word.tokens[0]);
      const background = word.tokens[0] < backgroundWords && !foreground.has(read.tokens[word.tokens[0]] ?? "");
      const analyzed = this.analyzeWord(word.surface, background ? backgroundLanguage : language, entity !== undefined, word.askedNoun === true);
      // Named things weigh more: a question naming what a fact does not is not that fact's.
      const factor = (entity ? this.params.nameWeight : 1) * (background ? this.params.followUpContextWeight : 1);
      const orWith = partners.get(i);
      const askedNoun = word.askedNoun === true && !background && entity === undefined;
      const inCountry = word.asks === "where" && CITY_NOUNS.has(word.surface) ? countryBeside(word.tokens[0], read.tokens, mentions, language) : undefined;
      return { ...analyzed, weight: analyzed.weight * factor, ...(entity ? { entity } : {}), ...(word.asks ? { asks: word.asks } : {}), ...(orWith === undefined ? {} : { orWith }), ...(askedNoun ? { askedNoun } : {}), ...(inCountry === undefined ? {} : { inCountry }) };
    });
    const kinds = new Set([...read.kinds].filter((k) => k !== "what"));
    // "jeudi ou vendredi ?", "Healey or Brekelmans?": a choice between two names asks what they
    // are, and a fact naming one of them answers it.
    const alternatives = new Set<string>();
    for (let m = 1; m < mentions.length; m++) {
      const [before, after] = [mentions[m - 1], mentions[m]];
      if (!before || !after || before.entity.kind !== after.entity.kind) continue;
      // "X ou Y", "X or the Y", "X ou bien l'Y".
      const between = read.tokens.slice(before.tokens[1] + 1, after.tokens[0]);
      if (!(between[0] === "ou" || between[0] === "or") || between.length > 3 || !between.slice(1).every((t) => CHOICE_FILLERS.has(t))) continue;
      alternatives.add(before.entity.id).add(after.entity.id);
      const asked = ALTERNATIVE_ASKS[before.entity.kind];
      if (asked !== undefined) kinds.add(asked);
    }
    const counted = read.counted.length === 0 ? undefined : words.filter((w) => read.counted.includes(w.surface)).flatMap((w) => w.matches.map((m) => m.id));
    return { language, words, totalWeight: words.reduce((sum, w) => sum + w.weight, 0), kinds, kindList: [...kinds], mentions, alternatives, counted, countsThings: read.countsThings, yesNo: read.yesNo || alternatives.size > 0 };
  }

  private analyzeWord(surface: string, language: Language, isName: boolean, askedNoun = false): AnalyzedWord {
    let matches = this.lookup(surface, language);
    // A word the knowledge uses only in the other language is a false friend: "pays" in "who
    // pays for this" is not the French for countries. Names belong to both languages.
    const direct = matches.filter(isAsWritten);
    const foreign = !isName && direct.length > 0 && this.curatedLanguages.get(surface)?.has(language) === false;
    if (foreign) {
      // A long foreign word may be a typo of one of the asked language ("ministers" in French).
      matches = surface.length >= 6 ? this.identified(this.typos(surface)).filter((m) => this.termLanguages.get(m.term)?.has(language) === true) : [];
    }
    // "thhey" is "they": a stopword mistyped, though it may be a typo of some word of the knowledge
    // too. A word of its own ("entrer", one letter from "entre") is no typo.
    if (direct.length === 0 && mistypedStopword(surface) && !FREQUENT_WORDS.has(surface)) return { surface, weight: 0, status: "ignored", matches: [] };
    if (matches.length > 0) {
      const exact = matches.find(isAsWritten);
      // A typo may stand for several words: it weighs as the most common of them.
      // A word only curated refusals hold weighs for the facts as a word the knowledge lacks (below).
      const forFacts = matches.filter((m) => !this.refusalsOnly.has(m.term));
      const exactForFacts = forFacts.find(isAsWritten);
      const weight = forFacts.length === 0
        ? this.unknownWeight(surface, askedNoun)
        : exactForFacts ? this.weightOf(exactForFacts.term) : Math.min(...forFacts.map((m) => this.weightOf(m.term)));
      // An everyday word a single sample question happens to hold ("anything") says as little as any everyday word; a light verb always does, and a light noun however it is met.
      if ((exact && !askedNoun && ((!this.corroborated.has(exact.term) && COMMON_WORDS.has(surface)) || LIGHT_VERBS.has(surface))) || LIGHT_NOUNS.has(surface)) {
        return { surface, weight: Math.min(weight, this.params.commonWordShare * this.maxWeight), status: "common", matches };
      }
      return { surface, weight, status: "known", matches };
    }
    const common = weighsAsEveryday(surface, askedNoun);
    return { surface, weight: this.unknownWeight(surface, askedNoun), status: common ? "common" : "unknown", matches };
  }

  /** What a word the knowledge lacks weighs. */
  private unknownWeight(surface: string, askedNoun: boolean): number {
    if (weighsAsEveryday(surface, askedNoun)) return this.params.commonWordShare * this.maxWeight;
    // A word of everyday use the knowledge lacks ("actor", "fallait") tells less than a rare one ("pizzeria").
    return (FREQUENT_WORDS.has(surface) ? this.params.frequentWordShare : this.params.unknownWordShare) * this.maxWeight;
  }

  /** Known words a question word stands for: itself (or its stem) and its synonyms, else typos, else a glued elision. */
  private lookup(surface: string, language: Language): readonly WordMatch[] {
    const cacheKey = `${language}:${surface}`;
    const cached = this.lookupCache.get(cacheKey);
    if (cached) return cached;
    const found: WordMatch[] = [];
    const written = this.formToTerm.get(surface);
    if (written !== undefined) found.push({ term: written, id: -1, how: "exact", quality: this.params.matchQuality.exact });
    // The asked language's stemmer only: the other's makes false kin ("contries" → "contr", as "contre").
    const asWritten = stemWord(surface, language);
    const stemKnown = (stem: string): boolean => this.termLanguages.get(stem)?.has(language) === true || (this.refusalsOnly.has(stem) && this.refusalTermLanguages.get(stem)?.has(language) === true);
    // "les pays contribuent ?": a verb's plural the knowledge does not write reads as its infinitive.
    const verbStem = written === undefined && language === "fr" && !stemKnown(asWritten) ? frenchPluralVerbStem(surface) : undefined;
    const stemmed = verbStem !== undefined && stemKnown(verbStem) ? verbStem : asWritten;
    const stemFound = stemKnown(stemmed);
    if (stemmed !== written && stemFound) found.push({ term: stemmed, id: -1, how: "stem", quality: this.params.matchQuality.stem });
    for (const { term } of [...found]) {
      for (const synonym of this.synonyms.get(term) ?? []) {
        if (this.termWeight.has(synonym) && !found.some((f) => f.term === synonym)) {
          found.push({ term: synonym, id: -1, how: "synonym", quality: this.params.matchQuality.synonym });
        }
      }
    }
    // A word of no fact may still be a synonym's: "truce" finds "cessez-le-feu".
    if (found.length === 0) {
      for (const synonym of this.synonyms.get(stemmed) ?? []) {
        if (this.termWeight.has(synonym)) found.push({ term: synonym, id: -1, how: "synonym", quality: this.params.matchQuality.synonym });
      }
    }
    // "en baisse" finds the fact saying "croissant": it asks of that fact.
    for (const term of new Set([written, stemmed])) {
      if (term === undefined) continue;
      for (const opposite of this.opposites.get(term) ?? []) {
        if (this.termWeight.has(opposite) && !found.some((f) => f.term === opposite)) found.push({ term: opposite, id: -1, how: "opposite", quality: this.params.matchQuality.opposite });
      }
    }
    // A typo first ("dfinie" is "définie", not "d'" + "fin"); an elision glued to its word after.
    // An everyday word is spelled right, only unknown here: "made" is no typo of "make up".
    const result = found.length > 0 || COMMON_WORDS.has(surface) ? found : this.withSynonyms(this.typos(surface));
    const final = this.identified(result.length > 0 ? result : this.glued(surface, language));
    if (this.lookupCache.size >= FUZZY_CACHE_LIMIT) this.lookupCache.clear();
    this.lookupCache.set(cacheKey, final);
    return final;
  }

  /** Matches with their terms' ids, for scoring. */
  private identified(matches: readonly WordMatch[]): WordMatch[] {
    return matches.map((m) => ({ ...m, id: this.termIds.get(m.term) ?? -1 }));
  }

  /** A typo of a word that has synonyms finds them too ("soldtas" → "soldat" → "troop"). */
  private withSynonyms(matches: readonly WordMatch[]): WordMatch[] {
    const out = [...matches];
    for (const { term, quality } of matches) {
      for (const synonym of this.synonyms.get(term) ?? []) {
        if (this.termWeight.has(synonym) && !out.some((m) => m.term === synonym)) {
          out.push({ term: synonym, id: -1, how: "synonym", quality: quality * this.params.matchQuality.synonym });
        }
      }
    }
    return out;
  }

  /** "lotan", "darmee": an elision typed without its apostrophe, glued to a known word. */
  private glued(surface: string, language: Language): WordMatch[] {
    const rest = /^(?:l|d|qu|s|c|n|j)(.{3,})$/.exec(surface)?.[1];
    if (rest === undefined) return [];
    const term = this.formToTerm.get(rest) ?? [stemWord(rest, language)].find((t) => this.termWeight.has(t));
    return term === undefined ? [] : [{ term, id: -1, how: "typo1", quality: this.params.matchQuality.typo1 }];
  }

  /** The known compound that neighbouring words joined spell, exactly or but for one typo ("cesezlefeu"). */
  private compoundOf(surface: string): string | undefined {
    if (this.compounds.has(surface)) return surface;
    const cached = this.compoundCache.get(surface);
    if (cached !== undefined) return cached === "" ? undefined : cached;
    let found = "";
    for (const compound of this.compounds) {
      if (compound[0] === surface[0] && Math.abs(compound.length - surface.length) <= 1 && editDistance(surface, compound, 1) <= 1) {
        found = compound;
        break;
      }
    }
    if (this.compoundCache.size >= FUZZY_CACHE_LIMIT) this.compoundCache.clear();
    this.compoundCache.set(surface, found);
    return found === "" ? undefined : found;
  }

  private allowedEdits(length: number): number {
    return this.params.typoEdits.find((rule) => length >= rule.minLength)?.edits ?? 0;
  }

  /** Known words (their terms) a typo or two away from the word as typed, or other forms of it. */
  private typos(word: string): WordMatch[] {
    const maxEdits = this.allowedEdits(word.length);
    if (maxEdits === 0 || /^\d+$/.test(word)) return [];
    const found: WordMatch[] = [];
    const accept = (candidates: readonly string[]): void => {
      for (const candidate of candidates) {
        const distance = editDistance(word, candidate, maxEdits);
        const term = this.formToTerm.get(candidate);
        if (distance <= maxEdits && distance > 0 && term !== undefined) {
          found.push({ term, id: -1, how: distance === 1 ? "typo1" : "typo2", quality: distance === 1 ? this.params.matchQuality.typo1 : this.params.matchQuality.typo2 });
        }
      }
    };
    // The word's own first letter; its second only when that finds nothing, for a swap of the
    // first two ("oclaition").
    for (const first of new Set([word[0] ?? "", word[1] ?? ""])) {
      // Every known word of that first letter and a near length, by edit distance with swaps
      // (optimal string alignment): exhaustive within the allowed edits, and a few dozen words
      // at most. (Fuse's bitap proposed candidates here once; it counts a swap as two errors,
      // missed "pyas" → "pays", and cost more than the exact check it fed.)
      for (let length = word.length - maxEdits; length <= word.length + maxEdits; length++) {
        accept(this.formsByLetterAndLength.get(`${first}${length}`) ?? []);
      }
      if (found.length > 0) break;
    }
    // Another form of a known word ("garantissent" / "garantie"): a long shared beginning, where
    // the stemmer's suffixes stop.
    if (found.length === 0 && word.length >= this.params.variantPrefix) {
      for (const form of this.formsByPrefix.get(word.slice(0, this.params.variantPrefix)) ?? []) {
        const term = this.formToTerm.get(form);
        if (term !== undefined && sharedPrefixLength(word, form) >= 0.7 * Math.min(word.length, form.length)) {
          found.push({ term, id: -1, how: "variant", quality: this.params.matchQuality.variant });
        }
      }
    }
    found.sort((a, b) => b.quality - a.quality);
    return found.filter((f, i) => found.findIndex((g) => g.term === f.term) === i).slice(0, 3);
  }
}

/** Adds to the set under a key, creating it. */
function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** Appends to the list under a key, creating it: index building in linear time. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sharedPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * The languages each word is written in (folded) in the answers, aliases and topics, and in any
 * sample question: a word the curated texts write in one language only, and no text in the other,
 * is that language's ("pays" is French).
 */
function curatedLanguages(texts: readonly TextInput[]): Map<string, Set<Language>> {
  const curated = new Map<string, Set<Language>>();
  const anywhere = new Map<string, Set<Language>>();
  for (const { text, field, language } of texts) {
    if (field === "quote") continue;
    for (const token of tokenize(text)) {
      const target = field === "question" ? anywhere : curated;
      const set = target.get(token) ?? new Set<Language>();
      set.add(language);
      target.set(token, set);
    }
  }
  for (const [token, languages] of anywhere) {
    const set = curated.get(token);
    if (set) for (const language of languages) set.add(language);
  }
  return curated;
}

/**
 * Everyday words, chat abbreviations and 1–3 letter typos ("ds", "wat") say little. The noun
 * after "quel"/"which" is what is asked: an everyday word's spelling ("avions") says nothing of it.
 */
function isCommon(surface: string, askedNoun: boolean): boolean {
  return (!askedNoun && COMMON_WORDS.has(surface)) || /^\p{L}{1,3}$/u.test(surface);
}

/** A word the knowledge lacks that weighs as an everyday one: common, or a light noun or verb. */
function weighsAsEveryday(surface: string, askedNoun: boolean): boolean {
  return isCommon(surface, askedNoun) || LIGHT_NOUNS.has(surface) || LIGHT_VERBS.has(surface);
}

/**
 * The terms one entry of a synonym group stands for: its stems in both languages; a short phrase
 * ("au point mort") as one compound; none for a longer phrase or one with small words.
 */
export function termsOfEntry(entry: string): { terms: string[]; compound?: string } {
  const words = tokenize(entry, "joined");
  if (words.length > 1) {
    if (words.length > 3 || words.some((w) => STOPWORDS.has(w) || QUESTION_WORDS.has(w))) return { terms: [] };
    const compound = words.join("");
    return { terms: [...new Set([compound, stemWord(compound, "fr"), stemWord(compound, "en")])], compound };
  }
  const first = words[0];
  return { terms: first === undefined ? [] : [...new Set([stemWord(first, "fr"), stemWord(first, "en")])] };
}

/** Everything a fact says, each part with its field and language. */
function textsOf(fact: Fact, pack: Pack): TextInput[] {
  const topic = pack.topics.find((t) => t.id === fact.topic);
  const texts: TextInput[] = [{ text: fact.quote, field: "quote", language: pack.pack.language }];
  for (const language of ["fr", "en"] as const) {
    for (const text of fact.questions[language]) texts.push({ text, field: "question", language });
    for (const text of fact.aliases?.[language] ?? []) texts.push({ text, field: "alias", language });
    texts.push({ text: fact.answer[language], field: "answer", language });
    if (topic) texts.push({ text: topic.label[language], field: "topic", language });
  }
  return texts;
}

/** Nouns that ask for a city: of a country, a fact naming a city elsewhere does not answer them. */
const CITY_NOUNS: ReadonlySet<string> = new Set(["ville", "villes", "city", "cities", "town", "towns", "capitale", "capital"]);
/** Words between a city noun and its country: "une ville *en* Ukraine", "a city *in* Ukraine". */
const CITY_OF: ReadonlySet<string> = new Set(["en", "d", "de", "du", "in", "of"]);

/**
 * The country a city noun is asked of: French puts it after ("ville ukrainienne", "ville d'Ukraine"),
 * English before ("Ukrainian city") or after "in"/"of" ("city in Ukraine"). Not "what city
 * Ukraine's allies met in", where the country begins the clause after the noun.
 */
function countryBeside(at: number, tokens: readonly string[], mentions: readonly EntityMention[], language: Language): string | undefined {
  const after = (m: EntityMention): boolean => m.tokens[0] === at + 2 && CITY_OF.has(tokens[at + 1] ?? "");
  const country = mentions.find((m) => m.entity.kind === "country" && (language === "fr" ? m.tokens[0] === at + 1 || after(m) : m.tokens[1] === at - 1 || after(m)));
  return country?.entity.id;
}
