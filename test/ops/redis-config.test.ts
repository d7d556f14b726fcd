import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { checkHealth } from "../../src/ops/health.js";
import { readRedisConfig, redactRedisUrl, RedisConfigError } from "../../src/ops/redis-config.js";

const PASSWORD = "s3cr3t-Pa55word";

describe("readRedisConfig", () => {
  it("is off when REDIS_URL is unset or blank: everything stays in process memory", () => {
    expect(readRedisConfig({})).toBeUndefined();
    expect(readRedisConfig({ REDIS_URL: "  ", REDIS_PREFIX: "ignored:" })).toBeUndefined();
  });

  it("reads redis:// and rediss:// URLs, with the default prefix article-qa:", () => {
    expect(readRedisConfig({ REDIS_URL: "redis://cache.internal:6379/0" })).toEqual({
      url: "redis://cache.internal:6379/0",
      displayUrl: "redis://cache.internal:6379/0",
      prefix: "article-qa:",
      password: "",
    });
    const tls = readRedisConfig({ REDIS_URL: `rediss://default:${PASSWORD}@cache.example.com:6380/2`, REDIS_PREFIX: "bot-eu:" });
    expect(tls).toMatchObject({ prefix: "bot-eu:", password: PASSWORD, displayUrl: "rediss://default:REDACTED@cache.example.com:6380/2" });
    // The scheme is what switches TLS on in ioredis, which reads it case-sensitively.
    expect(readRedisConfig({ REDIS_URL: "REDISS://cache.example.com:6380" })?.url).toBe("rediss://cache.example.com:6380");
  });

  it("names each bad variable and what it is for, never quoting the URL (it may hold a password)", () => {
    const problems = (env: NodeJS.ProcessEnv): string => {
      try {
        readRedisConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(RedisConfigError);
        expect((error as RedisConfigError).code).toBe("REDIS_CONFIG_INVALID");
        return (error as Error).message;
      }
      throw new Error("expected a RedisConfigError");
    };
    const wrongScheme = problems({ REDIS_URL: `http://user:${PASSWORD}@cache:6379` });
    expect(wrongScheme).toMatch(/REDIS_URL: must start with redis:\/\/ or rediss:\/\/\. It sets the Redis server/);
    expect(wrongScheme).not.toContain(PASSWORD);
    expect(problems({ REDIS_URL: `cache:${PASSWORD}` })).not.toContain(PASSWORD);
    expect(problems({ REDIS_URL: "localhost:6379" })).toMatch(/REDIS_URL: must start with redis:\/\//);
    expect(problems({ REDIS_URL: "not a url" })).toMatch(/REDIS_URL: is not a URL/);
    expect(problems({ REDIS_URL: "redis://h:6379", REDIS_PREFIX: "has space" })).toMatch(/REDIS_PREFIX: may hold only letters/);
  });

  it("redacts user and password in the URL it logs", () => {
    expect(redactRedisUrl(`redis://:${PASSWORD}@10.0.0.5:6379/0`)).toBe("redis://:REDACTED@10.0.0.5:6379/0");
    expect(redactRedisUrl(`redis://alice:${PASSWORD}@h/0`)).toBe("redis://REDACTED:REDACTED@h/0");
  });
});

describe("a Redis password in the logs", () => {
  it("is scrubbed from any string that embeds a URL with credentials, whatever its length", async () => {
    const output = new PassThrough();
    let text = "";
    output.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    const logger = createLogger({ destination: output, pretty: false, level: "info" });
    logger.warn({ url: "redis://:pw@cache:6379/0" }, "connecting to rediss://bot:abc@cache.example.com:6380");
    logger.error({ err: new Error(`connect failed for redis://:${PASSWORD}@cache:6379`) }, "Redis error");
    await new Promise((resolve) => setImmediate(resolve));
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toMatch(/:pw@|:abc@/);
    expect(text).toContain("redis://:[REDACTED]@cache:6379/0");
  });
});

describe("the health report's redis field", () => {
  it("is absent without REDIS_URL, and never makes the status degraded", () => {
    const platforms = [{ platform: "slack" as const, isConnected: () => true }];
    expect(checkHealth({ knowledgeFacts: 3, platforms })).not.toHaveProperty("redis");
    expect(checkHealth({ knowledgeFacts: 3, platforms, redis: { isConnected: () => false } })).toMatchObject({ status: "ok", redis: "disconnected" });
    expect(checkHealth({ knowledgeFacts: 3, platforms, redis: { isConnected: () => true } })).toMatchObject({ status: "ok", redis: "connected" });
    const throwing = { isConnected: (): boolean => { throw new Error("bug"); } };
    expect(checkHealth({ knowledgeFacts: 3, platforms, redis: throwing }).redis).toBe("disconnected");
  });
});
