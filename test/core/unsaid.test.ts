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
    // A question with a name of its own needs no context: its refusal stands, even where the
    // previous fact would have taken it ("what does NATO think?" after the link with NATO).
    const nato = answerer.answer("is the coalition competing with nato?");
    expect(nato.factId).toBe("nato-relation");
    const think = answerer.answer("what does nato think?");
    expect(think).toMatchObject({ status: "unknown", factId: null });
    expect(answerer.answer("what does nato think?", { context: nato.turn ? [nato.turn] : [] })).toMatchObject({ status: "unknown", answer: think.answer });
    // The previous fact only where it explains what the refusal was about: "à quel média ?" after
    // a minister's quote asks the article's source, which the quote does not give.
    const quote = answerer.answer("qu'a dit John Healey ?");
    expect(quote.factId).toBe("healey-quote");
    const media = answerer.answer("il l'a dit à quel média ?");
    expect(media).toMatchObject({ status: "unknown", factId: null });
    expect(answerer.answer("il l'a dit à quel média ?", { context: quote.turn ? [quote.turn] : [] })).toMatchObject({ status: "unknown", answer: media.answer });
    // A question with a subject of its own ("that ceasefire", "signed") whose refusal alone is surer
    // than the previous fact read with it: the refusal, though that fact holds each of its words.
    const force = answerer.answer("what's the reassurance force for?");
    expect(force.factId).toBe("reassurance-force");
    const signed = answerer.answer("when will that ceasefire be signed?");
    expect(signed).toMatchObject({ status: "unknown", factId: null });
    expect(answerer.answer("when will that ceasefire be signed?", { context: force.turn ? [force.turn] : [] })).toMatchObject({ status: "unknown", answer: signed.answer });
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
