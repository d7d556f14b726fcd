import { OAuth2Scopes, PermissionFlagsBits } from "discord.js";

/** What the bot needs in a server, each for one reason (the README lists them). */
export const REQUIRED_PERMISSIONS = {
  /** See the channels and threads where it is mentioned. */
  ViewChannel: PermissionFlagsBits.ViewChannel,
  /** Reply to mentions. */
  SendMessages: PermissionFlagsBits.SendMessages,
  /** Reply to mentions inside threads. */
  SendMessagesInThreads: PermissionFlagsBits.SendMessagesInThreads,
  /** Answers are embeds; without it Discord strips them. */
  EmbedLinks: PermissionFlagsBits.EmbedLinks,
  /** A reply points at the message it answers, which Discord only allows with history access. */
  ReadMessageHistory: PermissionFlagsBits.ReadMessageHistory,
} as const;

export const INVITE_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

export const PERMISSIONS_INTEGER = Object.values(REQUIRED_PERMISSIONS).reduce((all, bit) => all | bit, 0n).toString();

/** The URL that adds the bot to a server with exactly these scopes and permissions. */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({ client_id: applicationId, scope: INVITE_SCOPES.join(" "), permissions: PERMISSIONS_INTEGER });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
