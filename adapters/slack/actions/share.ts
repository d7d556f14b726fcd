import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { mayHaveBeenPosted, replyBudget, type Answer } from "../../../src/index.js";
import { renderAnswer, renderApology, type FactButton } from "../blocks.js";
import { sendToSlack } from "../delivery.js";
import { languageOf, slackError, type ListenerDeps } from "../listener-deps.js";
import { readFactButtonPress } from "./payload.js";

/**
 * "Share in channel" under an ephemeral answer: posts the same answer visibly, naming who shared
 * it, then removes the private copy. The button carries the fact id, the language and the
 * confidence, so the answer is rendered again from the knowledge (not trusted from the payload)
 * without being asked again: the asker already has it, so sharing is not a new question — it is not
 * counted, recorded or held to the per-user limit.
 */
export async function shareAnswer(
  deps: ListenerDeps,
  { ack, body, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs,
): Promise<void> {
  await ack();
  const read = readFactButtonPress(body, deps.logger, "share");
  if (!read) return;
  const { press, button, question } = read;
  const budget = replyBudget();
  try {
    const answer = sharedAnswer(deps, button, question);
    if (answer.status !== "answered") {
      // Only when the knowledge changed since the answer was given: say so to the sharer alone.
      deps.logger.warn({ factId: button?.factId }, "a shared answer is no longer in the knowledge; not sharing it");
      const message = renderAnswer(answer, { question, ephemeral: true });
      await respond({ response_type: "ephemeral", replace_original: false, text: message.text, blocks: message.blocks });
      return;
    }
    const message = renderAnswer(answer, { question, ephemeral: false, sharedBy: press.user.id });
    await sendToSlack(
      () => respond({ response_type: "in_channel", replace_original: false, text: message.text, blocks: message.blocks }),
      budget,
    );
  } catch (error) {
    slackError(deps, error, { action: "share" });
    if (mayHaveBeenPosted(error)) {
      // The shared copy may be in the channel: neither a second one nor an apology under it.
      deps.logger.error({ err: error }, "sharing an answer may have failed; not sharing it again");
      return;
    }
    deps.logger.error({ err: error }, "sharing an answer failed; apologizing");
    const apology = renderApology(button?.language ?? languageOf(question));
    await sendToSlack(() => respond({ response_type: "ephemeral", replace_original: false, ...apology }), budget).catch((apologyError: unknown) => {
      slackError(deps, apologyError, { action: "share" });
      deps.logger.error({ err: apologyError }, "sending the apology failed too");
    });
    return;
  }
  // The shared copy is out; a private copy left behind is harmless, so a failure here is only logged.
  await respond({ delete_original: true }).catch((error: unknown) => {
    slackError(deps, error, { action: "share" });
    deps.logger.warn({ err: error }, "could not remove the private copy of a shared answer");
  });
}

/** The answer the button stands for, straight from the core: nothing is counted or recorded. */
function sharedAnswer(deps: ListenerDeps, button: FactButton | undefined, question: string): Answer {
  if (button === undefined) return deps.answerer.answer(question);
  const answer = deps.answerer.answerFact(button.factId, button.language);
  // answerFact is sure of a fact picked by id; the asker saw the confidence of their own question.
  return answer.status === "answered" && button.confidence !== undefined ? { ...answer, confidence: button.confidence } : answer;
}
