import { foldText, tokenize } from "../core/normalize.js";
import { stemWord } from "../core/stemming.js";
import { QUESTION_WORDS, STOPWORDS } from "../core/stopwords.js";
import type { FeedbackRecord } from "./feedback-store.js";

export interface ReportOptions {
  /** How many refused-question groups and down-voted facts to list (default 10). */
  readonly top?: number;
  /** Jaccard similarity of normalized word sets at or above which two questions group (default 0.6). */
  readonly similarity?: number;
}

export interface RefusedQuestionGroup {
  /** Refusals in the group. */
  readonly count: number;
  /** The group's most frequent wording. */
  readonly question: string;
  /** Other wordings, most frequent first (at most 5). */
  readonly variants: readonly string[];
  readonly platforms: readonly FeedbackRecord["platform"][];
  readonly lastAsked: string;
}

export interface FactVotes {
  readonly factId: string;
  readonly down: number;
  readonly up: number;
}

export interface DailyRates {
  /** UTC day, YYYY-MM-DD. */
  readonly day: string;
  readonly answered: number;
  readonly refused: number;
  /** answered / (answered + refused); null on a day with no recorded question. */
  readonly answerRate: number | null;
  readonly up: number;
  readonly down: number;
}

export interface FeedbackReport {
  readonly records: number;
  readonly from: string | null;
  readonly to: string | null;
  readonly totals: {
    readonly answered: number;
    readonly refused: number;
    /** Refusals recorded without their text (RECORD_QUESTIONS=false). */
    readonly refusedWithoutText: number;
    readonly up: number;
    readonly down: number;
  };
  readonly refusedQuestions: readonly RefusedQuestionGroup[];
  readonly downvotedFacts: readonly FactVotes[];
  readonly daily: readonly DailyRates[];
}

/**
 * The words a question is compared on: folded, stop words out, question words folded to what
 * they ask ("où"/"where"), stemmed. Two wordings of one question share most of them.
 */
export function questionSignature(question: string): ReadonlySet<string> {
  const words = new Set<string>();
  for (const token of tokenize(question)) {
    const kind = QUESTION_WORDS.get(token);
    if (kind !== undefined) words.add(`?${kind}`);
    // One stemmer for every question: a signature only needs two wordings to meet.
    else if (!STOPWORDS.has(token)) words.add(stemWord(token, "fr"));
  }
  return words;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared);
}

interface Wording {
  readonly words: ReadonlySet<string>;
  count: number;
  /** Wordings that differ only in case, accents or punctuation count as one, shown as first seen. */
  readonly texts: Map<string, { readonly text: string; count: number }>;
  readonly platforms: Set<FeedbackRecord["platform"]>;
  lastAsked: string;
}

interface Group {
  readonly words: ReadonlySet<string>;
  readonly members: Wording[];
  count: number;
}

