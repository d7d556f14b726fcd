import type { MessageMentionOptions } from "discord.js";

/**
 * Attached to every message the bot sends: no @everyone, @here, role or user ping, and no ping of
 * the author a reply answers. The client default is the same; setting it per message as well
 * keeps it true if someone ever changes the client options.
 */
export const NO_PINGS = { parse: [], repliedUser: false } as const satisfies MessageMentionOptions;
