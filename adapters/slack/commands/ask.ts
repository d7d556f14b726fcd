import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { helpLanguage, renderAnswer, renderApology, renderHelp, renderRateLimited, type SlackMessage } from "../blocks.js";
import { slackTextToPlain } from "../escape.js";
import { languageOf, slackError, type ListenerDeps } from "../listener-deps.js";

export const ASK_COMMAND = "/ask";

/**
 * `/ask question`: the answer goes back in the acknowledgement itself, well within Slack's
 * 3 seconds since the core answers in microseconds, and only the asker sees it until they share it.
 * `/ask`, `/ask help` and `/ask aide` list the topics with example questions. Over the per-user
 * limit, the acknowledgement carries the polite note instead, and nothing else is posted.
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
  let message: SlackMessage;
  try {
    const help = helpLanguage(question);
    if (help !== undefined) {
      message = renderHelp(deps.answerer.packs, deps.answerer.topics(help), help);
    } else {
      const outcome = deps.conversation.ask({ platform: "slack", userId: command.user_id, question });
      message =
        outcome.kind === "rate-limited"
          ? renderRateLimited(outcome.message)
          : renderAnswer(outcome.answer, { question, ephemeral: true });
    }
  } catch (error) {
    deps.logger.error({ err: error, command: ASK_COMMAND }, "answering /ask failed; apologizing");
    message = renderApology(languageOf(question));
  }
  try {
    await reply(message);
  } catch (error) {
    slackError(deps, error, { command: ASK_COMMAND });
    deps.logger.error({ err: error, command: ASK_COMMAND }, "answering /ask failed; apologizing");
    try {
      await reply(renderApology(languageOf(question)));
    } catch (apologyError) {
      slackError(deps, apologyError, { command: ASK_COMMAND });
      deps.logger.error({ err: apologyError, command: ASK_COMMAND }, "sending the apology failed too");
    }
  }
}
