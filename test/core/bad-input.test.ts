// What chat platforms and careless typing send: nothing, whitespace, emoji, binary, huge pastes,
// markdown, mentions. Never a throw, always a schema-valid Answer, a helpful "unknown" when there
// are no words; and questions are cut at 500 characters before matching.
import { beforeAll, describe, expect, it } from "vitest";
import { cleanQuestion, MAX_QUESTION_LENGTH } from "../../src/core/answerer.js";
import { AnswerSchema, type Answer } from "../../src/index.js";
import { realCore, type RealCore } from "../fixtures/core.js";

const NO_WORDS: readonly (readonly [string, string])[] = [
  ["empty", ""],
  ["spaces", "   "],
  ["tabs and newlines", "\t\n\r\n \u00a0\u2003"],
  ["emoji only", "🙂🎉👍🏽 👨‍👩‍👧 🇫🇷"],
  ["control characters", "\u0000\u0001\u0002\u001b\u007f\u0085"],
  ["lone surrogates and noncharacters", "\ud800\udfff\uffff\ufffe\ufffd"],
  ["punctuation", "?!... ??? — « »"],
  ["markdown markers", "**__~~`` ``` > # - [ ]"],
  ["a Slack mention", "<@U123ABC>"],
  ["Slack broadcasts", "<!channel> <!here> <!everyone>"],
  ["Discord broadcasts", "@everyone @here"],
  ["Discord mentions", "<@123456789012345678> <@!42> <@&77> <#99> <:wave:123> <a:dance:456>"],
];

describe("bad input", () => {
  let core: RealCore;
  beforeAll(async () => {
    core = await realCore();
  });

  function answerOf(question: string): Answer {
    let answer: Answer | undefined;
    expect(() => {
      answer = core.answerer.answer(question);
    }).not.toThrow();
    if (!answer) throw new Error("no answer");
    expect(() => AnswerSchema.parse(answer)).not.toThrow();
    return answer;
  }

  describe("input with no words gets a helpful unknown", () => {
    it.each(NO_WORDS)("%s", (_, question) => {
      const answer = answerOf(question);
      expect(answer.status).toBe("unknown");
      expect(answer.confidence).toBe(0);
      expect(answer.language).toBe("fr");
      // Helpful: it says how to ask, with an example question the bot can answer.
      expect(answer.answer).toMatch(/Posez-moi une question/);
      const example = [...core.sampleQuestions("fr")].find((q) => answer.answer.includes(q));
      expect(example).toBeDefined();
      if (example) expect(answerOf(example).status).toBe("answered");
    });
  });

  it("answers a question wrapped in mentions, markdown and formatting as the bare question", () => {
    const bare = answerOf("combien de pays ?");
    expect(bare.factId).toBe("coalition-size");
    for (const wrapped of [
      "<@U123ABC> combien de pays ?",
      "<!channel> combien de pays ?",
      "@everyone combien de pays ?",
      "<@123456789012345678> combien de pays ?",
      "**combien** de _pays_ ?",
      "> combien de pays ?",
      "`combien de pays ?`",
      "combien\u0000de\u0000pays ?",
      "combien\u200bde pays ?",
      "  combien de pays ?  \n",
    ]) {
      expect({ wrapped, factId: answerOf(wrapped).factId }).toEqual({ wrapped, factId: "coalition-size" });
    }
  });

  it("keeps the label of a Slack link, drops the URL and channel references", () => {
    expect(cleanQuestion("<https://example.org/x|combien de pays> ?")).toBe("combien de pays ?");
    expect(cleanQuestion("<https://example.org/x> combien de pays ?")).toBe("combien de pays ?");
    expect(cleanQuestion("<#C123|general> who launched it")).toBe("who launched it");
    expect(answerOf("<#C123|general> who launched it").factId).toBe("coalition-founders");
  });

  it("never throws on a non-string from an untyped caller", () => {
    expect(cleanQuestion(undefined)).toBe("");
    expect(cleanQuestion(42)).toBe("");
    // A JavaScript adapter could pass anything the platform hands it.
    for (const value of [undefined, null, 42, {}, ["combien de pays ?"]] as unknown[]) {
      expect(() => AnswerSchema.parse(core.answerer.answer(value as string))).not.toThrow();
    }
  });

  it("survives 100 KB of text, quickly", () => {
    const texts = [
      "a".repeat(100_000),
      "combien de pays ? ".repeat(6_000),
      "🙂".repeat(50_000),
      "\u0000".repeat(100_000),
      Array.from({ length: 100_000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join(""),
    ];
    for (const text of texts) {
      const started = performance.now();
      answerOf(text);
      // Cut before matching: 100 KB costs what 500 characters cost (generous bound for slow CI).
      expect(performance.now() - started).toBeLessThan(250);
    }
  });

  describe(`questions past ${MAX_QUESTION_LENGTH} characters are cut before matching`, () => {
    const question = "combien de pays ?";

    it("a real question followed by 10,000 characters of junk is still answered", () => {
      for (const junk of [" " + "?".repeat(10_000), " " + "🙂".repeat(5_000), " " + "x ".repeat(5_000), "\n" + "\u0000".repeat(10_000)]) {
        expect(answerOf(question + junk).factId).toBe("coalition-size");
      }
    });

    it("a real question after 10,000 characters of junk is never seen", () => {
      for (const junk of ["lorem ipsum ".repeat(850), ".".repeat(10_000), "blah ".repeat(2_000)]) {
        const answer = answerOf(junk + question);
        expect(answer.status).toBe("unknown");
      }
    });

    it("cuts at exactly 500 characters", () => {
      const bare = "combien de pays"; // 15 characters, no punctuation to pad with
      // Ends at character 500: whole; ends at 501: its last letter is cut off and the match changes.
      const fits = ".".repeat(MAX_QUESTION_LENGTH - bare.length) + bare;
      const overflows = ".".repeat(MAX_QUESTION_LENGTH - bare.length + 1) + bare;
      expect(fits).toHaveLength(500);
      expect(cleanQuestion(fits).endsWith(bare)).toBe(true);
      expect(cleanQuestion(overflows).endsWith("combien de pay")).toBe(true);
      // The same answer; only the remembered turn keeps the question as it came.
      const withoutTurn = (answer: Answer): Omit<Answer, "turn"> => {
        const copy: Partial<Answer> = { ...answer };
        delete copy.turn;
        return copy as Omit<Answer, "turn">;
      };
      expect(withoutTurn(answerOf(fits))).toEqual(withoutTurn(answerOf("combien de pays")));
      expect(withoutTurn(answerOf(overflows))).toEqual(withoutTurn(answerOf("combien de pay")));
    });

    it("never splits a character made of two UTF-16 units", () => {
      const cut = cleanQuestion("🙂".repeat(MAX_QUESTION_LENGTH + 10));
      expect(cut).not.toMatch(/[\ud800-\udfff]/u);
    });
  });
});
