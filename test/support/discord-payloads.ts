// Gateway payloads shaped like Discord's (API v10), for the fake in discord-fake.ts.
import { SnowflakeUtil } from "discord.js";
import { z } from "zod";

export function nextSnowflake(): string {
  return SnowflakeUtil.generate().toString();
}

export const APP_ID = "1300000000000000001";
export const BOT_ID = APP_ID;
export const GUILD_ID = "1300000000000000010";
export const CHANNEL_ID = "1300000000000000020";
export const THREAD_ID = "1300000000000000030";
export const DM_CHANNEL_ID = "1300000000000000040";
export const ASK_COMMAND_ID = "1300000000000000050";

const TIMESTAMP = "2025-01-01T00:00:00.000Z";

export interface UserPayload {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

export const BOT_USER: UserPayload = {
  id: BOT_ID,
  username: "article-bot",
  discriminator: "0",
  global_name: "Article bot",
  avatar: null,
  bot: true,
};

export const ALICE: UserPayload = {
  id: "1300000000000000100",
  username: "alice",
  discriminator: "0",
  global_name: "Alice",
  avatar: null,
};

export const OTHER_BOT: UserPayload = {
  id: "1300000000000000200",
  username: "other-bot",
  discriminator: "0",
  global_name: null,
  avatar: null,
  bot: true,
};

function member(user: UserPayload): Record<string, unknown> {
  return {
    user,
    roles: [],
    joined_at: TIMESTAMP,
    deaf: false,
    mute: false,
    flags: 0,
    nick: null,
    avatar: null,
    premium_since: null,
    pending: false,
    communication_disabled_until: null,
    permissions: "2248473465835073",
  };
}

const textChannel = { id: CHANNEL_ID, type: 0, name: "general", guild_id: GUILD_ID, position: 0, permission_overwrites: [], nsfw: false, topic: null, last_message_id: null, parent_id: null, rate_limit_per_user: 0 };
const thread = {
  id: THREAD_ID,
  type: 11,
  name: "coalition discussion",
  guild_id: GUILD_ID,
  parent_id: CHANNEL_ID,
  owner_id: ALICE.id,
  last_message_id: null,
  rate_limit_per_user: 0,
  message_count: 1,
  member_count: 1,
  thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: TIMESTAMP, locked: false },
};

