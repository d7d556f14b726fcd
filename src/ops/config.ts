import { z } from "zod";

/** What each variable is for, so an error can say what to fix and why it matters. */
const PURPOSE = {
  LOG_LEVEL: "the pino log level: fatal, error, warn, info, debug, trace or silent (default info)",
  PORT: "the HTTP port for the operator endpoints /healthz and /metrics, shared with Slack's HTTP mode (default 3000)",
  DATA_DIR: "the folder where refused questions and votes are appended as JSON Lines (default ./data)",
  RECORD_QUESTIONS: "whether the text of refused questions is kept in DATA_DIR: true or false (default true)",
  RATE_LIMIT_PER_MINUTE: "how many questions one user may ask per minute on each platform (default 10)",
  METRICS_PORT: "an optional port of its own for GET /metrics, e.g. one only Prometheus can reach (default: /metrics on PORT)",
  METRICS_TOKEN: "an optional bearer token GET /metrics then requires: Authorization: Bearer <METRICS_TOKEN>",
} as const;

type Variable = keyof typeof PURPOSE;

/** An unset or blank variable takes its default rather than failing on "". */
function blankToUndefined(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

const PORT_RANGE = "must be a port number from 0 to 65535";

/** A guessable token is no protection; 16 characters is the floor, `openssl rand -hex 32` the habit. */
const MIN_METRICS_TOKEN_LENGTH = 16;

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
  METRICS_PORT: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: PORT_RANGE }).int(PORT_RANGE).min(0, PORT_RANGE).max(65_535, PORT_RANGE).optional(),
  ),
  // The message never quotes the value: it is a secret.
  METRICS_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\S+$/, "must not contain spaces")
      .min(MIN_METRICS_TOKEN_LENGTH, `must be at least ${MIN_METRICS_TOKEN_LENGTH} characters`)
      .optional(),
  ),
});

export interface OpsConfig {
  readonly logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  readonly port: number;
  readonly dataDir: string;
  readonly recordQuestions: boolean;
  readonly rateLimitPerMinute: number;
  /** Where /metrics listens when it has a port of its own; undefined: on PORT with /healthz. */
  readonly metricsPort: number | undefined;
  /** The bearer token /metrics requires; undefined: none. */
  readonly metricsToken: string | undefined;
}

export interface OpsConfigProblem {
  readonly variable: Variable;
  readonly message: string;
}

/**
 * The message of a configuration error: one line per bad variable, with what is wrong and what the
 * variable is for, so whoever reads it knows what to fix without opening the README.
 */
export function describeConfigProblems<Name extends string>(
  problems: readonly { readonly variable: Name; readonly message: string }[],
  purpose: Readonly<Record<Name, string>>,
): string {
  return "Invalid environment:\n" + problems.map((p) => `  - ${p.variable}: ${p.message}. It sets ${purpose[p.variable]}.`).join("\n");
}

/** One or more operations variables are invalid; the message names each and says what it is for. */
export class OpsConfigError extends Error {
  readonly code = "OPS_CONFIG_INVALID";
  constructor(readonly problems: readonly OpsConfigProblem[]) {
    super(describeConfigProblems(problems, PURPOSE));
    this.name = "OpsConfigError";
  }
}

/**
 * Reads LOG_LEVEL, PORT, DATA_DIR, RECORD_QUESTIONS, RATE_LIMIT_PER_MINUTE, METRICS_PORT and
 * METRICS_TOKEN; throws OpsConfigError.
 */
export function readOpsConfig(env: NodeJS.ProcessEnv = process.env): OpsConfig {
  const parsed = OpsEnvSchema.safeParse({
    LOG_LEVEL: env.LOG_LEVEL,
    PORT: env.PORT,
    DATA_DIR: env.DATA_DIR,
    RECORD_QUESTIONS: env.RECORD_QUESTIONS,
    RATE_LIMIT_PER_MINUTE: env.RATE_LIMIT_PER_MINUTE,
    METRICS_PORT: env.METRICS_PORT,
    METRICS_TOKEN: env.METRICS_TOKEN,
  });
  if (!parsed.success) {
    throw new OpsConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0]) as Variable, message: issue.message })),
    );
  }
  const values = parsed.data;
  if (values.METRICS_PORT !== undefined && values.METRICS_PORT !== 0 && values.METRICS_PORT === values.PORT) {
    throw new OpsConfigError([{ variable: "METRICS_PORT", message: "must differ from PORT (leave it unset to serve /metrics on PORT)" }]);
  }
  return {
    logLevel: values.LOG_LEVEL,
    port: values.PORT,
    dataDir: values.DATA_DIR,
    recordQuestions: values.RECORD_QUESTIONS === "true",
    rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE,
    metricsPort: values.METRICS_PORT,
    metricsToken: values.METRICS_TOKEN,
  };
}
