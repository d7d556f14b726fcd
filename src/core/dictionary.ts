import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { z } from "zod";
import { foldText } from "./normalize.js";

/**
 * Whether a word is a word of French or English (the an-array-of-french-words and
 * an-array-of-english-words lists, ~336,000 and ~275,000 forms, inflections included): a sample
 * question's "servait" or "armes" is a word of its own, not a typo of "serait" or "armée".
 */

const WordsSchema = z.array(z.string());

/**
 * The lists, folded as the matcher folds text ("armées" → "armees"). About 50 MB once a Set: held
 * by a WeakRef, which the garbage collector may clear once nothing else holds it, since they are
 * read when a knowledge is indexed, not per question. Tests that index many small knowledges in
 * a row mostly find it still there; a running bot can let it go. The files are read and parsed
 * here, not `require`d, so that the module cache does not keep the arrays for ever.
 */
let cached: WeakRef<ReadonlySet<string>> | undefined;

function load(): ReadonlySet<string> {
  const kept = cached?.deref();
  if (kept) return kept;
  const require = createRequire(import.meta.url);
  const words = new Set<string>();
  for (const list of ["an-array-of-french-words", "an-array-of-english-words"]) {
    const parsed: unknown = JSON.parse(readFileSync(require.resolve(list), "utf8"));
    for (const word of WordsSchema.parse(parsed)) words.add(/^[a-z]+$/.test(word) ? word : foldText(word));
  }
  cached = new WeakRef(words);
  return words;
}

/** Those of `forms` (folded) that are words of French or English. */
export function dictionaryWords(forms: Iterable<string>): Set<string> {
  const words = load();
  return new Set([...forms].filter((form) => words.has(form)));
}
