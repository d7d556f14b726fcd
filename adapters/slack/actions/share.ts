import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { questionFromButton, renderAnswer, renderApology, renderRateLimited } from "../blocks.js";
import { languageOf, slackError, type ListenerDeps } from "../listener-deps.js";
import { ButtonPressSchema } from "./payload.js";

/**
 * "Share in channel" under an ephemeral answer: posts the same answer visibly, naming who shared
 * it, then removes the private copy. The button carries the question, so the answer is recomputed
 * (through the conversation, like any question) rather than trusted from the payload. Over the
 * per-user limit, the sharer alone gets the note and the private answer stays.
 */
export async function shareAnswer(
  deps: ListenerDeps,
  { ack, body, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs,
): Promise<void> {
  await ack();
  const parsed = ButtonPressSchema.safeParse(body);
  if (!parsed.success) {
    deps.logger.warn("ignoring a share button press of unexpected shape");
    return;
  }
  const press = parsed.data;
  const question = questionFromButton(press.actions[0]?.value ?? "");
  try {
    const outcome = deps.conversation.ask({ platform: "slack", userId: press.user.id, question });
    if (outcome.kind === "rate-limited") {
      await respond({ response_type: "ephemeral", replace_original: false, ...renderRateLimited(outcome.message) });
      return;
    }
    const message = renderAnswer(outcome.answer, { question, ephemeral: false, sharedBy: press.user.id });
    await respond({ response_type: "in_channel", replace_original: false, text: message.text, blocks: message.blocks });
  } catch (error) {
    slackError(deps, error, { action: "share" });
    deps.logger.error({ err: error }, "sharing an answer failed; apologizing");
    const apology = renderApology(languageOf(question));
    await respond({ response_type: "ephemeral", replace_original: false, ...apology }).catch((apologyError: unknown) => {
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
