import { Events, type Client, type ClientEvents } from "discord.js";
import type { HandlerDeps } from "../handler-deps.js";
import type { EventHandler } from "./event.js";
import type { InFlight } from "../../shared/in-flight.js";
import { interactionCreate } from "./interaction-create.js";
import { messageCreate } from "./message-create.js";
import { ready } from "./ready.js";

function wire<Name extends keyof ClientEvents>(
  client: Client,
  event: EventHandler<Name>,
  deps: HandlerDeps,
  inFlight: InFlight,
): void {
  const listener = (...args: ClientEvents[Name]): void => {
    inFlight.run(
      () => event.execute(deps, ...args),
      (error: unknown) => {
        deps.logger.error({ err: error }, `discord: ${event.name} failed`);
      },
    );
  };
  if (event.once === true) client.once(event.name, listener);
  else client.on(event.name, listener);
}

/** The one place events are attached to the client, plus connection logging. */
export function registerEvents(client: Client, deps: HandlerDeps, inFlight: InFlight): void {
  wire(client, ready, deps, inFlight);
  wire(client, interactionCreate, deps, inFlight);
  wire(client, messageCreate, deps, inFlight);

  const { logger, conversation } = deps;
  client.on(Events.ShardDisconnect, (event, shardId) => {
    logger.warn({ shardId, code: event.code }, "discord: shard disconnected and will not reconnect");
  });
  client.on(Events.ShardReconnecting, (shardId) => {
    // discord.js reports its own shutdown as a reconnect; only a real one is worth a line.
    if (!inFlight.stopping) logger.info({ shardId }, "discord: shard reconnecting");
  });
  client.on(Events.ShardResume, (shardId, replayed) => {
    logger.info({ shardId, replayed }, "discord: shard resumed");
  });
  client.on(Events.ShardError, (error, shardId) => {
    logger.warn({ err: error, shardId }, "discord: shard connection error");
    conversation.platformError("discord", error, { shardId, during: "gateway" });
  });
  client.on(Events.Warn, (message) => {
    logger.warn({ message }, "discord: warning");
  });
  client.on(Events.Error, (error) => {
    logger.error({ err: error }, "discord: client error");
    conversation.platformError("discord", error, { during: "client" });
  });
  client.on(Events.Debug, (message) => {
    logger.trace({ message }, "discord: debug");
  });
}
