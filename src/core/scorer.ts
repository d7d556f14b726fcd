import type { Entity, EntityKind } from "./entities.js";
import { NAMED_ANSWER, type AnalyzedQuestion, type EvidenceIndex, type FactEvidence, type IndexedRecord, type WordMatch, type WordStatus } from "./evidence-index.js";
import type { FieldKind, ScoringParams } from "./scoring-params.js";
import { ATTRIBUTE_KINDS, type QuestionKind } from "./stopwords.js";

/**
 * The one scoring function, used to rank and to explain (`npm run ask -- --explain`). A fact's
 * score is the product of four factors, each in 0..1:
 *
 *   coverage     how much of the question the fact explains: the weighted share of the question's
 *                words found anywhere in the fact (sample questions, aliases, answer, quote, topic),
 *                each counted by how it matched (exact, stem, synonym, typo) and where (field strength);
 *                a word the fact does not explain counts against it by its weight
 *   specificity  floor + (1 − floor) × how nearly one sample question or alias says the same thing
 *                (the geometric mean of the share of the question it covers and of it the question covers)
 *   kind         from `kindMismatch` (none of the fact's sample questions asks what the question asks:
 *                where, when, who…) up to 1 (at least `kindFullShare` of those asking something do,
 *                or a word of the question stands beside a name of the kind asked in its answer:
 *                "aggression from whom?", "toute nouvelle agression russe");
 *                `unaskedAttribute` when it asks an age, a cost or an hour none of them asks;
 *                `otherCount` when it counts a thing ("how many ships") its sample questions
 *                never count (they count countries)
 *   entities     1, or `entityClash` when the question names a person, country, organisation,
 *                place, time or number that the fact does not, while it names another of the kind
 *                (or, for a name the article never uses, the article does)
 *
 * Rare words weigh more than common ones (weight = ln(1 + facts / facts holding the word)).
 */

export interface WordEvidence {
  readonly surface: string;
  readonly weight: number;
  readonly status: WordStatus;
  /** The fact's word it met, how, and where in the fact; null when the fact does not explain it. */
  readonly matched: (WordMatch & { readonly field: FieldKind; readonly strength: number }) | null;
  /** weight × quality × strength: what it adds to the coverage's numerator. */
  readonly explained: number;
}

export interface EntityVerdict {
  readonly agreed: readonly Entity[];
  readonly clashes: readonly Entity[];
  /** Names a yes/no question gets "no" for: the fact gives the one of their kind ("Tuesday?" — Thursday). */
  readonly contradicted: readonly Entity[];
}

export interface FactScore {
  readonly factIndex: number;
  readonly score: number;
  readonly coverage: number;
  readonly specificity: number;
  /** The sample question or alias closest to the question, and how close (0..1). */
  readonly bestRecord: IndexedRecord | undefined;
  readonly recordSimilarity: number;
  readonly kind: number;
  readonly kindsAsked: readonly QuestionKind[];
  readonly kindsAnswered: readonly QuestionKind[];
  readonly entity: number;
  readonly entities: EntityVerdict;
  /** Word by word, when traced (explain); empty otherwise. */
  readonly words: readonly WordEvidence[];
  /** True when scoring stopped early: `score` is then an upper bound below the one to beat. */
  readonly pruned: boolean;
}

export interface ScoreOptions {
  /** Fill `words` for an explanation. */
  readonly trace?: boolean;
  /** Stop before the sample-question pass when the score cannot reach this. */
  readonly stopBelow?: number;
}

/**
 * Arrays reused by every `scoreFact` call (scoring is synchronous): allocating them per candidate
 * fact was most of the time spent. Grown to the largest fact's record count.
 */
const scratchArrays = {
  stamp: 0,
  touched: [] as number[],
  inThisWord: [] as number[],
  questionCovered: new Float64Array(0),
  recordCovered: new Float64Array(0),
  seenFor: new Int32Array(0),
  seenInCall: new Int32Array(0),
  quality: new Float64Array(0),
  termWeight: new Float64Array(0),
};

