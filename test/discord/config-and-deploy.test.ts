// Configuration errors name the variable (never the token), and the deploy script registers the
// commands globally or to one guild against the fake's REST API.
import { readFile } from "node:fs/promises";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { commands } from "../../adapters/discord/commands/index.js";
import { deployCommands } from "../../adapters/discord/deploy-commands.js";
import { createDiscordAdapter, DiscordConfigError, isDiscordConfigured, loadDiscordConfig } from "../../adapters/discord/index.js";
import { escapeUserText } from "../../adapters/discord/escape.js";
import { inviteUrl, PERMISSIONS_INTEGER, REQUIRED_PERMISSIONS } from "../../adapters/discord/invite.js";
import { localeToLanguage } from "../../adapters/discord/messages.js";
import { createConversation, createLogger } from "../../src/index.js";
import { FAKE_TOKEN, FakeDiscord } from "../support/discord-fake.js";
import { realAnswerer } from "../support/discord-harness.js";
import { APP_ID, GUILD_ID } from "../support/discord-payloads.js";

const silentLogger = createLogger({ level: "silent", pretty: false, destination: new Writable({ write: (_c, _e, done) => { done(); } }) });

function configError(env: NodeJS.ProcessEnv): DiscordConfigError {
  try {
    loadDiscordConfig(env);
  } catch (error) {
    if (error instanceof DiscordConfigError) return error;
    throw error;
  }
  throw new Error("expected a DiscordConfigError");
}

describe("Discord configuration", () => {
  it("is configured exactly when DISCORD_TOKEN is set", () => {
    expect(isDiscordConfigured({})).toBe(false);
    expect(isDiscordConfigured({ DISCORD_TOKEN: "  " })).toBe(false);
    expect(isDiscordConfigured({ DISCORD_TOKEN: FAKE_TOKEN })).toBe(true);
  });

  it("names the variable and what it is for, and never echoes the token", () => {
    expect(configError({}).message).toMatch(/^DISCORD_TOKEN: is not set\. It is the bot token/);
    const badToken = "has spaces.secret-value-123456";
    const tokenError = configError({ DISCORD_TOKEN: badToken });
    expect(tokenError.variable).toBe("DISCORD_TOKEN");
    expect(tokenError.message).not.toContain("secret-value");
    expect(configError({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_SHARDS: "two" }).message).toMatch(/^DISCORD_SHARDS: .*ShardingManager/);
    expect(configError({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: "discord.com" }).variable).toBe("DISCORD_API_URL");
    expect(configError({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_GUILD_ID: "my-server" }).message).toMatch(/^DISCORD_GUILD_ID: must be a Discord id/);
    expect(configError({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: "12" }).variable).toBe("DISCORD_APPLICATION_ID");
  });

  it("fails when the adapter is created, before connecting", async () => {
    const answerer = await realAnswerer();
    const context = { conversation: createConversation({ answerer, logger: silentLogger }), logger: silentLogger };
    expect(() => createDiscordAdapter(context, { env: { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_SHARDS: "0" } })).toThrow(
      /DISCORD_SHARDS: must be at least 1/,
    );
  });

  it("reads optional variables, trimming a trailing slash from the API URL", () => {
    expect(
      loadDiscordConfig({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: "http://127.0.0.1:1/api/", DISCORD_SHARDS: "4", DISCORD_GUILD_ID: GUILD_ID }),
    ).toEqual({ token: FAKE_TOKEN, applicationId: undefined, guildId: GUILD_ID, apiUrl: "http://127.0.0.1:1/api", shards: 4 });
  });
});

describe("helpers", () => {
  it("escapes markdown and breaks mass mentions and mention syntax", () => {
    expect(escapeUserText("**bold** _it_ `code` @everyone @here <@123> <@&456> <#789>")).toBe(
      "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` @\u200beveryone @\u200bhere <@\u200b123> <@&\u200b456> <#\u200b789>",
    );
  });

  it("removes bidi controls and zero-width characters before escaping (keeping only its own mention breakers)", () => {
    expect(escapeUserText("a\u202Eb\u200Bc\u2066d\u2069e\u200Ef\u061Cg\u2060h\uFEFFi @everyone")).toBe("abcdefghi @\u200beveryone");
  });

  it("maps Discord locales to the core's languages", () => {
    expect(localeToLanguage("fr")).toBe("fr");
    expect(localeToLanguage("en-US")).toBe("en");
    expect(localeToLanguage("de")).toBeUndefined();
    expect(localeToLanguage(null)).toBeUndefined();
  });
});

describe("npm run discord:deploy", () => {
  let fake: FakeDiscord;
  const Registered = z.array(z.object({ name: z.string(), type: z.number().optional() }));

  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  it("registers every command to one guild when DISCORD_GUILD_ID is set", async () => {
    const result = await deployCommands(fake.env({ DISCORD_APPLICATION_ID: APP_ID, DISCORD_GUILD_ID: GUILD_ID }), silentLogger);
    expect(result).toEqual({ scope: "guild", applicationId: APP_ID, guildId: GUILD_ID, names: ["ask", "topics", "Ask the article"] });
    const put = await fake.waitForRequest((request) => request.method === "PUT");
    expect(put.route).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put.authorized).toBe(true);
    const body = Registered.parse(put.body);
    expect(body.map((command) => [command.name, command.type])).toEqual([
      ["ask", 1],
      ["topics", 1],
      ["Ask the article", 3],
    ]);
    expect(body).toEqual(commands.map((command) => expect.objectContaining({ name: command.data.name }) as unknown));
  });

  it("registers globally otherwise, reading the application id from the API", async () => {
    const before = fake.requests.length;
    const result = await deployCommands(fake.env(), silentLogger);
    expect(result.scope).toBe("global");
    expect(result.applicationId).toBe(APP_ID);
    const routes = fake.requests.slice(before).map((request) => `${request.method} ${request.route}`);
    expect(routes).toEqual(["GET /applications/@me", `PUT /applications/${APP_ID}/commands`]);
  });

  it("describes /ask with a required, autocompleted question and an optional private flag", () => {
    const ask = commands.find((command) => command.data.name === "ask");
    const options = z
      .array(z.object({ name: z.string(), type: z.number(), required: z.boolean().optional(), autocomplete: z.boolean().optional() }))
      .parse(ask && "options" in ask.data ? ask.data.options : undefined);
    expect(options).toEqual([
      expect.objectContaining({ name: "question", type: 3, required: true, autocomplete: true }),
      expect.objectContaining({ name: "private", type: 5 }),
    ]);
  });
});

describe("README", () => {
  it("gives the invite URL with exactly the scopes and permissions the bot asks for", async () => {
    const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
    expect(readme).toContain(inviteUrl("YOUR_APPLICATION_ID"));
    expect(PERMISSIONS_INTEGER).toBe("274877991936");
    for (const bit of Object.values(REQUIRED_PERMISSIONS)) expect(readme).toContain(`\`${bit.toString()}\``);
  });
});
