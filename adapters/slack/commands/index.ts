import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../listener-deps.js";
import { ASK_COMMAND, answerAskCommand } from "./ask.js";

export function register(app: App, deps: ListenerDeps): void {
  app.command(ASK_COMMAND, (args) => answerAskCommand(deps, args));
}
