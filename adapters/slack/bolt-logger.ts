import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../src/index.js";

const LEVELS: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 20,
  [LogLevel.INFO]: 30,
  [LogLevel.WARN]: 40,
  [LogLevel.ERROR]: 50,
};

function toText(parts: readonly unknown[]): string {
  return parts.map((part) => (typeof part === "string" ? part : String(part))).join(" ");
}

/**
 * Routes Bolt's and the Socket Mode client's log lines through our pino logger, so they get the same
 * format and the same secret scrubbing as ours. Bolt is chatty at info level ("Now connected to
 * Slack", "Unhandled HTTP request"), so its info lines become debug unless Bolt asks for more.
 */
export function toBoltLogger(logger: Logger, minimum: LogLevel = LogLevel.WARN): BoltLogger {
  let level = minimum;
  const enabled = (wanted: LogLevel): boolean => LEVELS[wanted] >= LEVELS[level];
  return {
    debug: (...parts: unknown[]) => {
      if (enabled(LogLevel.DEBUG)) logger.debug(toText(parts));
    },
    info: (...parts: unknown[]) => {
      if (enabled(LogLevel.INFO)) logger.debug(toText(parts));
    },
    warn: (...parts: unknown[]) => {
      if (enabled(LogLevel.WARN)) logger.warn(toText(parts));
    },
    error: (...parts: unknown[]) => {
      if (enabled(LogLevel.ERROR)) logger.error(toText(parts));
    },
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {
      // The child logger already carries `platform: "slack"`.
    },
  };
}
