import { z } from "zod";

/** What each variable is for, so an error can say what to fix and why it matters. */
const PURPOSE = {
  LOG_LEVEL: "the pino log level: fatal, error, warn, info, debug, trace or silent (default info)",
  PORT: "the HTTP port for the operator endpoints /healthz and /metrics, shared with Slack's HTTP mode (default 3000)",
  DATA_DIR: "the folder where refused questions and votes are appended as JSON Lines (default ./data)",
  RECORD_QUESTIONS: "whether the text of refused questions is kept in DATA_DIR: true or false (default true)",
  RATE_LIMIT_PER_MINUTE: "how many questions one user may ask per minute on each platform (default 10)",
} as const;

type Variable = keyof typeof PURPOSE;

/** An unset or blank variable takes its default rather than failing on "". */
function blankToUndefined(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

const PORT_RANGE = "must be a port number from 0 to 65535";

const OpsEnvSchema = z.object({
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "must be one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
  ),
  PORT: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: PORT_RANGE })
      .int(PORT_RANGE)
      .min(0, PORT_RANGE)
      .max(65_535, PORT_RANGE)
      .default(3000),
  ),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default("./data")),
  RECORD_QUESTIONS: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toLowerCase() || undefined : value),
    z.enum(["true", "false"], { error: 'must be "true" or "false"' }).default("true"),
  ),
  RATE_LIMIT_PER_MINUTE: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(100_000, "must be at most 100000")
      .default(10),
  ),
});

export interface OpsConfig {
  readonly logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  readonly port: number;
  readonly dataDir: string;
  readonly recordQuestions: boolean;
  readonly rateLimitPerMinute: number;
}

export interface OpsConfigProblem {
  readonly variable: Variable;
  readonly message: string;
}

/** One or more operations variables are invalid; the message names each and says what it is for. */
export class OpsConfigError extends Error {
  readonly code = "OPS_CONFIG_INVALID";
  constructor(readonly problems: readonly OpsConfigProblem[]) {
    super(
      "Invalid environment:\n" +
        problems.map((p) => `  - ${p.variable}: ${p.message}. It sets ${PURPOSE[p.variable]}.`).join("\n"),
    );
    this.name = "OpsConfigError";
  }
}

/** Reads LOG_LEVEL, PORT, DATA_DIR, RECORD_QUESTIONS and RATE_LIMIT_PER_MINUTE; throws OpsConfigError. */
export function readOpsConfig(env: NodeJS.ProcessEnv = process.env): OpsConfig {
  const parsed = OpsEnvSchema.safeParse({
    LOG_LEVEL: env.LOG_LEVEL,
    PORT: env.PORT,
    DATA_DIR: env.DATA_DIR,
    RECORD_QUESTIONS: env.RECORD_QUESTIONS,
    RATE_LIMIT_PER_MINUTE: env.RATE_LIMIT_PER_MINUTE,
  });
  if (!parsed.success) {
    throw new OpsConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0]) as Variable, message: issue.message })),
    );
  }
  const values = parsed.data;
  return {
    logLevel: values.LOG_LEVEL,
    port: values.PORT,
    dataDir: values.DATA_DIR,
    recordQuestions: values.RECORD_QUESTIONS === "true",
    rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE,
  };
}
