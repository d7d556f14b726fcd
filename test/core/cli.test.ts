// The command-line tools end to end, as separate processes: `npm run ask -- --json` in batch mode
// (how the evaluation drives the bot), `npm start` without platform credentials, and
// `npm run knowledge:draft`. Each spawn costs about a second, so they run together in beforeAll.
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { splitSentences } from "../../src/core/coverage.js";
import { inspectKnowledge } from "../../src/core/knowledge-loader.js";
import { formatAnswer } from "../../src/cli/format.js";
import { AnswerSchema, createAnswerer, loadKnowledge, type Answer } from "../../src/index.js";
import { turnsOf } from "../support/recording-answerer.js";
import { ARTICLE_PATH, envWithoutPlatforms, PACK_ID, realCore, removeDir, runTsx, tempKnowledge, type RunResult } from "../fixtures/core.js";

const BATCH = [
  "combien de pays ?",
  "who launched it",
  "",
  "tell me a joke",
  "<@U123> @everyone où ?",
  "   ",
  "Qu’a dit le ministre finlandais ?",
  "\u0000\u0001 binaire",
  "x".repeat(2_000),
  "what are the four goals",
];

/** Follow-up dialogues through the CLI contract, mixed with questions on their own and near-misses. */
const DIALOGUE = [
  { conversation: "d1", question: "what did the British defence minister say?" },
  "combien de pays ?",
  { conversation: "d2", question: "how many troops?" },
  { conversation: "d1", question: "and the Finnish one?" },
  '{"conversation": "d1"}',
  '{"conversation": "d1", "question": ',
  { conversation: "d2", question: "since when?" },
  { conversation: "d1", question: "what was his point?" },
] as const;
const dialogueLine = (entry: (typeof DIALOGUE)[number]): string => (typeof entry === "string" ? entry : JSON.stringify(entry));

/** An unknown answer's shape, to render with and without a context note (no core answer is faked: the formatter is). */
const FOLLOW_UP_SHAPE: Answer = { status: "unknown", answer: "The article does not say.", confidence: 0, factId: null, source: null, suggestions: [], language: "en" };

const DRAFT_PACK = "draft-test";

