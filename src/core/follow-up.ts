import type { Answer, ConversationTurn } from "./answer-schema.js";
import type { Entity, EntityKind, EntityLexicon } from "./entities.js";
import { questionTokens, readTokens, tokenSpan } from "./question-reading.js";
import { QUESTION_WORDS, WHAT_WORDS } from "./stopwords.js";

/**
 * Reading a question as the next turn of a conversation: "and the Finnish one?", "since when?",
 * "what was his point?" lean on the previous turn's subject. Such a question is read as the
 * previous one with what the new one changes: a named thing of the same kind replaces the old one,
 * a new question word replaces the old ones, and the new words are added.
 */
export interface FollowUpReading {
  /** The question it stands for: the previous question, changed by this one. */
  readonly question: string;
  /** How many of the first words of `question` come from the previous turn (they weigh less). */
  readonly backgroundWords: number;
  /** True when the question cannot stand alone (no subject of its own, or only a reference back). */
  readonly dependsOnContext: boolean;
  /**
   * The names of a question that says nothing else and asks nothing of its own ("and Finland?",
   * "what about the Swedish one?"; not "and who is Brekelmans?"): it asks the previous question of them.
   */
  readonly onlyNames: readonly Entity[];
  /** True when it names something itself ("what does it mean for *Kyiv*?"): a subject of its own. */
  readonly names: boolean;
  /**
   * It asks and says nothing else: a question word ("quand ?", "since when?", "où ça ?") or an
   * asking phrase ("quel jour ?", "combien de pays ?"), no name. It asks that of the previous turn.
   */
  readonly asksOnly: boolean;
  /** It names a rank ("et le dernier ?", "and the second?"): of a list, it asks another of its items. */
  readonly ranks: boolean;
  /** It asks with a question word of its own, more precise than "what": "since when?", "who is…?". */
  readonly asksAnew: boolean;
  /** It opens as a follow-up does: "and…", "et…", "what about…", "so…". */
  readonly opens: boolean;
}

/** Words that carry no subject in a follow-up: "and the Finnish *one*?", "*what about* Washington?". */
/** "et les autres ?", "what else?": the rest of what was said (a list's other items, `answerer.ts`). */
export const OTHER_WORDS: ReadonlySet<string> = new Set(["autre", "autres", "other", "others", "else", "another"]);

const FILLERS = new Set([...OTHER_WORDS, "one", "ones", "about", "then", "alors", "donc", "celui", "celle", "ceux", "celles", "concernant", "niveau", "cote", "sinon", "ok", "okay", "pour", "quoi", "what"]);

/**
 * Words that only place what they ask against what was said: "despite what?", "après quoi ?",
 * "between whom?". Alone with a question word they carry no subject of their own.
 */
const RELATIONS = new Set(["malgre", "despite", "apres", "after", "avant", "before", "entre", "between", "contre", "against", "avec", "with", "sans", "without", "depuis", "since", "by", "par", "until", "jusqu"]);

/**
 * Verbs that only say something happens somewhere or sometime — "where are they *taking place*?",
 * "ça *a lieu* où ?", "ça *se tient* où ?", "when is it *happening*?": they carry no subject of
 * their own. Some only in their phrase: "who took part?", "qui tient la coalition ?" keep theirs.
 */
const HAPPENING_ALONE = new Set([
  "happening", "happen", "happens", "happened", "held", "deroule", "deroulent", "deroulait", "deroulera", "deroulee",
  // "c'était déjà arrivé avant ?", "had it occurred before?": "arriver" is French for "to happen".
  "arrive", "arrivee", "arrivent", "arrivait", "arrivera", "arriverait", "occur", "occurs", "occurred", "occurring",
]);
const TAKE = new Set(["take", "takes", "taking", "took", "taken"]);
const HAVE = new Set(["a", "ont", "avoir", "aura", "auront", "aurait", "avait", "eu"]);
const HELD = new Set(["tient", "tiennent", "tenait", "tiendra", "tenue", "tenu", "tenues"]);

/** Whether the word at `i` only says that something happens (see `HAPPENING_ALONE`). */
function happening(tokens: readonly string[], i: number): boolean {
  const [before, word, after] = [tokens[i - 1] ?? "", tokens[i] ?? "", tokens[i + 1] ?? ""];
  if (HAPPENING_ALONE.has(word)) return true;
  if (TAKE.has(word)) return after === "place";
  if (word === "place") return TAKE.has(before);
  if (word === "lieu") return HAVE.has(before);
  // "se tient", "s'est tenue": the reflexive is one or two words back.
  return HELD.has(word) && (before === "se" || before === "s" || (before === "est" && tokens[i - 2] === "s"));
}

/** Ranks in a list: a new one takes the old one's place ("c'est quoi le premier ?" → "et le dernier ?"). */
const ORDINALS = new Set(["premier", "premiere", "first", "deuxieme", "second", "seconde", "troisieme", "third", "quatrieme", "fourth", "dernier", "derniere", "last"]);

