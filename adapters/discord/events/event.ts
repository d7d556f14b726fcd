import type { ClientEvents } from "discord.js";
import type { HandlerDeps } from "../handler-deps.js";

/** One file per event, each a plain object; events/index.ts wires them all. */
export interface EventHandler<Name extends keyof ClientEvents> {
  readonly name: Name;
  readonly once?: boolean;
  execute(deps: HandlerDeps, ...args: ClientEvents[Name]): Promise<void>;
}
