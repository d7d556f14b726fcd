import { ComponentType, MessageFlags, type ButtonInteraction } from "discord.js";
import type { HandlerResult } from "../commands/command.js";
import { conversationOfInteraction } from "../conversation-keys.js";
import { interactionReply } from "../embeds.js";
import type { HandlerDeps } from "../handler-deps.js";
import { localeToLanguage } from "../messages.js";
import type { DidYouMeanPress } from "./did-you-mean.js";

/** The label of the pressed button: the suggested question as the core phrased it (for the title only). */
function pressedLabel(interaction: ButtonInteraction): string {
  for (const row of interaction.message.components) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const component of row.components) {
      if (component.type === ComponentType.Button && component.customId === interaction.customId) {
        return component.label ?? "";
      }
    }
  }
  return "";
}

/**
 * Pressing a suggestion answers its fact, by the id in the button's custom id, in the language
 * the suggestion was made in. It counts as a question (rate limit, log line, metrics). The reply
 * keeps the visibility of the message the button sat on, so a private /ask never turns into a
 * public answer; in a DM or a thread, the answer joins that conversation.
 */
export async function handleDidYouMean(interaction: ButtonInteraction, press: DidYouMeanPress, deps: HandlerDeps): Promise<HandlerResult> {
  const language = press.language ?? localeToLanguage(interaction.locale) ?? "en";
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  const where = conversationOfInteraction(interaction, ephemeral);
  const outcome = await deps.conversation.askFact({
    platform: "discord",
    userId: interaction.user.id,
    factId: press.factId,
    language,
    ...(where === undefined ? {} : { conversation: where }),
  });
  if (outcome.kind === "answer" && outcome.answer.factId !== press.factId) {
    deps.logger.warn({ factId: press.factId }, "discord: suggested fact no longer exists (knowledge changed?)");
  }
  return interactionReply(outcome, pressedLabel(interaction).replace(/…$/, ""), ephemeral);
}
