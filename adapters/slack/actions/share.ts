import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Answer, Conversation } from "../../../src/index.js";
import { replyOrApologize } from "../../shared/reply.js";
import { sendToSlack } from "../delivery.js";
import { renderAnswer, renderApology, type FactButton } from "../blocks.js";
import { replyFailure, slackError, type ListenerDeps } from "../listener-deps.js";
import { readFactButtonPress } from "./payload.js";

interface ShareReply {
  readonly payload: Parameters<SlackActionMiddlewareArgs<BlockButtonAction>["respond"]>[0];
  /** Whether the private copy goes once this is posted (it stays when nothing was shared). */
  readonly shared: boolean;
}

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
  const posted = { shared: false };
  await replyOrApologize<ShareReply>({
    compose: () => {
      const answer = sharedAnswer(deps.conversation, button, question);
      if (answer.status !== "answered") {
        // Only when the knowledge changed since the answer was given: say so to the sharer alone.
        deps.logger.warn({ factId: button?.factId }, "a shared answer is no longer in the knowledge; not sharing it");
        const message = renderAnswer(answer, { question, ephemeral: true });
        return { payload: { response_type: "ephemeral", replace_original: false, text: message.text, blocks: message.blocks }, shared: false };
      }
      const message = renderAnswer(answer, { question, ephemeral: false, sharedBy: press.user.id });
      return { payload: { response_type: "in_channel", replace_original: false, text: message.text, blocks: message.blocks }, shared: true };
    },
    send: async (reply) => {
      await respond(reply.payload);
      posted.shared = reply.shared;
    },
    apology: () => {
      const apology = renderApology(button?.language ?? deps.conversation.detectLanguage(question));
      return { payload: { response_type: "ephemeral", replace_original: false, ...apology }, shared: false };
    },
    failed: replyFailure(deps, "a share press", { action: "share" }),
    deliver: sendToSlack,
  });
  if (!posted.shared) return;
  // The shared copy is out; a private copy left behind is harmless, so a failure here is only logged.
  await respond({ delete_original: true }).catch((error: unknown) => {
    slackError(deps, error, { action: "share" });
    deps.logger.warn({ err: error }, "could not remove the private copy of a shared answer");
  });
}

/** The answer the button stands for, from the knowledge: nothing is counted or recorded. */
function sharedAnswer(conversation: Conversation, button: FactButton | undefined, question: string): Answer {
  if (button === undefined) return conversation.answerAgain({ question });
  const answer = conversation.answerAgain({ factId: button.factId, language: button.language });
  // answerFact is sure of a fact picked by id; the asker saw the confidence of their own question.
  return answer.status === "answered" && button.confidence !== undefined ? { ...answer, confidence: button.confidence } : answer;
}
