import type { Pack } from "./knowledge-schema.js";

export interface SentenceCoverage {
  readonly index: number;
  readonly sentence: string;
  /** Ids of the facts whose quote overlaps this sentence. */
  readonly factIds: readonly string[];
}

/** The article cut into sentences, with where each one starts; a line break always ends one. */
export function splitSentences(article: string): { text: string; start: number }[] {
  const sentences: { text: string; start: number }[] = [];
  const pattern = /[^\n]*?(?:[.?!…](?:\s*»)?(?=\s|$)|(?=\n)|$)/gu;
  for (const match of article.matchAll(pattern)) {
    const raw = match[0];
    const text = raw.trim();
    if (text.length === 0) continue;
    sentences.push({ text, start: match.index + raw.indexOf(text) });
  }
  return sentences;
}

/** Every sentence of the pack's article with the facts that cite it; uncovered ones have none. */
export function coverage(pack: Pack): SentenceCoverage[] {
  const spans = pack.facts.flatMap((fact) => {
    const start = pack.article.indexOf(fact.quote);
    return start < 0 ? [] : [{ id: fact.id, start, end: start + fact.quote.length }];
  });
  return splitSentences(pack.article).map(({ text, start }, index) => {
    const end = start + text.length;
    return { index: index + 1, sentence: text, factIds: spans.filter((s) => s.start < end && s.end > start).map((s) => s.id) };
  });
}
