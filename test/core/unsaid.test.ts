// The shipped knowledge's curated refusals (`unsaid`): they refuse what the article leaves open
// and leave every fact exactly as it scores without them.
import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerer, type Answerer } from "../../src/index.js";
import { realCore, type RealCore } from "../fixtures/core.js";

describe("curated refusals on the shipped knowledge", () => {
  let core: RealCore;
  let withoutRefusals: Answerer;
  beforeAll(async () => {
    core = await realCore();
    withoutRefusals = createAnswerer({ packs: core.knowledge.packs.map((p) => ({ ...p, unsaid: [] })) });
  });

  it("what the article leaves open is refused plainly, in the asker's language, then what it does say", () => {
    const [pack] = core.knowledge.packs;
    const entries = new Map((pack?.unsaid ?? []).map((u) => [u.id, u]));
    for (const id of ["coalition-leader", "coalition-creation-date", "russia-reaction", "peace-talks-venue"]) {
      const entry = entries.get(id);
      if (!entry) throw new Error(`no refusal ${id} in the shipped pack`);
      for (const language of ["fr", "en"] as const) {
        const question = entry.questions[language][0] ?? "";
        const answer = core.answerer.answer(question);
        expect(answer, question).toMatchObject({ status: "unknown", factId: null, source: null, language });
        expect(answer.answer.startsWith(entry.answer[language]), question).toBe(true);
        if (entry.see !== undefined) {
          expect(answer.answer, question).toContain(core.fact(entry.see).answer[language]);
          expect(answer.suggestions[0]?.factId, question).toBe(entry.see);
        }
      }
    }
  });

  it("in a follow-up, a refusal gives way to the previous turn's subject, not to another fact the context draws in", () => {
    const answerer = core.answerer;
    const launched = answerer.answer("which two countries launched the coalition?");
    expect(launched.factId).toBe("coalition-founders");
    const context = launched.turn ? [launched.turn] : [];
    // Read with the founders' question, "when was it launched" finds the force's "after a
    // ceasefire", at less confidence than the refusal alone has.
    for (const question of ["when was it launched", "when exactly was it launched?"]) {
      const alone = answerer.answer(question);
      expect(alone, question).toMatchObject({ status: "unknown", factId: null });
      expect(answerer.answer(question, { context }), question).toMatchObject({ status: "unknown", answer: alone.answer });
    }
    // Asked after `before` (whose fact is `beforeFact`), `question` keeps the refusal it gets alone.
    const refusalStands = (before: string, beforeFact: string, question: string): void => {
      const first = answerer.answer(before);
      expect(first.factId, before).toBe(beforeFact);
      const alone = answerer.answer(question);
      expect(alone, question).toMatchObject({ status: "unknown", factId: null });
      expect(answerer.answer(question, { context: first.turn ? [first.turn] : [] }), question).toMatchObject({ status: "unknown", answer: alone.answer });
    };
    // A question with a name of its own needs no context: its refusal stands, even where the
    // previous fact would have taken it ("what does NATO think?" after the link with NATO).
    refusalStands("is the coalition competing with nato?", "nato-relation", "what does nato think?");
    // The previous fact only where it explains what the refusal was about: "à quel média ?" after
    // a minister's quote asks the article's source, which the quote does not give.
    refusalStands("qu'a dit John Healey ?", "healey-quote", "il l'a dit à quel média ?");
    // A question with a subject of its own ("that ceasefire", "signed") whose refusal alone is surer
    // than the previous fact read with it: the refusal, though that fact holds each of its words.
    refusalStands("what's the reassurance force for?", "reassurance-force", "when will that ceasefire be signed?");
    // "at whose HQ?" has one word of its own: it leans on the meeting's place.
    const met = answerer.answer("where did the ministers meet");
    expect(answerer.answer("at whose HQ?", { context: met.turn ? [met.turn] : [] })).toMatchObject({ status: "answered", factId: "meeting-place" });
    // "alliés de qui ?" after the coalition's size is its question: answered from that fact.
    const size = answerer.answer("la coalition c'est combien de pays ?");
    expect(size.factId).toBe("coalition-size");
    expect(answerer.answer("alliés de qui ?", { context: size.turn ? [size.turn] : [] })).toMatchObject({ status: "answered", factId: "coalition-size" });
  });

  it("change no fact's score: every fact's sample questions rank the same facts, with the same scores, and none is taken by a refusal", () => {
    const changed: string[] = [];
    for (const fact of core.knowledge.packs.flatMap((p) => p.facts)) {
      for (const language of ["fr", "en"] as const) {
        for (const question of fact.questions[language]) {
          const before = withoutRefusals.explain(question);
          const after = core.answerer.explain(question);
          if (after.chosen?.unsaid === true) changed.push(`${fact.id}: "${question}" taken by ${after.chosen.factId}`);
          else if (after.chosen?.factId !== before.chosen?.factId || after.chosen?.score !== before.chosen?.score || after.runnerUp?.score !== before.runnerUp?.score) {
            changed.push(`${fact.id}: "${question}" ranks ${after.chosen?.factId ?? "nothing"} (${after.chosen?.score ?? 0}) instead of ${before.chosen?.factId ?? "nothing"} (${before.chosen?.score ?? 0})`);
          }
        }
      }
    }
    expect(changed).toEqual([]);
  });
});
