// The knowledge check: every bad case a curator can make fails with a message naming the file,
// the line where possible, the fact id and the field; `npm run knowledge:check` exits 1 on them
// and 0 on the shipped knowledge, with a coverage table of every sentence of the article.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coverage } from "../../src/core/coverage.js";
import type { KnowledgeProblem } from "../../src/core/errors.js";
import { packJsonSchema } from "../../src/core/json-schema.js";
import { inspectKnowledge } from "../../src/core/knowledge-loader.js";
import { KnowledgeError, loadKnowledge } from "../../src/index.js";
import {
  FACTS_PATH,
  KNOWLEDGE_DIR,
  PACK_ID,
  lineContaining,
  realCore,
  removeDir,
  replaceOnce,
  runTsx,
  tempKnowledge,
  type RunResult,
} from "../fixtures/core.js";

// Anchors in the shipped facts.yaml; replaceOnce throws if one goes stale, so no case passes vacuously.
const MEETING_DATE = "  - id: meeting-date\n    topic: meeting\n";
const MEETING_PLACE_QUOTE =
  "venue, location of the meeting, NATO headquarters, Brussels, NATO HQ]\n    quote: \"s’est réunie jeudi au siège de l’Otan à Bruxelles\"";

const ALIAS_BOMB = [
  "lol:",
  '  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  "  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
  "  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
  "  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
  "  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
  "  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
  "",
].join("\n");

const BAD_CASES = {
  badYaml: (y: string) => replaceOnce(y, MEETING_DATE, "  - id: meeting-date\n    topic: meeting: oops\n"),
  missingField: (y: string) => replaceOnce(y, MEETING_DATE, "  - id: meeting-date\n"),
  missingNestedField: (y: string) =>
    replaceOnce(y, "      en: \"The coalition of the willing met at NATO headquarters in Brussels.\"\n", ""),
  // The most likely slip: straight apostrophes where the article has typographic ones.
  quoteNotInArticle: (y: string) =>
    replaceOnce(y, MEETING_PLACE_QUOTE, MEETING_PLACE_QUOTE.replace("s’est réunie jeudi au siège de l’Otan", "s'est réunie jeudi au siège de l'Otan")),
  duplicateId: (y: string) => replaceOnce(y, "  - id: meeting-date\n", "  - id: meeting-place\n"),
  sharedQuestion: (y: string) =>
    replaceOnce(y, "        - Quand a eu lieu la réunion ?\n", "        - Quand a eu lieu la réunion ?\n        - Où a eu lieu la réunion ?\n"),
  notKebabCase: (y: string) => replaceOnce(y, "  - id: meeting-date\n", "  - id: Meeting_Date\n"),
  // "Billion laughs": each level is nine of the one before; fully expanded, 9^6 strings.
  aliasBomb: (y: string) => `${y}\n${ALIAS_BOMB}`,
  unresolvedAlias: (y: string) => replaceOnce(y, MEETING_DATE, "  - id: meeting-date\n    topic: *nowhere\n"),
  unknownList: (y: string) => replaceOnce(y, MEETING_DATE, `${MEETING_DATE}    partOf: objectives-of-nothing\n`),
  // A refusal pointing at no fact for what the article does say.
  unsaidSeeNothing: (y: string) =>
    replaceOnce(y, "who leads the coalition of the willing.\"\n    see: coalition-founders\n", "who leads the coalition of the willing.\"\n    see: founders-of-nothing\n"),
} as const satisfies Record<string, (factsYaml: string) => string>;

type BadCase = keyof typeof BAD_CASES;

interface Prepared {
  readonly dir: string;
  readonly factsPath: string;
  readonly factsYaml: string;
  readonly problems: readonly KnowledgeProblem[];
}