export function guildCreatePayload(): Record<string, unknown> {
  return {
    id: GUILD_ID,
    name: "Newsroom",
    icon: null,
    owner_id: ALICE.id,
    preferred_locale: "fr",
    roles: [
      { id: GUILD_ID, name: "@everyone", permissions: "2248473465835073", position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
    ],
    emojis: [],
    stickers: [],
    features: [],
    member_count: 2,
    members: [member(BOT_USER), member(ALICE)],
    channels: [textChannel],
    threads: [thread],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    joined_at: TIMESTAMP,
    large: false,
    unavailable: false,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    system_channel_flags: 0,
  };
}

export type Where = "guild" | "thread" | "dm";

/** Where a message was posted; Discord sends `channel_type` with every MESSAGE_CREATE. */
function placement(where: Where): Record<string, unknown> {
  if (where === "dm") return { channel_id: DM_CHANNEL_ID, channel_type: 1 };
  if (where === "thread") return { channel_id: THREAD_ID, channel_type: 11, guild_id: GUILD_ID };
  return { channel_id: CHANNEL_ID, channel_type: 0, guild_id: GUILD_ID };
}

export interface MessageOptions {
  readonly content: string;
  /** The message this one replies to, as the gateway sends it (`referenced_message`). */
  readonly replyTo?: Record<string, unknown> & { id: string };
  readonly author?: UserPayload;
  readonly mentions?: readonly UserPayload[];
  readonly where?: Where;
  readonly mentionEveryone?: boolean;
}

/** A MESSAGE_CREATE payload. Mentions must be listed, as Discord lists them. */
export function messagePayload(options: MessageOptions): Record<string, unknown> & { id: string } {
  const author = options.author ?? ALICE;
  const where = options.where ?? "guild";
  return {
    id: nextSnowflake(),
    ...placement(where),
    ...(where === "dm" ? {} : { member: { ...member(author), user: undefined } }),
    author,
    content: options.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: options.mentionEveryone ?? false,
    mentions: options.mentions ?? [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: options.replyTo === undefined ? 0 : 19,
    flags: 0,
    components: [],
    ...(options.replyTo === undefined
      ? {}
      : {
          message_reference: { type: 0, message_id: options.replyTo.id, ...placementIds(where) },
          referenced_message: options.replyTo,
        }),
  };
}

function placementIds(where: Where): Record<string, string> {
  if (where === "dm") return { channel_id: DM_CHANNEL_ID };
  return { channel_id: where === "thread" ? THREAD_ID : CHANNEL_ID, guild_id: GUILD_ID };
}

const BodySchema = z
  .object({
    content: z.string().optional(),
    embeds: z.array(z.unknown()).optional(),
    components: z.array(z.unknown()).optional(),
    flags: z.number().optional(),
    message_reference: z.unknown().optional(),
  })
  .loose();

/** The message Discord returns for what the bot posted, as a channel message or a webhook. */
export function sentMessagePayload(channelId: string, body: unknown): Record<string, unknown> & { id: string } {
  const parsed = BodySchema.parse(body ?? {});
  return {
    ...(parsed.message_reference === undefined ? {} : { message_reference: { channel_id: channelId, ...(parsed.message_reference as object) } }),
    id: nextSnowflake(),
    channel_id: channelId,
    author: BOT_USER,
    content: parsed.content ?? "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: parsed.embeds ?? [],
    components: parsed.components ?? [],
    pinned: false,
    type: parsed.message_reference === undefined ? 0 : 19,
    flags: parsed.flags ?? 0,
  };
}

interface InteractionOptions {
  readonly locale?: string;
  readonly where?: Where;
  readonly user?: UserPayload;
}

function interactionBase(type: number, options: InteractionOptions): Record<string, unknown> & { id: string } {
  const id = nextSnowflake();
  const where = options.where ?? "guild";
  const user = options.user ?? ALICE;
  const channel =
    where === "dm"
      ? { id: DM_CHANNEL_ID, type: 1, recipients: [user], last_message_id: null, flags: 0 }
      : where === "thread"
        ? thread
        : textChannel;
  return {
    id,
    application_id: APP_ID,
    type,
    token: `interaction-token-${id}`,
    version: 1,
    locale: options.locale ?? "en-US",
    ...(where === "dm"
      ? { user, context: 1, authorizing_integration_owners: { "1": user.id } }
      : { guild_id: GUILD_ID, guild_locale: "fr", member: member(user), context: 0, authorizing_integration_owners: { "0": GUILD_ID } }),
    channel_id: channel.id,
    channel,
    app_permissions: "2248473465835073",
    entitlements: [],
    attachment_size_limit: 10_485_760,
  };
}

export type CommandOption =
  | { name: string; type: 3; value: string; focused?: boolean }
  | { name: string; type: 5; value: boolean };

/** An /ask (or any chat-input command) INTERACTION_CREATE payload. */
export function slashCommandPayload(
  name: string,
  commandOptions: readonly CommandOption[],
  options: InteractionOptions = {},
): Record<string, unknown> & { id: string } {
  return { ...interactionBase(2, options), data: { id: ASK_COMMAND_ID, name, type: 1, options: commandOptions } };
}

export function askPayload(
  question: string,
  options: InteractionOptions & { private?: boolean } = {},
): Record<string, unknown> & { id: string } {
  const commandOptions: CommandOption[] = [{ name: "question", type: 3, value: question }];
  if (options.private !== undefined) commandOptions.push({ name: "private", type: 5, value: options.private });
  return slashCommandPayload("ask", commandOptions, options);
}

export function autocompletePayload(typed: string, options: InteractionOptions = {}): Record<string, unknown> & { id: string } {
  return {
    ...interactionBase(4, options),
    data: { id: ASK_COMMAND_ID, name: "ask", type: 1, options: [{ name: "question", type: 3, value: typed, focused: true }] },
  };
}

/** A press on a button of a message the bot sent (rebuilt from what the bot posted). */
export function buttonPressPayload(
  customId: string,
  message: Record<string, unknown>,
  options: InteractionOptions = {},
): Record<string, unknown> & { id: string } {
  return { ...interactionBase(3, options), message, data: { custom_id: customId, component_type: 2 } };
}

export function messageContextPayload(
  target: Record<string, unknown> & { id: string },
  options: InteractionOptions = {},
): Record<string, unknown> & { id: string } {
  return {
    ...interactionBase(2, options),
    data: {
      id: nextSnowflake(),
      name: "Ask the article",
      type: 3,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  };
}
