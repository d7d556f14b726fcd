import { Events, MessageFlags, type Interaction } from "discord.js";
import { replyOrApologize } from "../../shared/reply.js";
import { sendToDiscord } from "../delivery.js";
import type { HandlerResult } from "../commands/command.js";
import { chatInputCommands, messageContextMenuCommands } from "../commands/index.js";
import { handleDidYouMean } from "../components/did-you-mean-press.js";
import { parseDidYouMeanCustomId } from "../components/did-you-mean.js";
import { handleFeedback } from "../components/feedback-press.js";
import { parseFeedbackCustomId } from "../components/feedback.js";
import { apologyPayload, type InteractionReply } from "../embeds.js";
import { discordReplyFailure, type HandlerDeps } from "../handler-deps.js";
import { localeToLanguage } from "../messages.js";
import type { EventHandler } from "./event.js";

/** The reply the interaction's handler made, or undefined when it answered the interaction itself. */
async function route(interaction: Interaction, deps: HandlerDeps): Promise<HandlerResult> {
  if (interaction.isAutocomplete()) {
    await chatInputCommands.get(interaction.commandName)?.autocomplete?.(interaction, deps);
    return undefined;
  }
  if (interaction.isChatInputCommand()) {
    const command = chatInputCommands.get(interaction.commandName);
    if (command) return command.execute(interaction, deps);
    deps.logger.warn({ command: interaction.commandName }, "discord: unknown command (deploy again?)");
    return undefined;
  }
  if (interaction.isMessageContextMenuCommand()) {
    const command = messageContextMenuCommands.get(interaction.commandName);
    if (command) return command.execute(interaction, deps);
    deps.logger.warn({ command: interaction.commandName }, "discord: unknown command (deploy again?)");
    return undefined;
  }
  if (interaction.isButton()) {
    const suggestion = parseDidYouMeanCustomId(interaction.customId);
    if (suggestion) return handleDidYouMean(interaction, suggestion, deps);
    const feedback = parseFeedbackCustomId(interaction.customId);
    if (feedback) return handleFeedback(interaction, feedback, deps);
    deps.logger.warn({ customId: interaction.customId }, "discord: button not from this bot's answers");
    await interaction.deferUpdate();
  }
  return undefined;
}

/** Sends a reply, or, when the interaction was already answered (an apology after a failure), a follow-up. */
async function send(interaction: Interaction, reply: HandlerResult): Promise<void> {
  if (reply === undefined || !interaction.isRepliable()) return;
  if (interaction.replied || interaction.deferred) await interaction.followUp(reply);
  else await interaction.reply(reply);
}

function apology(interaction: Interaction): InteractionReply {
  const language = interaction.isRepliable() ? localeToLanguage(interaction.locale) : undefined;
  return { ...apologyPayload(language ?? "en"), flags: MessageFlags.Ephemeral };
}

export const interactionCreate = {
  name: Events.InteractionCreate,
  async execute(deps, interaction) {
    // An autocomplete cannot be apologized to: a failure there only costs the suggestions.
    const apologizable = interaction.isRepliable();
    await replyOrApologize<HandlerResult>({
      compose: () => route(interaction, deps),
      send: (reply) => send(interaction, reply),
      apology: () => (apologizable ? apology(interaction) : undefined),
      failed: discordReplyFailure(deps, "discord: interaction", { interactionId: interaction.id, type: interaction.type }, {
        // Handlers that respond themselves (autocomplete, a vote's thanks) talk to Discord while composing.
        composingTalksToPlatform: true,
      }),
      deliver: sendToDiscord,
    });
  },
} satisfies EventHandler<Events.InteractionCreate>;
