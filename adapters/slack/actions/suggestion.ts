import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { mayHaveBeenPosted, replyBudget, type AskOutcome } from "../../../src/index.js";
import { renderAnswer, renderApology, renderRateLimited } from "../blocks.js";
import { sendToSlack } from "../delivery.js";
import { languageOf, slackError, type ListenerDeps } from "../listener-deps.js";
import { readFactButtonPress } from "./payload.js";

/**
 * A did-you-mean button: answers its fact, by id, in place of the "unknown" message. Over the
 * per-user limit, the presser alone gets the note and the buttons stay, to press again later.
 */
export async function answerSuggestion(
  deps: ListenerDeps,
  { ack, body, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs,
): Promise<void> {
  await ack();
  const read = readFactButtonPress(body, deps.logger, "suggestion");
  if (!read) return;
  const { press, button, question } = read;
  const budget = replyBudget();
  try {
    const outcome: AskOutcome =
      button === undefined
        ? deps.conversation.ask({ platform: "slack", userId: press.user.id, question })
        : deps.conversation.askFact({ platform: "slack", userId: press.user.id, factId: button.factId, language: button.language });
    if (outcome.kind === "rate-limited") {
      await respond({ response_type: "ephemeral", replace_original: false, ...renderRateLimited(outcome.message) });
      return;
    }
    const message = renderAnswer(outcome.answer, {
      question,
      // Still private when the unknown answer was: the asker can then share the real one.
      ephemeral: press.container?.is_ephemeral === true,
    });
    await sendToSlack(() => respond({ replace_original: true, text: message.text, blocks: message.blocks }), budget);
  } catch (error) {
    slackError(deps, error, { action: "suggestion" });
    if (mayHaveBeenPosted(error)) {
      deps.logger.error({ err: error }, "answering a suggestion may have failed; not sending it again");
      return;
    }
    deps.logger.error({ err: error }, "answering a suggestion failed; apologizing");
    const apology = renderApology(button?.language ?? languageOf(question));
    await sendToSlack(() => respond({ response_type: "ephemeral", replace_original: false, ...apology }), budget).catch((apologyError: unknown) => {
      slackError(deps, apologyError, { action: "suggestion" });
      deps.logger.error({ err: apologyError }, "sending the apology failed too");
    });
  }
}
