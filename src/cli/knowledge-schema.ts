// `npm run knowledge:schema`: regenerates knowledge/facts.schema.json from the zod schema.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { JSON_SCHEMA_FILE, packJsonSchema } from "../core/json-schema.js";
import { DEFAULT_KNOWLEDGE_DIR } from "../core/knowledge-loader.js";

const target = path.join(DEFAULT_KNOWLEDGE_DIR, JSON_SCHEMA_FILE);
await writeFile(target, packJsonSchema());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
