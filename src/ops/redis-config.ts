import { z } from "zod";
import { describeConfigProblems } from "./config.js";

/** What each variable is for, quoted in errors so whoever reads one knows what to fix. */
const PURPOSE = {
  REDIS_URL:
    "the Redis server every instance and Discord shard shares the per-user limit, Slack's retry de-duplication and conversation context through: redis://[:password@]host:6379/0, or rediss:// for TLS (unset: each process keeps them in its own memory)",
  REDIS_PREFIX: "the prefix of every key the bot writes, so several bots can share one Redis database (default article-qa:)",
} as const;

type Variable = keyof typeof PURPOSE;

export const DEFAULT_REDIS_PREFIX = "article-qa:";

/** An unset or blank variable takes its default rather than failing on "". */
function blankToUndefined(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

// Messages never quote the value: REDIS_URL may carry a password.
const RedisEnvSchema = z.object({
  REDIS_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .refine((value) => URL.canParse(value), "is not a URL (expected redis://host:6379/0 or rediss://host:6380/0)")
      .refine((value) => !URL.canParse(value) || ["redis:", "rediss:"].includes(new URL(value).protocol), "must start with redis:// or rediss://")
      .refine((value) => !URL.canParse(value) || new URL(value).hostname !== "", "names no host")
      .optional(),
  ),
  REDIS_PREFIX: z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(64, "must be at most 64 characters")
      .regex(/^[A-Za-z0-9_.:-]+$/, "may hold only letters, digits and _ . : -")
      .default(DEFAULT_REDIS_PREFIX),
  ),
});

export interface RedisConfig {
  /** The URL as given, password included: for the client only, never for a log line. */
  readonly url: string;
  /** The same URL with its password (and user name) replaced, for logs and errors. */
  readonly displayUrl: string;
  readonly prefix: string;
  /** The password in the URL, for the logger to scrub wherever it might show up; empty when none. */
  readonly password: string;
}

export interface RedisConfigProblem {
  readonly variable: Variable;
  readonly message: string;
}

/** REDIS_URL or REDIS_PREFIX is invalid; the message names each and says what it is for, never its value. */
export class RedisConfigError extends Error {
  readonly code = "REDIS_CONFIG_INVALID";
  constructor(readonly problems: readonly RedisConfigProblem[]) {
    super(describeConfigProblems(problems, PURPOSE));
    this.name = "RedisConfigError";
  }
}

/** A Redis URL fit for a log line: credentials replaced, host, port and database kept. */
export function redactRedisUrl(url: string): string {
  if (!URL.canParse(url)) return "[unparsable URL]";
  const parsed = new URL(url);
  if (parsed.password !== "") parsed.password = "REDACTED";
  if (parsed.username !== "" && parsed.username !== "default") parsed.username = "REDACTED";
  return parsed.toString();
}

/**
 * Reads REDIS_URL and REDIS_PREFIX; undefined when REDIS_URL is unset (everything then stays in
 * process memory). Throws RedisConfigError.
 */
export function readRedisConfig(env: NodeJS.ProcessEnv = process.env): RedisConfig | undefined {
  const parsed = RedisEnvSchema.safeParse({ REDIS_URL: env.REDIS_URL, REDIS_PREFIX: env.REDIS_PREFIX });
  if (!parsed.success) {
    throw new RedisConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0]) as Variable,
        message: issue.code === "invalid_type" ? "must be text" : issue.message,
      })),
    );
  }
  const { REDIS_URL: given, REDIS_PREFIX: prefix } = parsed.data;
  if (given === undefined) return undefined;
  // ioredis turns TLS on for a URL starting with "rediss://" exactly: "REDISS://" must not mean plain text.
  const url = given.replace(/^[a-z]+:/i, (scheme) => scheme.toLowerCase());
  return { url, displayUrl: redactRedisUrl(url), prefix, password: decodeURIComponent(new URL(url).password) };
}
