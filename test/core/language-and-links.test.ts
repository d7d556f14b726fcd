// What the conversation service asks of the core besides answers: the asker's language read with
// the knowledge's vocabulary (so a notice and the answer agree), and the article's optional link.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerer, loadKnowledge, type Answerer } from "../../src/index.js";
import { realCore, removeDir, replaceOnce, tempKnowledge } from "../fixtures/core.js";

const PUBLIC_SET = fileURLToPath(new URL("../../../shared/eval/questions.jsonl", import.meta.url));

describe("Answerer.detectLanguage", () => {
  let answerer: Answerer;
  beforeAll(async () => {
    ({ answerer } = await realCore());
  });

  it("reads a word the knowledge knows only in English as English ('troops?'), as answering does", () => {
    expect(answerer.detectLanguage("troops?")).toBe("en");
    expect(answerer.answer("troops?").language).toBe("en");
    expect(answerer.detectLanguage("soldats ?")).toBe("fr");
  });

  it("agrees with the language of the answer on every public question and on chat markup", () => {
    const questions = readFileSync(PUBLIC_SET, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { q: string }).q);
    expect(questions.length).toBeGreaterThan(30);
    for (const question of [...questions, "<@U123> ceasefire?", "**how many** troops", ""]) {
      expect(answerer.detectLanguage(question), question).toBe(answerer.answer(question).language);
    }
  });
});

describe("pack.url", () => {
  let dir = "";
  afterAll(async () => {
    await removeDir(dir);
  });

  it("is optional; when set, answers' sources and the pack summaries carry it", async () => {
    const { answerer: withoutUrl } = await realCore();
    expect(withoutUrl.answer("combien de pays ?").source?.url).toBeUndefined();
    ({ dir } = await tempKnowledge((yaml) => replaceOnce(yaml, "  language: fr\n", "  language: fr\n  url: https://news.example/coalition\n")));
    const answerer = createAnswerer(await loadKnowledge(dir));
    expect(answerer.answer("combien de pays ?").source?.url).toBe("https://news.example/coalition");
    expect(answerer.packs[0]?.url).toBe("https://news.example/coalition");
  });

  it("must be an http(s) address", async () => {
    const bad = await tempKnowledge((yaml) => replaceOnce(yaml, "  language: fr\n", "  language: fr\n  url: javascript:alert(1)\n"));
    try {
      await expect(loadKnowledge(bad.dir)).rejects.toThrow(/url/);
    } finally {
      await removeDir(bad.dir);
    }
  });
});
