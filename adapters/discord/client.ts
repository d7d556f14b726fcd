import { Client, GatewayIntentBits, Partials, Status } from "discord.js";
import { NO_PINGS } from "./allowed-mentions.js";
import type { DiscordConfig } from "./config.js";
import { registerEvents } from "./events/index.js";
import { InFlight } from "./events/guard.js";
import type { HandlerDeps } from "./handler-deps.js";

/**
 * The minimal intents: Guilds (channels and threads, so replies land where asked), GuildMessages
 * (to see mentions in servers) and DirectMessages. No privileged Message Content intent: Discord
 * delivers the content of messages that mention the bot, of DMs and of interactions anyway.
 */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/** How long stop() waits for running handlers, then for the gateway to close. */
const DRAIN_MS = 2_000;
const DESTROY_MS = 2_000;

export interface DiscordBot {
  readonly client: Client;
  login(): Promise<void>;
  stop(): Promise<void>;
  isConnected(): boolean;
}

export function createDiscordClient(config: Pick<DiscordConfig, "apiUrl">): Client {
  return new Client({
    intents: INTENTS,
    // DM channels are never cached up front; without this partial, DMs would be dropped.
    partials: [Partials.Channel],
    allowedMentions: NO_PINGS,
    ...(config.apiUrl === undefined ? {} : { rest: { api: config.apiUrl } }),
  });
}

/** A client with every handler wired; login() resolves once the gateway said READY. */
export function createDiscordBot(config: Pick<DiscordConfig, "apiUrl" | "token">, deps: HandlerDeps): DiscordBot {
  const client = createDiscordClient(config);
  const inFlight = new InFlight();
  registerEvents(client, deps, inFlight);

  return {
    client,
    async login() {
      const ready = new Promise<void>((resolve, reject) => {
        client.once("clientReady", () => {
          resolve();
        });
        client.once("invalidated", () => {
          reject(new Error("Discord invalidated the session"));
        });
      });
      await Promise.all([client.login(config.token), ready]);
    },
    async stop() {
      await inFlight.drain(DRAIN_MS);
      let timer: NodeJS.Timeout | undefined;
      // A gateway that never answers the close frame must not hold shutdown hostage.
      await Promise.race([
        client.destroy(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, DESTROY_MS);
        }),
      ]);
      clearTimeout(timer);
    },
    isConnected() {
      return client.isReady() && client.ws.shards.size > 0 && client.ws.shards.every((shard) => shard.status === Status.Ready);
    },
  };
}
