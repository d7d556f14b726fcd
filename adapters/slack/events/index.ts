import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../listener-deps.js";
import { answerMention } from "./app-mention.js";
import { answerDirectMessage } from "./direct-message.js";

export function register(app: App, deps: ListenerDeps): void {
  app.event("app_mention", (args) => answerMention(deps, args));
  app.event("message", (args) => answerDirectMessage(deps, args));
}
