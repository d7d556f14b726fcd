import { z } from "zod";

/**
 * What each variable is for, quoted in every configuration error so that whoever reads the error
 * knows where to find the value without opening the README.
 */
const PURPOSE = {
  SLACK_BOT_TOKEN: "the bot token the app posts answers with (Slack app → OAuth & Permissions → Bot User OAuth Token, starts with xoxb-)",
  SLACK_SIGNING_SECRET: "the secret that proves HTTP requests come from Slack (Slack app → Basic Information → App Credentials → Signing Secret); required in HTTP mode, i.e. unless SLACK_APP_TOKEN is set",
  SLACK_APP_TOKEN: "the app-level token that switches to Socket Mode (Slack app → Basic Information → App-Level Tokens, scope connections:write, starts with xapp-)",
  SLACK_API_URL: "an optional Slack Web API base URL, for enterprise gateways and tests (default https://slack.com/api/)",
  PORT: "the HTTP port Slack sends commands, events and actions to, on path /slack/events (default 3000)",
  SLACK_THREAD_FOLLOWUPS:
    "whether plain replies (without a mention) in a thread the bot answered are answered while the conversation is active: true or false (default false; needs the message.channels event and channels:history scope, see manifest.yml)",
} as const;

type VariableName = keyof typeof PURPOSE;

export class SlackConfigError extends Error {
  readonly code = "SLACK_CONFIG_INVALID";
  /** The variables at fault, for callers that want to point at them. */
  readonly variables: readonly VariableName[];

  constructor(problems: readonly { variable: VariableName; problem: string }[]) {
    const lines = problems.map(({ variable, problem }) => `- ${variable} ${problem}: it is ${PURPOSE[variable]}.`);
    super(`The Slack adapter cannot start; fix these environment variables (see .env.example):\n${lines.join("\n")}`);
    this.name = "SlackConfigError";
    this.variables = problems.map(({ variable }) => variable);
  }
}

/** An unset variable and one set to the empty string (`SLACK_APP_TOKEN=` in a .env file) mean the same. */
const optionalText = (schema: z.ZodString) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

// Error messages never quote the value: these variables hold secrets. Whether a variable is
// required depends on the others, which `loadSlackConfig` checks after the formats.
const EnvSchema = z.object({
  SLACK_BOT_TOKEN: optionalText(
    z.string().regex(/^xoxb-[A-Za-z0-9-]+$/, "is malformed (expected a bot token starting with xoxb-)"),
  ),
  SLACK_SIGNING_SECRET: optionalText(
    z.string().regex(/^[A-Za-z0-9]{16,}$/, "is malformed (expected at least 16 letters and digits, no spaces)"),
  ),
  SLACK_APP_TOKEN: optionalText(
    z.string().regex(/^xapp-[A-Za-z0-9-]+$/, "is malformed (expected an app-level token starting with xapp-)"),
  ),
  SLACK_API_URL: optionalText(
    z.string().regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, "is malformed (expected an http:// or https:// URL)"),
  ),
  PORT: optionalText(
    z
      .string()
      // abort: a port that is not a number is not also reported as out of range.
      .regex(/^\d{1,5}$/, { message: "is malformed (expected a port number)", abort: true })
      .refine((port) => Number(port) <= 65_535, "is out of range (expected 0 to 65535)"),
  ),
  SLACK_THREAD_FOLLOWUPS: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toLowerCase() || undefined : value),
    z.enum(["true", "false"], { error: 'is malformed (expected "true" or "false")' }).default("false"),
  ),
});

interface CommonConfig {
  readonly botToken: string;
  /** With a trailing slash, as Bolt's WebClient expects; undefined means Slack's public API. */
  readonly apiUrl: string | undefined;
  readonly port: number;
  /** SLACK_THREAD_FOLLOWUPS: answer plain replies in threads the bot answered, while they are active. */
  readonly threadFollowUps: boolean;
}

export interface HttpModeConfig extends CommonConfig {
  readonly mode: "http";
  readonly signingSecret: string;
}

export interface SocketModeConfig extends CommonConfig {
  readonly mode: "socket";
  readonly appToken: string;
  /** Not needed over a WebSocket, but kept when set so the same .env works in both modes. */
  readonly signingSecret: string | undefined;
}

export type SlackConfig = HttpModeConfig | SocketModeConfig;

export function isSlackConfigured(env: NodeJS.ProcessEnv): boolean {
  return (env.SLACK_BOT_TOKEN ?? "").trim() !== "";
}

/** Reads and validates the SLACK_* variables and PORT; throws a SlackConfigError naming each bad one. */
export function loadSlackConfig(env: NodeJS.ProcessEnv): SlackConfig {
  const parsed = EnvSchema.safeParse({
    SLACK_BOT_TOKEN: env.SLACK_BOT_TOKEN,
    SLACK_SIGNING_SECRET: env.SLACK_SIGNING_SECRET,
    SLACK_APP_TOKEN: env.SLACK_APP_TOKEN,
    SLACK_API_URL: env.SLACK_API_URL,
    PORT: env.PORT,
    SLACK_THREAD_FOLLOWUPS: env.SLACK_THREAD_FOLLOWUPS,
  });
  // Every problem is reported at once, so a first start does not turn into a fix-one-rerun loop.
  const problems: { variable: VariableName; problem: string }[] = [];
  const isUnset = (value: string | undefined) => value === undefined || value.trim() === "";
  if (isUnset(env.SLACK_BOT_TOKEN)) problems.push({ variable: "SLACK_BOT_TOKEN", problem: "is missing" });
  if (isUnset(env.SLACK_APP_TOKEN) && isUnset(env.SLACK_SIGNING_SECRET)) {
    problems.push({
      variable: "SLACK_SIGNING_SECRET",
      problem: "is missing (or set SLACK_APP_TOKEN to use Socket Mode instead of HTTP)",
    });
  }
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const variable = issue.path[0];
    if (typeof variable !== "string" || !isVariableName(variable)) continue;
    // zod's own wording ("Invalid input: expected string, received number") is replaced by ours.
    problems.push({ variable, problem: issue.code === "invalid_type" ? "is malformed (expected text)" : issue.message });
  }
  if (!parsed.success || problems.length > 0 || parsed.data.SLACK_BOT_TOKEN === undefined) {
    throw new SlackConfigError(problems);
  }
  const values = parsed.data;
  const botToken = parsed.data.SLACK_BOT_TOKEN;

  const apiUrl = values.SLACK_API_URL;
  const common = {
    botToken,
    apiUrl: apiUrl === undefined || apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`,
    port: values.PORT === undefined ? 3000 : Number(values.PORT),
    threadFollowUps: values.SLACK_THREAD_FOLLOWUPS === "true",
  };
  if (values.SLACK_APP_TOKEN !== undefined) {
    return { ...common, mode: "socket", appToken: values.SLACK_APP_TOKEN, signingSecret: values.SLACK_SIGNING_SECRET };
  }
  if (values.SLACK_SIGNING_SECRET === undefined) {
    throw new SlackConfigError([{ variable: "SLACK_SIGNING_SECRET", problem: "is missing" }]);
  }
  return { ...common, mode: "http", signingSecret: values.SLACK_SIGNING_SECRET };
}

function isVariableName(name: string): name is VariableName {
  return Object.hasOwn(PURPOSE, name);
}

/** Every secret value in the configuration, for the logger to scrub wherever it shows up. */
export function secretsOf(config: SlackConfig): string[] {
  const secrets = [config.botToken];
  if (config.signingSecret !== undefined) secrets.push(config.signingSecret);
  if (config.mode === "socket") secrets.push(config.appToken);
  return secrets;
}
