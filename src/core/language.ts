import type { Language } from "./answer-schema.js";
import { foldText, tokenize } from "./normalize.js";

/** Function words that give a language away even in a three-word question. */
const FRENCH_MARKERS = new Set(
  (
    "le la les un une des du de au aux et ou est sont que qui quoi quel quelle quels quelles combien " +
    "pourquoi comment quand ce cette ces il elle ils elles on nous vous pour dans sur avec sans par pas " +
    "ne se sa son ses leur leurs y a-t-il t-il t-elle estce qu dit disent va vont sera seront fait " +
    "mais donc tout tous aussi encore deja"
  ).split(/\s+/),
);
const ENGLISH_MARKERS = new Set(
  (
    "the a an of to in on at is are was were what who whom whose which where when why how many much " +
    "does do did will would can could should it its this that these those they them their with without " +
    "for from about and or but not any there say says said tell me us our"
  ).split(/\s+/),
);

/**
 * Which language a question is in. Function words first; then words the knowledge only knows in
 * one language (so "ceasefire" reads English and "soldats" French); French when it stays unsure,
 * since the article is French.
 */
export function detectLanguage(
  text: string,
  vocabulary?: { readonly fr: ReadonlySet<string>; readonly en: ReadonlySet<string> },
  tokens: readonly string[] = tokenize(text),
): Language {
  let french = 0;
  let english = 0;
  if (/[àâçéèêëîïôûùüÿœ]/i.test(text)) french += 1;
  const raw = foldText(text);
  if (/\b(?:l|d|qu|c|j|n|s)'\p{L}/u.test(raw)) french += 1;
  if (/\b\w+'(?:s|t|re|ll|ve|d)\b/.test(raw)) english += 1;
  for (const token of tokens) {
    if (FRENCH_MARKERS.has(token)) french += 1;
    if (ENGLISH_MARKERS.has(token)) english += 1;
    if (vocabulary) {
      const inFrench = vocabulary.fr.has(token);
      const inEnglish = vocabulary.en.has(token);
      if (inFrench && !inEnglish) french += 0.5;
      if (inEnglish && !inFrench) english += 0.5;
    }
  }
  return english > french ? "en" : "fr";
}
