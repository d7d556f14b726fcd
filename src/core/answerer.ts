import Fuse from "fuse.js";
import type { Answer, ConversationTurn, Language, Suggestion } from "./answer-schema.js";
import type { AnswerOptions, Answerer, PackSummary, TopicSummary } from "./answerer-types.js";
import { EntityLexicon, type Entity } from "./entities.js";
import { EvidenceIndex, isAsWritten, NAMED_ANSWER, type AnalyzedQuestion, type FactEvidence, type WordMatch } from "./evidence-index.js";
import type { Explanation } from "./explanation.js";
import { backgroundOf, OTHER_WORDS, readFollowUp } from "./follow-up.js";
import type { Fact, Knowledge, Pack } from "./knowledge-schema.js";
import { detectLanguage } from "./language.js";
import { message, ROLE_NAMES } from "./messages.js";
import { foldText, tokenize } from "./normalize.js";
import { stemWord } from "./stemming.js";
import { askedClauses, askingClauses, looksLikeCode, QUEL, questionTokens, readQuestion, readTokens } from "./question-reading.js";
import { CIRCUMSTANCE_NAMES, explainsAsMuchAs, explainsMore, rankFactsAndRefusal, scoreFact, soleCircumstanceOf, tellingWordIn, type FactScore } from "./scorer.js";
import { SCORING_PARAMS, type ScoringParams } from "./scoring-params.js";
import { speakersOf, unquotedSpeaker } from "./speakers.js";
import { opposesTimeOf } from "./time-relations.js";
import { ATTRIBUTE_KINDS, type QuestionKind } from "./stopwords.js";

export type { Answerer } from "./answerer-types.js";

/** Questions are cut here before matching: no real question is longer, and matching stays fast. */
export const MAX_QUESTION_LENGTH = 500;
/** Below this confidence the core refuses (see SCORING_PARAMS.answerThreshold); a curated refusal (`unsaid`) is as sure as an answer. */
export const ANSWER_THRESHOLD = SCORING_PARAMS.answerThreshold;
const MAX_SUGGESTIONS = 3;
/** Facts ranked per question: the answer (also its runner-up, for confidence) and three suggestions. */
const RANKED = 1 + MAX_SUGGESTIONS;
const MAX_AUTOCOMPLETE = 25;
/** "quels alliés ?", "which sea?": the words of a "which" follow-up. */
// Not "what": "what about…", "what for" ask other things.
const WHICH_WORDS: ReadonlySet<string> = new Set([...QUEL, "which", "wich"]);
/** Openings a "which" follow-up may start with: "et quels alliés ?", "and which sea?". */
const WHICH_OPENINGS: ReadonlySet<string> = new Set(["et", "and", "mais", "so", "alors"]);
/** Words a turn that carries its subject on keeps, at most: a follow-up reads the last `MAX_BACKGROUND_WORDS` of them (follow-up.ts). */
const MAX_SUBJECT_WORDS = 24;

/** Words choosing one of several named: "lequel de Healey et Brekelmans", "who of them". */
const CHOOSING: ReadonlySet<string> = new Set(["lequel", "laquelle", "lesquels", "lesquelles", "qui", "who", "whom"]);

/** What may stand between two names side by side: "le finlandais et le néerlandais", "Healey and Brekelmans". */
const SIDE_BY_SIDE: ReadonlySet<string> = new Set(["et", "and", "le", "la", "les", "l", "the", "de", "du", "des", "of"]);