function recordScratch(size: number): typeof scratchArrays {
  if (scratchArrays.seenFor.length < size) {
    const grown = Math.max(size, 2 * scratchArrays.seenFor.length);
    scratchArrays.questionCovered = new Float64Array(grown);
    scratchArrays.recordCovered = new Float64Array(grown);
    scratchArrays.seenFor = new Int32Array(grown);
    scratchArrays.seenInCall = new Int32Array(grown);
    scratchArrays.quality = new Float64Array(grown);
    scratchArrays.termWeight = new Float64Array(grown);
    scratchArrays.stamp = 0;
  }
  // Stamps wrap long before 2^31 calls matter; restart them and clear the marks.
  if (scratchArrays.stamp > 1_000_000_000) {
    scratchArrays.seenFor.fill(0);
    scratchArrays.seenInCall.fill(0);
    scratchArrays.stamp = 0;
  }
  return scratchArrays;
}

/** Which entities of the question the fact agrees with, and which rule it out. */
const NO_ENTITIES: EntityVerdict = { agreed: [], clashes: [], contradicted: [] };
const NO_WORDS: WordEvidence[] = [];
/** Nouns a "which" asks a description with, not a thing: "de quelle nature ?", "after what event?", "what kind of…". */
const DESCRIBING_NOUNS: ReadonlySet<string> = new Set(["nature", "type", "types", "genre", "sorte", "kind", "kinds", "sort", "event", "events", "evenement", "evenements", "chose", "choses", "thing", "things", "forme", "form", "way", "facon", "maniere", "aspect", "aspects"]);

/** A name the fact need not hold as written: it names an entity the fact has, or the other side of a choice the fact settles. */
function nameSettled(entity: Entity, agreed: readonly Entity[], alternatives: ReadonlySet<string>): boolean {
  return agreed.some((a) => a.id === entity.id || (alternatives.has(entity.id) && alternatives.has(a.id) && a.kind === entity.kind));
}

export function entityVerdict(question: AnalyzedQuestion, fact: FactEvidence, index: EvidenceIndex, params: ScoringParams): EntityVerdict {
  if (question.mentions.length === 0) return NO_ENTITIES;
  const agreed: Entity[] = [];
  const clashes: Entity[] = [];
  const contradicted: Entity[] = [];
  const unmatched: Entity[] = [];
  for (const { entity } of question.mentions) {
    if (entity.subject) continue;
    if (fact.entities.has(entity.id)) agreed.push(entity);
    else unmatched.push(entity);
  }
  // "Healey, c'est le ministre français ?": a role beside a person the fact names is that person's;
  // its country ("français") is what is asked, and is judged on its own. A person the fact names
  // is a subject of its own: "Is Brekelmans Belgian?" asks of him, not of every fact naming a country.
  const namesPerson = agreed.some((a) => a.kind === "person" && a.officialOf === undefined);
  // "c'était mardi à Bruxelles ?": a name the fact has, of another kind, pins the question to the
  // fact as a word would; "is Japan in it with France?" names only countries, and stays a clash.
  const pinnedBy = (entity: Entity): boolean => agreed.some((a) => a.kind !== entity.kind);
  for (const entity of unmatched) {
    if (namesPerson && entity.officialOf !== undefined) continue;
    // "jeudi ou vendredi ?": one of the choice agreeing settles it. Not "the British and the
    // Americans": a fact naming the Americans alone does not say what the British think.
    if (nameSettled(entity, agreed, question.alternatives)) continue;
    // Another of its kind in the fact: "Sweden" against a fact naming France and the UK. A name
    // the article never uses also clashes with the article's own of that kind ("the EU" where the
    // article names NATO); times and numbers only with the fact's ("Monday" against "Thursday").
    const factHasKind = fact.entityKinds.has(entity.kind);
    const articleHasKind = !entity.inArticle && entity.kind !== "time" && entity.kind !== "number" && index.articleEntityKinds.has(entity.kind);
    if ((question.yesNo || guesses(question, entity)) && fact.settled.get(entity.kind)?.has(entity.scale) === true && (namesPerson || pinnedBy(entity) || saysMoreThanNames(question, fact, index, params) || onlyAskerOf(question, fact, entity, index))) contradicted.push(entity);
    else if (factHasKind || articleHasKind) clashes.push(entity);
  }
  return { agreed, clashes, contradicted };
}

