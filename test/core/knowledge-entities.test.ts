// knowledge:check on the article's entities: names in both languages, groups of known entities,
// only what the article names, every kind a fact settles named by it, and no sample question its
// own fact would refuse.
import { afterAll, describe, expect, it } from "vitest";
import { inspectKnowledge } from "../../src/core/knowledge-loader.js";
import { removeDir, replaceOnce, runTsx, tempKnowledge } from "../fixtures/core.js";

const FINLAND = "    names: {fr: [Finlande, finlandais, finlandaise], en: [Finland, Finnish, Finn, Finns]}\n";
const HEALEY_QUESTION = "        - Qu’a déclaré le ministre britannique ?\n";

describe("knowledge:check on entities", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map(removeDir));
  });

  it("fails on an entity without names in English, naming the file, the entity and the field", async () => {
    const temp = await tempKnowledge((y) => replaceOnce(y, FINLAND, "    names: {fr: [Finlande, finlandais, finlandaise], en: []}\n"));
    dirs.push(temp.dir);
    const { problems } = await inspectKnowledge(temp.dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: temp.factsPath, field: "entities.finland.names.en", message: "needs at least one name in English" }));
    const run = await runTsx("src/cli/knowledge-check.ts", ["--knowledge", temp.dir, "--quiet"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/facts\.yaml:\d+ field "entities\.finland\.names\.en": needs at least one name in English/);
  });

  it("fails on an entity the article does not name, and on a group of unknown entities", async () => {
    const temp = await tempKnowledge((y) =>
      replaceOnce(y, "  - id: brussels\n", "  - id: sweden\n    kind: country\n    names: {fr: [Suède], en: [Sweden]}\n    includes: [\"country:XX\"]\n  - id: brussels\n"),
    );
    dirs.push(temp.dir);
    const run = await runTsx("src/cli/knowledge-check.ts", ["--knowledge", temp.dir, "--quiet"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/field "entities\.sweden": none of its names \(Suède, Sweden\) is in the article/);
    expect(run.stderr).toMatch(/field "entities\.sweden": includes "country:XX"/);
  });

  it("fails on a sample question that names what its own fact does not, so the fact would refuse it", async () => {
    const temp = await tempKnowledge((y) => replaceOnce(y, HEALEY_QUESTION, `${HEALEY_QUESTION}        - Qu’a dit le ministre suédois ?\n`));
    dirs.push(temp.dir);
    const run = await runTsx("src/cli/knowledge-check.ts", ["--knowledge", temp.dir, "--quiet"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/fact "healey-quote" field "questions\.fr": "Qu’a dit le ministre suédois \?" names Sweden \(country:SE\)/);
  });

  it.each(["settles", "affirms"])("fails on a fact that %s a kind of name it does not name, naming the fact and the field", async (field) => {
    const temp = await tempKnowledge((y) => replaceOnce(y, `    ${field}: [time]\n`, `    ${field}: [time, person]\n`));
    dirs.push(temp.dir);
    const run = await runTsx("src/cli/knowledge-check.ts", ["--knowledge", temp.dir, "--quiet"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`facts\\.yaml:\\d+ fact "meeting-date" field "${field}": ${field} "person", but its answer, quote and aliases name nothing of that kind`));
  });
});
