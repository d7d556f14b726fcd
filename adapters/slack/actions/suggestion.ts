import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { questionFromButton, renderAnswer, renderApology } from "../blocks.js";
import { languageOf, type ListenerDeps } from "../listener-deps.js";
import { ButtonPressSchema } from "./payload.js";

/** A did-you-mean button: answers the suggested question in place of the "unknown" message. */
export async function answerSuggestion(
  deps: ListenerDeps,
  { ack, body, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs,
): Promise<void> {
  await ack();
  const parsed = ButtonPressSchema.safeParse(body);
  if (!parsed.success) {
    deps.logger.warn("ignoring a suggestion button press of unexpected shape");
    return;
  }
  const press = parsed.data;
  const question = questionFromButton(press.actions[0]?.value ?? "");
  try {
    const message = renderAnswer(deps.answerer.answer(question), {
      question,
      // Still private when the unknown answer was: the asker can then share the real one.
      ephemeral: press.container?.is_ephemeral === true,
    });
    await respond({ replace_original: true, text: message.text, blocks: message.blocks });
  } catch (error) {
    deps.logger.error({ err: error }, "answering a suggestion failed; apologizing");
    const apology = renderApology(languageOf(deps, question));
    await respond({ response_type: "ephemeral", replace_original: false, ...apology }).catch((apologyError: unknown) => {
      deps.logger.error({ err: apologyError }, "sending the apology failed too");
    });
  }
}