/** The kind of name that guesses at what a question kind asks. Not "who": "who are the Dutch and Finnish ministers?" asks of the names it gives. */
const GUESSED: Partial<Record<QuestionKind, EntityKind>> = { when: "time", where: "place", count: "number" };

/**
 * "ils se sont vus quand ? lundi ?", "c'était où, à Paris ?": a name of
 * the kind that answers what is asked is a guess at the answer, asked to be confirmed as a yes/no
 * question is ("c'était lundi ?").
 */
function guesses(question: AnalyzedQuestion, entity: Entity): boolean {
  return question.kindList.some((k) => GUESSED[k] === entity.kind);
}

/**
 * "c'était à Paris ?", "was it on Monday?": a question of nothing but a place or a day is asked of
 * the one fact that gives that kind of name in full, when only one does (the meeting's place, its
 * day). Not a country: "is Sweden in it with France?" may ask of members, founders, contributors.
 */
function onlyAskerOf(question: AnalyzedQuestion, fact: FactEvidence, entity: Entity, index: EvidenceIndex): boolean {
  return CIRCUMSTANCE_NAMES.has(entity.kind) && index.facts[index.soleSettlers.get(entity.kind) ?? -1] === fact && onlyNames(question);
}

/** Names that place an event: where, when. */
export const CIRCUMSTANCE_NAMES: ReadonlySet<EntityKind> = new Set(["place", "time"]);

/**
 * Whether the fact is the one that gives the place or the time of the kind of `entity`, and the
 * question is of nothing else: "was the meeting in Paris or London?", "c'était mardi à Bruxelles ?"
 * can be asked of no other fact, so their "no" needs no more certainty than an answer. Not
 * "Healey a parlé lundi ?", asked of Healey, nor "et la Crimée alors ?", names alone (the
 * question needs a word the knowledge knows besides them, or a name the fact agrees with); nor a
 * country, which may be asked of members, founders, contributors.
 */
export function soleCircumstanceOf(entity: Entity, score: FactScore, question: AnalyzedQuestion, index: EvidenceIndex): boolean {
  return CIRCUMSTANCE_NAMES.has(entity.kind) && index.soleSettlers.get(entity.kind) === score.factIndex
    && question.mentions.every((m) => CIRCUMSTANCE_NAMES.has(m.entity.kind))
    && (score.entities.agreed.length > 0 || !onlyNames(question));
}

/** Whether every word the question says is a name, or means nothing to the knowledge. */
function onlyNames(question: AnalyzedQuestion): boolean {
  return question.words.every((w) => w.entity !== undefined || w.status !== "known");
}

/** Whether the fact answers the kind asked with a name of its kind, and is asked it. */
function answersWithName(fact: FactEvidence, kind: QuestionKind, params: ScoringParams): boolean {
  return namesOfKind(fact, kind) && (fact.kinds.get(kind) ?? 0) >= params.kindFullShare;
}

/**
 * "deter aggression from which country?": a word of the question that the fact writes beside a
 * name answering the kind asked ("Russian aggression"), a name the question does not give itself.
 */
function namesBesideWordOf(question: AnalyzedQuestion, fact: FactEvidence, kind: QuestionKind): boolean {
  const beside = fact.namedBeside.get(kind);
  if (beside === undefined) return false;
  // Scoring runs for every candidate of every question: no allocation here.
  for (const w of question.words) {
    if (w.entity !== undefined || w.asks !== undefined) continue;
    for (const m of w.matches) {
      const names = beside.get(m.id);
      if (names === undefined) continue;
      // The name asked is not one the question gives itself ("against whom would it protect Ukraine?").
      for (const id of names) if (!question.mentions.some((given) => given.entity.id === id)) return true;
    }
  }
  return false;
}

