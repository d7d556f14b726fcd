import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { replyOrApologize } from "../../shared/reply.js";
import { renderApology, renderOutcome, type SlackMessage } from "../blocks.js";
import { slackTextToPlain } from "../escape.js";
import { replyFailure, type ListenerDeps } from "../listener-deps.js";

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
  await replyOrApologize<SlackMessage>({
    compose: async () => {
      const outcome = await deps.conversation.ask({ platform: "slack", userId: command.user_id, question });
      return renderOutcome(outcome, { question, ephemeral: true });
    },
    // The first reply is the acknowledgement; an apology after a failed one goes to response_url.
    send: async (message) => {
      const payload = { response_type: "ephemeral" as const, text: message.text, blocks: message.blocks };
      if (acknowledged) {
        await respond(payload);
      } else {
        acknowledged = true;
        await ack(payload);
      }
    },
    apology: () => renderApology(deps.conversation.detectLanguage(question)),
    failed: replyFailure(deps, ASK_COMMAND, { command: ASK_COMMAND }),
  });
}
