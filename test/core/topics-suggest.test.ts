// topics(lang) for help texts and /ask with no question; suggest(prefix, lang) for Discord's
// autocomplete, which accepts at most 25 choices of 1–100 characters each.
import { beforeAll, describe, expect, it } from "vitest";
import { foldText } from "../../src/core/normalize.js";
import type { Language } from "../../src/index.js";
import { realCore, type RealCore } from "../fixtures/core.js";

const LANGUAGES: readonly Language[] = ["fr", "en"];

describe("topics", () => {
  let core: RealCore;
  beforeAll(async () => {
    core = await realCore();
  });

  it.each(LANGUAGES)("lists every topic of the pack with its label in %s", (language) => {
    const topics = core.answerer.topics(language);
    const pack = core.knowledge.packs[0];
    expect(topics.map((t) => t.id)).toEqual(pack?.topics.map((t) => t.id));
    for (const topic of topics) {
      expect(topic.label).toBe(pack?.topics.find((t) => t.id === topic.id)?.label[language]);
      expect(topic.label.length).toBeGreaterThanOrEqual(1);
      expect(topic.label.length).toBeLessThanOrEqual(100);
    }
  });

  it.each(LANGUAGES)("gives, in %s, one example question per fact, each answering its own topic", (language) => {
    const topics = core.answerer.topics(language);
    const own = core.sampleQuestions(language);
    const examples = topics.flatMap((t) => t.examples);
    expect(examples).toHaveLength(core.answerer.factCount);
    for (const topic of topics) {
      expect(topic.examples.length).toBeGreaterThan(0);
      for (const example of topic.examples) {
        expect(own.has(example)).toBe(true);
        const answer = core.answerer.answer(example);
        expect(answer.status).toBe("answered");
        expect(answer.language).toBe(language);
      }
    }
  });
});

describe("suggest", () => {
  let core: RealCore;
  beforeAll(async () => {
    core = await realCore();
  });

  function expectChoices(choices: readonly string[], language: Language): void {
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(new Set(choices).size).toBe(choices.length);
    const own = core.sampleQuestions(language);
    for (const choice of choices) {
      expect(choice.length).toBeGreaterThanOrEqual(1);
      expect(choice.length).toBeLessThanOrEqual(100);
      expect(own.has(choice)).toBe(true);
    }
  }

  it.each(LANGUAGES)("with nothing typed yet, offers up to 25 questions in %s", (language) => {
    for (const prefix of ["", "   ", "?", "🙂"]) {
      const choices = core.answerer.suggest(prefix, language);
      expect(choices.length).toBeGreaterThan(0);
      expectChoices(choices, language);
    }
  });

  it("defaults to French", () => {
    expect(core.answerer.suggest("")).toEqual(core.answerer.suggest("", "fr"));
  });

  it("puts questions that start with what was typed first, accents and case aside", () => {
    for (const [prefix, language] of [["combien", "fr"], ["COMBIEN DE", "fr"], ["ou se", "fr"], ["qu'a", "fr"], ["where", "en"], ["how many", "en"]] as const) {
      const choices = core.answerer.suggest(prefix, language);
      expectChoices(choices, language);
      const folded = foldText(prefix);
      const starts = choices.map((q) => foldText(q).startsWith(folded));
      expect({ prefix, first: starts[0] }).toEqual({ prefix, first: true });
      // Once a choice does not start with the prefix, none after it does.
      const firstOther = starts.indexOf(false);
      if (firstOther >= 0) expect(starts.slice(firstOther)).not.toContain(true);
      // And every sample question that starts with the prefix is offered, up to the limit.
      const all = [...core.sampleQuestions(language)].filter((q) => foldText(q).startsWith(folded));
      expect(choices.filter((_, i) => starts[i])).toHaveLength(Math.min(25, all.length));
    }
  });

  it("tolerates typos in what was typed", () => {
    const cases: readonly (readonly [string, Language, string])[] = [
      ["combein de p", "fr", "coalition-size"],
      ["coalitoin", "en", "coalition-size"],
      ["healy", "en", "healey-quote"],
      ["brekelman", "fr", "brekelmans-quote"],
      ["cesez-le-feu", "fr", "no-ceasefire"],
    ];
    for (const [prefix, language, factId] of cases) {
      const choices = core.answerer.suggest(prefix, language);
      expectChoices(choices, language);
      const wanted = core.fact(factId).questions[language];
      // One of the first five choices asks for the intended fact.
      expect({ prefix, hit: choices.slice(0, 5).some((q) => wanted.includes(q)) }).toEqual({ prefix, hit: true });
    }
  });

  it("never throws and stays within Discord's limits on hostile input", () => {
    for (const prefix of ["\u0000\u0001", "x".repeat(5_000), "<@U1> @everyone", "\ud800", "a", "e".repeat(101)]) {
      for (const language of LANGUAGES) expectChoices(core.answerer.suggest(prefix, language), language);
    }
  });
});
