import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { questionFromButton, renderAnswer, renderApology } from "../blocks.js";
import { languageOf, type ListenerDeps } from "../listener-deps.js";
import { ButtonPressSchema } from "./payload.js";

/**
 * "Share in channel" under an ephemeral answer: posts the same answer visibly, naming who shared
 * it, then removes the private copy. The button carries the question, so the answer is recomputed
 * rather than trusted from the payload.
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
    const message = renderAnswer(deps.answerer.answer(question), {
      question,
      ephemeral: false,
      sharedBy: press.user.id,
    });
    await respond({ response_type: "in_channel", replace_original: false, text: message.text, blocks: message.blocks });
  } catch (error) {
    deps.logger.error({ err: error }, "sharing an answer failed; apologizing");
    const apology = renderApology(languageOf(deps, question));
    await respond({ response_type: "ephemeral", replace_original: false, ...apology }).catch((apologyError: unknown) => {
      deps.logger.error({ err: apologyError }, "sending the apology failed too");
    });
    return;
  }
  // The shared copy is out; a private copy left behind is harmless, so a failure here is only logged.
  await respond({ delete_original: true }).catch((error: unknown) => {
    deps.logger.warn({ err: error }, "could not remove the private copy of a shared answer");
  });
}
