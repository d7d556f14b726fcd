// `npm run ask -- "combien de pays ?"`: answers one question, or one per line of standard input.
import { parseArgs } from "node:util";
import { z } from "zod";
import { createInMemoryConversationMemory } from "../conversation-memory.js";
import { createAnswerer } from "../core/answerer.js";
import { loadKnowledge } from "../core/knowledge-loader.js";
import { formatExplanation } from "../core/explanation.js";
import { createFollowUps } from "../follow-ups.js";
import { cliConversation, readBatchLine, type BatchQuestion } from "./conversation-line.js";
import { formatAnswer } from "./format.js";
import { inputLines } from "./lines.js";
import { loadDotEnv } from "../env-file.js";
import { runCli } from "./run.js";

const USAGE = `Usage: npm run ask -- [--json] [--explain] [--knowledge DIR] ["question"]
  With no question and standard input not a terminal, answers one question per line; a line
  {"conversation": "<id>", "question": "<text>"} is answered in the context of the earlier lines
  with the same id (a follow-up), any other line on its own.
  --json            one JSON object per answer: the Answer plus "question" (and "conversation")
  --explain         why: the chosen fact and the runner-up, word by word and factor by factor, for
                    the question read on its own (with --json, in an "explain" field)
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
  // Warnings go to standard error, so standard output stays one JSON line per question.
  const followUps = createFollowUps(createInMemoryConversationMemory(), {
    warn: (_details, message) => {
      console.error(message);
    },
  });
  const print = async ({ question, conversation }: BatchQuestion): Promise<void> => {
    const where = conversation === undefined ? undefined : cliConversation(conversation);
    const answer = await followUps.answerIn(where, (context) => answerer.answer(question, { context }));
    const record = conversation === undefined ? { question, ...answer } : { question, conversation, ...answer };
    if (flags.explain) {
      const explanation = answerer.explain(question);
      console.log(flags.json ? JSON.stringify({ ...record, explain: explanation }) : `${formatAnswer(answer)}\n\n${formatExplanation(explanation)}\n`);
      return;
    }
    console.log(flags.json ? JSON.stringify(record) : `${formatAnswer(answer)}\n`);
  };
  if (flags.questions.length > 0) {
    await print({ question: flags.questions.join(" ") });
  } else if (process.stdin.isTTY) {
    console.error(USAGE);
    process.exitCode = 2;
  } else {
    for await (const line of inputLines()) await print(readBatchLine(line));
  }
});
