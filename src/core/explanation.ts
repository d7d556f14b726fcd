import type { Answer, Language } from "./answer-schema.js";
import type { EntityKind } from "./entities.js";
import type { FactScore } from "./scorer.js";
import type { QuestionKind } from "./stopwords.js";

/** Why a question got its answer: the chosen fact and the runner-up, factor by factor. */
export interface Explanation {
  readonly question: string;
  readonly language: Language;
  readonly kindsAsked: readonly QuestionKind[];
  readonly mentions: readonly { readonly id: string; readonly kind: EntityKind; readonly label: string; readonly inArticle: boolean }[];
  /** `unsaid`: a curated refusal (what the article does not say), not a fact. */
  readonly chosen: (FactScore & { readonly factId: string; readonly unsaid: boolean }) | null;
  readonly runnerUp: (FactScore & { readonly factId: string; readonly unsaid: boolean }) | null;
  readonly confidence: number;
  readonly threshold: number;
  readonly answer: Answer;
}

const round = (n: number): string => n.toFixed(3).replace(/\.?0+$/, "") || "0";

function describeFact(label: string, fact: Explanation["chosen"]): string[] {
  if (!fact) return [`${label}: none`];
  const lines = [`${label}: ${fact.factId}${fact.unsaid ? " (what the article does not say)" : ""} — score ${round(fact.score)} = coverage ${round(fact.coverage)} × specificity ${round(fact.specificity)} × kind ${round(fact.kind)} × entities ${round(fact.entity)}`];
  for (const word of fact.words) {
    if (word.matched) {
      const m = word.matched;
      lines.push(`    + ${word.surface} (weight ${round(word.weight)}): ${m.how} → "${m.term}" in ${m.field} (quality ${round(m.quality)} × strength ${round(m.strength)})`);
    } else {
      lines.push(`    − ${word.surface} (weight ${round(word.weight)}, ${word.status}): not explained by this fact, counts against`);
    }
  }
  if (fact.bestRecord) lines.push(`    closest ${fact.bestRecord.field}: "${fact.bestRecord.text}" (similarity ${round(fact.recordSimilarity)})`);
  lines.push(`    asks ${fact.kindsAsked.join(", ") || "(nothing specific)"}; its sample questions ask ${fact.kindsAnswered.join(", ") || "(nothing specific)"}`);
  if (fact.entities.agreed.length > 0) lines.push(`    entities agreeing: ${fact.entities.agreed.map((e) => e.id).join(", ")}`);
  if (fact.entities.clashes.length > 0) lines.push(`    entities clashing: ${fact.entities.clashes.map((e) => e.id).join(", ")} (the fact names others of their kind)`);
  if (fact.entities.contradicted.length > 0) lines.push(`    entities contradicted: ${fact.entities.contradicted.map((e) => e.id).join(", ")} (a yes/no question the fact answers "no": it gives the one of their kind)`);
  return lines;
}

/** An explanation as a curator reads it in a terminal. */
export function formatExplanation(explanation: Explanation): string {
  const lines = [
    `question: ${explanation.question} (${explanation.language})`,
    `asks: ${explanation.kindsAsked.join(", ") || "(nothing specific)"}; names: ${explanation.mentions.map((m) => `${m.label} [${m.kind}${m.inArticle ? ", in the article" : ""}]`).join(", ") || "(no entity)"}`,
    ...describeFact("chosen", explanation.chosen),
    ...describeFact("runner-up", explanation.runnerUp),
    `confidence ${round(explanation.confidence)} (threshold ${round(explanation.threshold)}): ${explanation.answer.status}${explanation.answer.factId ? ` ${explanation.answer.factId}` : ""}`,
  ];
  return lines.join("\n");
}
