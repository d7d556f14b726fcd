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

/**
 * Words Snowball makes into another word's stem: French "pays" (a country, never a plural) would
 * become "pay", the stem of "payer" and of English "pay", so that "who will pay for it?" matched
 * every fact naming a country. They keep their whole form in both languages.
 */
const KEPT_WHOLE: ReadonlyMap<string, string> = new Map([
  ["pays", "pays"],
  // "ready" and "readiness" would become "read": "I read the article…" asked whether the force was ready.
  ["ready", "ready"],
  ["readiness", "ready"],
  // "objective(s)" would become "object": "did Hungary object to the plan?" found the objectives.
  ["objective", "objectiv"],
  ["objectives", "objectiv"],
  // "armes" and "arms" (weapons) would become "arm", the stem of "armée" and "army": "avec quelles
  // armes ?" found the Ukrainian army. Not "arme": folded, it is also "armé" (armed).
  ["armes", "armes"],
  ["arms", "armes"],
  // "dispositif" (a setup, a plan) would become "disposit", the stem of "disposition" (readiness).
  ["dispositif", "dispositif"],
  ["dispositifs", "dispositif"],
  // "grandir", "grandissant(e)" (growing) would become "grand" (big): "la coalition est grande ?" is no growth.
  ["grandir", "grandiss"],
  ["grandissant", "grandiss"],
  ["grandissante", "grandiss"],
  ["grandissants", "grandiss"],
  ["grandissantes", "grandiss"],
  // "pivotal" (crucial) would become "pivot" (a turning point).
  ["pivotal", "pivotal"],
]);

function snowballStem(folded: string, language: Language): string {
  const whole = KEPT_WHOLE.get(folded);
  if (whole !== undefined) return whole;
  const stemmed = STEMMERS[language].stem(folded);
  const trimmed = stemmed.replace(/[eiy]+$/, "");
  return trimmed.length >= 3 ? trimmed : stemmed;
}

/**
 * The stem of the infinitive a French verb's third person plural comes from ("contribuent",
 * "participent", "mobilisent" → "contribu", "particip", "mobilis"): Snowball leaves such forms
 * whole, so that nouns in -ent ("parent", "agent") keep theirs. Undefined for no such form. A
 * question's word is read so only when the knowledge does not know it as written (see the index).
 */
export function frenchPluralVerbStem(folded: string): string | undefined {
  if (folded.length < 7 || !folded.endsWith("ent") || folded.endsWith("ment")) return undefined;
  const stem = stemWord(`${folded.slice(0, -3)}er`, "fr");
  return stem === folded ? undefined : stem;
}
