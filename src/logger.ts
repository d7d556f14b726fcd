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

/** The password of a URL with credentials (redis://:password@host, rediss://user:password@host). */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/]*):[^\s@/]+@/gi;

export function redactSecrets(text: string, extraSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of extraSecrets) {
    if (secret.length >= 6) out = out.split(secret).join("[REDACTED]");
  }
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, "[REDACTED]");
  // Most logged strings hold no URL with credentials; two substring checks spare them the regex.
  return out.includes("://") && out.includes("@") ? out.replace(URL_PASSWORD, "$1:[REDACTED]@") : out;
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

/** Keys whose value is a credential at any depth ("token", "botToken", "signingSecret", "Authorization"…). */
const SECRET_KEY = /token$|secret|password|authorization|^cookie$/i;
/** Deeper than this, a log object is cut rather than walked (and cycles are never followed). */
const MAX_SCRUB_DEPTH = 8;

export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = options.secrets ?? [];
  const pretty = options.pretty ?? (process.stderr.isTTY && options.destination === undefined);

  /**
   * Redacts credentials wherever they sit in a log object: values under secret-looking keys, and
   * secret-shaped substrings of every string, at any depth (pino's redact paths only reach fixed
   * depths). Errors are serialized here so their message, stack and properties get the same.
   */
  const scrub = (value: unknown, depth = 0, seen = new WeakSet<object>()): unknown => {
    if (typeof value === "string") return redactSecrets(value, secrets);
    if (typeof value !== "object" || value === null) return value;
    if (seen.has(value)) return "[Circular]";
    if (depth >= MAX_SCRUB_DEPTH) return "[Truncated]";
    seen.add(value);
    if (value instanceof Error) return scrubError(value, depth, seen);
    if (Array.isArray(value)) return value.map((item: unknown) => scrub(item, depth + 1, seen));
    if (Buffer.isBuffer(value) || value instanceof Date) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) && item !== null && item !== undefined ? "[REDACTED]" : scrub(item, depth + 1, seen);
    }
    return out;
  };
  const scrubError = (error: Error, depth = 0, seen = new WeakSet<object>()): unknown => {
    const serialized: Record<string, unknown> = { ...pino.stdSerializers.err(error) };
    return scrub(serialized, depth, seen);
  };

  const base = {
    level: options.level ?? "info",
    redact: { paths: REDACTED_PATHS, censor: "[REDACTED]" },
    formatters: {
      log(object: Record<string, unknown>): Record<string, unknown> {
        const out: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(object)) {
          // `err` keeps its Error for the serializer below, which scrubs it.
          out[key] = key === "err" && value instanceof Error ? value : SECRET_KEY.test(key) ? "[REDACTED]" : scrub(value);
        }
        return out;
      },
    },
    serializers: {
      err(error: unknown): unknown {
        return error instanceof Error ? scrubError(error) : scrub(error);
      },
    },
    hooks: {
      logMethod(this: Logger, args: Parameters<Logger["info"]>, method: (...a: unknown[]) => void): void {
        const [first, ...rest] = args;
        // logger.error(err) alone makes err.message the line's msg, past every serializer.
        if (first instanceof Error && typeof rest[0] !== "string") {
          method.apply(this, [first, redactSecrets(first.message, secrets), ...rest]);
          return;
        }
        method.apply(this, args.map((arg) => (typeof arg === "string" ? redactSecrets(arg, secrets) : arg)));
      },
    },
  };
  if (pretty) {
    return pino({ ...base, transport: { target: "pino-pretty", options: { destination: 2, colorize: true } } });
  }
  return pino(base, options.destination ?? pino.destination(2));
}
