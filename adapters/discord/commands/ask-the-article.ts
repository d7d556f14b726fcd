import { ApplicationCommandType, ContextMenuCommandBuilder, MessageFlags } from "discord.js";
import { UI } from "../../shared/ui-strings.js";
import { interactionReply, noticePayload } from "../embeds.js";
import { localeToLanguage } from "../messages.js";
import type { MessageContextMenuCommand } from "./command.js";
import { CONTEXTS, INTEGRATION_TYPES } from "./install.js";

/**
 * Right-click a message → Apps → "Ask the article": the message's text is the question, and only
 * the person who asked sees the answer. Interactions carry the target message's content even
 * without the Message Content intent. A private question stands on its own.
 */
export const askTheArticle = {
  data: new ContextMenuCommandBuilder()
    .setName("Ask the article")
    .setNameLocalizations({ fr: "Demander à l’article" })
    .setType(ApplicationCommandType.Message)
    .setIntegrationTypes(...INTEGRATION_TYPES)
    .setContexts(...CONTEXTS)
    .toJSON(),

  async execute(interaction, { conversation }) {
    const question = interaction.targetMessage.content.trim();
    if (question === "") {
      const language = localeToLanguage(interaction.locale) ?? "en";
      return { ...noticePayload(UI.emptyTarget[language]), flags: MessageFlags.Ephemeral };
    }
    const outcome = await conversation.ask({ platform: "discord", userId: interaction.user.id, question });
    return interactionReply(outcome, question, true);
  },
} satisfies MessageContextMenuCommand;
