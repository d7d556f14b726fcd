// `npm run knowledge:schema -- [--knowledge DIR]`: regenerates DIR/facts.schema.json (default
// knowledge/) from the zod schema, for editor completion of facts.yaml.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { JSON_SCHEMA_FILE, packJsonSchema } from "../core/json-schema.js";
import { DEFAULT_KNOWLEDGE_DIR } from "../core/knowledge-loader.js";
import { loadDotEnv } from "../env-file.js";
import { runCli } from "./run.js";

const USAGE = `Usage: npm run knowledge:schema -- [--knowledge DIR]   (DIR defaults to $KNOWLEDGE_DIR, then knowledge/)`;

await runCli(USAGE, async () => {
  loadDotEnv();
  const { values } = parseArgs({ options: { knowledge: { type: "string" } } });
  const knowledge = z.string().min(1).parse(values.knowledge ?? process.env.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR);
  const target = path.join(knowledge, JSON_SCHEMA_FILE);
  await writeFile(target, packJsonSchema());
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
});
