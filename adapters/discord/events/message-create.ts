import { Events, MessageType, type Message } from "discord.js";
import { replyOrApologize } from "../../shared/reply.js";
import { sendToDiscord } from "../delivery.js";
import { conversationOfMessage } from "../conversation-keys.js";
import { apologyPayload, outcomePayload, type NoticePayload, type ReplyPayload } from "../embeds.js";
import { discordReplyFailure } from "../handler-deps.js";
import { localeToLanguage } from "../messages.js";
import type { EventHandler } from "./event.js";

/**
 * The question in a message for the bot, or undefined when the message is not for it. A message
 * is for the bot when it mentions the bot, when it is a direct message (a DM is a conversation
 * with the bot already), or when it replies to one of the bot's answers (a follow-up). Bots, the
 * bot itself included, are never answered.
 */
export function questionFor(message: Message, botId: string): string | undefined {
  if (message.author.bot || message.webhookId !== null || message.system) return undefined;
  if (message.type !== MessageType.Default && message.type !== MessageType.Reply) return undefined;
  const inDirectMessage = message.guildId === null;
  const mentioned = message.mentions.users.has(botId);
  const repliesToBot = message.reference !== null && message.mentions.repliedUser?.id === botId;
  if (!mentioned && !inDirectMessage && !repliesToBot) return undefined;
  const question = message.content.replace(new RegExp(`<@!?${botId}>`, "g"), " ").replace(/\s+/g, " ").trim();
  // A reply that does not ping the bot arrives without its content (no Message Content intent):
  // there is nothing to answer, and the help would answer a question nobody asked.
  if (!mentioned && !inDirectMessage && question === "") return undefined;
  return question;
}

/**
 * A mention (or a DM, or a reply to an answer) is answered as a reply to it, in the conversation
 * it belongs to. Over the per-user limit the reply is the short notice saying when to ask again
 * (Discord has no ephemeral message outside interactions): one reply per message either way, so
 * the asker is never left wondering, and nothing is answered twice. A reaction would need the Add
 * Reactions permission, which the invite does not ask for, and could not say when to try again.
 */
export const messageCreate = {
  name: Events.MessageCreate,
  async execute(deps, message) {
    const botId = message.client.user.id;
    const question = questionFor(message, botId);
    if (question === undefined) return;
    const languageHint = localeToLanguage(message.guild?.preferredLocale) ?? "en";
    await replyOrApologize<ReplyPayload | NoticePayload>({
      compose: async () => {
        const outcome = await deps.conversation.ask({
          platform: "discord",
          userId: message.author.id,
          question,
          conversation: conversationOfMessage(message, botId),
          languageHint,
        });
        return outcomePayload(outcome, question);
      },
      send: async (payload) => {
        await message.reply({ ...payload, failIfNotExists: false });
      },
      apology: () => apologyPayload(question === "" ? languageHint : deps.conversation.detectLanguage(question)),
      failed: discordReplyFailure(deps, "discord: mention", { messageId: message.id, channelId: message.channelId }),
      deliver: sendToDiscord,
    });
  },
} satisfies EventHandler<Events.MessageCreate>;
