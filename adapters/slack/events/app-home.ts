import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { renderHome } from "../blocks.js";
import { slackError, type ListenerDeps } from "../listener-deps.js";

/**
 * The App Home tab, published whenever someone opens it: what the bot knows (topics with example
 * questions), how to ask, and the article's title and link. Only the Home tab; opening the
 * Messages tab needs nothing.
 */
export async function publishHome(
  deps: ListenerDeps,
  { event, client }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs,
): Promise<void> {
  if (event.tab !== "home") return;
  try {
    await client.views.publish({
      user_id: event.user,
      view: renderHome([deps.conversation.help("fr"), deps.conversation.help("en")]),
    });
  } catch (error) {
    slackError(deps, error, { method: "views.publish" });
    deps.logger.error({ err: error }, "publishing the App Home failed");
  }
}
