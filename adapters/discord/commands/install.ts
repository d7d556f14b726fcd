import { ApplicationIntegrationType, InteractionContextType } from "discord.js";

/**
 * Where every command can be used: installed to a server, or by a user to their own account (so
 * people can ask where the bot is not a member), in servers, in DMs with the bot and in other
 * private channels (DMs and group DMs of a user who installed it).
 */
export const INTEGRATION_TYPES = [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall] as const;
export const CONTEXTS = [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel] as const;
