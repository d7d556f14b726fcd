// Property tests: whatever a user, a platform or a fuzzer sends, `answer` returns a schema-valid
// Answer and never throws; `suggest` stays within Discord's limits. Seeded, so a failure replays.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { AnswerSchema, type Answer } from "../../src/index.js";
import { realCore, type RealCore } from "../fixtures/core.js";

const SEED = 20_240_611;
const RUNS = 400;

/** Words the knowledge knows, mixed into random text so that matching really runs, not only the cut. */
const KNOWN_WORDS = ["combien", "pays", "coalition", "qui", "who", "launched", "où", "réunion", "l’Otan", "cessez-le-feu", "Häkkänen", "soldats", "where", "NATO"];

/**
 * Strings up to 10,000 characters. fast-check's default size keeps strings under ~20 characters
 * whatever maxLength says, so half the runs ask for the full range explicitly.
 */
function upTo10k(unit: "binary" | "grapheme"): fc.Arbitrary<string> {
  return fc.oneof(fc.string({ unit, maxLength: 10_000 }), fc.string({ unit, maxLength: 10_000, size: "max" }));
}

describe("answer on arbitrary input", () => {
  let core: RealCore;
  beforeAll(async () => {
    core = await realCore();
  });

  function checkAnswer(question: string): void {
    let answer: Answer | undefined;
    try {
      answer = core.answerer.answer(question);
    } catch (error) {
      throw new Error(`answer threw on ${JSON.stringify(question.slice(0, 80))}: ${String(error)}`);
    }
    const parsed = AnswerSchema.safeParse(answer);
    if (!parsed.success) throw new Error(`invalid Answer for ${JSON.stringify(question.slice(0, 80))}: ${parsed.error.message}`);
    // Suggestions never repeat the answered fact, and the answer text is never empty or blank.
    expect(parsed.data.answer.trim().length).toBeGreaterThan(0);
    if (parsed.data.factId !== null) expect(parsed.data.suggestions.map((s) => s.factId)).not.toContain(parsed.data.factId);
  }

  it("really generates long strings (a guard on the generators above)", () => {
    const lengths = fc.sample(upTo10k("binary"), { seed: SEED, numRuns: 200 }).map((q) => q.length);
    expect(Math.max(...lengths)).toBeGreaterThan(5_000);
    expect(lengths.filter((length) => length > 500).length).toBeGreaterThan(50);
  });

  it("any string of code points (fast-check 4's fullUnicodeString, surrogate halves included), up to 10,000", () => {
    fc.assert(fc.property(upTo10k("binary"), checkAnswer), { seed: SEED, numRuns: RUNS });
  });

  it("any string of Unicode graphemes (emoji sequences, combining marks…), up to 10,000", () => {
    fc.assert(fc.property(upTo10k("grapheme"), checkAnswer), { seed: SEED + 1, numRuns: RUNS });
  });

  it("known words mixed with arbitrary Unicode, mentions and markdown", () => {
    const piece = fc.oneof(
      fc.constantFrom(...KNOWN_WORDS),
      fc.constantFrom("<@U123>", "<!channel>", "@everyone", "<#C1|general>", "**", "`", "> ", "\n", "?", "’", "'", "-"),
      fc.string({ unit: "binary", maxLength: 20 }),
    );
    const question = fc.array(piece, { maxLength: 60, size: "large" }).map((parts) => parts.join(" "));
    fc.assert(fc.property(question, checkAnswer), { seed: SEED + 2, numRuns: RUNS });
  });

  it("the same question always gets the same answer (the core keeps no state between questions)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary-ascii", maxLength: 200 }), { minLength: 1, maxLength: 5 }), (questions) => {
        const first = questions.map((q) => core.answerer.answer(q));
        const again = [...questions].reverse().map((q) => core.answerer.answer(q)).reverse();
        expect(again).toEqual(first);
      }),
      { seed: SEED + 3, numRuns: 100 },
    );
  });

  it("suggest returns at most 25 choices of 1 to 100 characters, on anything", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 2_000, size: "large" }), fc.constantFrom("fr" as const, "en" as const), (prefix, language) => {
        const choices = core.answerer.suggest(prefix, language);
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const choice of choices) {
          expect(choice.length).toBeGreaterThanOrEqual(1);
          expect(choice.length).toBeLessThanOrEqual(100);
        }
      }),
      { seed: SEED + 4, numRuns: 300 },
    );
  });
});
