import { ComponentType, MessageFlags, type ButtonInteraction } from "discord.js";
import { answerPayload } from "../embeds.js";
import type { HandlerDeps } from "../handler-deps.js";
import { parseDidYouMeanCustomId } from "./did-you-mean.js";

/** The label of the pressed button: the suggested question, as the core phrased it. */
function pressedLabel(interaction: ButtonInteraction): string | undefined {
  for (const row of interaction.message.components) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const component of row.components) {
      if (component.type === ComponentType.Button && component.customId === interaction.customId) {
        return component.label ?? undefined;
      }
    }
  }
  return undefined;
}

/**
 * Pressing a suggestion asks its question. The reply keeps the visibility of the message the
 * button sat on, so a private /ask never turns into a public answer.
 */
export async function handleDidYouMean(interaction: ButtonInteraction, deps: HandlerDeps): Promise<void> {
  const factId = parseDidYouMeanCustomId(interaction.customId);
  const question = pressedLabel(interaction)?.replace(/…$/, "");
  if (factId === undefined || question === undefined) {
    deps.logger.warn({ customId: interaction.customId }, "discord: button without a known suggestion");
    await interaction.deferUpdate();
    return;
  }
  const answer = deps.answerer.answer(question);
  if (answer.factId !== factId) {
    deps.logger.warn({ factId, answered: answer.factId }, "discord: suggestion answered with another fact");
  }
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  await interaction.reply({
    ...answerPayload(answer, question),
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  });
}
