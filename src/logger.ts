import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Paths pino blanks out wherever they appear in a log object. Tokens can reach a log through a
 * config object, an HTTP error's request headers, or an SDK error's data; all of them end here.
 */
const REDACTED_PATHS = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "appToken",
  "*.appToken",
  "signingSecret",
  "*.signingSecret",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "*.headers.Authorization",
  "req.headers.authorization",
  "config.headers.Authorization",
  "err.config.headers.Authorization",
];

/** Strings shaped like platform secrets; scrubbed from messages and stacks that embed them. */
const SECRET_PATTERNS: readonly RegExp[] = [
  /xox[abposr]-[A-Za-z0-9-]+/g, // Slack bot, user and app tokens
  /xapp-[A-Za-z0-9-]+/g, // Slack app-level tokens
  /\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}\b/g, // Discord bot tokens
  /(Bot|Bearer)\s+[A-Za-z0-9._-]{20,}/g,
];

export function redactSecrets(text: string, extraSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of extraSecrets) {
    if (secret.length >= 6) out = out.split(secret).join("[REDACTED]");
  }
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, "[REDACTED]");
  return out;
}

export interface LoggerOptions {
  readonly level?: string;
  /** Human-readable lines (pino-pretty) instead of JSON; defaults to "is stderr a terminal". */
  readonly pretty?: boolean;
  /** Exact secret values (from the environment) to scrub from any string that is logged. */
  readonly secrets?: readonly string[];
  /** Where lines go; defaults to standard error so standard output stays for answers. */
  readonly destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = options.secrets ?? [];
  const pretty = options.pretty ?? (process.stderr.isTTY && options.destination === undefined);
  const scrub = (value: unknown): unknown => (typeof value === "string" ? redactSecrets(value, secrets) : value);
  const base = {
    level: options.level ?? "info",
    redact: { paths: REDACTED_PATHS, censor: "[REDACTED]" },
    formatters: {
      log(object: Record<string, unknown>): Record<string, unknown> {
        const out: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(object)) out[key] = scrub(value);
        return out;
      },
    },
    serializers: {
      err(error: unknown): unknown {
        const serialized = pino.stdSerializers.err(error as Error);
        return {
          ...serialized,
          message: redactSecrets(serialized.message, secrets),
          stack: redactSecrets(serialized.stack, secrets),
        };
      },
    },
    hooks: {
      logMethod(this: Logger, args: Parameters<Logger["info"]>, method: (...a: unknown[]) => void): void {
        method.apply(this, args.map(scrub));
      },
    },
  };
  if (pretty) {
    return pino({ ...base, transport: { target: "pino-pretty", options: { destination: 2, colorize: true } } });
  }
  return pino(base, options.destination ?? pino.destination(2));
}
