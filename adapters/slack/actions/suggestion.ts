import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { replyOrApologize } from "../../shared/reply.js";
import { sendToSlack } from "../delivery.js";
import { renderApology, renderOutcome, renderRateLimited, type SlackMessage } from "../blocks.js";
import { threadConversation } from "../events/reply.js";
import { replyFailure, type ListenerDeps } from "../listener-deps.js";
import { readFactButtonPress } from "./payload.js";

interface SuggestionReply {
  readonly message: SlackMessage;
  /** In place of the "unknown" message, or beside it (the limit's note leaves the buttons to press later). */
  readonly replace: boolean;
}

/**
 * A did-you-mean button: answers its fact, by id, in place of the "unknown" message; in a thread,
 * the answer joins the thread's conversation. Over the per-user limit, the presser alone gets the
 * note and the buttons stay, to press again later.
 */
export async function answerSuggestion(
  deps: ListenerDeps,
  { ack, body, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs,
): Promise<void> {
  await ack();
  const read = readFactButtonPress(body, deps.logger, "suggestion");
  if (!read) return;
  const { press, button, question } = read;
  const container = press.container;
  const conversation =
    container?.channel_id !== undefined && container.thread_ts !== undefined ? threadConversation(container.channel_id, container.thread_ts) : undefined;
  const where = { platform: "slack" as const, userId: press.user.id, ...(conversation === undefined ? {} : { conversation }) };
  await replyOrApologize<SuggestionReply>({
    compose: async () => {
      const outcome =
        button === undefined
          ? await deps.conversation.ask({ ...where, question })
          : await deps.conversation.askFact({ ...where, factId: button.factId, language: button.language });
      if (outcome.kind === "rate-limited") return { message: renderRateLimited(outcome.message), replace: false };
      // Still private when the unknown answer was: the asker can then share the real one.
      const options = { question, ephemeral: container?.is_ephemeral === true };
      return { message: renderOutcome(outcome, options), replace: true };
    },
    send: async ({ message, replace }) => {
      await respond(
        replace
          ? { replace_original: true, text: message.text, blocks: message.blocks }
          : { response_type: "ephemeral", replace_original: false, text: message.text, blocks: message.blocks },
      );
    },
    apology: () => ({ message: renderApology(button?.language ?? deps.conversation.detectLanguage(question)), replace: false }),
    failed: replyFailure(deps, "a did-you-mean press", { action: "suggestion" }),
    deliver: sendToSlack,
  });
}
