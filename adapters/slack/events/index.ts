import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../listener-deps.js";
import { publishHome } from "./app-home.js";
import { answerMention } from "./app-mention.js";
import { answerMessage } from "./message.js";

export function register(app: App, deps: ListenerDeps): void {
  app.event("app_mention", (args) => answerMention(deps, args));
  app.event("message", (args) => answerMessage(deps, args));
  app.event("app_home_opened", (args) => publishHome(deps, args));
}
