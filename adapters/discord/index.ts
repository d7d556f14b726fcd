import type { AdapterContext, PlatformAdapter } from "../../src/index.js";
import { createDiscordBot } from "./client.js";
import { loadDiscordConfig } from "./config.js";
import { createShardedBot, DEFAULT_SHARD_SPAWN_DELAY_MS } from "./sharding.js";

export { DiscordConfigError, isDiscordConfigured, loadDiscordConfig } from "./config.js";
export type { DiscordConfig } from "./config.js";

export interface DiscordAdapterOptions {
  /** Where DISCORD_* come from; defaults to process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Spacing between shard processes when DISCORD_SHARDS > 1 (Discord's identify rate limit). */
  readonly shardSpawnDelayMs?: number;
}

/**
 * The Discord adapter. Configuration is read (and rejected, naming the variable) here, so a bad
 * variable fails at start rather than at the first message. With DISCORD_SHARDS above 1, start()
 * runs discord.js's ShardingManager; otherwise one client in this process. Every question and vote
 * goes through `context.conversation`; shard processes build their own (see shard.ts), so the
 * context's conversation is unused when sharded.
 */
export function createDiscordAdapter(context: AdapterContext, options: DiscordAdapterOptions = {}): PlatformAdapter {
  const env = options.env ?? process.env;
  const config = loadDiscordConfig(env);
  const logger = context.logger.child({ platform: "discord" });

  if (config.shards > 1) {
    const sharded = createShardedBot(config, env, logger, options.shardSpawnDelayMs ?? DEFAULT_SHARD_SPAWN_DELAY_MS);
    return {
      platform: "discord",
      start: () => sharded.start(),
      stop: () => sharded.stop(),
      isConnected: () => sharded.isConnected(),
      collectMetrics: () => sharded.collectMetrics(),
    };
  }

  const bot = createDiscordBot(config, { conversation: context.conversation, logger });
  return {
    platform: "discord",
    start: () => bot.login(),
    stop: () => bot.stop(),
    isConnected: () => bot.isConnected(),
  };
}
