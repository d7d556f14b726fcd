import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";

const SLACK_TOKEN = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx";
const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

/** A logger writing JSON lines to memory; `output()` waits for pino's asynchronous write. */
function memoryLogger() {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  const logger = createLogger({ destination: stream, pretty: false, level: "trace", secrets: [SIGNING_SECRET] });
  return {
    logger,
    output: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return text;
    },
  };
}

describe("createLogger redaction", () => {
  it("keeps a Slack token in an Error's message, stack and cause out of the output", async () => {
    const { logger, output } = memoryLogger();
    const error = new Error(`An API error occurred: invalid_auth for ${SLACK_TOKEN}`, {
      cause: new Error(`token ${SLACK_TOKEN} was revoked`),
    });
    logger.error({ err: error }, "could not reply");
    logger.error(error); // no message: pino would make err.message the line's msg
    const text = await output();
    expect(text).toContain("could not reply");
    expect(text).toContain("invalid_auth");
    expect(text).toContain("[REDACTED]");
    expect(text).not.toContain(SLACK_TOKEN);
    expect(text).not.toContain("xoxb-");
  });

  it("redacts token and authorization fields of a config object, at any depth", async () => {
    const { logger, output } = memoryLogger();
    logger.info(
      {
        config: { token: "plain-config-token-value", authorization: "Basic dXNlcjpwYXNzd29yZA==", mode: "http" },
        slack: { auth: { botToken: SLACK_TOKEN, signingSecret: SIGNING_SECRET }, request: { headers: { Authorization: "Bearer abcdefghijklmnopqrstuvwxyz" } } },
      },
      "starting",
    );
    const text = await output();
    const line = JSON.parse(text.trim()) as { config: Record<string, unknown> };
    expect(line.config.mode).toBe("http");
    expect(line.config.token).toBe("[REDACTED]");
    for (const secret of ["plain-config-token-value", "dXNlcjpwYXNzd29yZA", SLACK_TOKEN, SIGNING_SECRET, "abcdefghijklmnopqrstuvwxyz"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("redacts secrets in an SDK error's extra properties and in plain message strings", async () => {
    const { logger, output } = memoryLogger();
    const error = Object.assign(new Error("request failed"), { data: { token: SLACK_TOKEN }, config: { headers: { Authorization: `Bearer ${SLACK_TOKEN}` } } });
    logger.warn({ err: error }, "retrying");
    logger.info(`posting with ${SLACK_TOKEN}`);
    logger.info({ note: [`signed with ${SIGNING_SECRET}`] }, "list");
    const text = await output();
    expect(text).toContain("request failed");
    expect(text).not.toContain(SLACK_TOKEN);
    expect(text).not.toContain(SIGNING_SECRET);
  });
});
