import { Events, MessageFlags, type Interaction, type RepliableInteraction } from "discord.js";
import { chatInputCommands, messageContextMenuCommands } from "../commands/index.js";
import { handleDidYouMean } from "../components/did-you-mean-press.js";
import { parseDidYouMeanCustomId } from "../components/did-you-mean.js";
import { handleFeedback } from "../components/feedback-press.js";
import { parseFeedbackCustomId } from "../components/feedback.js";
import { apologyPayload } from "../embeds.js";
import type { HandlerDeps } from "../handler-deps.js";
import { localeToLanguage } from "../messages.js";
import type { EventHandler } from "./event.js";

async function apologize(interaction: RepliableInteraction, deps: HandlerDeps): Promise<void> {
  const payload = { ...apologyPayload(localeToLanguage(interaction.locale) ?? "en"), flags: MessageFlags.Ephemeral } as const;
  try {
    if (interaction.replied || interaction.deferred) await interaction.followUp(payload);
    else await interaction.reply(payload);
  } catch (error) {
    deps.logger.warn({ err: error, interactionId: interaction.id }, "discord: could not send the apology");
    deps.conversation.platformError("discord", error, { interactionId: interaction.id, during: "apology" });
  }
}

async function route(interaction: Interaction, deps: HandlerDeps): Promise<void> {
  if (interaction.isAutocomplete()) {
    await chatInputCommands.get(interaction.commandName)?.autocomplete?.(interaction, deps);
    return;
  }
  if (interaction.isChatInputCommand()) {
    const command = chatInputCommands.get(interaction.commandName);
    if (command) await command.execute(interaction, deps);
    else deps.logger.warn({ command: interaction.commandName }, "discord: unknown command (deploy again?)");
    return;
  }
  if (interaction.isMessageContextMenuCommand()) {
    const command = messageContextMenuCommands.get(interaction.commandName);
    if (command) await command.execute(interaction, deps);
    else deps.logger.warn({ command: interaction.commandName }, "discord: unknown command (deploy again?)");
    return;
  }
  if (interaction.isButton()) {
    const suggestion = parseDidYouMeanCustomId(interaction.customId);
    if (suggestion) {
      await handleDidYouMean(interaction, suggestion, deps);
      return;
    }
    const feedback = parseFeedbackCustomId(interaction.customId);
    if (feedback) {
      await handleFeedback(interaction, feedback, deps);
      return;
    }
    deps.logger.warn({ customId: interaction.customId }, "discord: button not from this bot's answers");
    await interaction.deferUpdate();
  }
}

export const interactionCreate = {
  name: Events.InteractionCreate,
  async execute(deps, interaction) {
    try {
      await route(interaction, deps);
    } catch (error) {
      // The core never throws for a question: what fails here is talking to Discord.
      deps.logger.error(
        { err: error, interactionId: interaction.id, type: interaction.type },
        "discord: interaction failed",
      );
      deps.conversation.platformError("discord", error, { interactionId: interaction.id, during: "interaction" });
      if (interaction.isRepliable()) await apologize(interaction, deps);
    }
  },
} satisfies EventHandler<Events.InteractionCreate>;