/** Whether the fact names something that answers the kind asked: a place for where, a time for when, a person or country for who. */
function namesOfKind(fact: FactEvidence, kind: QuestionKind): boolean {
  return (NAMED_ANSWER[kind] ?? []).some((k) => fact.entityKinds.has(k));
}

/**
 * A word of the question that names nothing, and that few facts hold, matches the fact: "was it *launched* by Germany?"
 * asks what the founders' fact says; "is Japan in the coalition?" only names things, and a "no"
 * from the founders would be a guess.
 */
function saysMoreThanNames(question: AnalyzedQuestion, fact: FactEvidence, index: EvidenceIndex, params: ScoringParams): boolean {
  return tellingWordIn(question, index, params, (m) => fact.termsById.has(m.id));
}

/**
 * A word of the question that names nothing and that few facts hold, matched as `holds` says.
 * Words most facts hold ("coalition", the article's subject) tell nothing: a word held by a share
 * s of the facts weighs ln(1 + 1/s). A role ("le ministre") is no name, even where it is read with
 * a country as someone's office.
 */
export function tellingWordIn(question: AnalyzedQuestion, index: EvidenceIndex, params: ScoringParams, holds: (match: WordMatch) => boolean = () => true): boolean {
  const telling = tellingWeight(params);
  return question.words.some((w) => (w.entity === undefined || w.entity.officialOf !== undefined) && w.matches.some((m) => holds(m) && index.weightOfId(m.id) >= telling));
}

/**
 * Whether `fact` explains every telling word of the question that `than` explains (names aside):
 * it says of a new name what `than` said of the old one ("who spoke for Finland?" after "…for the
 * Netherlands?": both quotes explain "spoke"; the Finnish quote does not explain "contribuent").
 */
export function explainsAsMuchAs(question: AnalyzedQuestion, fact: FactEvidence, than: FactEvidence, index: EvidenceIndex, params: ScoringParams): boolean {
  const telling = tellingWeight(params);
  return question.words.every((w) => w.entity !== undefined || !w.matches.some((m) => than.termsById.has(m.id) && index.weightOfId(m.id) >= telling) || explainedShare(w, fact) > 0);
}

/** The weight from which a word tells facts apart: that of a word held by `contradictionWordShare` of the facts. */
function tellingWeight(params: ScoringParams): number {
  return Math.log(1 + 1 / params.contradictionWordShare);
}

/** Whether the fact states the word (in its answers or quote), not only holds it in a sample question. */
function says(fact: FactEvidence, word: AnalyzedQuestion["words"][number]): boolean {
  return word.matches.some((m) => fact.said.has(m.id));
}

/** How well the fact explains a word of the question: its best match's quality × field strength, 0 when it does not. */
function explainedShare(word: AnalyzedQuestion["words"][number], fact: FactEvidence): number {
  let best = 0;
  for (const match of word.matches) {
    const found = fact.termsById.get(match.id);
    if (found && match.quality * found.strength > best) best = match.quality * found.strength;
  }
  return best;
}

/**
 * Whether `over` says more of the question than `fact`: it answers the kind asked better, or
 * explains better a word of the question that tells facts apart ("who *leads* the coalition?": a
 * refusal about leading, over the founders, who are no leaders). Words most facts hold tell nothing.
 */
