import { z } from "zod";

/** Why configuration was rejected; `variable` names the environment variable to fix. */
export class DiscordConfigError extends Error {
  readonly code = "DISCORD_CONFIG_INVALID";
  readonly variable: string;

  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = "DiscordConfigError";
    this.variable = variable;
  }
}

const snowflake = z.string().regex(/^\d{17,20}$/, "must be a Discord id (17 to 20 digits)");

/**
 * Each variable with what it is for, so an error can tell the operator both what is wrong and why
 * the bot needs it. Values are never echoed back: a malformed token is still a secret.
 */
const VARIABLES = {
  DISCORD_TOKEN: {
    purpose: "the bot token from the Discord Developer Portal (Bot → Reset Token), used to log in",
    schema: z.string().trim().min(1, "must not be empty").regex(/^\S+$/, "must not contain spaces"),
  },
  DISCORD_APPLICATION_ID: {
    purpose: "the application id (General Information → Application ID), used to register commands",
    schema: snowflake,
  },
  DISCORD_GUILD_ID: {
    purpose: "a server id to register commands to instantly while developing (leave unset to register globally)",
    schema: snowflake,
  },
  DISCORD_API_URL: {
    purpose: "the REST API base URL, like https://discord.com/api (a shared REST proxy or a local fake)",
    schema: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL like https://discord.com/api" })
      .transform((url) => url.replace(/\/+$/, "")),
  },
  DISCORD_SHARDS: {
    purpose: "how many gateway shards to run under discord.js's ShardingManager (1 runs without it)",
    schema: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(1024, "must be at most 1024"),
  },
} as const;

type VariableName = keyof typeof VARIABLES;

function read<Name extends VariableName>(
  env: NodeJS.ProcessEnv,
  name: Name,
): z.output<(typeof VARIABLES)[Name]["schema"]> | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const spec = VARIABLES[name];
  const result = spec.schema.safeParse(raw);
  if (!result.success) {
    const reason = result.error.issues.map((issue) => issue.message).join("; ");
    throw new DiscordConfigError(name, `${reason}. It is ${spec.purpose}.`);
  }
  return result.data as z.output<(typeof VARIABLES)[Name]["schema"]>;
}

export interface DiscordConfig {
  readonly token: string;
  readonly applicationId: string | undefined;
  readonly guildId: string | undefined;
  readonly apiUrl: string | undefined;
  readonly shards: number;
}

/** True when the environment asks for the Discord adapter at all. */
export function isDiscordConfigured(env: NodeJS.ProcessEnv): boolean {
  return (env.DISCORD_TOKEN ?? "").trim() !== "";
}

/** Reads and validates every DISCORD_* variable; throws a DiscordConfigError naming the culprit. */
export function loadDiscordConfig(env: NodeJS.ProcessEnv): DiscordConfig {
  const token = read(env, "DISCORD_TOKEN");
  if (token === undefined) {
    throw new DiscordConfigError("DISCORD_TOKEN", `is not set. It is ${VARIABLES.DISCORD_TOKEN.purpose}.`);
  }
  return {
    token,
    applicationId: read(env, "DISCORD_APPLICATION_ID"),
    guildId: read(env, "DISCORD_GUILD_ID"),
    apiUrl: read(env, "DISCORD_API_URL"),
    shards: read(env, "DISCORD_SHARDS") ?? 1,
  };
}