/** How an answer says the article leaves something open before saying what it does say ("L’article ne le précise pas : …"). */
const NOT_SAID_OPENING = /^(?:L[’']article ne le (?:dit|précise) pas|The article (?:does not say|leaves it open))\s*:\s*/u;
/** Words saying that the fact speaks of some of a thing without saying which: "*certains* alliés", "*some* allies". */
const VAGUE_QUANTIFIERS: ReadonlySet<string> = new Set(["certains", "certaines", "quelques", "plusieurs", "some", "several", "certain", "various"]);
/** A "which" with no noun: what it asks of is whatever the previous answer spoke of. */
const BARE_WHICH: ReadonlySet<string> = new Set(["lesquels", "lesquelles", "lequel", "laquelle", "quels", "quelles", "which", "which ones", "which one", "who are they", "qui sont ils", "cest qui", "est qui", "qui ca"]);
/** Words that only insist on a "which": "which allies *exactly*?", "quels alliés *en particulier* ?". */
const INSISTING_WORDS: ReadonlySet<string> = new Set(["exactly", "specifically", "precisely", "particular", "exactement", "precisement", "particulier", "concretement", "concretely"]);
/** A preamble that opens as a follow-up does ("et le ciel, c'est quoi l'idée ?") names the subject of what follows it. */
const OPENINGS_OF_FOLLOW_UPS = /^\s*(?:et|and|so|alors|donc|what about|how about)\b/iu;
/** What a bare "quand ?", "où ?", "combien ?" asks of the previous turn's event, not of its subject at large. */
const CIRCUMSTANCES: ReadonlySet<QuestionKind> = new Set(["when", "where", "count"]);
/** "chez quels alliés ?", "among which allies?": which of them, as "quels alliés ?" asks. */
const AMONG_WORDS: ReadonlySet<string> = new Set(["chez", "parmi", "among"]);
/** Fuse's threshold for autocomplete: 0 takes only exact text, 1 anything; 0.4 lets a typo or two through. */
const AUTOCOMPLETE_FUZZINESS = 0.4;
const MAX_CHOICE_LENGTH = 100;

interface IndexedFact {
  readonly fact: Fact;
  readonly pack: Pack;
}

/**
 * What the article does not say, curated (`unsaid` in a pack): ranked as a fact is, after the
 * facts, so that "who leads the coalition?" finds its refusal rather than the founders. It is
 * never answered with; its `fact` has no quote.
 */
interface UnsaidEntry extends IndexedFact {
  readonly see: string | undefined;
}

function unsaidOf(pack: Pack): UnsaidEntry[] {
  return (pack.unsaid ?? []).map((u) => ({
    fact: { id: u.id, topic: u.topic, answer: u.answer, questions: u.questions, ...(u.aliases ? { aliases: u.aliases } : {}), quote: "" },
    pack,
    see: u.see,
  }));
}

/**
 * Removes what chat platforms wrap around a question: Slack's <@U123|name>, <!channel>, <#C1|x>
 * and bare links (a link's label stays); Discord's <@123>, <@&123>, <#123>, <:emoji:123>; @everyone/@here; control
 * characters; markdown markers. What is left is only the words.
 */
export function cleanQuestion(question: unknown): string {
  return stripMarkup(stripPlatformMarkup(question));
}

/** Mentions, links and control characters out; markdown left, for `looksLikeCode` to see. */
function stripPlatformMarkup(question: unknown): string {
  if (typeof question !== "string") return "";
  // Cut by characters, not UTF-16 units, so an emoji is never split; short questions need no cut.
  const cut = question.length <= MAX_QUESTION_LENGTH ? question : Array.from(question.slice(0, MAX_QUESTION_LENGTH * 2)).slice(0, MAX_QUESTION_LENGTH).join("");
  return cut
    .replace(/<https?:[^>|]*\|([^>]*)>/g, " $1 ") // a link's label is text the user wrote
    .replace(/<(?:[@#!][^>]*|a?:\w+:\d+|https?:[^>]*)>/g, " ") // user, channel, special mentions, emoji, bare links
    .replace(/@(?:everyone|here|channel)\b/gi, " ")
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\uFFFD]/gu, " ");
}

function stripMarkup(text: string): string {
  return text.replace(/[*_~`>|#[\]]/g, " ").replace(/\s+/g, " ").trim();
}

/** The pack's address, as an optional property (absent rather than undefined). */
function urlOf(pack: Pack): { url?: string } {
  return pack.pack.url === undefined ? {} : { url: pack.pack.url };
}

function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** How sure the core is: the best fact's score, lowered when the runner-up comes close. */
export function confidenceOf(best: FactScore | undefined, runnerUp: FactScore | undefined, params: ScoringParams = SCORING_PARAMS): number {
  if (!best || best.score <= 0) return 0;
  const margin = runnerUp ? (best.score - runnerUp.score) / best.score : 1;
  const closeness = Math.max(0, 1 - margin / params.marginScale);
  return Math.round(Math.min(1, best.score * (1 - params.marginWeight * closeness)) * 1000) / 1000;
}

export function createAnswerer(knowledge: Knowledge, params: ScoringParams = SCORING_PARAMS): Answerer {
  const facts: IndexedFact[] = knowledge.packs.flatMap((pack) => pack.facts.map((fact) => ({ fact, pack })));
  const unsaid = knowledge.packs.flatMap(unsaidOf);
  const lexicon = new EntityLexicon(knowledge.packs);
  // Index i < facts.length is facts[i]; past them, unsaid[i - facts.length].
  const index = new EvidenceIndex([...facts, ...unsaid], lexicon, params, facts.length);
  const unsaidAt = (factIndex: number): UnsaidEntry | undefined => unsaid[factIndex - facts.length];

  // Words the knowledge writes in one language only tell the asker's language apart.
  const vocabulary = { fr: new Set<string>(), en: new Set<string>() };
  // The facts' alone, as for false friends (see EvidenceIndex): a refusal's French "réaction" must not make "Kyiv reaction" French.
  for (const { fact } of facts) {
    for (const language of ["fr", "en"] as const) {
      for (const text of [...fact.questions[language], ...(fact.aliases?.[language] ?? []), fact.answer[language]]) {
        for (const token of tokenize(text)) vocabulary[language].add(token);
      }
    }
  }
  const languageOf = (question: string, tokens?: readonly string[]): Language => detectLanguage(question, vocabulary, tokens);
  const speakers = speakersOf(lexicon, facts.flatMap(({ fact }) => [fact.answer.fr, fact.answer.en, fact.quote]));
  const listFormat = { fr: new Intl.ListFormat("fr", { type: "conjunction" }), en: new Intl.ListFormat("en", { type: "conjunction" }) };
  const speakerList = (language: Language): string => listFormat[language].format(speakers.people.map((p) => p.label[language]));

  const factIndexById = new Map(facts.map(({ fact }, i) => [fact.id, i]));
  /** The fact of an answer's `factId`, and what the index holds of it; none for a refusal's null. */
  const factOf = (factId: string | null): Fact | undefined => facts[factIndexById.get(factId ?? "") ?? -1]?.fact;
  const evidenceOf = (factId: string | null): FactEvidence | undefined => index.facts[factIndexById.get(factId ?? "") ?? -1];
  /** Facts that are a list other facts are items of (`partOf`): the four objectives. */
  const lists: ReadonlySet<string> = new Set(facts.flatMap(({ fact }) => (fact.partOf === undefined ? [] : [fact.partOf])));
  const firstQuestion = (factIndex: number, language: Language): string => facts[factIndex]?.fact.questions[language][0] ?? "";

  interface Reading {
    readonly question: string;
    readonly language: Language;
    readonly analyzed: AnalyzedQuestion;
    /** Facts only, best first. */
    readonly ranked: FactScore[];
    /** A curated refusal ranked above every fact and explaining the question better than the best (`explainsMore`). */
    readonly refusal: FactScore | undefined;
  }

  function rank(analyzed: AnalyzedQuestion): Pick<Reading, "ranked" | "refusal"> {
    const { ranked, refusal: top } = rankFactsAndRefusal(analyzed, index, params, RANKED, facts.length);
    // "c koi le nom de la coalition" is no question of the unlisted members because a refusal's
    // chat-like sample question is nearer: the fact explains every word the refusal does.
    const refusal = top && explainsMore(analyzed, top, ranked[0], index, params) ? top : undefined;
    return { ranked, refusal };
  }

  function read(question: string, language?: Language, backgroundWords = 0, tokens: readonly string[] = questionTokens(question), backgroundLanguage?: Language): Reading {
    const lang = language ?? languageOf(question);
    const analyzed = index.analyze(readTokens(tokens, question), lang, backgroundWords, backgroundLanguage);
    return { question, language: lang, analyzed, ...rank(analyzed) };
  }

  /** The reading asking `kinds` instead of its own; "combien" goes with "count" ("combien de pays et lancée par qui"). */
  function asking(reading: Reading, kinds: readonly QuestionKind[]): Reading {
    const analyzed = { ...reading.analyzed, kinds: new Set(kinds), kindList: kinds, ...(kinds.includes("count") ? {} : { counted: undefined }) };
    return { ...reading, analyzed, ...rank(analyzed) };
  }

  /**
   * The reading asking the `own` kinds, when given and other than it asks: a follow-up's question
   * word replaces the previous turn's, and so does an asking word of the background ("what's the
   * coalition *called*?" then "when was it launched?" asks when, not who).
   */
  function withOwnKinds(reading: Reading, own: readonly QuestionKind[] | undefined): Reading {
    if (own === undefined) return reading;
    // What qualifies the old question ("the *biggest* obstacle") still qualifies it.
    const kinds = [...new Set([...own, ...reading.analyzed.kindList.filter((k) => ATTRIBUTE_KINDS.has(k))])];
    if (kinds.length === reading.analyzed.kinds.size && kinds.every((k) => reading.analyzed.kinds.has(k))) return reading;
    return asking(reading, kinds);
  }

  /** A question word alone ("où ?"): the facts whose sample questions most ask it, best first. */
  function factsAsking(analyzed: AnalyzedQuestion, limit: number): number[] {
    const kinds = [...analyzed.kinds];
    if (kinds.length === 0) return [];
    return index.facts
      .slice(0, facts.length)
      .map((evidence, i) => ({ i, share: Math.max(...kinds.map((k) => evidence.kinds.get(k) ?? 0)), asked: Math.max(...kinds.map((k) => evidence.kindCounts.get(k) ?? 0)) }))
      .filter(({ share }) => share >= params.kindFullShare)
      // Most asked it first: a share of few questions asking anything says little.
      .sort((a, b) => b.asked - a.asked || b.share - a.share || a.i - b.i)
      .slice(0, limit)
      .map(({ i }) => i);
  }

  function suggestionsFor(reading: Reading, answeredIndex?: number): Suggestion[] {
    // A question word alone ("où ?") is offered the facts that answer it; unknown words alone, nothing.
    if (reading.ranked.length === 0 && reading.analyzed.words.length === 0) {
      return factsAsking(reading.analyzed, MAX_SUGGESTIONS).flatMap((i) => {
        const entry = facts[i];
        return entry ? [{ factId: entry.fact.id, question: firstQuestion(i, reading.language) }] : [];
      });
    }
    const best = reading.ranked[0];
    const floor = answeredIndex !== undefined && best ? Math.max(params.suggestionThreshold, best.score * params.seeAlsoShare) : params.suggestionThreshold;
    // Beside a refusal, what the article says near the question, whatever it asks: a fact that
    // does not give the budget asked for is still the one about the force.
    const nearness = (m: FactScore): number => (answeredIndex === undefined && m.kind > 0 ? m.score / m.kind : m.score);
    return reading.ranked
      .filter((m) => m.factIndex !== answeredIndex && nearness(m) >= floor)
      .slice(0, MAX_SUGGESTIONS)
      .flatMap((m) => {
        const entry = facts[m.factIndex];
        if (!entry) return [];
        // Offer the asker's own phrasing back when it was a sample question of theirs; else the first one.
        const own = m.bestRecord?.field === "question" && m.bestRecord.language === reading.language ? m.bestRecord.text : undefined;
        const offered = own !== undefined && foldText(own) !== foldText(reading.question) ? own : firstQuestion(m.factIndex, reading.language);
        return [{ factId: entry.fact.id, question: offered }];
      });
  }

  function turnOf(reading: Reading, factId: string | null): ConversationTurn {
    return {
      question: reading.question.slice(0, 2_000),
      factId,
      entities: reading.analyzed.mentions.map((m) => m.entity.id).slice(0, 20),
      language: reading.language,
    };
  }

  function unknown(language: Language, text: string, suggestions: Suggestion[], confidence: number, turn?: ConversationTurn): Answer {
    return { status: "unknown", answer: text, confidence, factId: null, source: null, suggestions, language, ...(turn ? { turn } : {}) };
  }

  function answered(factIndex: number, language: Language, confidence: number, suggestions: Suggestion[]): Answer | undefined {
    const entry = facts[factIndex];
    if (!entry) return undefined;
    return {
      status: "answered",
      answer: entry.fact.answer[language],
      confidence,
      factId: entry.fact.id,
      source: { pack: entry.pack.pack.id, title: entry.pack.pack.title, quote: entry.fact.quote, ...urlOf(entry.pack) },
      suggestions,
      language,
    };
  }

  /**
   * The refusal for a question naming what its nearest fact does not: says so, and what the
   * article does say — from the near fact that names most things of that kind.
   */
  function clashRefusal(reading: Reading, clash: Entity): string {
    const near = reading.ranked.slice(0, 3);
    const kindCount = (score: FactScore): number =>
      [...(index.facts[score.factIndex]?.entities ?? [])].filter((id) => lexicon.get(id)?.kind === clash.kind).length;
    const telling = near.reduce<FactScore | undefined>((best, s) => (!best || kindCount(s) > kindCount(best) ? s : best), undefined);
    return notSaidOf(clash, telling?.factIndex, reading.language);
  }

  /** "The article does not say this about X. What it does say: …" — what it says from the fact at `saidBy`. */
  function notSaidOf(clash: Entity, saidBy: number | undefined, language: Language): string {
    const refusal = clash.officialOf
      ? message("noOfficialOf", language, { role: ROLE_NAMES[clash.officialOf.role][language], country: clash.officialOf.country.label[language] })
      : message(clash.inArticle ? "notSaidAbout" : "notMentioned", language, { entity: clash.label[language] });
    return withWhatItSays(refusal, saidBy === undefined ? undefined : facts[saidBy]?.fact.answer[language], language);
  }

  /**
   * A refusal, then "What it does say: …" with `said` when there is one. An answer that itself
   * opens by saying the article does not say ("The article does not say: the number of soldiers…")
   * loses that opening there: the refusal has said it once.
   */
  function withWhatItSays(refusal: string, said: string | undefined, language: Language): string {
    if (said === undefined) return refusal;
    const rest = said.replace(NOT_SAID_OPENING, "");
    const shown = rest === said || rest === "" ? said : `${rest.charAt(0).toLocaleUpperCase(language)}${rest.slice(1)}`;
    return `${refusal} ${message("whatItSays", language, { said: shown })}`;
  }

  /**
   * Whether the fact at `factIndex` holds a telling word of the previous question ("launched") as
   * written — not a synonym ("launched" is not the "create" of a force the coalition wants) — and
   * by more than one odd sample question of it (not "lone"). A previous question with no telling
   * word asks nothing a fact could fail to say.
   */
  function saysOfPrevious(previous: ConversationTurn, factIndex: number): boolean {
    const before = analyzePrevious(previous);
    const found = index.facts[factIndex];
    return !tellingWordIn(before, index, params, isAsWritten) || tellingWordIn(before, index, params, (m) => isAsWritten(m) && found?.termsById.get(m.id)?.lone === false);
  }

  /** Whether the fact at `factIndex` explains every telling word of the previous question that the previous fact explains. */
  function asksTheSameOf(previous: ConversationTurn, factIndex: number, previousIndex: number): boolean {
    const [found, was] = [index.facts[factIndex], index.facts[previousIndex]];
    return !found || !was || explainsAsMuchAs(analyzePrevious(previous), found, was, index, params);
  }

  /** The previous turn's question read on its own, in its language. */
  function analyzePrevious(previous: ConversationTurn): AnalyzedQuestion {
    return index.analyze(readTokens(questionTokens(previous.question), previous.question), previous.language);
  }

  /** "The article does not say. What it does say: …" — what it says from the previous turn's fact. */
  function notSaidOfPrevious(previousIndex: number, language: Language): string {
    const said = facts[previousIndex]?.fact.answer[language];
    const notSaid = message("notSaidOfThat", language);
    // An answer that already opens by saying so ("The article does not say: …") is said once.
    return said?.startsWith(notSaid.replace(/\.$/, "")) === true ? said : withWhatItSays(notSaid, said, language);
  }

  /**
   * "quels alliés ?" after "fatigue among some allies": a "which" of one word that the previous
   * answer speaks of vaguely ("certains alliés", "some allies"), where that fact names none of what
   * it speaks of (no person, country, place or organisation but the article's subject). The
   * article does not say which. "which objectives?" after the four objectives listed is answered.
   */
  function asksWhichOfPrevious(tokens: readonly string[], language: Language, previousIndex: number, previousQuestion: string): boolean {
    const entry = facts[previousIndex];
    const evidence = index.facts[previousIndex];
    if (!evidence || !entry) return false;
    // The stems it asks which of: "lesquels ?", "which ones?" alone ask which of what the previous
    // question asked about ("certains alliés" after "quelle fatigue touche certains alliés ?", not
    // after "quelles questions restent ouvertes ?", whose answer lists them); "quels alliés ?" of its noun.
    let asked: ReadonlySet<string>;
    if (BARE_WHICH.has(tokens.filter((t) => !WHICH_OPENINGS.has(t) && !INSISTING_WORDS.has(t)).join(" "))) {
      asked = new Set(tokenize(previousQuestion).flatMap((t) => [stemWord(t, "fr"), stemWord(t, "en")]));
    } else {
      // First, or after "et"/"and", "chez"/"among": "à quel niveau ?", "pour quel pays ?" ask a complement, which the fact may give.
      const at = tokens.findIndex((t) => WHICH_WORDS.has(t));
      if (at < 0 || at > 1 || (at === 1 && !WHICH_OPENINGS.has(tokens[0] ?? "") && !AMONG_WORDS.has(tokens[0] ?? ""))) return false;
      const analyzed = index.analyze(readTokens(tokens, tokens.join(" ")), language);
      const own = analyzed.words.filter((w) => !INSISTING_WORDS.has(w.surface));
      const [word] = own;
      // An asking noun ("quel pays") asks for a name, which may be the article's subject itself.
      if (own.length !== 1 || !word || word.asks !== undefined || analyzed.mentions.length > 0) return false;
      asked = new Set(word.matches.filter(isAsWritten).map((m) => m.term));
    }
    const answerTokens = tokenize(entry.fact.answer[language]);
    const vague = answerTokens.some((t, i) => i > 0 && VAGUE_QUANTIFIERS.has(answerTokens[i - 1] ?? "") && (asked.has(stemWord(t, "fr")) || asked.has(stemWord(t, "en"))));
    if (!vague) return false;
    const namesOne = [...evidence.entities].some((id) => {
      const entity = lexicon.get(id);
      return entity !== undefined && !entity.subject && entity.kind !== "time" && entity.kind !== "number";
    });
    return !namesOne;
  }

  /**
   * "L’article ne dit pas qui dirige la coalition. Ce qu’il dit : …" — what it says from the
   * entry's `see`, which leads the suggestions, then what else the question is near.
   */
  function unsaidAnswer(entry: UnsaidEntry, reading: Reading, confidence: number, turn: ConversationTurn): Answer {
    const { language } = reading;
    const seeAt = entry.see === undefined ? undefined : factIndexById.get(entry.see);
    const see = entry.see !== undefined && seeAt !== undefined ? [{ factId: entry.see, question: firstQuestion(seeAt, language) }] : [];
    const suggestions = [...see, ...suggestionsFor(reading).filter((s) => s.factId !== entry.see)].slice(0, MAX_SUGGESTIONS);
    const said = seeAt === undefined ? undefined : facts[seeAt]?.fact.answer[language];
    return unknown(language, withWhatItSays(entry.fact.answer[language], said, language), suggestions, confidence, turn);
  }

  /**
   * The answer to a question read on its own (`reading`): answered, refused, or refused naming a
   * clash. A curated refusal (`unsaid`) chosen is confident: the article surely does not say it.
   */
  function decide(reading: Reading): { answer: Answer; confident: boolean; clashed?: Entity } {
    const best = reading.ranked[0];
    const confidence = confidenceOf(best, reading.ranked[1], params);
    const turn = turnOf(reading, null);
    const notSaid = reading.refusal && unsaidAt(reading.refusal.factIndex);
    if (reading.refusal && notSaid) {
      const sure = confidenceOf(reading.refusal, best, params);
      if (sure >= params.answerThreshold) return { answer: unsaidAnswer(notSaid, reading, sure, turn), confident: true };
      const suggestions = suggestionsFor(reading);
      return { answer: unknown(reading.language, message(suggestions.length > 0 ? "unknownWithSuggestions" : "unknown", reading.language), suggestions, sure, turn), confident: false };
    }
    // A "no" needs more than an answer: "is Japan part of the coalition?" is no question of who launched it.
    // The one fact giving where or when needs no more than an answer (`soleCircumstanceOf`); below
    // one, the refusal still names the place or day the article does not mention.
    const unsureNo = best && confidence < params.contradictionThreshold
      ? best.entities.contradicted.find((e) => confidence < params.answerThreshold || !soleCircumstanceOf(e, best, reading.analyzed, index))
      : undefined;
    const clash = best?.entities.clashes[0] ?? unsureNo;
    if (best && clash && best.coverage > 0) {
      // The nearest facts, whatever their score: what the article does say near this.
      const nearest = reading.ranked.slice(0, MAX_SUGGESTIONS).flatMap((m) => {
        const entry = facts[m.factIndex];
        return entry ? [{ factId: entry.fact.id, question: firstQuestion(m.factIndex, reading.language) }] : [];
      });
      return { answer: unknown(reading.language, clashRefusal(reading, clash), nearest, confidence, turn), confident: false, clashed: clash };
    }
    if (!best || confidence < params.answerThreshold) {
      const suggestions = suggestionsFor(reading);
      return { answer: unknown(reading.language, message(suggestions.length > 0 ? "unknownWithSuggestions" : "unknown", reading.language), suggestions, confidence, turn), confident: false };
    }
    const answer = answered(best.factIndex, reading.language, confidence, suggestionsFor(reading, best.factIndex));
    if (!answer) return { answer: unknown(reading.language, message("unknown", reading.language), [], confidence, turn), confident: false };
    // "what did Healey say after the meeting?" of a fact saying he spoke before it: the article
    // does not say, and what it does say shows the time it gives. A yes or no is answered ("did he speak after it?").
    if (!reading.analyzed.yesNo && opposesTimeOf(reading.question, answer.answer, reading.language)) {
      return { answer: unknown(reading.language, withWhatItSays(message("notSaidOfThat", reading.language), answer.answer, reading.language), answer.suggestions, confidence, turn), confident: true };
    }
    // "c'était mardi la réunion ?": no, and what the fact says instead.
    const [contradicted, other] = best.entities.contradicted;
    // "is the UK ready to contribute?" of the fact naming it among those ready: yes, and the fact.
    // Not a choice ("à Bruxelles ou à Paris ?"), and only as sure as a "no" must be.
    const evidence = index.facts[best.factIndex];
    const affirmed = reading.analyzed.yesNo && reading.analyzed.alternatives.size === 0 && confidence >= params.contradictionThreshold && best.entities.agreed.some((e) => evidence?.affirmed.has(e.kind) === true);
    const text = contradicted
      ? message(other ? "contradictedChoice" : "contradicted", reading.language, { entity: contradicted.label[reading.language], other: other?.label[reading.language] ?? "", said: answer.answer })
      : affirmed ? message("affirmed", reading.language, { said: answer.answer }) : answer.answer;
    return { answer: { ...answer, answer: text, turn: turnOf(reading, answer.factId) }, confident: true };
  }

  /**
   * "Où et quand se sont-ils réunis ?", "la coalition s'est réunie où, quel jour, et c'est combien
   * de pays ?": question words one after another ask several things (`askedClauses`). Each clause
   * is read on its own, so the other clauses' words are no words against it; one of asking words
   * alone ("quel jour") asks its kind of the nearest clause with a subject, the one before first.
   * When every part is answered confidently, by at least two facts, the answer gives each fact
   * once, in the order asked.
   */
  function severalAsked(reading: Reading, whole: ReturnType<typeof decide>, clauses: readonly string[] = askedClauses(reading.question)): ReturnType<typeof decide> | undefined {
    const asked = reading.analyzed.kindList;
    if (clauses.length < 2 || clauses.length > params.maxAskedParts) return undefined;
    // Words that only ask ("ville" of "quelle ville", "jour", "pays" of "dans quel pays") are no subject of a clause's own.
    const subjectless = (clause: Reading): boolean => clause.analyzed.words.every((w) => w.asks !== undefined || w.askedNoun === true);
    const readings = clauses.map((clause) => read(clause, reading.language));
    const parts = readings.map((own, i) => {
      if (!subjectless(own)) return decide(own);
      // "quel jour" of "la coalition s'est réunie où, quel jour" asks its kind of the subject of
      // the clause before it ("où et quand se sont-ils réunis" of the one after), else of the whole.
      const subject = [...readings.slice(0, i).reverse(), ...readings.slice(i + 1)].find((r) => !subjectless(r)) ?? reading;
      return decide(asking(subject, own.analyzed.kindList));
    });
    const distinct = distinctParts(parts);
    if (!distinct) return undefined;
    // The whole question may already be one fact's ("où et quand" of a fact giving both): then it
    // stands. Not a fact that answers one of the things asked ("où et quel jour" of the day alone).
    const wholeEvidence = evidenceOf(whole.answer.factId);
    // Any fact answers a "what": only the other kinds tell whether it answers all that is asked.
    const answersAll = wholeEvidence !== undefined && asked.every((kind) => kind === "what" || (wholeEvidence.kinds.get(kind) ?? 0) >= params.kindFullShare);
    const surest = Math.max(...distinct.map((p) => p.answer.confidence));
    if (whole.confident && answersAll && distinct.some((p) => p.answer.factId === whole.answer.factId) && whole.answer.confidence >= surest) return undefined;
    return combined(reading, distinct);
  }

  /**
   * The parts of a question asking several things, each fact once, when every part is answered
   * confidently and by at least two facts (or by a list and its items); else undefined (the
   * question is read whole).
   */
  function distinctParts(parts: readonly ReturnType<typeof decide>[]): ReturnType<typeof decide>[] | undefined {
    // Several answers where one was asked must each be surer than one alone: a weak part would be a guess beside a fact.
    const sure = (part: ReturnType<typeof decide>): boolean => part.confident && part.answer.status === "answered" && part.answer.confidence >= params.twoPartThreshold;
    if (!parts.every(sure)) return undefined;
    const distinct = parts.filter((part, i) => parts.findIndex((p) => p.answer.factId === part.answer.factId) === i);
    // An item of a list the answer gives whole ("the four objectives" and one of them) is said by
    // it: the list alone answers both.
    const listed = new Set(distinct.map((p) => p.answer.factId));
    const own = distinct.filter((p) => !listed.has(factOf(p.answer.factId)?.partOf ?? null));
    return own.length >= 2 || (own.length === 1 && distinct.length > 1) ? own : undefined;
  }

  /** One answer of the parts' answers, in the order asked. */
  function combined(reading: Reading, distinct: readonly ReturnType<typeof decide>[]): ReturnType<typeof decide> | undefined {
    const [first] = distinct;
    if (!first) return undefined;
    const quotes = distinct.flatMap((p) => (p.answer.source ? [p.answer.source.quote] : []));
    const answer: Answer = {
      ...first.answer,
      answer: distinct.map((p) => p.answer.answer).join(" "),
      // Each fact's sentence, as the article has it: the answer cites what backs each part.
      ...(first.answer.source ? { source: { ...first.answer.source, quote: [...new Set(quotes)].join(" […] ") } } : {}),
      confidence: Math.min(...distinct.map((p) => p.answer.confidence)),
      suggestions: first.answer.suggestions.filter((s) => !distinct.some((p) => p.answer.factId === s.factId)),
      // The conversation remembers the whole question, not its first clause, and the last thing
      // answered: "lesquels ?" after "…, et c'est combien de pays ?" asks which countries.
      turn: turnOf(reading, distinct.at(-1)?.answer.factId ?? first.answer.factId),
    };
    return { answer, confident: true };
  }

  /**
   * "le finlandais et le néerlandais, ils ont dit quoi ?", "Healey et Brekelmans viennent de quel
   * pays ?": two people or countries named side by side, each the subject of the same question.
   * The question is read once for each, without the other, and when two facts answer them
   * confidently, the answer gives both. A fact naming them all answers it whole ("who are the
   * Dutch and Finnish ministers?" is the ministers quoted).
   */
  function eachNamed(reading: Reading, tokens: readonly string[], whole: ReturnType<typeof decide>): ReturnType<typeof decide> | undefined {
    // "Healey and Brekelmans, which one mentioned the mandate?", "qui des deux…": a choice between
    // them is one question; "are they both ministers?" one yes or no.
    if (reading.analyzed.yesNo || tokens.some((t, i) => CHOOSING.has(t) || (t === "which" && (tokens[i + 1] === "one" || tokens[i + 1] === "of")))) return undefined;
    // "the Dutch and the Finnish ministers": an official is named by their country, and "Finnish
    // ministers" is one mention of Finland, over the tokens of both.
    const named: { readonly id: string; readonly kind: string; tokens: [number, number] }[] = [];
    for (const m of reading.analyzed.mentions) {
      const entity = m.entity.officialOf?.country ?? m.entity;
      if (entity.subject || (entity.kind !== "person" && entity.kind !== "country")) continue;
      const same = named.find((n) => n.id === entity.id);
      if (same) same.tokens = [Math.min(same.tokens[0], m.tokens[0]), Math.max(same.tokens[1], m.tokens[1])];
      else named.push({ id: entity.id, kind: entity.kind, tokens: [m.tokens[0], m.tokens[1]] });
    }
    const side = named.filter((m, i) => {
      const next = named[i + 1] ?? named[i - 1];
      if (!next || next.kind !== m.kind) return false;
      const [from, to] = next.tokens[0] > m.tokens[1] ? [m.tokens[1] + 1, next.tokens[0]] : [next.tokens[1] + 1, m.tokens[0]];
      const between = tokens.slice(from, to);
      return between.some((t) => t === "et" || t === "and") && between.every((t) => SIDE_BY_SIDE.has(t));
    });
    if (side.length < 2) return undefined;
    const wholeEvidence = evidenceOf(whole.answer.factId);
    if (whole.confident && wholeEvidence !== undefined && side.every((m) => wholeEvidence.entities.has(m.id))) return undefined;
    const parts = side.map((m) => {
      const others = side.filter((o) => o !== m);
      const own = tokens.filter((t, i) => !others.some((o) => i >= o.tokens[0] && i <= o.tokens[1]) && !(SIDE_BY_SIDE.has(t) && others.some((o) => i === o.tokens[0] - 1 || i === o.tokens[1] + 1)));
      return decide(read(own.join(" "), reading.language, 0, own));
    });
    const distinct = distinctParts(parts);
    return distinct ? combined(reading, distinct) : undefined;
  }

  /**
   * The answer to a question on its own. A long question with a preamble ("I was reading this on
   * my phone and got confused, could you remind me which ministers were quoted?") that gets no
   * answer whole is read again from its asking clause on: the preamble's words, which no fact
   * explains, must not drown what is asked.
   */
  function decideAlone(question: string, language: Language, tokens: readonly string[]): ReturnType<typeof decide> & { readonly analyzed: AnalyzedQuestion } {
    const reading = read(question, language, 0, tokens);
    const { analyzed } = reading;
    const whole = decide(reading);
    const asked = askedClauses(question);
    const several = severalAsked(reading, whole, asked) ?? eachNamed(reading, tokens, whole);
    if (several) return { ...several, analyzed };
    if (tokens.length < params.longQuestionWords) {
      // "i read the article, who launched the coalition": a short preamble that names nothing
      // must not drown the question after it. One naming something stays ("la Suède, elle envoie
      // combien de soldats ?" is no question of troops alone).
      // (Most questions have no break before their end: they are not read again.)
      if (whole.confident || analyzed.mentions.length > 0 || !/[,;:.!?—–]\s/u.test(question)) return { ...whole, analyzed };
      const [clause] = askingClauses(question);
      // Only a clause the preamble ends before with a comma or a stop, not a question word found inside a sentence.
      // And a preamble that asks nothing itself: in "où sera-t-elle stationnée, quelle ville ?" it is the question.
      const preamble = clause === undefined ? "" : question.slice(0, question.length - clause.length);
      const afterBreak = /[,;:.!?—–]\s*$/u.test(preamble) && readQuestion(preamble).kinds.size === 0 && !OPENINGS_OF_FOLLOW_UPS.test(preamble);
      const asked = afterBreak && clause !== undefined ? decide(read(clause, language)) : undefined;
      return asked?.confident === true ? { ...asked, analyzed } : { ...whole, analyzed };
    }
    // Two things asked after a preamble ("sorry late to the thread - so they met where and on
    // what day??"): the preamble's words must not drown either part.
    // A clause's join ("and", a comma) is the whole question's: without one, nothing is read again (most questions).
    const joined = asked.length > 1;
    if (whole.confident && !joined) return { ...whole, analyzed };
    const clauses = askingClauses(question);
    if (joined) {
      for (const clause of clauses) {
        const clauseReading = read(clause, language);
        const severalInClause = severalAsked(clauseReading, decide(clauseReading));
        if (severalInClause) return { ...severalInClause, analyzed };
      }
    }
    if (whole.confident) return { ...whole, analyzed };
    for (const clause of clauses) {
      const asked = decide(read(clause, language));
      if (asked.confident) return { ...asked, analyzed };
    }
    return { ...whole, analyzed };
  }

  function answer(rawQuestion: string, options: AnswerOptions = {}): Answer {
    const withMarkdown = stripPlatformMarkup(rawQuestion);
    const question = stripMarkup(withMarkdown);
    const tokens = questionTokens(question);
    // Read from the words as typed: the question's "où" has become "where" in `tokens`.
    const language = languageOf(question);
    if (!hasWords(question)) {
      return unknown(language, message("empty", language, { example: firstQuestion(0, language) }), [], 0);
    }
    if (looksLikeCode(withMarkdown)) return unknown(language, message("notAQuestion", language), [], 0, { question, factId: null, entities: [], language });

    const alone = decideAlone(question, language, tokens);
    // "what did Russia say?" asks what the article quotes no one of: whatever the context, and
    // whatever fact its other words are near. A curated refusal of it stands ("how did Russia
    // react?"), and so does a clash naming the official asked for ("quotes no minister of…").
    const unquoted = alone.answer.status === "answered" || (!alone.confident && alone.clashed === undefined) ? unquotedSpeaker(tokens, language, alone.analyzed.mentions, alone.analyzed.kinds, speakers.ids) : undefined;
    if (unquoted) {
      const key = unquoted.asks === "represented" ? "unrepresented" : speakers.people.length > 0 ? "unquoted" : "unquotedAnyone";
      const text = message(key, language, { entity: unquoted.entity.label[language], speakers: speakerList(language) });
      return unknown(language, text, alone.answer.suggestions, alone.answer.confidence, { question, factId: null, entities: alone.analyzed.mentions.map((m) => m.entity.id).slice(0, 20), language });
    }
    const previous = options.context?.findLast((turn) => turn.factId !== null);
    if (!previous) return alone.answer;
    const previousAt = factIndexById.get(previous.factId ?? "");
    if (previousAt !== undefined && asksWhichOfPrevious(tokens, language, previousAt, previous.question)) {
      return unknown(language, notSaidOfPrevious(previousAt, language), alone.answer.suggestions, alone.answer.confidence, { question, factId: null, entities: [], language });
    }
    // A curated refusal is no answer that stands on its own here: "allied to whom?" after the
    // coalition's size asks whose allies those are, not which allies balk.
    const followUp = readFollowUp(question, alone.answer, alone.confident && alone.answer.status === "answered", previous, lexicon);
    if (!followUp) {
      const alike = previousAt === undefined ? undefined : alikeInContext(question, language, tokens, alone, previous);
      return alike ?? sameSubject(alone.answer, previous);
    }
    // "et les négos ?" after the war's phase names a new subject in one telling word that the
    // previous fact does not hold: it is asked on its own, as "what about the talks?".
    const previousEvidence = index.facts[previousAt ?? -1];
    const ownWords = alone.analyzed.words.filter((w) => w.entity === undefined && w.asks === undefined && w.status === "known");
    const [ownWord] = ownWords;
    // Not "et avec quel matériel ?": which of something asks of the previous subject.
    const newSubject = followUp.opens && !tokens.some((t) => WHICH_WORDS.has(t)) && !followUp.asksAnew && !followUp.ranks && followUp.dependsOnContext && !followUp.names;
    const tellsApart = ownWord !== undefined && previousEvidence !== undefined && !ownWord.matches.some((m) => previousEvidence.termsById.has(m.id)) && tellingWordIn(alone.analyzed, index, params, (m) => ownWord.matches.includes(m));
    if (newSubject && tellsApart && ownWords.length === 1 && alone.confident && alone.answer.status === "answered") return alone.answer;
    // "and the sea one?" after the objective on the ground names another item of the same list
    // (`partOf`): the question alone says which, the previous item's words must not pull it back.
    const previousFact = previousAt === undefined ? undefined : facts[previousAt]?.fact;
    const aloneFact = factOf(alone.answer.factId);
    if (alone.confident && previousFact?.partOf !== undefined && aloneFact !== undefined && aloneFact.id !== previousFact.id && aloneFact.partOf === previousFact.partOf) return alone.answer;
    const contextual = withOwnKinds(read(followUp.question, language, followUp.backgroundWords, undefined, previous.language), followUp.asksAnew ? alone.analyzed.kindList : undefined);
    const inContext = decide(contextual);
    // "et les autres ?" after one objective of a list asks for the rest: the list, never that item again.
    const listAt = previousFact?.partOf === undefined ? undefined : factIndexById.get(previousFact.partOf);
    if (listAt !== undefined && !followUp.names && tokens.some((t) => OTHER_WORDS.has(t)) && inContext.answer.factId === previous.factId) {
      const listScore = contextual.ranked.find((r) => r.factIndex === listAt);
      const answer = answeredInContext(listAt, listScore ? confidenceOf(listScore, undefined, params) : inContext.answer.confidence, contextual, inContext.answer.suggestions);
      if (answer) return answer;
    }
    // "et la France ?" after "les États baltes font quoi ?" (ready to contribute, France among
    // them) asks the same of France, which the previous fact says too: another fact naming France
    // ("launched by France and the UK") answers another question.
    const previousScore = contextual.ranked.find((r) => r.factIndex === previousAt);
    if (followUp.onlyNames.length > 0 && previousScore && inContext.answer.factId !== previous.factId && followUp.onlyNames.every((name) => previousEvidence?.entities.has(name.id) === true)) {
      const answer = answeredInContext(previousScore.factIndex, confidenceOf(previousScore, undefined, params), contextual, inContext.answer.suggestions);
      if (answer) return answer;
    }
    // "did Washington respond?" after the Finnish minister's quote has a subject and a word of its
    // own: a fact the context found that explains none of its own words (only the name) says
    // nothing of what it asks.
    if (!followUp.dependsOnContext && inContext.answer.status === "answered" && inContext.answer.factId !== null) {
      const own = alone.analyzed.words.filter((w) => w.entity === undefined && w.status === "known");
      const evidence = index.facts[factIndexById.get(inContext.answer.factId) ?? -1];
      if (own.length > 0 && evidence && !own.some((w) => w.matches.some((m) => evidence.termsById.has(m.id)))) return alone.answer;
    }
    // A curated refusal alone ("when was it launched?": the article does not say when the
    // coalition was created) gives way to the previous turn's subject ("allied to whom?" after the
    // coalition's size) or a surer answer in context, not to another fact the context drew in:
    // the founders' question before it does not make the force's "after a ceasefire" an answer.
    const aloneRefusal = alone.confident && alone.answer.status === "unknown";
    if (aloneRefusal && inContext.answer.status === "answered" && inContext.answer.factId !== previous.factId && inContext.answer.confidence <= alone.answer.confidence) return alone.answer;
    // …and the previous fact only when it explains what the refusal was about: "il l'a dit à quel
    // média ?" after the British minister's quote asks what the article does not say of its source.
    if (aloneRefusal && inContext.answer.status === "answered" && inContext.answer.factId === previous.factId && previousEvidence !== undefined && ownWords.some((w) => !w.matches.some((m) => previousEvidence.termsById.has(m.id)))) return alone.answer;
    // …or when the question has a subject of its own and its refusal alone is surer than that fact
    // in context: "when will that ceasefire be signed?" after the force's "after a ceasefire".
    if (aloneRefusal && inContext.answer.status === "answered" && inContext.answer.factId === previous.factId && !followUp.dependsOnContext && ownWords.length >= 2 && alone.answer.confidence > inContext.answer.confidence) return alone.answer;
    // A question with a name and no need of context ("what did Russia say?") is its refusal's, whatever came before.
    if (aloneRefusal && followUp.names && !followUp.dependsOnContext) return alone.answer;
    // Context helps only when it gives an answer (or a plain "the article does not say this of
    // that"), never to replace a clear answer with a guess.
    // …except to say that the article does not say it of the new name: "and the French one?"
    // after the Finnish minister's quote is no question about France alone.
    // "And Finland?" after "are the Netherlands sending troops?" asks the same of Finland: when
    // the article does not say it of the new name, that is the answer, not whatever else names it;
    // what it does say is the previous answer's.
    // A name of a kind the previous turn named, in its question or its answer, is asked in its place.
    const previousKinds = new Set([...previous.entities.map((id) => lexicon.get(id)?.kind), ...(index.facts[previousAt ?? -1]?.entityKinds ?? [])]);
    const askedOf = followUp.onlyNames.find((name) => previousKinds.has(name.kind));
    const found = contextual.ranked[0]?.factIndex;
    // "et la Finlande ?" after "les pays baltes contribuent ?" asks whether Finland contributes:
    // another fact naming Finland (its minister's quote) answers it only if it is of the same
    // topic ("and the Dutch one?" after the British minister's quote: another quote) or says what
    // the previous fact said of the old name.
    const sameTopic = found !== undefined && previousAt !== undefined && facts[found]?.fact.topic === facts[previousAt]?.fact.topic;
    const otherSubject = inContext.confident && inContext.answer.factId !== previous.factId && found !== undefined && previousAt !== undefined && !sameTopic && !asksTheSameOf(previous, found, previousAt);
    if ((!inContext.confident || otherSubject) && askedOf) {
      return unknown(language, notSaidOf(inContext.clashed ?? askedOf, previousAt, language), inContext.answer.suggestions, inContext.answer.confidence, turnOf(contextual, null));
    }
    // "et le dernier ?" after the first of the four objectives asks the list's last item, whatever
    // else says "dernier": the answer is one of that list's facts (its items, or the list itself).
    const list = previousFact?.partOf ?? (previousFact !== undefined && lists.has(previousFact.id) ? previousFact.id : undefined);
    if (followUp.ranks && list !== undefined && inContext.answer.status === "answered") {
      const inList = (i: number): boolean => facts[i]?.fact.id === list || facts[i]?.fact.partOf === list;
      const item = contextual.ranked.find((r) => inList(r.factIndex));
      if (item && !inList(factIndexById.get(inContext.answer.factId ?? "") ?? -1)) {
        const answer = answeredInContext(item.factIndex, confidenceOf(item, contextual.ranked.find((r) => r !== item && inList(r.factIndex)), params), contextual, inContext.answer.suggestions);
        if (answer) return answer;
      }
    }
    // "where was it?" after "was the ministerial meeting a first?": what it asks anew (where,
    // when, who…) that no sample question of the fact found in context asks, that fact does not
    // say. Another fact of the previous one's topic asked it answers (the meeting's place);
    // otherwise the article does not say it of the previous subject ("when will they decide?"
    // after the deployment options).
    const foundScore = contextual.ranked[0];
    if (followUp.asksAnew && inContext.answer.status === "answered" && foundScore && foundScore.kind <= params.kindMismatch && previousAt !== undefined) {
      const topic = facts[previousAt]?.fact.topic;
      const asked = contextual.ranked.find((r) => facts[r.factIndex]?.fact.topic === topic && r.kind >= 1);
      const answer = asked && answeredInContext(asked.factIndex, confidenceOf(asked, undefined, params), contextual, inContext.answer.suggestions);
      if (answer) return answer;
      // "où ça ?" after the meeting's level: no fact the context found shares a word with it, but
      // the one fact giving the place (`settles`) is of the previous subject's topic: it answers.
      const sole = soleGiverAfter(alone.analyzed.kindList, previousAt);
      const given = sole === undefined ? undefined : answeredInContext(sole, inContext.answer.confidence, contextual, inContext.answer.suggestions);
      if (given) return given;
      return unknown(language, notSaidOfPrevious(previousAt, language), inContext.answer.suggestions, inContext.answer.confidence, turnOf(contextual, null));
    }
    // "pourquoi c'est un problème ?" after the US guarantee asks why of that subject: the
    // previous fact, when it gives reasons and the context ranks it close to the best, over
    // another fact nearer the question's one word ("problème": the obstacles).
    const asksWhyOnly = contextual.analyzed.kinds.size === 1 && contextual.analyzed.kinds.has("why");
    if (asksWhyOnly && followUp.dependsOnContext && !followUp.names && foundScore && previousScore && previousScore !== foundScore && previousScore.kind >= 1 && previousScore.score >= foundScore.score * params.previousWhyShare) {
      const answer = answeredInContext(previousScore.factIndex, confidenceOf(previousScore, undefined, params), contextual, inContext.answer.suggestions);
      if (answer) return answer;
    }
    // "quand ?" after "qui a lancé la coalition ?" asks when it was launched: the force's fact,
    // found in context, says nothing of launching ("the force would come after a ceasefire").
    // The article does not say; what it says is the previous answer. Only a time, a place or a
    // count: "why?" after it asks what the coalition is for, which the force's fact says.
    const asksCircumstance = [...contextual.analyzed.kinds].some((k) => CIRCUMSTANCES.has(k));
    if (followUp.asksOnly && asksCircumstance && inContext.confident && inContext.answer.factId !== previous.factId && previousAt !== undefined && found !== undefined && !saysOfPrevious(previous, found)) {
      return unknown(language, notSaidOfPrevious(previousAt, language), inContext.answer.suggestions, inContext.answer.confidence, turnOf(contextual, null));
    }
    // "il est ministre de quoi ?" after the Finnish minister's quote: read in context, it is still
    // that fact's, and that fact does not say it. The minister it stands for is not another one.
    const aboutPrevious = followUp.dependsOnContext && !followUp.names && inContext.answer.factId === null && contextual.ranked[0]?.factIndex === previousAt;
    // "c'était où ?" after the meeting's level, unsure in context: the one fact giving the place,
    // of the previous subject's topic, answers (as a rule, at least as sure as an answer).
    if (followUp.asksOnly && !inContext.confident && inContext.clashed === undefined && previousAt !== undefined) {
      const sole = soleGiverAfter(alone.analyzed.kindList, previousAt);
      const given = sole === undefined ? undefined : answeredInContext(sole, Math.max(inContext.answer.confidence, params.answerThreshold), contextual, inContext.answer.suggestions);
      if (given) return given;
    }
    // "quelle ville ?" after the deployment options asks nothing but its question word: of the
    // previous subject, never of whatever fact of another topic answers it alone (the meeting's
    // city). Unsure in context, the article does not say it of that subject. Of the same topic,
    // the answer alone is the subject's: "when did it happen?" after the meeting's level is its day.
    const otherTopic = aloneFact !== undefined && aloneFact.topic !== previousFact?.topic;
    if (followUp.asksOnly && !inContext.confident && previousAt !== undefined && inContext.clashed === undefined && alone.answer.status === "answered" && otherTopic) {
      return unknown(language, notSaidOfPrevious(previousAt, language), inContext.answer.suggestions, inContext.answer.confidence, turnOf(contextual, null));
    }
    // A curated refusal alone says more than a plain "not understood" of the previous fact ("when was it launched?").
    // So does a sure answer alone to a reference back with a word of its own ("where's that
    // meeting?"), unless it asks an attribute of whom it points to: "il est ministre de quoi ?"
    // after the Finnish minister's quote is his ministry, not another minister's.
    const sureAlone = ownWords.length > 0 && alone.answer.confidence >= params.aloneOverContext && !alone.analyzed.kindList.some((k) => ATTRIBUTE_KINDS.has(k));
    if (!inContext.confident && alone.confident && (!aboutPrevious || aloneRefusal || sureAlone) && !(inContext.clashed !== undefined && followUp.dependsOnContext)) return alone.answer;
    if (!inContext.confident && inContext.answer.factId === null && !followUp.dependsOnContext) return alone.answer;
    // "what does it mean for Kyiv?" after the link with NATO: the name it asks of is the answer
    // alone's, not the previous fact's, which only the context brought back.
    if (followUp.names && alone.confident && alone.answer.status === "answered" && inContext.answer.factId === previous.factId && alone.answer.factId !== previous.factId) {
      const own = alone.analyzed.mentions.map((m) => m.entity.id);
      const holds = (factId: string | null): boolean => own.some((id) => evidenceOf(factId)?.entities.has(id) === true);
      if (holds(alone.answer.factId) && !holds(previous.factId)) return alone.answer;
    }
    // "which ones launched it?" after the coalition's size: the previous fact, brought back by the
    // context alone, explains none of the question's own telling words ("launched"); the fact
    // that answers it alone, and more surely, does.
    // Not "why does that matter?": why of a reference back asks the reason of the previous subject.
    // And only a surer answer alone: "what is it building then?" is no question of a building.
    const surerAlone = alone.confident && alone.answer.status === "answered" && alone.answer.confidence > inContext.answer.confidence && !alone.analyzed.kinds.has("why");
    if (surerAlone && alone.answer.factId !== previous.factId && inContext.answer.factId === previous.factId && previousEvidence !== undefined) {
      const own = (m: WordMatch): boolean => ownWords.some((w) => w.matches.includes(m));
      // Not a word one of its sample questions happens to say ("how large is the coalition France and the UK launched?").
      const held = (m: WordMatch): boolean => previousEvidence.termsById.get(m.id)?.lone === false;
      if (tellingWordIn(alone.analyzed, index, params, (m) => own(m) && !held(m)) && !tellingWordIn(alone.analyzed, index, params, (m) => own(m) && held(m))) return alone.answer;
    }
    return { ...inContext.answer, ...noteOf(inContext.answer.factId, language) };
  }

  /**
   * A question that stands alone but that other facts explain as fully as the one it got: "what
   * was the goal?" fits the mission's objectives, the coalition's aim and the meeting's purpose
   * alike. After where the meeting was, a colleague means the meeting's: of the facts that explain
   * the whole question, the one the previous turn's words pick, when that reading is confident.
   * A question that names something is clear enough on its own.
   */
  function alikeInContext(question: string, language: Language, tokens: readonly string[], alone: ReturnType<typeof decideAlone>, previous: ConversationTurn): Answer | undefined {
    // "et l'autre source d'inquiétude ?" asks for what was not said: the previous turn must not pull it back.
    if (alone.answer.status !== "answered" || alone.analyzed.mentions.length > 0 || alone.answer.turn === undefined || tokens.some((t) => OTHER_WORDS.has(t))) return undefined;
    const own = alone.analyzed.words.filter((w) => w.entity === undefined && w.asks === undefined && w.status === "known");
    if (own.length === 0 || own.length > params.alikeOwnWords) return undefined;
    const ranked = read(question, language, 0, tokens).ranked;
    const top = ranked[0]?.score ?? 0;
    const explainsAll = (r: FactScore): boolean => r.coverage >= params.alikeCoverage && r.score >= params.alikeScoreShare * top;
    const alike = new Set(ranked.filter(explainsAll).map((r) => r.factIndex));
    if (alike.size < 2) return undefined;
    const background = backgroundOf(question, previous);
    const contextual = read(background.question, language, background.backgroundWords, undefined, previous.language);
    const inContext = decide(contextual);
    const chosen = factIndexById.get(inContext.answer.factId ?? "");
    if (!inContext.confident || chosen === undefined || inContext.answer.factId === alone.answer.factId || !alike.has(chosen)) return undefined;
    return answeredInContext(chosen, inContext.answer.confidence, contextual, inContext.answer.suggestions);
  }

  /**
   * An answer standing alone that the previous turn's fact gave too ("at what level?" after "was
   * the meeting unprecedented?") carries on that turn's subject: its turn keeps the previous
   * question's words, so that the next follow-up ("où ça ?") still knows what it is about.
   */
  function sameSubject(answer: Answer, previous: ConversationTurn): Answer {
    // A turn has one language: words of another would be read as foreign ones.
    if (answer.turn === undefined || answer.factId === null || answer.factId !== previous.factId || answer.turn.language !== previous.language) return answer;
    // The last words only, whole: a long thread of one subject must not grow the turn without end.
    const words = `${previous.question} ${answer.turn.question}`.split(/\s+/).slice(-MAX_SUBJECT_WORDS);
    return { ...answer, turn: { ...answer.turn, question: words.join(" ").slice(0, 2_000) } };
  }

  /**
   * The one fact giving in full the name a lone question word asks ("où ?": the place), when it is
   * another fact of the same topic as the previous one at `previousAt`.
   */
  function soleGiverAfter(kinds: readonly QuestionKind[], previousAt: number): number | undefined {
    const [kind, ...others] = kinds;
    const named = kind === undefined || others.length > 0 ? undefined : NAMED_ANSWER[kind];
    if (named?.length !== 1 || named[0] === undefined || !CIRCUMSTANCE_NAMES.has(named[0])) return undefined;
    const sole = index.soleSettlers.get(named[0]);
    return sole !== undefined && sole !== previousAt && facts[sole]?.fact.topic === facts[previousAt]?.fact.topic ? sole : undefined;
  }

  /** The fact at `factIndex` as the answer the context gave: with what it was about, and the turn read in context. */
  function answeredInContext(factIndex: number, confidence: number, contextual: Reading, suggestions: Suggestion[]): Answer | undefined {
    const answer = answered(factIndex, contextual.language, confidence, suggestions);
    return answer && { ...answer, ...noteOf(answer.factId, contextual.language), turn: turnOf(contextual, answer.factId) };
  }

  /** What the context made the answer about, said briefly with it ("à propos de la force de réassurance"). */
  function noteOf(factId: string | null, language: Language): { contextNote?: string } {
    const fact = factId === null ? undefined : facts[factIndexById.get(factId) ?? -1];
    const topic = fact?.pack.topics.find((t) => t.id === fact.fact.topic);
    const note = fact?.fact.subject?.[language] ?? topic?.label[language];
    return note === undefined ? {} : { contextNote: note };
  }

  function answerFact(factId: string, language: Language): Answer {
    const i = factIndexById.get(factId);
    const found = i === undefined ? undefined : answered(i, language, 1, []);
    if (!found) return unknown(language, message("unknown", language), [], 0);
    const fact = facts[i ?? -1]?.fact;
    return { ...found, turn: { question: fact?.questions[language][0] ?? "", factId, entities: [], language } };
  }

  function explain(rawQuestion: string): Explanation {
    const question = cleanQuestion(rawQuestion);
    const reading = read(question);
    const detail = (score: FactScore | undefined): Explanation["chosen"] => {
      const evidence = score ? index.facts[score.factIndex] : undefined;
      if (!score || !evidence) return null;
      return { factId: evidence.fact.id, unsaid: unsaidAt(score.factIndex) !== undefined, ...scoreFact(reading.analyzed, evidence, score.factIndex, index, params, { trace: true }) };
    };
    return {
      question,
      language: reading.language,
      kindsAsked: [...reading.analyzed.kinds],
      mentions: reading.analyzed.mentions.map((m) => ({ id: m.entity.id, kind: m.entity.kind, label: m.entity.label[reading.language], inArticle: m.entity.inArticle })),
      chosen: detail(reading.refusal ?? reading.ranked[0]),
      runnerUp: detail(reading.refusal ? reading.ranked[0] : reading.ranked[1]),
      confidence: reading.refusal ? confidenceOf(reading.refusal, reading.ranked[0], params) : confidenceOf(reading.ranked[0], reading.ranked[1], params),
      threshold: params.answerThreshold,
      answer: answer(rawQuestion),
    };
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

  /**
   * Sample questions as a fuse.js index per language, built on the first keystroke: what someone
   * has typed so far, typos and all ("combein de p"), against whole questions — the fuzzy search
   * fuse.js is made for.
   */
  const fuzzyChoices: Partial<Record<Language, Fuse<{ readonly text: string; readonly folded: string }>>> = {};
  const fuzzyChoicesOf = (language: Language): Fuse<{ readonly text: string; readonly folded: string }> =>
    (fuzzyChoices[language] ??= new Fuse(choices[language], { keys: ["folded"], ignoreLocation: true, threshold: AUTOCOMPLETE_FUZZINESS }));

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
    const analyzed = index.analyze(readTokens(questionTokens(typed), typed), language);
    const ranked = rankFactsAndRefusal(analyzed, index, params, MAX_AUTOCOMPLETE, facts.length).ranked.map((m) => m.factIndex);
    // Each related fact's first question, then each one's second…: the first choices span several facts.
    const relatedFacts = (ranked.length > 0 ? ranked : factsAsking(analyzed, MAX_AUTOCOMPLETE)).map((i) => facts[i]?.fact.questions[language] ?? []);
    const related = Array.from({ length: Math.max(0, ...relatedFacts.map((q) => q.length)) }, (_, n) => relatedFacts.flatMap((q) => q[n] ?? [])).flat();
    // Past a choice's length nothing can match; fuse's bitap grows with what it looks for.
    const fuzzy = typed.length > MAX_CHOICE_LENGTH ? [] : fuzzyChoicesOf(language).search(typed, { limit: MAX_AUTOCOMPLETE }).map((r) => r.item.text);
    const unique = [...new Set([...starting, ...containing, ...fuzzy, ...related])];
    return unique.filter((q) => q.length >= 1 && q.length <= MAX_CHOICE_LENGTH).slice(0, MAX_AUTOCOMPLETE);
  }

  const packs: PackSummary[] = knowledge.packs.map((p) => ({ id: p.pack.id, title: p.pack.title, factCount: p.facts.length, ...urlOf(p) }));

  return {
    answer,
    answerFact,
    explain,
    topics,
    suggest,
    packs,
    factCount: facts.length,
    // Read exactly as answer() reads a question, so a notice and the answer agree.
    detectLanguage: (text) => languageOf(stripMarkup(stripPlatformMarkup(text))),
  };
}
