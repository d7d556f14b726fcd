import { InteractionContextType, type Message, type RepliableInteraction } from "discord.js";
import type { ConversationKey } from "../../src/index.js";

/** A DM with the bot: the whole DM is one conversation. */
export function directMessageConversation(channelId: string): ConversationKey {
  return { key: `discord:dm:${channelId}` };
}

/** A thread: a mention in a thread where the bot answered is a follow-up. */
export function threadConversation(channelId: string): ConversationKey {
  return { key: `discord:thread:${channelId}` };
}

/** A public answer to a slash command: a reply to it continues from here. */
export function interactionConversation(interactionId: string): ConversationKey {
  return { key: `discord:interaction:${interactionId}` };
}

function messageKey(messageId: string): string {
  return `discord:message:${messageId}`;
}

/**
 * The conversation a message for the bot belongs to. In a DM or a thread, the DM or thread. In a
 * channel, a reply chain: each question is remembered under its own message id, and a reply to one
 * of the bot's answers continues the question that answer replied to (or the slash command it
 * answered), so the chain goes on however long it grows, without fetching its history. discord.js
 * caches the replied-to message from the gateway's `referenced_message`, so no request is needed.
 */
export function conversationOfMessage(message: Message, botId: string): ConversationKey {
  if (message.guildId === null) return directMessageConversation(message.channelId);
  if (message.channel.isThread()) return threadConversation(message.channelId);
  const own = messageKey(message.id);
  const referencedId = message.reference?.messageId;
  if (referencedId === undefined || message.mentions.repliedUser?.id !== botId) return { key: own };
  const answer = message.channel.messages.cache.get(referencedId);
  const question = answer?.reference?.messageId;
  if (question !== undefined) return { key: own, continues: messageKey(question) };
  const command = answer?.interactionMetadata?.id;
  if (command !== undefined) return { key: own, continues: interactionConversation(command).key };
  return { key: own };
}

/**
 * The conversation of a question asked through an interaction (/ask, a did-you-mean press): the DM
 * with the bot, or the thread, it was asked in; elsewhere, a public answer starts a conversation
 * that a reply to it continues. A private answer cannot be replied to, so outside a DM or thread
 * it stands alone.
 */
export function conversationOfInteraction(interaction: RepliableInteraction, ephemeral: boolean): ConversationKey | undefined {
  if (interaction.context === InteractionContextType.BotDM) return directMessageConversation(interaction.channelId ?? interaction.user.id);
  if (interaction.channel?.isThread() === true) return threadConversation(interaction.channel.id);
  return ephemeral ? undefined : interactionConversation(interaction.id);
}
