import { Events, MessageType, type Message } from "discord.js";
import { mayHaveBeenPosted, replyBudget } from "../../../src/index.js";
import { NO_PINGS } from "../allowed-mentions.js";
import { sendToDiscord } from "../delivery.js";
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

/**
 * A mention is answered as a reply to it. Over the per-user limit the reply is the short notice
 * saying when to ask again (Discord has no ephemeral message outside interactions): one reply per
 * message either way, so the asker is never left wondering, and nothing is answered twice. A
 * reaction would need the Add Reactions permission, which the invite does not ask for, and could
 * not say when to try again.
 */
export const messageCreate = {
  name: Events.MessageCreate,
  async execute(deps, message) {
    const botId = message.client.user.id;
    const question = questionFor(message, botId);
    if (question === undefined) return;
    const fallbackLanguage = localeToLanguage(message.guild?.preferredLocale) ?? "en";
    // One budget for the whole reply: the answer, and the apology if the answer was refused.
    const budget = replyBudget();
    try {
      if (question === "") {
        const topics = topicsEmbed(deps.answerer.topics(fallbackLanguage), fallbackLanguage, MESSAGES[fallbackLanguage].emptyQuestion);
        await sendToDiscord(() => message.reply({ embeds: [topics], allowedMentions: NO_PINGS, failIfNotExists: false }), budget);
        return;
      }
      const outcome = deps.conversation.ask({ platform: "discord", userId: message.author.id, question });
      const payload =
        outcome.kind === "answer" ? answerPayload(outcome.answer, question) : { content: outcome.message, allowedMentions: NO_PINGS };
      await sendToDiscord(() => message.reply({ ...payload, failIfNotExists: false }), budget);
    } catch (error) {
      deps.conversation.platformError("discord", error, { messageId: message.id, during: "mention" });
      if (mayHaveBeenPosted(error)) {
        // Discord may have posted it: a second copy, or an apology under the answer, would be wrong.
        deps.logger.error({ err: error, messageId: message.id, channelId: message.channelId }, "discord: the reply to a mention may have failed; not sending it again");
        return;
      }
      deps.logger.error({ err: error, messageId: message.id, channelId: message.channelId }, "discord: mention failed");
      try {
        await sendToDiscord(() => message.reply({ ...apologyPayload(fallbackLanguage), failIfNotExists: false }), budget);
      } catch (apologyError) {
        deps.logger.warn({ err: apologyError, messageId: message.id }, "discord: could not send the apology");
        deps.conversation.platformError("discord", apologyError, { messageId: message.id, during: "apology" });
      }
    }
  },
} satisfies EventHandler<Events.MessageCreate>;
