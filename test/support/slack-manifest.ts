// The Slack app manifest (adapters/slack/manifest.yml), parsed and checked for the fields tests use.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { z } from "zod";

export const ManifestSchema = z.object({
  features: z.object({
    app_home: z.object({ home_tab_enabled: z.boolean(), messages_tab_enabled: z.boolean(), messages_tab_read_only_enabled: z.boolean() }),
    bot_user: z.object({ display_name: z.string() }),
    shortcuts: z.array(z.object({ name: z.string(), type: z.enum(["message", "global"]), callback_id: z.string(), description: z.string() })),
    slash_commands: z.array(z.object({ command: z.string(), url: z.string(), should_escape: z.boolean() })),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: z.string(), bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.boolean(), request_url: z.string() }),
    socket_mode_enabled: z.boolean(),
  }),
});

export async function readManifest(): Promise<{ text: string; manifest: z.infer<typeof ManifestSchema> }> {
  const text = await readFile(new URL("../../adapters/slack/manifest.yml", import.meta.url), "utf8");
  return { text, manifest: ManifestSchema.parse(parse(text)) };
}
