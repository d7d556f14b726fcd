import type { App, MessageShortcut } from "@slack/bolt";
import type { ListenerDeps } from "../listener-deps.js";
import { ASK_THE_ARTICLE_CALLBACK, answerAskTheArticle } from "./ask-the-article.js";

export function register(app: App, deps: ListenerDeps): void {
  app.shortcut<MessageShortcut>({ type: "message_action", callback_id: ASK_THE_ARTICLE_CALLBACK }, (args) => answerAskTheArticle(deps, args));
}
