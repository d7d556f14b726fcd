import { describe, expect, it } from "vitest";
import { EVENTS_PATH } from "../../adapters/slack/index.js";
import { ASK_THE_ARTICLE_CALLBACK } from "../../adapters/slack/shortcuts/ask-the-article.js";
import { readManifest } from "../support/slack-manifest.js";

describe("Slack app manifest", () => {
  it("declares /ask, the shortcut, app_mention, message.im, app_home_opened, interactivity and exactly the scopes they need", async () => {
    const { manifest } = await readManifest();
    expect(manifest.features.slash_commands.map((command) => command.command)).toEqual(["/ask"]);
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ name: "Ask the article", type: "message", callback_id: ASK_THE_ARTICLE_CALLBACK })]);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(["app_home_opened", "app_mention", "message.im"]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(["app_mentions:read", "chat:write", "commands", "im:history"]);
    // Users must be able to DM the bot, and see what it knows on its Home tab.
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    const urls = [
      ...manifest.features.slash_commands.map((command) => command.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(EVENTS_PATH);
  });

  it("documents SLACK_THREAD_FOLLOWUPS' extra events and scopes, commented out since it is off by default", async () => {
    const { text } = await readManifest();
    for (const line of ["# - channels:history", "# - groups:history", "# - message.channels", "# - message.groups"]) expect(text).toContain(line);
    expect(text).toContain("SLACK_THREAD_FOLLOWUPS");
  });
});
