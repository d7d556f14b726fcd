// `npm run report`: what curators read to grow the knowledge where users need it.
import { parseArgs } from "node:util";
import { z } from "zod";
import { DEFAULT_DATA_DIR, readFeedback, type FeedbackRecord, type FeedbackWarnings } from "../ops/feedback-store.js";
import { buildReport, formatReport } from "../ops/report.js";
import { loadDotEnv } from "../env-file.js";
import { runCli } from "./run.js";

const USAGE = `Usage: npm run report -- [--data-dir DIR]... [--json] [--top N] [--similarity 0..1]
  Reads every *.jsonl file in DIR (default: $DATA_DIR, else ./data) and prints the most frequent
  refused questions grouped by similarity, the facts with the most 👎, and answer rates by day.
  Give --data-dir once per instance (each writes its own DATA_DIR) to report on all of them together.
  --json prints the same as one JSON object, for tools.`;

const FlagsSchema = z.object({
  "data-dir": z.array(z.string().min(1)).min(1),
  json: z.boolean().default(false),
  top: z.coerce.number().int().min(1).default(10),
  similarity: z.coerce.number().min(0).max(1).default(0.6),
});

await runCli(USAGE, async () => {
  const { values } = parseArgs({
    options: {
      "data-dir": { type: "string", multiple: true },
      json: { type: "boolean" },
      top: { type: "string" },
      similarity: { type: "string" },
    },
  });
  loadDotEnv();
  const flags = FlagsSchema.parse({ ...values, "data-dir": values["data-dir"] ?? [process.env.DATA_DIR ?? DEFAULT_DATA_DIR] });
  const logger: FeedbackWarnings = {
    warn(details, message) {
      const where = details.file === undefined ? (details.dataDir ?? "") : `${details.file}${details.line === undefined ? "" : `:${details.line}`}`;
      console.error(`warning: ${message}${where === "" ? "" : ` (${where})`}`);
    },
  };
  // One folder per instance (each has its own feedback file); their records read as one history.
  const records: FeedbackRecord[] = [];
  for (const dataDir of new Set(flags["data-dir"])) records.push(...(await readFeedback(dataDir, { logger })));
  records.sort((a, b) => a.time.localeCompare(b.time));
  const report = buildReport(records, { top: flags.top, similarity: flags.similarity });
  process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
});