/** Words that point back at what was said before. */
const BACK_REFERENCES = new Set([
  "his", "her", "hers", "its", "it", "their", "they", "them", "he", "she", "him", "that", "this", "those", "these", "there", "same",
  "son", "sa", "ses", "leur", "leurs", "lui", "ca", "cela", "celui", "celle", "ceux", "celles", "la", "y", "ce", "cet", "cette",
  "il", "elle", "ils", "elles",
]);

/** What "there" is said with when it only says that something exists: "is there a ceasefire?", "there are no talks". */
const BEING = new Set(["is", "are", "was", "were", "will", "would", "could", "has", "have", "s", "be"]);

/** "il y a", "y a-t-il", "il faut", "is there…": "il", "there" that stand for no one and nowhere. */
function impersonal(tokens: readonly string[], i: number): boolean {
  if (tokens[i] === "there") return BEING.has(tokens[i - 1] ?? "") || BEING.has(tokens[i + 1] ?? "");
  return tokens[i] === "il" && (tokens[i + 1] === "y" || tokens[i - 1] === "t" || tokens[i + 1] === "faut" || tokens[i + 1] === "fallait" || tokens[i + 1] === "semble");
}

/** Openings of a follow-up: "and…", "et…", "what about…", "so…". */
const OPENINGS = new Set(["and", "et", "so", "alors", "donc", "also", "aussi", "sinon"]);

/** Words of the previous turns a follow-up is read with, at most. */
const MAX_BACKGROUND_WORDS = 16;

/** Words that make the name after them what is talked about: "sur les USA", "about the US". */
const ABOUT_WORDS = new Set(["sur", "about", "concernant", "regarding"]);
const DETERMINERS = new Set(["le", "la", "les", "l", "the"]);

/**
 * Whether the name starting at `at` comes after "sur", "about" (a determiner between allowed), with
 * a clause before it: "il dit quoi sur les US". Not "what about Finland?", "and about Russia?",
 * "et sur les USA ?": those ask the previous question of the new name.
 */
function talkedAbout(tokens: readonly string[], at: number): boolean {
  const before = DETERMINERS.has(tokens[at - 1] ?? "") ? at - 2 : at - 1;
  const clause = tokens.slice(0, Math.max(0, before)).filter((t) => !OPENINGS.has(t) && t !== "what" && t !== "how");
  return ABOUT_WORDS.has(tokens[before] ?? "") && clause.length >= 2;
}

/** A follow-up of at most this many words of its own may lean on context even when it has a subject. */
const SHORT_FOLLOW_UP_WORDS = 3;