export function explainsMore(question: AnalyzedQuestion, over: FactScore, fact: FactScore | undefined, index: EvidenceIndex, params: ScoringParams): boolean {
  const a = index.facts[over.factIndex];
  const b = fact ? index.facts[fact.factIndex] : undefined;
  if (!a || !fact || !b) return true;
  const telling = question.words.filter((w) => w.weight >= tellingWeight(params));
  // "when was it founded?": the refusal about its founding date asks when more than the force's
  // fact does — of a word it holds. "whats the coalition called" holds no telling word: its "who"
  // is no sign that it asks of the members the article does not list.
  if (over.kind > fact.kind && telling.some((w) => explainedShare(w, a) > 0)) return true;
  // Better read, not held in a stronger part: "allies" in the size fact's answer is no worse than in a refusal's question.
  if (telling.some((w) => matchQualityIn(w, a) > matchQualityIn(w, b))) return true;
  // Or as well read, and a word the fact does not hold at all: "where would the force's
  // headquarters be?" is the refusal's, whose "force" the meeting's place lacks.
  // With no telling word at all, nothing tells them apart ("whats the coalition called").
  return telling.length > 0 && telling.every((w) => matchQualityIn(w, a) >= matchQualityIn(w, b)) && question.words.some((w) => w.status === "known" && matchQualityIn(w, a) > 0 && matchQualityIn(w, b) === 0);
}

/** How well the fact reads a word of the question, wherever it holds it: its best match's quality, 0 when it does not. */
function matchQualityIn(word: AnalyzedQuestion["words"][number], fact: FactEvidence): number {
  return Math.max(0, ...word.matches.filter((m) => fact.termsById.has(m.id)).map((m) => m.quality));
}

function bestMatchIn(word: { readonly matches: readonly WordMatch[] }, fact: FactEvidence): { match: WordMatch; field: FieldKind; strength: number; value: number } | undefined {
  let best: { match: WordMatch; field: FieldKind; strength: number; value: number } | undefined;
  for (const match of word.matches) {
    const found = fact.termsById.get(match.id);
    if (!found) continue;
    const value = match.quality * found.strength;
    if (!best || value > best.value) best = { match, field: found.field, strength: found.strength, value };
  }
  return best;
}

