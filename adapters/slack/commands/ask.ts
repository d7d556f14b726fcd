import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { helpLanguage, renderAnswer, renderApology, renderHelp, type SlackMessage } from "../blocks.js";
import { slackTextToPlain } from "../escape.js";
import { languageOf, type ListenerDeps } from "../listener-deps.js";

export const ASK_COMMAND = "/ask";

/**
 * `/ask question`: the answer goes back in the acknowledgement itself, well within Slack's
 * 3 seconds since the core answers in microseconds, and only the asker sees it until they share it.
 * `/ask`, `/ask help` and `/ask aide` list the topics with example questions.
 */
export async function answerAskCommand(
  deps: ListenerDeps,
  { command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs,
): Promise<void> {
  const question = slackTextToPlain(command.text);
  let acknowledged = false;
  const reply = async (message: SlackMessage): Promise<void> => {
    const payload = { response_type: "ephemeral" as const, text: message.text, blocks: message.blocks };
    if (acknowledged) {
      await respond(payload);
    } else {
      acknowledged = true;
      await ack(payload);
    }
  };
  try {
    const help = helpLanguage(question);
    const message =
      help === undefined
        ? renderAnswer(deps.answerer.answer(question), { question, ephemeral: true })
        : renderHelp(deps.answerer.packs, deps.answerer.topics(help), help);
    await reply(message);
  } catch (error) {
    deps.logger.error({ err: error, command: ASK_COMMAND }, "answering /ask failed; apologizing");
    try {
      await reply(renderApology(languageOf(deps, question)));
    } catch (apologyError) {
      deps.logger.error({ err: apologyError, command: ASK_COMMAND }, "sending the apology failed too");
    }
  }
}
