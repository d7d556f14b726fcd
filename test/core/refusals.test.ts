// Honest refusals: off-topic questions and questions the article does not answer get "unknown",
// in the asker's language, with at most three did-you-mean suggestions — never a wrong answer.
import { beforeAll, describe, expect, it } from "vitest";
import { AnswerSchema, type Answer, type Language } from "../../src/index.js";
import { ANSWER_THRESHOLD } from "../../src/core/answerer.js";
import { realCore, type RealCore } from "../fixtures/core.js";

const OFF_TOPIC: readonly (readonly [string, Language])[] = [
  ["who is the president of France?", "en"],
  ["tell me a joke", "en"],
  ["quelle est la capitale de l'Australie", "fr"],
  ["what's the weather like today", "en"],
  ["qui a gagné la coupe du monde", "fr"],
  ["comment faire une tarte aux pommes", "fr"],
  ["how do I install python", "en"],
  ["quel est le prix du bitcoin", "fr"],
  ["qui est Emmanuel Macron ?", "fr"],
  ["raconte-moi une blague", "fr"],
  ["asdfgh qwerty", "fr"],
  // Thanks, whose "bcp" (beaucoup) is a word of the knowledge ("bcp de participants").
  ["ok merci bcp", "fr"],
  ["thanks a lot", "en"],
];

// On the article's subject, but the article does not say: a guess would be a wrong answer.
const NOT_IN_ARTICLE: readonly (readonly [string, Language])[] = [
  ["who is the president of ukraine", "en"],
  ["what is the capital of ukraine", "en"],
  ["who is Zelensky", "en"],
  ["what did Macron say", "en"],
  ["quel est le budget de la coalition", "fr"],
  ["combien coûte la force", "fr"],
  // "pays" is French for countries: in English it must not read as the coalition's size.
  ["who pays for the force", "en"],
];

// A plain refusal, or one naming what the article does not mention (and what it does say).
const REFUSAL_WORDS: Readonly<Record<Language, RegExp>> = {
  fr: /L’article ne dit rien|L’article ne mentionne pas|L’article ne dit pas cela|L’article ne cite aucun/,
  en: /The article does not say|The article does not mention|The article quotes no/,
};

describe("refusals", () => {
  let core: RealCore;
  beforeAll(async () => {
    core = await realCore();
  });

  function expectRefused(answer: Answer, language: Language): void {
    expect(() => AnswerSchema.parse(answer)).not.toThrow();
    expect(answer.status).toBe("unknown");
    expect(answer.factId).toBeNull();
    expect(answer.source).toBeNull();
    expect(answer.language).toBe(language);
    // As sure as an answer only when it is one of the pack's curated refusals, word for word.
    if (answer.confidence >= ANSWER_THRESHOLD) expect(core.knowledge.packs.flatMap((p) => p.unsaid ?? []).some((u) => answer.answer.startsWith(u.answer[language]))).toBe(true);
    else expect(answer.answer).toMatch(REFUSAL_WORDS[language]);
    expect(answer.suggestions.length).toBeLessThanOrEqual(3);
    const own = core.sampleQuestions(language);
    for (const suggestion of answer.suggestions) {
      // A did-you-mean is a sample question of the suggested fact, in the asker's language.
      expect(core.fact(suggestion.factId).questions[language]).toContain(suggestion.question);
      expect(own.has(suggestion.question)).toBe(true);
    }
    expect(new Set(answer.suggestions.map((s) => s.factId)).size).toBe(answer.suggestions.length);
  }

  describe("off-topic questions", () => {
    it.each(OFF_TOPIC)("%s → unknown (%s)", (question, language) => {
      expectRefused(core.answerer.answer(question), language);
    });
  });

  describe("questions on the subject that the article does not answer", () => {
    it.each(NOT_IN_ARTICLE)("%s → unknown (%s)", (question, language) => {
      expectRefused(core.answerer.answer(question), language);
    });
  });

  it("says why it refuses differently when it has suggestions to offer", () => {
    const withSuggestions = core.answerer.answer("what did the minister say about the weather");
    expect(withSuggestions.suggestions.length).toBeGreaterThan(0);
    expect(withSuggestions.answer).toMatch(/Did you mean/);
    // No word of it is near the article ("install" is, as a synonym of "deploy").
    const without = core.answerer.answer("how do I compile rust code");
    expect(without.suggestions).toEqual([]);
    expect(without.answer).not.toMatch(/Did you mean/);
  });

  it("offers, for a near miss, the fact that was meant", () => {
    // Close to the US-guarantee fact; today below the threshold. Answering it would be fine too;
    // refusing without pointing at it would not.
    const answer = core.answerer.answer("will the united states guarantee anything");
    if (answer.status === "answered") expect(answer.factId).toBe("us-guarantee");
    else expect(answer.suggestions.map((s) => s.factId)).toContain("us-guarantee");
  });

  it("refuses in English when asked in English even when the question names French things", () => {
    expectRefused(core.answerer.answer("what is the population of Brussels?"), "en");
  });

  it("does not answer a question word alone, but offers what it may mean", () => {
    const where = core.answerer.answer("où ?");
    expectRefused(where, "fr");
    const offered = where.suggestions.map((s) => s.factId);
    expect(offered).toContain("meeting-place");
    expect(offered).toContain("deployment-location");
    expectRefused(core.answerer.answer("combien font 12 fois 7"), "fr");
    expectRefused(core.answerer.answer("why?"), "en");
  });
});