export function scoreFact(question: AnalyzedQuestion, fact: FactEvidence, factIndex: number, index: EvidenceIndex, params: ScoringParams, options: ScoreOptions = {}): FactScore {
  const words: WordEvidence[] = options.trace ? [] : NO_WORDS;
  const entities = entityVerdict(question, fact, index, params);
  let explained = 0;
  let total = question.totalWeight;
  let contentExplained = false;
  let purposeNamed = false;
  // A choice's other side is read before this one ("en hausse ou en baisse"): only then both values are known.
  const hasChoice = question.words.some((w) => w.orWith !== undefined);
  const values = hasChoice ? question.words.map((w) => explainedShare(w, fact)) : undefined;
  for (const [w, word] of question.words.entries()) {
    const bestValue = values?.[w] ?? explainedShare(word, fact);
    // "en hausse ou en baisse ?": a fact saying it grows answers the choice; "baisse" is no word against it.
    if (bestValue === 0 && word.orWith !== undefined && (values?.[word.orWith] ?? 0) > 0) {
      total -= word.weight;
      continue;
    }
    // "jeudi ou lundi ?": the alternative the fact does not name is no word against it.
    // "américain" where the fact writes "États-Unis": a name of an entity it has is hardly a word against it.
    // "was it on Tuesday?": the day the fact gives answers it ("no, on Thursday"), whether or not
    // a sample question happens to name Tuesday too.
    if (word.entity && entities.contradicted.includes(word.entity)) {
      total -= word.weight;
      continue;
    }
    if (bestValue === 0 && word.entity && nameSettled(word.entity, entities.agreed, question.alternatives)) {
      // …though a name it has but never writes counts a little against it: "le ministre anglais"
      // asks Healey's quote, which writes it, before the list of the three ministers quoted.
      const named = entities.agreed.some((a) => a.id === word.entity?.id);
      total -= named ? word.weight * (1 - params.unwrittenNameShare) : word.weight;
      continue;
    }
    // "in what capital", "quel jour": a fact answering where (when) with a place (a time) explains
    // the noun of the asking phrase; one answering "on Ukrainian soil or nearby" names no city.
    if (bestValue === 0 && word.asks !== undefined && answersWithName(fact, word.asks, params)) {
      total -= word.weight;
      continue;
    }
    // "what's the goal on the ground?": a fact naming that goal answers the purpose asked, whether or not its sample questions ask why.
    if (bestValue > 0 && word.asks === "why") purposeNamed = true;
    const value = word.weight * bestValue;
    explained += value;
    if (bestValue > 0) contentExplained = true;
    if (options.trace) {
      const best = bestMatchIn(word, fact);
      words.push({
        surface: word.surface,
        weight: word.weight,
        status: word.status,
        matched: best ? { ...best.match, field: best.field, strength: best.strength } : null,
        explained: value,
      });
    }
  }
  // "c'était à Paris ?": a question of nothing but the name the fact contradicts is all explained by it; with no sample question near it, its specificity stays low, and below `contradictionThreshold` the "no" is a refusal naming what the fact gives.
  const coverage = total > 0 && contentExplained ? Math.min(1, explained / total) : total <= 0 && entities.contradicted.length > 0 ? 1 : 0;

  // The share of the fact's sample questions asking what is asked; a fact most of whose questions do is in full agreement.
  let askedShare = question.kinds.size === 0 ? 1 : 0;
  for (const k of question.kinds) {
    const share = k === "why" && purposeNamed ? 1 : (fact.kinds.get(k) ?? 0);
    askedShare = Math.max(askedShare, share >= params.kindFullShare || !namesBesideWordOf(question, fact, k) ? share : 1);
  }
  let kind = params.kindMismatch + (1 - params.kindMismatch) * Math.min(1, askedShare / params.kindFullShare);
  // "quelle mer ?", "which city?": an asking noun asks for a name of its kind; a fact that names
  // none and is never asked it cannot answer ("protect the sea lanes" names no sea).
  // "quelle ville ukrainienne accueillerait la force ?": a city of that country, which a fact
  // naming its cities elsewhere cannot give (the meeting's Brussels is Belgium's). One naming no
  // city may still say where, or that the article does not.
  for (const w of question.words) {
    if (w.asks === undefined) continue;
    if (NAMED_ANSWER[w.asks] !== undefined && !fact.kinds.has(w.asks) && !namesOfKind(fact, w.asks)) kind = Math.min(kind, params.unaskedAttribute);
    if (w.inCountry !== undefined && fact.placeCountries.size > 0 && !fact.placeCountries.has(w.inCountry)) kind = Math.min(kind, params.unaskedAttribute);
  }
  // An age, a cost, an hour: a fact that never gives it cannot answer, whatever else it matches.
  for (const k of question.kinds) if (ATTRIBUTE_KINDS.has(k) && !fact.kinds.has(k)) kind = Math.min(kind, params.unaskedAttribute);
  // "combien de navires" against a fact that gives no number and none of whose sample questions
  // counts anything: it cannot say how many, however well it matches the rest.
  // ("how big is the risk" asks how high, not how many: only "combien", "how many/much", `countsThings`.)
  if (question.countsThings && question.kinds.has("count") && !fact.kinds.has("count") && !fact.entityKinds.has("number")) kind = Math.min(kind, params.unaskedAttribute);
  // "what weapons will the Baltic states contribute?": the noun a "which" asks for is what the
  // answer is about; a fact that does not explain it gives something else of the same subject.
  // Not a noun that only asks for a description ("de quelle nature", "after what event").
  if (question.words.some((w) => w.askedNoun === true && w.status === "known" && w.asks === undefined && !DESCRIBING_NOUNS.has(w.surface) && explainedShare(w, fact) === 0)) kind = Math.min(kind, params.unaskedAttribute);
  // "how many ships" against a fact that counts countries: it gives no number of ships.
  if (question.counted && fact.counted.size > 0 && !question.counted.some((id) => fact.counted.has(id))) kind = Math.min(kind, params.otherCount);
  // "mobilisation diplomatique ou militaire ?": a choice is answered by what a fact says of one side,
  // not by sample questions that happen to hold it (the troops' number, asked of "militaires").
  // Only for a question offering a choice: most do not.
  if (hasChoice) {
    for (const [w, word] of question.words.entries()) {
      const other = word.orWith === undefined || word.orWith < w ? undefined : question.words[word.orWith];
      if (other !== undefined && !says(fact, word) && !says(fact, other)) kind = Math.min(kind, params.unansweredChoice);
    }
  }
  const entity = entities.clashes.length > 0 ? params.entityClash : 1;
  const bound = coverage * kind * entity;
  if (bound === 0 || (options.stopBelow !== undefined && bound < options.stopBelow)) {
    return { factIndex, score: bound, coverage, specificity: 1, bestRecord: undefined, recordSimilarity: 0, kind, kindsAsked: question.kindList, kindsAnswered: fact.kindList, entity, entities, words, pruned: bound > 0 };
  }

  // The sample question or alias that says most nearly what the question says: only the records
  // sharing a word with the question are read (this runs for every candidate of every question).
  const scratch = recordScratch(fact.records.length);
  const { questionCovered, recordCovered, seenFor, seenInCall, quality, termWeight } = scratch;
  const call = ++scratch.stamp;
  const touched = scratch.touched;
  touched.length = 0;
  const inThisWord = scratch.inThisWord;
  for (const word of question.words) {
    // Only words the fact holds can be in its records.
    if (!word.matches.some((m) => fact.termsById.has(m.id))) continue;
    const stamp = ++scratch.stamp;
    inThisWord.length = 0;
    for (const match of word.matches) {
      const holding = fact.recordsByTerm.get(match.id);
      if (!holding) continue;
      for (const r of holding) {
        if (seenFor[r] !== stamp) {
          seenFor[r] = stamp;
          quality[r] = match.quality;
          termWeight[r] = index.weightOfId(match.id);
          inThisWord.push(r);
        } else if (match.quality > (quality[r] ?? 0)) {
          quality[r] = match.quality;
          termWeight[r] = index.weightOfId(match.id);
        }
      }
    }
    for (const r of inThisWord) {
      if (seenInCall[r] !== call) {
        seenInCall[r] = call;
        touched.push(r);
        questionCovered[r] = 0;
        recordCovered[r] = 0;
      }
      questionCovered[r] = (questionCovered[r] ?? 0) + word.weight * (quality[r] ?? 0);
      recordCovered[r] = (recordCovered[r] ?? 0) + (termWeight[r] ?? 0) * (quality[r] ?? 0);
    }
  }
  let bestRecord: IndexedRecord | undefined;
  let recordSimilarity = 0;
  for (const r of touched) {
    const record = fact.records[r];
    if (!record || record.total === 0) continue;
    const similarity = Math.sqrt(Math.min(1, (questionCovered[r] ?? 0) / total) * Math.min(1, (recordCovered[r] ?? 0) / record.total));
    if (similarity > recordSimilarity) {
      recordSimilarity = similarity;
      bestRecord = record;
    }
  }
  const specificity = params.specificityFloor + (1 - params.specificityFloor) * recordSimilarity;
  return { factIndex, score: bound * specificity, coverage, specificity, bestRecord, recordSimilarity, kind, kindsAsked: question.kindList, kindsAnswered: fact.kindList, entity, entities, words, pruned: false };
}

