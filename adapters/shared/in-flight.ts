/**
 * Counts the work being processed (a command, an event, an interaction, a button press), so that
 * stop() can let it finish before disconnecting, and refuses new work once the adapter is stopping.
 */
export class InFlight {
  #count = 0;
  #stopping = false;
  #waiters: (() => void)[] = [];

  get count(): number {
    return this.#count;
  }

  /** True once drain() was called: new work is refused from then on. */
  get stopping(): boolean {
    return this.#stopping;
  }

  /** Marks one unit of work as started; call the returned function once when it ends (more calls are ignored). */
  begin(): () => void {
    this.#count += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#count -= 1;
      if (this.#count === 0) {
        const waiters = this.#waiters;
        this.#waiters = [];
        for (const wake of waiters) wake();
      }
    };
  }

  /**
   * Runs `work` as one unit unless the adapter is stopping. A failure goes to `failed`, never to
   * the caller: for a platform SDK's event emitter, where a rejection would be lost or fatal.
   */
  run(work: () => Promise<void>, failed: (error: unknown) => void): void {
    if (this.#stopping) return;
    const done = this.begin();
    work()
      .catch(failed)
      .finally(done);
  }

  /** Resolves once nothing is in flight. */
  idle(): Promise<void> {
    if (this.#count === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Refuses new work from now on and waits for what is running, at most `timeoutMs`; false when time ran out. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.#stopping = true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => {
        resolve(false);
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.idle().then(() => true), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}
