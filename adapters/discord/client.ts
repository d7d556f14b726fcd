import { Client, GatewayIntentBits, Partials, Status } from "discord.js";
import { NO_PINGS } from "./allowed-mentions.js";
import type { DiscordConfig } from "./config.js";
import { REST_OPTIONS } from "./delivery.js";
import { registerEvents } from "./events/index.js";
import { InFlight } from "../shared/in-flight.js";
import type { HandlerDeps } from "./handler-deps.js";

/**
 * The minimal intents: Guilds (channels and threads, so replies land where asked), GuildMessages
 * (to see mentions in servers) and DirectMessages. No privileged Message Content intent: Discord
 * delivers the content of messages that mention the bot, of DMs and of interactions anyway.
 */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/**
 * How long stop() waits for running handlers, then for the gateway to close. app/main.ts gives all
 * adapters together 4.5 s from SIGTERM, then flushes the feedback file; every adapter's stop() is
 * to finish within 3 s in the worst case.
 */
export const DEFAULT_STOP_TIMINGS: StopTimings = { drainMs: 1_500, destroyMs: 1_500 };

export interface StopTimings {
  /** How long stop() lets running handlers finish. */
  readonly drainMs: number;
  /** How long stop() then waits for the gateway to close. */
  readonly destroyMs: number;
}

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
    rest: { ...REST_OPTIONS, ...(config.apiUrl === undefined ? {} : { api: config.apiUrl }) },
  });
}

/** A client with every handler wired; login() resolves once the gateway said READY. */
export function createDiscordBot(
  config: Pick<DiscordConfig, "apiUrl" | "token">,
  deps: HandlerDeps,
  timings: StopTimings = DEFAULT_STOP_TIMINGS,
): DiscordBot {
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
      if (!(await inFlight.drain(timings.drainMs))) deps.logger.warn({ inFlight: inFlight.count }, "discord: stopped with work still in flight");
      let timer: NodeJS.Timeout | undefined;
      // A gateway that never answers the close frame must not hold shutdown hostage.
      await Promise.race([
        client.destroy().catch((error: unknown) => {
          deps.logger.warn({ err: error }, "discord: closing the gateway failed");
        }),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timings.destroyMs);
        }),
      ]);
      clearTimeout(timer);
    },
    isConnected() {
      return client.isReady() && client.ws.shards.size > 0 && client.ws.shards.every((shard) => shard.status === Status.Ready);
    },
  };
}
