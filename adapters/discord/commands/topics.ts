import { MessageFlags, SlashCommandBuilder } from "discord.js";
import { NO_PINGS } from "../allowed-mentions.js";
import { topicsEmbed } from "../embeds.js";
import { localeToLanguage } from "../messages.js";
import type { ChatInputCommand } from "./command.js";

export const topics = {
  data: new SlashCommandBuilder()
    .setName("topics")
    .setDescription("What I can answer, with example questions")
    .setDescriptionLocalizations({ fr: "Ce que je sais, avec des exemples de questions" })
    .toJSON(),

  async execute(interaction, { answerer }) {
    const language = localeToLanguage(interaction.locale) ?? "en";
    await interaction.reply({
      embeds: [topicsEmbed(answerer.topics(language), language)],
      allowedMentions: NO_PINGS,
      flags: MessageFlags.Ephemeral,
    });
  },
} satisfies ChatInputCommand;
