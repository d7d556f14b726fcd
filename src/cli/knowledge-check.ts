// `npm run knowledge:check`: proves the knowledge holds together and shows what it covers.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createAnswerer } from "../core/answerer.js";
import { coverage } from "../core/coverage.js";
import { checkEntities, selfContradictingQuestions } from "../core/entity-check.js";
import { formatProblem, type KnowledgeProblem } from "../core/errors.js";
import { JSON_SCHEMA_FILE, packJsonSchema } from "../core/json-schema.js";
import { synonymJoins } from "../core/synonym-joins.js";
import { DEFAULT_KNOWLEDGE_DIR, inspectKnowledge } from "../core/knowledge-loader.js";
import { loadDotEnv } from "../env-file.js";
import { runCli } from "./run.js";

const USAGE = `Usage: npm run knowledge:check -- [--knowledge DIR] [--quiet]   (DIR defaults to $KNOWLEDGE_DIR, then knowledge/)
  Validates every pack, checks each quote against its article, and prints which sentences
  each fact covers. Exits 1 on any problem.`;

const FlagsSchema = z.object({ knowledge: z.string().min(1), quiet: z.boolean().default(false) });

await runCli(USAGE, async () => {
  const { values } = parseArgs({ options: { knowledge: { type: "string" }, quiet: { type: "boolean" } } });
  loadDotEnv();
  const flags = FlagsSchema.parse({ ...values, knowledge: values.knowledge ?? process.env.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR });
  const { knowledge, problems } = await inspectKnowledge(flags.knowledge);
  const allProblems: KnowledgeProblem[] = [...problems];

  const schemaPath = path.join(flags.knowledge, JSON_SCHEMA_FILE);
  const schemaOnDisk = await readFile(schemaPath, "utf8").catch(() => "");
  if (schemaOnDisk !== packJsonSchema()) {
    const flag = path.resolve(flags.knowledge) === path.resolve(DEFAULT_KNOWLEDGE_DIR) ? "" : ` -- --knowledge ${flags.knowledge}`;
    allProblems.push({ file: schemaPath, message: `is stale or missing; run \`npm run knowledge:schema${flag}\` to regenerate it from the zod schema` });
  }

  const answerer = problems.length === 0 ? createAnswerer(knowledge) : undefined;
  for (const pack of knowledge.packs) {
    allProblems.push(...checkEntities(pack));
    if (answerer) allProblems.push(...selfContradictingQuestions(pack, answerer));
    const rows = coverage(pack);
    const uncovered = rows.filter((r) => r.factIds.length === 0);
    if (!flags.quiet) {
      const open = pack.unsaid?.length ?? 0;
      console.log(`\n${pack.pack.id}: ${pack.facts.length} facts${open > 0 ? ` and ${open} questions it leaves open (unsaid)` : ""}, ${rows.length - uncovered.length}/${rows.length} sentences covered`);
      for (const row of rows) {
        const excerpt = row.sentence.length > 70 ? `${row.sentence.slice(0, 67)}…` : row.sentence;
        console.log(`  ${String(row.index).padStart(2)}. ${excerpt.padEnd(71)} ${row.factIds.length > 0 ? row.factIds.join(", ") : "UNCOVERED"}`);
      }
      const joins = synonymJoins(pack);
      if (joins.length > 0) {
        console.log(`\n  synonym groups one term joins (a question word reaching it finds both groups; check each is meant):`);
        for (const join of joins) {
          const groups = join.groups.map((g) => `${g.entries.join(", ")} (group ${g.index + 1}: ${pack.synonyms?.[g.index]?.[0] ?? ""}…)`);
          console.log(`    "${join.term}": ${groups.join(" · ")}`);
        }
      }
    }
    for (const row of uncovered) console.log(`  uncovered sentence ${row.index}: ${row.sentence}`);
  }

  if (allProblems.length > 0) {
    console.error(`\n${allProblems.length} problem${allProblems.length === 1 ? "" : "s"}:`);
    for (const problem of allProblems) console.error(`  - ${formatProblem(problem)}`);
    process.exitCode = 1;
  } else {
    const facts = knowledge.packs.reduce((n, p) => n + p.facts.length, 0);
    console.log(`\nOK: ${knowledge.packs.length} pack${knowledge.packs.length === 1 ? "" : "s"}, ${facts} facts, every quote verbatim.`);
  }
});
