import type { App, BlockButtonAction } from "@slack/bolt";
import { ACTION_IDS } from "../blocks.js";
import type { ListenerDeps } from "../listener-deps.js";
import { recordFeedback } from "./feedback.js";
import { shareAnswer } from "./share.js";
import { answerSuggestion } from "./suggestion.js";

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>({ type: "block_actions", action_id: ACTION_IDS.share }, (args) => shareAnswer(deps, args));
  app.action<BlockButtonAction>({ type: "block_actions", action_id: ACTION_IDS.suggestion }, (args) =>
    answerSuggestion(deps, args),
  );
  for (const actionId of [ACTION_IDS.feedbackUp, ACTION_IDS.feedbackDown]) {
    app.action<BlockButtonAction>({ type: "block_actions", action_id: actionId }, (args) => recordFeedback(deps, args));
  }
}
