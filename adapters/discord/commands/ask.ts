import { SlashCommandBuilder } from "discord.js";
import { conversationOfInteraction } from "../conversation-keys.js";
import { interactionReply } from "../embeds.js";
import { localeToLanguage } from "../messages.js";
import type { ChatInputCommand } from "./command.js";
import { CONTEXTS, INTEGRATION_TYPES } from "./install.js";

/** Discord's limits on autocomplete choices. */
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

export const ask = {
  data: new SlashCommandBuilder()
    .setName("ask")
    .setNameLocalizations({ fr: "demander" })
    .setDescription("Ask a question about the article")
    .setDescriptionLocalizations({ fr: "Poser une question sur l’article" })
    .setIntegrationTypes(...INTEGRATION_TYPES)
    .setContexts(...CONTEXTS)
    .addStringOption((option) =>
      option
        .setName("question")
        .setNameLocalizations({ fr: "question" })
        .setDescription("Your question, in French or English")
        .setDescriptionLocalizations({ fr: "Votre question, en français ou en anglais" })
        .setRequired(true)
        .setMaxLength(500)
        .setAutocomplete(true),
    )
    .addBooleanOption((option) =>
      option
        .setName("private")
        .setNameLocalizations({ fr: "privé" })
        .setDescription("Only you see the answer")
        .setDescriptionLocalizations({ fr: "Vous seul voyez la réponse" }),
    )
    .toJSON(),

  async execute(interaction, { conversation }) {
    const question = interaction.options.getString("question", true);
    const ephemeral = interaction.options.getBoolean("private") ?? false;
    const where = conversationOfInteraction(interaction, ephemeral);
    const languageHint = localeToLanguage(interaction.locale);
    const outcome = await conversation.ask({
      platform: "discord",
      userId: interaction.user.id,
      question,
      ...(where === undefined ? {} : { conversation: where }),
      ...(languageHint === undefined ? {} : { languageHint }),
    });
    return interactionReply(outcome, question, ephemeral);
  },

  async autocomplete(interaction, { conversation }) {
    const focused = interaction.options.getFocused();
    const seen = new Set<string>();
    const choices: { name: string; value: string }[] = [];
    // The core promises 1–100 characters; checked again because Discord rejects the whole list otherwise.
    for (const suggestion of conversation.suggest(focused, localeToLanguage(interaction.locale))) {
      const text = suggestion.trim();
      if (text.length === 0 || text.length > MAX_CHOICE_LENGTH || seen.has(text)) continue;
      seen.add(text);
      choices.push({ name: text, value: text });
      if (choices.length === MAX_CHOICES) break;
    }
    await interaction.respond(choices);
  },
} satisfies ChatInputCommand;
