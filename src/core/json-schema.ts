import { z } from "zod";
import { PackSchema } from "./knowledge-schema.js";

export const JSON_SCHEMA_FILE = "facts.schema.json";

/** knowledge/facts.schema.json, derived from the zod schema so editors complete facts.yaml. */
export function packJsonSchema(): string {
  const schema = z.toJSONSchema(PackSchema, { io: "input" });
  return `${JSON.stringify({ ...schema, title: "Article Q&A bot knowledge pack (facts.yaml)" }, null, 2)}\n`;
}
