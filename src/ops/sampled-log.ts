/** Where a sampled line goes: a pino Logger's `warn` fits. */
export interface SampledLogTarget {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface SampledLogOptions {
  readonly logger: SampledLogTarget;
  readonly message: string;
  /** At most one line per this many milliseconds. */
  readonly intervalMs: number;
  /** The clock, for tests. */
  readonly now?: () => number;
}

/**
 * A warning that can come in floods (forged requests, 150 a second): the first one is logged at
 * once, then at most one line per interval, saying how many were left out since the last line. The
 * metric next to it counts every one; the log only has to say that it is happening.
 */
export function sampledWarning(options: SampledLogOptions): (details: Record<string, unknown>) => void {
  const now = options.now ?? Date.now;
  let lastLogged = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  return (details) => {
    const at = now();
    if (at - lastLogged < options.intervalMs) {
      suppressed += 1;
      return;
    }
    options.logger.warn(suppressed > 0 ? { ...details, suppressed } : details, options.message);
    lastLogged = at;
    suppressed = 0;
  };
}
