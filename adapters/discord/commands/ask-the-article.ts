import { ApplicationCommandType, ContextMenuCommandBuilder, MessageFlags } from "discord.js";
import { NO_PINGS } from "../allowed-mentions.js";
import { interactionReply } from "../embeds.js";
import { localeToLanguage, MESSAGES } from "../messages.js";
import type { MessageContextMenuCommand } from "./command.js";

/**
 * Right-click a message → Apps → "Ask the article": the message's text is the question, and only
 * the person who asked sees the answer. Interactions carry the target message's content even
 * without the Message Content intent.
 */
export const askTheArticle = {
  data: new ContextMenuCommandBuilder()
    .setName("Ask the article")
    .setNameLocalizations({ fr: "Demander à l’article" })
    .setType(ApplicationCommandType.Message)
    .toJSON(),

  async execute(interaction, { conversation }) {
    const question = interaction.targetMessage.content.trim();
    if (question === "") {
      const language = localeToLanguage(interaction.locale) ?? "en";
      await interaction.reply({
        content: MESSAGES[language].emptyTarget,
        allowedMentions: NO_PINGS,
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const outcome = conversation.ask({ platform: "discord", userId: interaction.user.id, question });
    await interaction.reply(interactionReply(outcome, question, true));
  },
} satisfies MessageContextMenuCommand;
