import snowball from "snowball-stemmers";
import type { Language } from "./answer-schema.js";

/**
 * Snowball stemmers (the maintained Porter family) for French and English. Words are folded
 * before they are stemmed, on both sides of a match: people type "deployee" for "déployée", and
 * the knowledge and the question must reach the same stem whatever accents were typed.
 */
const STEMMERS: Readonly<Record<Language, snowball.Stemmer>> = {
  fr: snowball.newStemmer("french"),
  en: snowball.newStemmer("english"),
};

/**
 * The stem of a folded word in a language. Snowball run on unaccented French leaves a final e, i
 * or y where the accented word would have lost it ("deploye", "deploi", "deploy" for déployée,
 * déployer, déployés): those are trimmed, so every form meets on "deplo".
 */
export function stemWord(folded: string, language: Language): string {
  if (folded.length <= 3 || /\d/.test(folded)) return folded;
  const stemmed = STEMMERS[language].stem(folded);
  const trimmed = stemmed.replace(/[eiy]+$/, "");
  return trimmed.length >= 3 ? trimmed : stemmed;
}