/**
 * Facts ranked by score, best first, the `limit` best of those before `firstRefusal`; only facts
 * explaining at least one word of the question. With them, the best of the curated refusals after
 * `firstRefusal` when it scores above every fact (else none): a refusal matters only where it
 * outranks the facts. Candidates are scored in order of the share of the question they can explain
 * at most, and scoring stops once that bound falls below the last of the `limit` best scores: every
 * factor is at most 1, so no fact left can enter the list.
 */
export function rankFactsAndRefusal(question: AnalyzedQuestion, index: EvidenceIndex, params: ScoringParams, limit: number, firstRefusal: number): { ranked: FactScore[]; refusal: FactScore | undefined } {
  const { explained, bestForWord, wordStamp, candidates } = rankScratch(index.facts.length);
  candidates.length = 0;
  for (let w = 0; w < question.words.length; w++) {
    const word = question.words[w];
    if (!word) continue;
    for (const match of word.matches) {
      const holding = index.factsWithId(match.id);
      const strengths = index.strengthsWithId(match.id);
      for (let i = 0; i < holding.length; i++) {
        const f = holding[i] ?? 0;
        const value = match.quality * (strengths[i] ?? 0);
        if (wordStamp[f] === 0) candidates.push(f);
        if (wordStamp[f] !== w + 1) {
          // First match of this word in this fact: add the previous word's best, start this one's.
          explained[f] = (explained[f] ?? 0) + (bestForWord[f] ?? 0);
          bestForWord[f] = 0;
          wordStamp[f] = w + 1;
        }
        if (value * word.weight > (bestForWord[f] ?? 0)) bestForWord[f] = value * word.weight;
      }
    }
  }
  // "c'était lundi ?": a yes/no question of a name alone is the sole fact's that gives its kind, whether or not it shares a word.
  if (question.yesNo && onlyNames(question)) {
    for (const { entity } of question.mentions) {
      const sole = CIRCUMSTANCE_NAMES.has(entity.kind) ? index.soleSettlers.get(entity.kind) : undefined;
      if (sole !== undefined && wordStamp[sole] === 0 && !candidates.includes(sole)) candidates.push(sole);
    }
  }
  for (const f of candidates) {
    explained[f] = (explained[f] ?? 0) + (bestForWord[f] ?? 0);
    bestForWord[f] = 0;
    wordStamp[f] = 0;
  }
  // Names the fact does not hold, asking nouns and a choice's other side may leave the total ("jeudi ou lundi ?"): the smallest it can be.
  const smallestTotal = question.totalWeight - question.words.reduce((sum, w) => sum + (w.entity || w.asks || w.orWith !== undefined ? w.weight : 0), 0);
  candidates.sort((a, b) => (explained[b] ?? 0) - (explained[a] ?? 0) || a - b);
  const top: FactScore[] = [];
  let refusal: FactScore | undefined;
  for (const factIndex of candidates) {
    const fact = index.facts[factIndex];
    const most = explained[factIndex] ?? 0;
    if (!fact) continue;
    const kth = top.length >= limit ? top[top.length - 1]?.score : undefined;
    // A refusal must beat the best fact, which is at least the kth: the same bound stops both.
    if (kth !== undefined && smallestTotal > 0 && Math.min(1, most / smallestTotal) < kth) break;
    if (factIndex >= firstRefusal) {
      // Below the best fact so far, or the best refusal so far, it can never be the one kept.
      const floor = Math.max(top[0]?.score ?? 0, refusal?.score ?? 0);
      const scored = scoreFact(question, fact, factIndex, index, params, floor > 0 ? { stopBelow: floor } : {});
      if (!scored.pruned && scored.score > floor) refusal = scored;
      continue;
    }
    const scored = scoreFact(question, fact, factIndex, index, params, kth === undefined ? {} : { stopBelow: kth });
    if (scored.pruned || scored.score === 0) continue;
    top.push(scored);
    top.sort((a, b) => b.score - a.score || a.factIndex - b.factIndex);
    if (top.length > limit) top.pop();
  }
  for (const f of candidates) explained[f] = 0;
  const best = top[0];
  return { ranked: top, refusal: refusal && (!best || refusal.score > best.score) ? refusal : undefined };
}

/** Per-fact sums of `rankFactsAndRefusal`, reused across calls (ranking is synchronous), zeroed after each. */
const rankArrays = { explained: new Float64Array(0), bestForWord: new Float64Array(0), wordStamp: new Int32Array(0), candidates: [] as number[] };

function rankScratch(facts: number): typeof rankArrays {
  if (rankArrays.explained.length < facts) {
    rankArrays.explained = new Float64Array(facts);
    rankArrays.bestForWord = new Float64Array(facts);
    rankArrays.wordStamp = new Int32Array(facts);
  }
  return rankArrays;
}
