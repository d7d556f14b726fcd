import { Events, MessageType, type Message } from "discord.js";
import { NO_PINGS } from "../allowed-mentions.js";
import { answerPayload, apologyPayload, topicsEmbed } from "../embeds.js";
import { localeToLanguage, MESSAGES } from "../messages.js";
import type { EventHandler } from "./event.js";

/**
 * The question in a message for the bot, or undefined when the message is not for it. A message
 * is for the bot when it mentions the bot, or when it is a direct message (a DM is a conversation
 * with the bot already). Bots, the bot itself included, are never answered.
 */
export function questionFor(message: Message, botId: string): string | undefined {
  if (message.author.bot || message.webhookId !== null || message.system) return undefined;
  if (message.type !== MessageType.Default && message.type !== MessageType.Reply) return undefined;
  const inDirectMessage = message.guildId === null;
  const mentioned = message.mentions.users.has(botId);
  if (!mentioned && !inDirectMessage) return undefined;
  return message.content.replace(new RegExp(`<@!?${botId}>`, "g"), " ").replace(/\s+/g, " ").trim();
}

export const messageCreate = {
  name: Events.MessageCreate,
  async execute(deps, message) {
    const botId = message.client.user.id;
    const question = questionFor(message, botId);
    if (question === undefined) return;
    const fallbackLanguage = localeToLanguage(message.guild?.preferredLocale) ?? "en";
    try {
      if (question === "") {
        await message.reply({
          embeds: [
            topicsEmbed(deps.answerer.topics(fallbackLanguage), fallbackLanguage, MESSAGES[fallbackLanguage].emptyQuestion),
          ],
          allowedMentions: NO_PINGS,
          failIfNotExists: false,
        });
        return;
      }
      await message.reply({ ...answerPayload(deps.answerer.answer(question), question), failIfNotExists: false });
    } catch (error) {
      deps.logger.error({ err: error, messageId: message.id, channelId: message.channelId }, "discord: mention failed");
      try {
        await message.reply({ ...apologyPayload(fallbackLanguage), failIfNotExists: false });
      } catch (apologyError) {
        deps.logger.warn({ err: apologyError, messageId: message.id }, "discord: could not send the apology");
      }
    }
  },
} satisfies EventHandler<Events.MessageCreate>;
