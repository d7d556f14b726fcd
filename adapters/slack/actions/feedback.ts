import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Vote } from "../../../src/index.js";
import { ACTION_IDS, renderFeedbackThanks } from "../blocks.js";
import { slackError, type ListenerDeps } from "../listener-deps.js";
import { readFactButtonPress } from "./payload.js";

/**
 * 👍 / 👎 under an answer: recorded against the answer's fact (the button carries its id, so
 * nothing about the message needs remembering), then acknowledged to the presser alone. The answer
 * itself is left as it is, for everyone else in the channel too.
 */
export async function recordFeedback(
  deps: ListenerDeps,
  { ack, body, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs,
): Promise<void> {
  await ack();
  const read = readFactButtonPress(body, deps.logger, "feedback");
  const button = read?.button;
  if (!read || !button) {
    if (read) deps.logger.warn("ignoring a feedback button press without a fact");
    return;
  }
  const { action, press } = read;
  const vote: Vote = action.action_id === ACTION_IDS.feedbackDown ? "down" : "up";
  await deps.conversation.vote({
    platform: "slack",
    userId: press.user.id,
    vote,
    factId: button.factId,
    question: button.question ?? null,
  });
  const thanks = renderFeedbackThanks(button.language);
  await respond({ response_type: "ephemeral", replace_original: false, ...thanks }).catch((error: unknown) => {
    slackError(deps, error, { action: "feedback" });
  });
}
