import { Events } from "discord.js";
import type { EventHandler } from "./event.js";

export const ready = {
  name: Events.ClientReady,
  once: true,
  execute(deps, client) {
    deps.logger.info(
      { user: client.user.tag, guilds: client.guilds.cache.size, shards: client.ws.shards.size },
      "discord: connected",
    );
    return Promise.resolve();
  },
} satisfies EventHandler<Events.ClientReady>;
