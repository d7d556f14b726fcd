import { termsOfEntry } from "./evidence-index.js";
import type { Pack } from "./knowledge-schema.js";

/** Two synonym groups that share a term, and the entries of each that stand for it. */
export interface SynonymJoin {
  readonly term: string;
  readonly groups: readonly { readonly index: number; readonly entries: readonly string[] }[];
}

/**
 * Synonym groups a shared term joins: a question word reaching that term finds both groups' words.
 * Often meant ("réunir" and "réunion" meet on "reun"), sometimes a folding or stemming accident
 * ("traîner", folded, stems as "train", as in training): `knowledge:check` lists them to be read.
 */
export function synonymJoins(pack: Pack): SynonymJoin[] {
  const byTerm = new Map<string, Map<number, string[]>>();
  for (const [index, group] of (pack.synonyms ?? []).entries()) {
    for (const entry of group) {
      for (const term of termsOfEntry(entry).terms) {
        const groups = byTerm.get(term) ?? new Map<number, string[]>();
        groups.set(index, [...(groups.get(index) ?? []), entry]);
        byTerm.set(term, groups);
      }
    }
  }
  return [...byTerm]
    .filter(([, groups]) => groups.size > 1)
    .map(([term, groups]) => ({ term, groups: [...groups].map(([index, entries]) => ({ index, entries: [...new Set(entries)] })) }));
}
