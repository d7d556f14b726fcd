// `npm run ask -- "combien de pays ?"`: answers one question, or one per line of standard input.
import { parseArgs } from "node:util";
import { z } from "zod";
import { createAnswerer } from "../core/answerer.js";
import { loadKnowledge } from "../core/knowledge-loader.js";
import { formatExplanation } from "../core/explanation.js";
import { formatAnswer } from "./format.js";
import { inputLines } from "./lines.js";
import { loadDotEnv } from "../env-file.js";
import { runCli } from "./run.js";

const USAGE = `Usage: npm run ask -- [--json] [--explain] [--knowledge DIR] ["question"]
  With no question and standard input not a terminal, answers one question per line.
  --json            one JSON object per answer: the Answer plus "question"
  --explain         why: the chosen fact and the runner-up, word by word and factor by factor
                    (with --json, in an "explain" field)
  --knowledge DIR   the knowledge folder (default: $KNOWLEDGE_DIR, then knowledge/)`;

const FlagsSchema = z.object({
  json: z.boolean().default(false),
  explain: z.boolean().default(false),
  knowledge: z.string().min(1).optional(),
  help: z.boolean().default(false),
  questions: z.array(z.string()),
});

await runCli(USAGE, async () => {
  loadDotEnv();
  const { values, positionals } = parseArgs({
    options: {
      json: { type: "boolean" },
      explain: { type: "boolean" },
      knowledge: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  const flags = FlagsSchema.parse({ ...values, questions: positionals });
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  const answerer = createAnswerer(await loadKnowledge(flags.knowledge ?? process.env.KNOWLEDGE_DIR));
  const print = (question: string): void => {
    if (flags.explain) {
      const explanation = answerer.explain(question);
      const { answer } = explanation;
      console.log(flags.json ? JSON.stringify({ question, ...answer, explain: explanation }) : `${formatAnswer(answer)}\n\n${formatExplanation(explanation)}\n`);
      return;
    }
    const answer = answerer.answer(question);
    console.log(flags.json ? JSON.stringify({ question, ...answer }) : `${formatAnswer(answer)}\n`);
  };
  if (flags.questions.length > 0) {
    print(flags.questions.join(" "));
  } else if (process.stdin.isTTY) {
    console.error(USAGE);
    process.exitCode = 2;
  } else {
    for await (const line of inputLines()) print(line);
  }
});
