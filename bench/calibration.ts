// `npm run calibration -- SET.jsonl...`: how far confidence can be trusted. Answers every question
// of the sets (the format of ../shared/eval) in process and prints, per confidence band, how many
// were answered and the share right; then the totals score.mjs would print. Development sets only:
// a held-out set scored here is no longer held out.
import { readFileSync } from "node:fs";
import { createAnswerer, loadKnowledge, type ConversationTurn } from "../src/index.js";
import { CaseSchema, isRight, readConversationLine } from "./eval-case.js";

const showMisses = process.argv.includes("--misses");
const sets = process.argv.slice(2).filter((a) => a !== "--misses");
if (sets.length === 0) {
  console.error("Usage: npm run calibration -- SET.jsonl [SET.jsonl…]");
  process.exit(2);
}
const answerer = createAnswerer(await loadKnowledge());
const BANDS = [0.5, 0.6, 0.7, 0.8, 0.9, 1.01] as const;
const bands = BANDS.map(() => ({ answered: 0, right: 0 }));
let inScope = 0;
let right = 0;
let wrong = 0;
let traps = 0;
let refused = 0;
/** Turns of each conversation id, as `npm run ask -- --json` keeps them for `{"conversation", "question"}` lines. */
const conversations = new Map<string, ConversationTurn[]>();
for (const set of sets) {
  for (const line of readFileSync(set, "utf8").split("\n").filter(Boolean)) {
    const item = CaseSchema.parse(JSON.parse(line));
    const turn = readConversationLine(item.q);
    const context = turn ? (conversations.get(turn.conversation) ?? []) : [];
    const answer = answerer.answer(turn?.question ?? item.q, { context });
    if (turn && answer.turn) conversations.set(turn.conversation, [...context, answer.turn].slice(-5));
    const ok = isRight(item, answer);
    if (!ok && showMisses) console.log(`miss: ${item.q} -> ${answer.status} ${answer.factId ?? ""} ${answer.contextNote ?? ""} | ${answer.answer.slice(0, 80)}`);
    if (item.expect === "unknown") {
      traps++;
      if (ok) refused++;
    } else {
      inScope++;
      if (ok) right++;
      else if (answer.status === "answered") wrong++;
    }
    if (answer.status !== "answered") continue;
    const band = BANDS.findIndex((top) => answer.confidence < top);
    const slot = bands[band - 1] ?? bands[0];
    if (slot) {
      slot.answered++;
      if (ok) slot.right++;
    }
  }
}
console.log("confidence   answered   right");
BANDS.slice(0, -1).forEach((low, i) => {
  const slot = bands[i] ?? { answered: 0, right: 0 };
  const high = Math.min(1, BANDS[i + 1] ?? 1);
  const share = slot.answered === 0 ? "–" : `${((100 * slot.right) / slot.answered).toFixed(0)} %`;
  console.log(`${low.toFixed(2)}–${high.toFixed(2)}   ${String(slot.answered).padStart(8)}   ${share.padStart(5)}`);
});
const pct = (a: number, b: number): string => (b === 0 ? "–" : `${((100 * a) / b).toFixed(1)} %`);
console.log(`accuracy ${pct(right, inScope)} (${right}/${inScope}), wrong answers ${wrong}, abstention ${pct(refused, traps)} (${refused}/${traps})`);

