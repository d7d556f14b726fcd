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
 * The lists, folded as the matcher folds text ("armées" → "armees"), kept as the sorted 32-bit
 * FNV-1a hashes of their words: 2.4 MB for the process's life instead of a 50 MB Set. Two words
 * may share a hash: a form that is no word is then taken for one about once in 7,000 (611,000
 * hashes among 2³²), and a sample question's typo stays a word of its own — the cost is that one
 * sample question does less, never a wrong match. Read when a knowledge is first indexed (about
 * half a second), not per question. The files are read and parsed, not `require`d, so that the
 * module cache does not keep the arrays.
 */
let hashes: Uint32Array | undefined;

function load(): Uint32Array {
  if (hashes) return hashes;
  const require = createRequire(import.meta.url);
  const all: number[] = [];
  for (const list of ["an-array-of-french-words", "an-array-of-english-words"]) {
    const parsed: unknown = JSON.parse(readFileSync(require.resolve(list), "utf8"));
    for (const word of WordsSchema.parse(parsed)) all.push(hashOf(/^[a-z]+$/.test(word) ? word : foldText(word)));
  }
  hashes = Uint32Array.from(all).sort();
  return hashes;
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function holds(sorted: Uint32Array, hash: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = sorted[middle] ?? 0;
    if (value === hash) return true;
    if (value < hash) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Those of `forms` (folded) that are words of French or English. */
export function dictionaryWords(forms: Iterable<string>): Set<string> {
  const sorted = load();
  return new Set([...forms].filter((form) => holds(sorted, hashOf(form))));
}
