// Reading a question into the words the matcher compares: folded, stemmed, stopwords out, question
// words turned into what they ask for ("?where"), chat spellings and typos of the small words
// understood, neighbouring words offered as compounds.
import { editDistance } from "./edit-distance.js";
import { stem, tokenize } from "./normalize.js";
import { GENERIC_QUESTION_KIND, QUESTION_WORDS, STOPWORDS } from "./stopwords.js";

/**
 * Words of a closed list (question words, stopwords) by first letter: a typo rarely hits the first
 * letter, and a lookup then compares a handful of words rather than the whole list.
 */
function byFirstLetter(words: Iterable<string>, minLength: number): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const word of words) {
    if (word.length < minLength) continue;
    const list = map.get(word[0] ?? "") ?? [];
    list.push(word);
    map.set(word[0] ?? "", list);
  }
  return map;
}

function oneTypoFrom(token: string, list: ReadonlyMap<string, readonly string[]>): string | undefined {
  return list.get(token[0] ?? "")?.find((word) => editDistance(token, word, 1) <= 1);
}

const QUESTION_WORDS_BY_LETTER = byFirstLetter(QUESTION_WORDS.keys(), 4);
const STOPWORDS_BY_LETTER = byFirstLetter(STOPWORDS, 4);

/** "combein", "pourqoi", "whaat": a question word with one typo still says what is asked. */
function mistypedQuestionWord(token: string): string | undefined {
  if (token.length < 4 || STOPWORDS.has(token)) return undefined;
  const word = oneTypoFrom(token, QUESTION_WORDS_BY_LETTER);
  return word === undefined ? undefined : QUESTION_WORDS.get(word);
}

/** "thhey", "abouut": a word of no meaning with one typo still means nothing (four letters are too few to tell: "cost" is one from "cest"). */
export function mistypedStopword(token: string): boolean {
  return token.length >= 5 && oneTypoFrom(token, STOPWORDS_BY_LETTER) !== undefined;
}

const TIME_NOUNS = new Set(["jour", "date", "annee", "an", "mois", "semaine", "heure", "day", "date", "year", "month", "week", "time", "hour"]);

/** Words that follow "où" when it asks where: a verb, a pronoun, "en" ("où en sont…"). */
const AFTER_WHERE = new Set(["est", "sont", "etait", "etaient", "sera", "seront", "serait", "seraient", "se", "s", "a", "ont", "va", "vont", "en", "c", "ca", "il", "elle", "ils", "elles", "on", "aura", "auront"]);

function bareOuIsWhere(tokens: readonly string[], index: number): boolean {
  return index === 0 || index === tokens.length - 1 || AFTER_WHERE.has(tokens[index + 1] ?? "");
}

const AUXILIARIES = new Set(["did", "do", "does", "is", "are", "was", "will", "would", "can", "could", "should"]);

/** "were did they meet": "where" typed without its h, a question only the next word gives away. */
function wereForWhere(tokens: readonly string[]): string | undefined {
  return tokens[0] === "were" && AUXILIARIES.has(tokens[1] ?? "") ? QUESTION_WORDS.get("where") : undefined;
}

/** A query's words, folded, stopwords removed, stemmed; "US"/"U.S." read as the country. */
export interface QueryWord {
  /** The stem, or the question kind ("?where") of a question word. */
  readonly word: string;
  /** The word as typed (folded): typos are looked for on it, before stemming blurs them. */
  readonly surface: string;
  readonly isQuestionWord: boolean;
  /** The first and last token it comes from: several for words joined back into a compound. */
  readonly tokens: readonly [number, number];
}

export function queryWords(text: string): QueryWord[] {
  return queryWordsOf(questionTokens(text));
}

/** The words a record of the knowledge is indexed under: compounds kept whole ("paysbas"). */
export function indexWords(text: string): QueryWord[] {
  return queryWordsOf(tokenize(readUS(text), "joined"));
}

/** "US" / "U.S." is the country, not the pronoun: decided while the case is still there. */
function readUS(text: string): string {
  return text.replace(/\bU\.?S\.?(?:A\.?)?(?![\p{L}])/gu, " usa ");
}

/** The folded words of a question, "US"/"U.S." read as the country before case is lost. */
export function questionTokens(text: string): string[] {
  // "où" (where) and "ou" (or) fold to the same word; an accent typed settles it.
  return tokenize(readUS(text).replace(/où/giu, " where "));
}

/**
 * Two or three neighbouring words joined ("pays bas" → "paysbas", "cessez le feu" →
 * "cessezlefeu"): the matcher keeps those the knowledge knows, in place of their parts.
 */
function joinedNeighbours(tokens: readonly string[]): QueryWord[] {
  const joins: QueryWord[] = [];
  for (let start = 0; start < tokens.length; start++) {
    for (let count = 2; count <= 3 && start + count <= tokens.length; count++) {
      const surface = tokens.slice(start, start + count).join("");
      if (surface.length < 5) continue;
      // The word is resolved by the matcher, which knows the compounds; most joins are not one.
      joins.push({ word: surface, surface, isQuestionWord: false, tokens: [start, start + count - 1] });
    }
  }
  return joins;
}

/** `queryWords` of already tokenized text. */
export function queryWordsOf(tokens: readonly string[]): QueryWord[] {
  const seen = new Set<string>();
  const out: QueryWord[] = [];
  for (const [index, token] of tokens.entries()) {
    // "many"/"much" ask for a count after "how" only: "are many countries willing" asks yes or no.
    // "ou" typed without its accent is "or" between two words ("jeudi ou vendredi"), "where" at
    // either end of a question or before its verb ("ou est", "ils se sont vus ou").
    if (((token === "many" || token === "much") && tokens[index - 1] !== "how") || (token === "ou" && !bareOuIsWhere(tokens, index))) {
      continue;
    }
    const asked = QUESTION_WORDS.get(token) ?? mistypedQuestionWord(token) ?? (index === 0 ? wereForWhere(tokens) : undefined);
    // "quelle année", "what day", "which month" ask when.
    const kind = asked === GENERIC_QUESTION_KIND && TIME_NOUNS.has(tokens[index + 1] ?? "") ? QUESTION_WORDS.get("when") : asked;
    const isQuestionWord = kind !== undefined;
    if (!isQuestionWord && (STOPWORDS.has(token) || token.length < 2)) continue;
    const word = kind ?? stem(token);
    if (seen.has(word)) continue;
    seen.add(word);
    out.push({ word, surface: token, isQuestionWord, tokens: [index, index] });
  }
  return [...out, ...joinedNeighbours(tokens)];
}
