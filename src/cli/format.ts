import type { Answer } from "../core/answer-schema.js";

/** An answer as a person reads it in a terminal: the answer, then where it comes from. */
export function formatAnswer(answer: Answer): string {
  // What the question was read as, first: a follow-up read wrongly is seen before the answer is believed.
  const lines = answer.contextNote === undefined ? [answer.answer] : [`(${answer.contextNote})`, answer.answer];
  if (answer.source) {
    lines.push(`  ↳ « ${answer.source.quote} »`);
    lines.push(`    ${answer.source.title} (${answer.source.pack}) · ${answer.language === "fr" ? "confiance" : "confidence"} ${Math.round(answer.confidence * 100)} %`);
  }
  if (answer.suggestions.length > 0) {
    const heading = answer.status === "answered" ? (answer.language === "fr" ? "Voir aussi :" : "See also:") : "";
    if (heading) lines.push(heading);
    for (const s of answer.suggestions) lines.push(`  • ${s.question}`);
  }
  return lines.join("\n");
}