describe("knowledge check", () => {
  const prepared = new Map<BadCase, Prepared>();
  const tempDirs: string[] = [];

  beforeAll(async () => {
    await Promise.all(
      (Object.keys(BAD_CASES) as BadCase[]).map(async (name) => {
        const temp = await tempKnowledge(BAD_CASES[name]);
        tempDirs.push(temp.dir);
        const { problems } = await inspectKnowledge(temp.dir);
        prepared.set(name, { ...temp, problems });
      }),
    );
  });

  afterAll(async () => {
    await Promise.all(tempDirs.map(removeDir));
  });

  function get(name: BadCase): Prepared {
    const found = prepared.get(name);
    if (!found) throw new Error(`case ${name} was not prepared`);
    return found;
  }

  it("passes on an unchanged copy of the shipped pack (so each failure below is the mutation's)", async () => {
    const temp = await tempKnowledge();
    tempDirs.push(temp.dir);
    expect((await inspectKnowledge(temp.dir)).problems).toEqual([]);
  });

  it("fails on bad YAML, naming the file and the line", async () => {
    const { problems, factsPath, factsYaml, dir } = get("badYaml");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: factsPath, line: lineContaining(factsYaml, "topic: meeting: oops") });
    expect(problems[0]?.message).toMatch(/YAML/);
    await expect(loadKnowledge(dir)).rejects.toThrow(`${factsPath}:${lineContaining(factsYaml, "topic: meeting: oops")}`);
  });

  it("fails on a missing field, naming the file, the fact id, the field and the fact's line", () => {
    const { problems, factsPath, factsYaml } = get("missingField");
    expect(problems).toEqual([
      expect.objectContaining({ file: factsPath, factId: "meeting-date", field: "topic", line: lineContaining(factsYaml, "id: meeting-date") }),
    ]);
  });

  it("fails on a missing nested field, with its full path", () => {
    const { problems, factsPath } = get("missingNestedField");
    expect(problems).toEqual([expect.objectContaining({ file: factsPath, factId: "meeting-place", field: "answer.en" })]);
    expect(problems[0]?.line).toBeGreaterThan(0);
  });

  it("fails on a quote that is not verbatim in the article, naming the fact and the field quote", async () => {
    const { problems, factsPath, dir } = get("quoteNotInArticle");
    expect(problems).toEqual([expect.objectContaining({ file: factsPath, factId: "meeting-place", field: "quote", line: expect.any(Number) as number })]);
    expect(problems[0]?.message).toMatch(/verbatim/);
    const error: unknown = await loadKnowledge(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeError);
    if (error instanceof KnowledgeError) {
      expect(error.code).toBe("KNOWLEDGE_INVALID");
      expect(error.problems).toEqual(problems);
      expect(error.message).toContain(`fact "meeting-place" field "quote"`);
    }
  });

  it("fails on a duplicate id", () => {
    const { problems, factsPath } = get("duplicateId");
    expect(problems).toContainEqual(expect.objectContaining({ file: factsPath, factId: "meeting-place", field: "id", message: expect.stringMatching(/duplicate/) as string }));
  });

  it("fails on a list (partOf) that is no fact of the pack, naming the fact and the field", () => {
    const { problems, factsPath } = get("unknownList");
    expect(problems).toContainEqual(expect.objectContaining({ file: factsPath, factId: "meeting-date", field: "partOf", message: expect.stringMatching(/objectives-of-nothing/) as string }));
  });

  it("fails on a refusal (unsaid) whose `see` is no fact of the pack, naming its id and the field", () => {
    const { problems, factsPath } = get("unsaidSeeNothing");
    expect(problems).toEqual([expect.objectContaining({ file: factsPath, factId: "coalition-leader", field: "see", line: expect.any(Number) as number, message: expect.stringMatching(/founders-of-nothing/) as string })]);
  });

  it("fails on a sample question that two facts share", () => {
    const { problems, factsPath } = get("sharedQuestion");
    expect(problems).toEqual([
      expect.objectContaining({ file: factsPath, field: "questions.fr", message: expect.stringContaining("Où a eu lieu la réunion ?") as string }),
    ]);
    // Both facts are named: the one holding it and the one it is taken from.
    const [problem] = problems;
    expect([problem?.factId, problem?.message]).toEqual(
      problem?.factId === "meeting-date"
        ? ["meeting-date", expect.stringContaining("meeting-place")]
        : ["meeting-place", expect.stringContaining("meeting-date")],
    );
  });

  it("fails on an id that is not kebab-case", () => {
    const { problems } = get("notKebabCase");
    expect(problems).toEqual([expect.objectContaining({ factId: "Meeting_Date", field: "id", message: expect.stringMatching(/kebab-case/) as string })]);
  });

  it("fails on an alias bomb, naming the file and the line of its first alias, instead of expanding it", () => {
    const { problems, factsPath, factsYaml } = get("aliasBomb");
    expect(problems).toEqual([
      expect.objectContaining({ file: factsPath, line: lineContaining(factsYaml, "b: &b"), message: expect.stringMatching(/not valid YAML: .*alias/) as string }),
    ]);
  });

  it("fails on an alias to no anchor, naming the file and the alias's line", () => {
    const { problems, factsPath, factsYaml } = get("unresolvedAlias");
    expect(problems).toEqual([
      expect.objectContaining({ file: factsPath, line: lineContaining(factsYaml, "topic: *nowhere"), message: expect.stringMatching(/alias/i) as string }),
    ]);
  });

  it("fails on a folder with no pack, or no folder at all", async () => {
    const temp = await tempKnowledge();
    tempDirs.push(temp.dir);
    await expect(loadKnowledge(path.join(temp.dir, "does-not-exist"))).rejects.toBeInstanceOf(KnowledgeError);
    await expect(loadKnowledge(path.join(temp.dir, PACK_ID))).rejects.toThrow(/facts\.yaml|no pack/);
  });

  describe("npm run knowledge:check", () => {
    let bad: { quote: RunResult; yaml: RunResult; bomb: RunResult; stale: RunResult; good: RunResult } | undefined;

    beforeAll(async () => {
      const staleDir = await tempKnowledge();
      tempDirs.push(staleDir.dir);
      const schemaPath = path.join(staleDir.dir, "facts.schema.json");
      const schema = JSON.parse(await readFile(schemaPath, "utf8")) as Record<string, unknown>;
      await writeFile(schemaPath, JSON.stringify({ ...schema, title: "an old title" }, null, 2));
      const check = (dir: string): Promise<RunResult> => runTsx("src/cli/knowledge-check.ts", ["--knowledge", dir]);
      const [quote, yaml, bomb, stale, good] = await Promise.all([
        check(get("quoteNotInArticle").dir),
        check(get("badYaml").dir),
        check(get("aliasBomb").dir),
        check(staleDir.dir),
        check(KNOWLEDGE_DIR),
      ]);
      bad = { quote, yaml, bomb, stale, good };
      // Five checks at once, each loading the knowledge and asking its sample questions.
    }, 60_000);

    function results(): NonNullable<typeof bad> {
      if (!bad) throw new Error("the check did not run");
      return bad;
    }

    it("exits 1 and names the file, line, fact and field of a quote that is not in the article", () => {
      const { quote } = results();
      expect(quote.code).toBe(1);
      expect(quote.stderr).toMatch(new RegExp(`${escapeRegExp(get("quoteNotInArticle").factsPath)}:\\d+ fact "meeting-place" field "quote"`));
      expect(quote.stderr).toMatch(/1 problem:/);
    });

    it("exits 1 and names the file and line of bad YAML", () => {
      const { yaml } = results();
      const { factsPath, factsYaml } = get("badYaml");
      expect(yaml.code).toBe(1);
      expect(yaml.stderr).toContain(`${factsPath}:${lineContaining(factsYaml, "topic: meeting: oops")}`);
    });

    it("exits 1 on an alias bomb, naming the file and line, without a stack", () => {
      const { bomb } = results();
      const { factsPath, factsYaml } = get("aliasBomb");
      expect(bomb.code).toBe(1);
      expect(bomb.stderr).toContain(`${factsPath}:${lineContaining(factsYaml, "b: &b")}: not valid YAML`);
      expect(bomb.stderr).not.toMatch(/ReferenceError|\n\s+at |node_modules/);
    });

    it("exits 1 when facts.schema.json is stale, saying how to regenerate it", () => {
      const { stale } = results();
      expect(stale.code).toBe(1);
      expect(stale.stderr).toMatch(/facts\.schema\.json: is stale/);
      expect(stale.stderr).toContain("npm run knowledge:schema");
    });

    it("exits 0 on the shipped knowledge and lists every sentence of the article with its facts", async () => {
      const { good } = results();
      expect(good.stderr).toBe("");
      expect(good.code).toBe(0);
      expect(good.stdout).toMatch(/OK: 1 pack, \d+ facts, every quote verbatim\./);
      const { knowledge } = await realCore();
      const pack = knowledge.packs[0];
      if (!pack) throw new Error("no pack");
      const rows = coverage(pack);
      expect(rows.length).toBeGreaterThan(10);
      expect(good.stdout).toContain(`${PACK_ID}: ${pack.facts.length} facts and ${pack.unsaid?.length ?? 0} questions it leaves open (unsaid), ${rows.filter((r) => r.factIds.length > 0).length}/${rows.length} sentences covered`);
      const tableLines = good.stdout.split("\n").filter((line) => /^\s+\d+\. /.test(line));
      expect(tableLines).toHaveLength(rows.length);
      rows.forEach((row, i) => {
        const line = tableLines[i] ?? "";
        expect(line).toContain(`${row.index}. ${row.sentence.slice(0, 40)}`);
        expect(line).toContain(row.factIds.length > 0 ? row.factIds.join(", ") : "UNCOVERED");
      });
    });
  });

  it("ships a facts.schema.json generated from the zod schema, and facts.yaml points editors at it", async () => {
    expect(await readFile(path.join(KNOWLEDGE_DIR, "facts.schema.json"), "utf8")).toBe(packJsonSchema());
    expect(await readFile(FACTS_PATH, "utf8")).toMatch(/^# yaml-language-server: \$schema=\.\.\/facts\.schema\.json\n/);
  });

  it("covers every sentence of the shipped article with at least one fact", async () => {
    const { knowledge } = await realCore();
    for (const pack of knowledge.packs) {
      expect(coverage(pack).filter((row) => row.factIds.length === 0).map((row) => row.sentence)).toEqual([]);
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
