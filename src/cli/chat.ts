import { createInterface } from "node:readline";
import { createInMemoryConversationMemory } from "../conversation-memory.js";
import type { Answerer } from "../core/answerer-types.js";
import { createFollowUps, type ConversationKey } from "../follow-ups.js";
import { formatAnswer } from "./format.js";

/** The terminal chat is one conversation: each question may follow up on the ones before. */
const CHAT_CONVERSATION: ConversationKey = { key: "terminal" };

const HELP = `Ask a question about the article, in French or English (e.g. "combien de pays ?", "who launched it?"),
then follow up ("and the Finnish one?", "since when?").
  /topics   what the article covers, with example questions
  /help     this help
  /quit     leave (or Ctrl+D)`;

function topicsText(answerer: Answerer): string {
  return answerer
    .topics("fr")
    .map((t) => `• ${t.label}\n${t.examples.slice(0, 3).map((e) => `    ${e}`).join("\n")}`)
    .join("\n");
}

/**
 * The terminal chat `npm start` opens when no platform is configured: the same core as Slack and
 * Discord. Without a terminal (`echo "où ?" | npm start`) it answers each line and exits.
 */
export async function runChat(
  answerer: Answerer,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const interactive = "isTTY" in input && input.isTTY === true;
  const rl = createInterface({ input, output, terminal: interactive, crlfDelay: Infinity });
  const write = (text: string): void => {
    output.write(`${text}\n`);
  };
  const followUps = createFollowUps(createInMemoryConversationMemory(), {
    warn: (_details, message) => {
      write(message);
    },
  });
  const answer = async (question: string): Promise<string> =>
    formatAnswer(await followUps.answerIn(CHAT_CONVERSATION, (context) => answerer.answer(question, { context })));
  if (interactive) {
    const titles = answerer.packs.map((p) => p.title).join(" · ");
    write(`Article Q&A bot — ${titles}\n${HELP}\n`);
    rl.setPrompt("? ");
    rl.prompt();
  }
  for await (const line of rl) {
    const command = line.trim().toLowerCase();
    if (command === "/quit" || command === "/exit") break;
    if (command === "/help") write(HELP);
    else if (command === "/topics") write(topicsText(answerer));
    else if (command !== "") write(`${await answer(line)}\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
}
