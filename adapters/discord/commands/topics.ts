import { MessageFlags, SlashCommandBuilder } from "discord.js";
import { NO_PINGS } from "../allowed-mentions.js";
import { topicsEmbed } from "../embeds.js";
import { localeToLanguage } from "../messages.js";
import type { ChatInputCommand } from "./command.js";
import { CONTEXTS, INTEGRATION_TYPES } from "./install.js";

export const topics = {
  data: new SlashCommandBuilder()
    .setName("topics")
    .setNameLocalizations({ fr: "sujets" })
    .setDescription("What I can answer, with example questions")
    .setDescriptionLocalizations({ fr: "Ce que je sais, avec des exemples de questions" })
    .setIntegrationTypes(...INTEGRATION_TYPES)
    .setContexts(...CONTEXTS)
    .toJSON(),

  execute(interaction, { conversation }) {
    const language = localeToLanguage(interaction.locale) ?? "en";
    return Promise.resolve({
      embeds: [topicsEmbed(conversation.help(language))],
      components: [],
      allowedMentions: NO_PINGS,
      flags: MessageFlags.Ephemeral,
    });
  },
} satisfies ChatInputCommand;
