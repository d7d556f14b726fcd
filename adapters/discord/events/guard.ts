import type { Logger } from "../../../src/index.js";

/**
 * Tracks handlers still running so stop() can let them finish, and refuses new work once the
 * adapter is stopping. A handler that throws is logged here; it never reaches the event emitter.
 */
export class InFlight {
  #stopping = false;
  readonly #running = new Set<Promise<void>>();

  get stopping(): boolean {
    return this.#stopping;
  }

  run(logger: Logger, what: string, work: () => Promise<void>): void {
    if (this.#stopping) return;
    const promise = work()
      .catch((error: unknown) => {
        logger.error({ err: error }, `discord: ${what} failed`);
      })
      .finally(() => this.#running.delete(promise));
    this.#running.add(promise);
  }

  /** Stops accepting work and waits for what is running, at most `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    this.#stopping = true;
    if (this.#running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.#running]).then(() => undefined), timeout]);
    clearTimeout(timer);
  }
}
