import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Vote } from "../../../src/index.js";
import { ACTION_IDS, factButtonFromValue, renderFeedbackThanks } from "../blocks.js";
import { slackError, type ListenerDeps } from "../listener-deps.js";
import { ButtonPressSchema } from "./payload.js";

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
  const parsed = ButtonPressSchema.safeParse(body);
  const action = parsed.success ? parsed.data.actions[0] : undefined;
  const button = action === undefined ? undefined : factButtonFromValue(action.value);
  if (!parsed.success || action === undefined || button === undefined) {
    deps.logger.warn("ignoring a feedback button press of unexpected shape");
    return;
  }
  const vote: Vote = action.action_id === ACTION_IDS.feedbackDown ? "down" : "up";
  await deps.conversation.vote({
    platform: "slack",
    userId: parsed.data.user.id,
    vote,
    factId: button.factId,
    question: button.question ?? null,
  });
  const thanks = renderFeedbackThanks(button.language);
  await respond({ response_type: "ephemeral", replace_original: false, ...thanks }).catch((error: unknown) => {
    slackError(deps, error, { action: "feedback" });
  });
}