describe("CLI", () => {
  let ask: RunResult;
  let start: RunResult;
  let draft: RunResult;
  let draftDir = "";
  const tempDirs: string[] = [];

  beforeAll(async () => {
    draftDir = await mkdtemp(path.join(os.tmpdir(), "core-test-draft-"));
    tempDirs.push(draftDir);
    // The last line has Windows line endings and the input does not end with a newline.
    const input = `${BATCH.slice(0, -2).join("\n")}\r\n${BATCH.slice(-2).join("\n")}`;
    [ask, start, draft] = await Promise.all([
      runTsx("src/cli/ask.ts", ["--json"], { input }),
      runTsx("app/main.ts", [], { input: "où ?\ncombien de pays ?\n", env: envWithoutPlatforms() }),
      runTsx("src/cli/knowledge-draft.ts", [ARTICLE_PATH, "--pack", DRAFT_PACK, "--knowledge", draftDir]),
    ]);
  });

  afterAll(async () => {
    await Promise.all(tempDirs.map(removeDir));
  });

  describe("npm run ask -- --json with questions on standard input", () => {
    it("prints exactly one JSON line per input line, in order, each the core's Answer plus the question", async () => {
      expect(ask.stderr).toBe("");
      expect(ask.code).toBe(0);
      const lines = ask.stdout.split("\n");
      expect(lines.at(-1)).toBe("");
      const records = lines.slice(0, -1).map((line) => JSON.parse(line) as unknown);
      expect(records).toHaveLength(BATCH.length);
      const { answerer } = await realCore();
      records.forEach((record, i) => {
        const question = BATCH[i] ?? "";
        expect(record).toMatchObject({ question });
        const answer = Object.fromEntries(Object.entries(record as object).filter(([key]) => key !== "question"));
        expect(AnswerSchema.parse(answer)).toEqual(answerer.answer(question));
      });
    });

    it("answers the questions it should and refuses the rest", () => {
      const records = ask.stdout.trim().split("\n").map((line) => JSON.parse(line) as { status: string; factId: string | null; language: string });
      expect(records.map((r) => r.factId)).toEqual([
        "coalition-size",
        "coalition-founders",
        null,
        null,
        records[4]?.factId ?? null, // "où ?" alone is too vague to require a particular fact
        null,
        "hakkanen-quote",
        null,
        null,
        "objectives-all",
      ]);
      expect(records.map((r) => r.language)).toEqual(["fr", "en", "fr", "en", "fr", "fr", "fr", "fr", "fr", "en"]);
    });
  });

  describe("npm start without platform credentials, standard input piped", () => {
    it("answers each line in the terminal chat and exits 0 at the end of input", async () => {
      expect(start.code).toBe(0);
      const { answerer } = await realCore();
      const where = answerer.answer("où ?");
      const count = answerer.answer("combien de pays ?");
      expect(start.stdout).toContain(where.answer);
      expect(start.stdout).toContain(count.answer);
      // With its source, readably.
      expect(start.stdout).toContain(`« ${count.source?.quote ?? "?"} »`);
      expect(start.stdout.indexOf(where.answer)).toBeLessThan(start.stdout.indexOf(count.answer));
    });
  });

  describe("npm run knowledge:draft on the article", () => {
    interface DraftFact {
      id: string;
      topic: string;
      answer: { fr: string; en: string };
      questions: { fr: string[]; en: string[] };
      aliases?: { fr: string[]; en: string[] };
      quote: string;
    }
    interface Draft {
      pack: { id: string; title: string; language: string };
      topics: { id: string; label: { fr: string; en: string } }[];
      facts: DraftFact[];
    }

    const packDir = (): string => path.join(draftDir, DRAFT_PACK);

    it("copies the article byte for byte and drafts one fact per sentence, quotes verbatim", async () => {
      expect(draft.code).toBe(0);
      const article = await readFile(ARTICLE_PATH);
      expect((await readFile(path.join(packDir(), "article.txt"))).equals(article)).toBe(true);
      const text = await readFile(path.join(packDir(), "facts.yaml"), "utf8");
      expect(text).toMatch(/^# yaml-language-server: \$schema=/);
      const parsed = parse(text) as Draft;
      const sentences = splitSentences(article.toString("utf8")).map((s) => s.text);
      expect(sentences.length).toBeGreaterThan(10);
      expect(parsed.pack.id).toBe(DRAFT_PACK);
      expect(parsed.facts.map((f) => f.quote)).toEqual(sentences);
      for (const fact of parsed.facts) expect(article.toString("utf8")).toContain(fact.quote);
      expect(new Set(parsed.facts.map((f) => f.id)).size).toBe(parsed.facts.length);
      expect(draft.stdout).toContain(`Drafted ${sentences.length} facts`);
    });

    it("fails the knowledge check until it is filled in, then loads beside the shipped pack", async () => {
      const unfilled = await inspectKnowledge(draftDir);
      expect(unfilled.problems.length).toBeGreaterThan(0);
      expect(unfilled.problems.every((p) => p.file === path.join(packDir(), "facts.yaml"))).toBe(true);
      expect(unfilled.problems.map((p) => p.field)).toEqual(expect.arrayContaining(["answer.fr", "questions.en.0"]));

      // A curator fills it in: title, topic label, and for each fact answers and questions.
      const factsPath = path.join(packDir(), "facts.yaml");
      const draftYaml = parse(await readFile(factsPath, "utf8")) as Draft;
      draftYaml.pack.title = "Brouillon de test";
      draftYaml.topics = [{ id: "main", label: { fr: "Le brouillon", en: "The draft" } }];
      draftYaml.facts = draftYaml.facts.map((fact, i) => ({
        ...fact,
        answer: { fr: `Réponse ${i + 1} du brouillon.`, en: `Draft answer ${i + 1}.` },
        questions: {
          fr: [`Que dit la phrase ${i + 1} du brouillon zanzibar ?`, `Phrase ${i + 1} du brouillon zanzibar ?`],
          en: [`What does draft sentence ${i + 1} of zanzibar say?`, `Zanzibar draft sentence ${i + 1}?`],
        },
      }));
      await writeFile(factsPath, stringify(draftYaml));
      expect((await inspectKnowledge(draftDir)).problems).toEqual([]);

      // Several packs load together, and an answer names the pack it came from.
      const both = await tempKnowledge();
      tempDirs.push(both.dir);
      await cp(packDir(), path.join(both.dir, DRAFT_PACK), { recursive: true });
      const answerer = createAnswerer(await loadKnowledge(both.dir));
      expect(answerer.packs.map((p) => p.id).sort()).toEqual([DRAFT_PACK, PACK_ID].sort());
      expect(answerer.answer("combien de pays ?").source?.pack).toBe(PACK_ID);
      const fromDraft = answerer.answer("phrase 3 du brouillon zanzibar");
      expect(fromDraft.source?.pack).toBe(DRAFT_PACK);
      expect(fromDraft.source?.title).toBe("Brouillon de test");
    });

    it("refuses to overwrite an existing pack", async () => {
      const again = await runTsx("src/cli/knowledge-draft.ts", [ARTICLE_PATH, "--pack", DRAFT_PACK, "--knowledge", draftDir]);
      expect(again.code).not.toBe(0);
      expect(again.stderr).toContain("already exists");
    });
  });
});

// A spawn of its own, after the three above: run together, four cold starts could outlast the hook
// timeout on a busy machine.
describe("npm run ask -- --json with conversation lines", () => {
  let dialogue: RunResult;
  beforeAll(async () => {
    dialogue = await runTsx("src/cli/ask.ts", ["--json"], { input: `${DIALOGUE.map(dialogueLine).join("\n")}\n` });
  });

  it("answers a conversation line in the context of the earlier lines with its id, any other line on its own", async () => {
    expect(dialogue.stderr).toBe("");
    expect(dialogue.code).toBe(0);
    const records = dialogue.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(DIALOGUE.length);
    const { answerer } = await realCore();
    const earlier = new Map<string, Answer[]>();
    records.forEach((record, i) => {
      const entry = DIALOGUE[i] ?? "";
      const { question, conversation, ...answer } = record;
      if (typeof entry === "string") {
        // Not a conversation line (plain text, or JSON of another shape): a question on its own, as written.
        expect({ question, conversation }).toEqual({ question: entry, conversation: undefined });
        expect(AnswerSchema.parse(answer)).toEqual(answerer.answer(entry));
        return;
      }
      expect({ question, conversation }).toEqual(entry);
      const before = earlier.get(entry.conversation) ?? [];
      // Whatever turns the core gave earlier in this conversation are what it was handed now.
      const expected = answerer.answer(entry.question, { context: turnsOf(before) });
      expect(AnswerSchema.parse(answer)).toEqual(expected);
      earlier.set(entry.conversation, [...before, expected]);
    });
  });

  it("shows a context note before the answer in the readable output", () => {
    const answer: Answer = { ...FOLLOW_UP_SHAPE, contextNote: "the Finnish minister" };
    expect(formatAnswer(answer).split("\n").slice(0, 2)).toEqual(["(the Finnish minister)", answer.answer]);
    expect(formatAnswer(FOLLOW_UP_SHAPE).split("\n")[0]).toBe(FOLLOW_UP_SHAPE.answer);
  });
});
