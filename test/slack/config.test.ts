import { describe, expect, it } from "vitest";
import { isSlackConfigured, loadSlackConfig, SlackConfigError } from "../../adapters/slack/index.js";
import { TEST_APP_TOKEN, TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../support/slack-requests.js";

function configError(env: NodeJS.ProcessEnv): SlackConfigError {
  try {
    loadSlackConfig(env);
  } catch (error) {
    if (error instanceof SlackConfigError) return error;
    throw error;
  }
  throw new Error("expected a SlackConfigError");
}

describe("Slack configuration", () => {
  it("is configured when SLACK_BOT_TOKEN is set, and only then", () => {
    expect(isSlackConfigured({ SLACK_BOT_TOKEN: TEST_BOT_TOKEN })).toBe(true);
    expect(isSlackConfigured({ SLACK_BOT_TOKEN: " " })).toBe(false);
    expect(isSlackConfigured({ SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET })).toBe(false);
  });

  it("reads HTTP mode with PORT defaulting to 3000", () => {
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET })).toEqual({
      mode: "http",
      botToken: TEST_BOT_TOKEN,
      signingSecret: TEST_SIGNING_SECRET,
      apiUrl: undefined,
      port: 3000,
      threadFollowUps: false,
    });
  });

  it("reads SLACK_THREAD_FOLLOWUPS as true or false, off by default, and names it when malformed", () => {
    const base = { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET };
    expect(loadSlackConfig({ ...base, SLACK_THREAD_FOLLOWUPS: "true" }).threadFollowUps).toBe(true);
    expect(loadSlackConfig({ ...base, SLACK_THREAD_FOLLOWUPS: " FALSE " }).threadFollowUps).toBe(false);
    expect(loadSlackConfig({ ...base, SLACK_THREAD_FOLLOWUPS: "" }).threadFollowUps).toBe(false);
    const error = configError({ ...base, SLACK_THREAD_FOLLOWUPS: "yes" });
    expect(error.variables).toEqual(["SLACK_THREAD_FOLLOWUPS"]);
    expect(error.message).toMatch(/SLACK_THREAD_FOLLOWUPS is malformed .*plain replies/);
  });

  it("switches to Socket Mode when SLACK_APP_TOKEN is set, without needing the signing secret", () => {
    const config = loadSlackConfig({
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_APP_TOKEN: TEST_APP_TOKEN,
      SLACK_SIGNING_SECRET: "",
      SLACK_API_URL: "http://127.0.0.1:9999/api",
      PORT: "8080",
    });
    expect(config).toMatchObject({ mode: "socket", appToken: TEST_APP_TOKEN, apiUrl: "http://127.0.0.1:9999/api/", port: 8080 });
  });

  it("names each missing variable and what it is for", () => {
    const error = configError({});
    expect(error.variables).toEqual(["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"]);
    expect(error.message).toContain("SLACK_BOT_TOKEN is missing: it is the bot token");
    expect(error.message).toContain("SLACK_SIGNING_SECRET is missing (or set SLACK_APP_TOKEN to use Socket Mode");
    expect(error.message).toContain("Signing Secret");
    expect(error.code).toBe("SLACK_CONFIG_INVALID");
  });

  it("names malformed variables without ever quoting their values", () => {
    const userToken = "xoxp-12345-67890-SecretUserTokenValue";
    const error = configError({
      SLACK_BOT_TOKEN: userToken,
      SLACK_SIGNING_SECRET: "has spaces in it, which no secret has",
      SLACK_APP_TOKEN: "xoxb-not-an-app-token",
      SLACK_API_URL: "slack.example.com",
      PORT: "70000",
    });
    expect(error.variables).toEqual(["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL", "PORT"]);
    expect(error.message).toContain("SLACK_BOT_TOKEN is malformed (expected a bot token starting with xoxb-)");
    expect(error.message).toContain("PORT is out of range");
    expect(error.message).toContain("SLACK_API_URL is malformed");
    expect(error.message).not.toContain(userToken);
    expect(error.message).not.toContain("xoxb-not-an-app-token");
    expect(error.message).not.toContain("has spaces");
  });

  it("rejects a PORT that is not a number", () => {
    const error = configError({ SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, PORT: "http" });
    expect(error.variables).toEqual(["PORT"]);
    expect(error.message).toContain("PORT is malformed (expected a port number): it is the HTTP port");
  });
});
