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
const memo: Readonly<Record<Language, Map<string, string>>> = { fr: new Map(), en: new Map() };
/** Stems remembered per language; cleared past this many, so odd input cannot grow it without bound. */
const MEMO_LIMIT = 50_000;

export function stemWord(folded: string, language: Language): string {
  if (folded.length <= 3 || /\d/.test(folded)) return folded;
  const known = memo[language].get(folded);
  if (known !== undefined) return known;
  const stem = snowballStem(folded, language);
  if (memo[language].size >= MEMO_LIMIT) memo[language].clear();
  memo[language].set(folded, stem);
  return stem;
}

function snowballStem(folded: string, language: Language): string {
  const stemmed = STEMMERS[language].stem(folded);
  const trimmed = stemmed.replace(/[eiy]+$/, "");
  return trimmed.length >= 3 ? trimmed : stemmed;
}