/** Refusals with the same word set are one wording; wordings then join the most similar group. */
function groupRefusals(refusals: readonly FeedbackRecord[], similarity: number): Group[] {
  const wordings = new Map<string, Wording>();
  for (const record of refusals) {
    if (record.question === null) continue;
    const text = record.question.trim();
    const words = questionSignature(text);
    // A question of stop words only ("and so?") keeps its own folded text as its key.
    const key = words.size > 0 ? [...words].sort().join(" ") : `=${text.toLowerCase()}`;
    let wording = wordings.get(key);
    if (wording === undefined) {
      wording = { words, count: 0, texts: new Map(), platforms: new Set(), lastAsked: record.time };
      wordings.set(key, wording);
    }
    wording.count += 1;
    const spelling = foldText(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    const seen = wording.texts.get(spelling);
    if (seen === undefined) wording.texts.set(spelling, { text, count: 1 });
    else seen.count += 1;
    wording.platforms.add(record.platform);
    if (record.time > wording.lastAsked) wording.lastAsked = record.time;
  }

  const groups: Group[] = [];
  const groupsByWord = new Map<string, number[]>();
  const ordered = [...wordings.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  for (const [, wording] of ordered) {
    // Only groups sharing a word can reach a positive similarity: the index keeps this near-linear.
    const candidates = new Set<number>();
    for (const word of wording.words) for (const index of groupsByWord.get(word) ?? []) candidates.add(index);
    let best: Group | undefined;
    let bestScore = 0;
    for (const index of [...candidates].sort((a, b) => a - b)) {
      const group = groups[index];
      if (group === undefined) continue;
      const score = jaccard(wording.words, group.words);
      if (score > bestScore) {
        best = group;
        bestScore = score;
      }
    }
    if (best !== undefined && bestScore >= similarity) {
      best.members.push(wording);
      best.count += wording.count;
    } else {
      const index = groups.push({ words: wording.words, members: [wording], count: wording.count }) - 1;
      for (const word of wording.words) {
        const list = groupsByWord.get(word);
        if (list === undefined) groupsByWord.set(word, [index]);
        else list.push(index);
      }
    }
  }
  return groups;
}

function describeGroup(group: Group): RefusedQuestionGroup {
  const texts = new Map<string, number>();
  const platforms = new Set<FeedbackRecord["platform"]>();
  let lastAsked = "";
  for (const member of group.members) {
    for (const { text, count } of member.texts.values()) texts.set(text, (texts.get(text) ?? 0) + count);
    for (const platform of member.platforms) platforms.add(platform);
    if (member.lastAsked > lastAsked) lastAsked = member.lastAsked;
  }
  const wordings = [...texts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([text]) => text);
  return {
    count: group.count,
    question: wordings[0] ?? "",
    variants: wordings.slice(1, 6),
    platforms: [...platforms].sort(),
    lastAsked,
  };
}

/** What curators read: what users asked that the knowledge could not answer, what they disliked, and the trend. */
export function buildReport(records: readonly FeedbackRecord[], options: ReportOptions = {}): FeedbackReport {
  const top = options.top ?? 10;
  const similarity = options.similarity ?? 0.6;

  const refusals = records.filter((r) => r.vote === null && r.status === "unknown");
  const groups = groupRefusals(refusals, similarity)
    .map(describeGroup)
    .sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked) || a.question.localeCompare(b.question));

  const votes = new Map<string, { up: number; down: number }>();
  const days = new Map<string, { answered: number; refused: number; up: number; down: number }>();
  const totals = { answered: 0, refused: 0, refusedWithoutText: 0, up: 0, down: 0 };
  for (const record of records) {
    const dayKey = record.time.slice(0, 10);
    let day = days.get(dayKey);
    if (day === undefined) {
      day = { answered: 0, refused: 0, up: 0, down: 0 };
      days.set(dayKey, day);
    }
    if (record.vote === null) {
      const outcome = record.status === "answered" ? "answered" : "refused";
      day[outcome] += 1;
      totals[outcome] += 1;
      if (outcome === "refused" && record.question === null) totals.refusedWithoutText += 1;
    } else {
      day[record.vote] += 1;
      totals[record.vote] += 1;
      if (record.factId !== null) {
        const fact = votes.get(record.factId) ?? { up: 0, down: 0 };
        fact[record.vote] += 1;
        votes.set(record.factId, fact);
      }
    }
  }

  const times = records.map((r) => r.time).sort();
  return {
    records: records.length,
    from: times[0] ?? null,
    to: times[times.length - 1] ?? null,
    totals,
    refusedQuestions: groups.slice(0, top),
    downvotedFacts: [...votes.entries()]
      .filter(([, v]) => v.down > 0)
      .map(([factId, v]) => ({ factId, down: v.down, up: v.up }))
      .sort((a, b) => b.down - a.down || a.up - b.up || a.factId.localeCompare(b.factId))
      .slice(0, top),
    daily: [...days.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([day, d]) => ({
        day,
        answered: d.answered,
        refused: d.refused,
        answerRate: d.answered + d.refused === 0 ? null : d.answered / (d.answered + d.refused),
        up: d.up,
        down: d.down,
      })),
  };
}

function percent(rate: number | null): string {
  return rate === null ? "   -" : `${Math.round(rate * 100)}%`.padStart(4);
}

/** The report as plain text for a terminal. */
export function formatReport(report: FeedbackReport): string {
  if (report.records === 0) return "No feedback recorded yet.\n";
  const lines: string[] = [];
  const { totals } = report;
  lines.push(`Feedback report: ${report.records} records, ${report.from?.slice(0, 10) ?? "?"} to ${report.to?.slice(0, 10) ?? "?"}`);
  lines.push(
    `  ${totals.answered} answered, ${totals.refused} refused (${percent(totals.answered + totals.refused === 0 ? null : totals.answered / (totals.answered + totals.refused)).trim()} answered), ${totals.up} 👍, ${totals.down} 👎`,
  );

  lines.push("", "Most frequent refused questions (similar wordings grouped):");
  if (report.refusedQuestions.length === 0) lines.push("  none recorded");
  for (const group of report.refusedQuestions) {
    lines.push(`  ${String(group.count).padStart(4)}×  ${group.question}   [${group.platforms.join(", ")}; last ${group.lastAsked.slice(0, 10)}]`);
    for (const variant of group.variants) lines.push(`          also: ${variant}`);
  }
  if (totals.refusedWithoutText > 0) {
    const plural = totals.refusedWithoutText === 1 ? "" : "s";
    lines.push(`  (${totals.refusedWithoutText} refusal${plural} recorded without text: RECORD_QUESTIONS=false)`);
  }

  lines.push("", "Facts with the most 👎:");
  if (report.downvotedFacts.length === 0) lines.push("  none");
  for (const fact of report.downvotedFacts) {
    lines.push(`  ${String(fact.down).padStart(4)} 👎 ${String(fact.up).padStart(4)} 👍  ${fact.factId}`);
  }

  lines.push("", "Answer rate by day (UTC):", "  day          answered  refused  rate    👍    👎");
  for (const day of report.daily) {
    lines.push(
      `  ${day.day}  ${String(day.answered).padStart(8)}  ${String(day.refused).padStart(7)}  ${percent(day.answerRate)}  ${String(day.up).padStart(4)}  ${String(day.down).padStart(4)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