export function readFollowUp(
  question: string,
  alone: Answer,
  aloneConfident: boolean,
  previous: ConversationTurn,
  lexicon: EntityLexicon,
): FollowUpReading | undefined {
  const tokens = questionTokens(question);
  const read = readTokens(tokens);
  const mentions = lexicon.find(tokens, question);
  const named = new Set(mentions.flatMap((m) => tokenSpan(m.tokens)));
  // The noun of an asking phrase ("de quel *pays* ?", "which *day*?") says what is asked, not of what: no subject of its own.
  // "c'était avant ou après la réunion ?" places the previous subject in time as a question word would.
  const relationChoice = tokens.some((t, i) => RELATIONS.has(t) && (tokens[i + 1] === "ou" || tokens[i + 1] === "or") && RELATIONS.has(tokens[i + 2] ?? ""));
  const ownWords = read.words.filter((w) => !named.has(w.tokens[0]) && !FILLERS.has(w.surface) && !happening(tokens, w.tokens[0]) && w.asks === undefined && !(RELATIONS.has(w.surface) && (read.kinds.size > 0 || relationChoice)));
  // "c'est", "c'était" lose their "c'" to elision: "pourquoi c'est important ?" points back as "why is it important?" does.
  const refersBack = /(?:^|[\s,])c(?:['’]|\s)?(?:est|etait|était)\b/iu.test(question) || tokens.some((t, i) => BACK_REFERENCES.has(t) && !(t === "la" && i > 0) && !(t === "y" && tokens[i + 1] === "a") && !impersonal(tokens, i));
  // "what about…", "how about…", after an opening word too ("and what about the ministers?").
  const whatAbout = tokens.some((t, i) => (t === "what" || t === "how") && tokens[i + 1] === "about" && i <= 1);
  const opensAsFollowUp = OPENINGS.has(tokens[0] ?? "") || whatAbout;

  const short = ownWords.length <= SHORT_FOLLOW_UP_WORDS;
  // "what was his point?", "is it ready?": a reference back and at most one word of its own. "cette
  // force", "elle serait déployée où" name their subject: they stand alone.
  // A question word of its own, more precise than "what": "since when?", "who is…?".
  const asksAnew = [...read.kinds].some((k) => k !== "what");
  // Asking what, and nothing more precise ("et c'était au siège de quoi ?" after the meeting's
  // day): its "what" replaces the old question's asking words ("quel jour"), as a new kind does.
  // With a subject of its own: "quoi ?", "so what?", "et quoi d'autre ?" ask more of the old
  // question. Not "(and) what about…", "how about…": they name a subject, and ask what was asked
  // before. Nor "which ones?", "lesquels ?": which of the things the old question counted.
  const asksWhat = !asksAnew && ownWords.length > 0 && tokens.some((t) => WHAT_WORDS.has(t)) && !whatAbout;
  // "and who is Ruben Brekelmans?" asks its own question of its own name: it stands alone.
  const asksOfItsOwnName = asksAnew && mentions.length > 0 && !refersBack;
  const dependsOnContext = !asksOfItsOwnName && (ownWords.length === 0 || ((refersBack || opensAsFollowUp) && ownWords.length <= 1));
  if (!dependsOnContext && (aloneConfident || !short || alone.factId !== null)) return undefined;

  // The previous question, less what this one replaces. A name talked about ("il a dit quoi *sur
  // les USA* ?", "what did he say *about* the US?") replaces no one: it is what was said, not who.
  const previousTokens = questionTokens(previous.question);
  const replacing = mentions.filter((m) => !talkedAbout(tokens, m.tokens[0]));
  const replacedKinds = new Set(replacing.map((m) => m.entity.kind));
  const dropped = new Set<number>();
  // The new name takes the old one's place ("the British minister" → "the Finnish minister"), so
  // that what was said around it (a role, "of", "'s") still reads with it; other old names of
  // its kind go.
  const substitutes = new Map<number, string[]>();
  const substituted = new Set<EntityKind>();
  for (const mention of lexicon.find(previousTokens, previous.question)) {
    if (!replacedKinds.has(mention.entity.kind)) continue;
    for (let i = mention.tokens[0]; i <= mention.tokens[1]; i++) dropped.add(i);
    const replacement = mentions.find((m) => m.entity.kind === mention.entity.kind && mention.entity.kind !== "person");
    if (replacement && !substituted.has(mention.entity.kind)) {
      substituted.add(mention.entity.kind);
      substitutes.set(mention.tokens[0], tokens.slice(replacement.tokens[0], replacement.tokens[1] + 1));
    }
  }
  const ranks = tokens.some((t) => ORDINALS.has(t));
  if (ranks) previousTokens.forEach((t, i) => ORDINALS.has(t) && dropped.add(i));
  if (asksAnew || asksWhat) {
    previousTokens.forEach((t, i) => QUESTION_WORDS.has(t) && dropped.add(i));
    // "quel jour ?" then "où ça ?": a day or a city only says what form the old answer took; it goes
    // with the old question. "quels pays ont lancé…" keeps "pays": the countries are its subject.
    for (const word of readTokens(previousTokens).words) if ((word.asks === "when" || word.asks === "where") && !read.kinds.has(word.asks)) dropped.add(word.tokens[0]);
  }
  // The last words only: a long thread's questions, chained, must not drown the new one.
  // Words the new question says itself weigh as its own, not as background.
  const own = new Set(tokens);
  const kept = previousTokens.flatMap((t, i) => substitutes.get(i) ?? (dropped.has(i) || own.has(t) ? [] : [t]));
  return { ...withBackground(question, kept), dependsOnContext, onlyNames: ownWords.length === 0 && !asksAnew ? replacing.map((m) => m.entity) : [], names: mentions.length > 0, asksOnly: ownWords.length === 0 && asksAnew && mentions.length === 0, ranks, asksAnew, opens: opensAsFollowUp };
}

/**
 * The previous question as the background of a question that stands on its own but that several
 * facts explain alike ("what was the goal?" after where the meeting was): its words, less its
 * question words and asking phrases, which the new question replaces with its own.
 */
export function backgroundOf(question: string, previous: ConversationTurn): { readonly question: string; readonly backgroundWords: number } {
  const previousTokens = questionTokens(previous.question);
  const asking = new Set(readTokens(previousTokens).words.filter((w) => w.asks !== undefined).map((w) => w.tokens[0]));
  const own = new Set(questionTokens(question));
  return withBackground(question, previousTokens.filter((t, i) => !QUESTION_WORDS.has(t) && !asking.has(i) && !own.has(t)));
}

/** The question after the last `MAX_BACKGROUND_WORDS` of the previous turn's words kept for it, and how many there are. */
function withBackground(question: string, kept: readonly string[]): { readonly question: string; readonly backgroundWords: number } {
  const last = kept.slice(-MAX_BACKGROUND_WORDS);
  return { question: `${last.join(" ")} ${question}`.trim(), backgroundWords: last.length };
}
