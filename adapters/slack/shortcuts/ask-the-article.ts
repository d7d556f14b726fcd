import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { z } from "zod";
import { replyOrApologize } from "../../shared/reply.js";
import { sendToSlack } from "../delivery.js";
import { UI } from "../../shared/ui-strings.js";
import { renderApology, renderNotice, renderOutcome, type SlackMessage } from "../blocks.js";
import { slackTextToPlain } from "../escape.js";
import { ConversationMessageSchema, questionText } from "../events/reply.js";
import { replyFailure, type ListenerDeps } from "../listener-deps.js";

/** The message shortcut's callback id, as declared in manifest.yml (`features.shortcuts`). */
export const ASK_THE_ARTICLE_CALLBACK = "ask_the_article";

/** The fields of a message shortcut the answer needs; the message itself is read like an event's. */
const MessageShortcutSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  response_url: z.url({ protocol: /^https?$/ }),
  message: z.looseObject({ text: z.string().optional(), attachments: z.array(z.unknown()).optional() }),
  channel: z.object({ id: z.string().min(1) }).optional(),
});

/**
 * "Ask the article" in any message's menu: that message's text (forwarded content included) is
 * the question, answered to the presser alone through the shortcut's response_url, with "Share in
 * channel". Acknowledged first, as Slack wants within 3 seconds. The answer stands on its own: a
 * private question is not part of the thread's public conversation.
 */
export async function answerAskTheArticle(
  deps: ListenerDeps,
  { ack, body, respond }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs,
): Promise<void> {
  await ack();
  const parsed = MessageShortcutSchema.safeParse(body);
  if (!parsed.success) {
    deps.logger.warn({ issues: parsed.error.issues.length }, "ignoring an Ask the article shortcut of unexpected shape");
    return;
  }
  const shortcut = parsed.data;
  const target = ConversationMessageSchema.pick({ text: true, attachments: true }).safeParse(shortcut.message);
  const question = slackTextToPlain(target.success ? questionText(target.data) : "");
  await replyOrApologize<SlackMessage>({
    compose: async () => {
      if (question === "") return renderNotice(`${UI.emptyTarget.en}\n${UI.emptyTarget.fr}`);
      const outcome = await deps.conversation.ask({ platform: "slack", userId: shortcut.user.id, question });
      return renderOutcome(outcome, { question, ephemeral: true });
    },
    send: async (message) => {
      await respond({ response_type: "ephemeral", replace_original: false, text: message.text, blocks: message.blocks });
    },
    apology: () => renderApology(deps.conversation.detectLanguage(question)),
    failed: replyFailure(deps, "Ask the article", { shortcut: ASK_THE_ARTICLE_CALLBACK }),
    deliver: sendToSlack,
  });
}
