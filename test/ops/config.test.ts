import { describe, expect, it } from "vitest";
import { OpsConfigError, readOpsConfig } from "../../src/ops/config.js";

describe("readOpsConfig", () => {
  it("has defaults for everything", () => {
    expect(readOpsConfig({})).toEqual({
      logLevel: "info",
      port: 3000,
      dataDir: "./data",
      recordQuestions: true,
      rateLimitPerMinute: 10,
      metricsPort: undefined,
      metricsToken: undefined,
    });
    expect(readOpsConfig({ PORT: "", RECORD_QUESTIONS: " " }).port).toBe(3000);
  });

  it("reads every variable", () => {
    expect(
      readOpsConfig({
        LOG_LEVEL: "debug",
        PORT: "8080",
        DATA_DIR: "/var/lib/bot",
        RECORD_QUESTIONS: "FALSE",
        RATE_LIMIT_PER_MINUTE: "30",
        METRICS_PORT: "9464",
        METRICS_TOKEN: "0123456789abcdef0123",
      }),
    ).toEqual({
      logLevel: "debug",
      port: 8080,
      dataDir: "/var/lib/bot",
      recordQuestions: false,
      rateLimitPerMinute: 30,
      metricsPort: 9464,
      metricsToken: "0123456789abcdef0123",
    });
  });

  it("names each bad variable and what it is for", () => {
    let error: unknown;
    try {
      readOpsConfig({ LOG_LEVEL: "loud", PORT: "http", RECORD_QUESTIONS: "no", RATE_LIMIT_PER_MINUTE: "0" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OpsConfigError);
    const configError = error as OpsConfigError;
    expect(configError.code).toBe("OPS_CONFIG_INVALID");
    expect(configError.problems.map((p) => p.variable)).toEqual(["LOG_LEVEL", "PORT", "RECORD_QUESTIONS", "RATE_LIMIT_PER_MINUTE"]);
    expect(configError.message).toContain('RECORD_QUESTIONS: must be "true" or "false"');
    expect(configError.message).toContain("RATE_LIMIT_PER_MINUTE: must be at least 1");
    expect(configError.message).toMatch(/PORT: .*operator endpoints/);
  });

  it("refuses a METRICS_PORT equal to PORT and a short METRICS_TOKEN, without quoting the token", () => {
    expect(() => readOpsConfig({ PORT: "3000", METRICS_PORT: "3000" })).toThrow(/METRICS_PORT: must differ from PORT/);
    let error: unknown;
    try {
      readOpsConfig({ METRICS_TOKEN: "shortsecret" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OpsConfigError);
    const message = (error as OpsConfigError).message;
    expect(message).toMatch(/METRICS_TOKEN: must be at least 16 characters/);
    expect(message).not.toContain("shortsecret");
  });
});
