// A real redis-server for the shared-state tests: started by the test itself on a free port in a
// temporary folder, with persistence off, and stopped (or killed and restarted) at will. No mock:
// what passes here passes against Redis. Without redis-server installed, starting one fails with
// a message saying how to install it, so the tests never skip silently.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { freePort } from "./free-port.js";

const REDIS_SERVER = "redis-server";
const START_TIMEOUT_MS = 10_000;

export class RedisServerMissingError extends Error {
  readonly code = "REDIS_SERVER_MISSING";
  constructor() {
    super(
      "redis-server is not installed, and the shared-state tests run against a real one: install it " +
        "(Debian/Ubuntu: `sudo apt-get install -y redis-server`; macOS: `brew install redis`) and rerun. " +
        "CI installs it in .ci/run.",
    );
    this.name = "RedisServerMissingError";
  }
}

/** Throws RedisServerMissingError unless `redis-server` runs. */
export function requireRedisServer(): void {
  const probe = spawnSync(REDIS_SERVER, ["--version"], { encoding: "utf8" });
  if (probe.error !== undefined || probe.status !== 0) throw new RedisServerMissingError();
}

export interface RedisServerOptions {
  readonly password?: string;
}

export interface TtlReport {
  readonly key: string;
  /** Milliseconds left; -1 for a key without expiry. */
  readonly pttl: number;
}

export class RedisServer {
  #process: ChildProcess | undefined;
  #output = "";
  #inspector: Redis | undefined;

  private constructor(
    readonly port: number,
    readonly dir: string,
    /** When set, clients must AUTH with it (requirepass), and `url` carries it. */
    readonly password: string | undefined,
  ) {}

  /** Picks a free port and a fresh temporary folder without starting the server: resume() starts it. */
  static async prepare(options: RedisServerOptions = {}): Promise<RedisServer> {
    requireRedisServer();
    const dir = await mkdtemp(path.join(tmpdir(), "redis-test-"));
    return new RedisServer(await freePort(), dir, options.password);
  }

  /** Starts a redis-server on a free port, in a fresh temporary folder. */
  static async start(options: RedisServerOptions = {}): Promise<RedisServer> {
    const server = await RedisServer.prepare(options);
    await server.resume();
    return server;
  }

  /** redis://127.0.0.1:PORT/0, or redis://:PASSWORD@127.0.0.1:PORT/0 */
  get url(): string {
    const credentials = this.password === undefined ? "" : `:${encodeURIComponent(this.password)}@`;
    return `redis://${credentials}127.0.0.1:${this.port}/0`;
  }

  get running(): boolean {
    return this.#process !== undefined && this.#process.exitCode === null && this.#process.signalCode === null;
  }

  /** Starts it again on the same port (after stop() or kill()); resolves once it accepts connections. */
  async resume(): Promise<void> {
    if (this.running) return;
    this.#output = "";
    const child = spawn(
      REDIS_SERVER,
      [
        "--port",
        String(this.port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        this.dir,
        ...(this.password === undefined ? [] : ["--requirepass", this.password]),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    this.#process = child;
    child.stdout.on("data", (chunk: Buffer) => (this.#output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (this.#output += chunk.toString("utf8")));
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!this.#output.includes("Ready to accept connections")) {
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
        throw new Error(`redis-server did not start on port ${this.port}: ${this.#output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Kills it at once (SIGKILL): connections drop as when a Redis host dies. Data is lost (no persistence). */
  async kill(): Promise<void> {
    await this.#signal("SIGKILL");
  }

  /** Freezes it (SIGSTOP): connections stay open but nothing answers, as with an overloaded host. */
  pause(): void {
    this.#process?.kill("SIGSTOP");
  }

  /** Lets a paused server run again (SIGCONT). */
  unpause(): void {
    this.#process?.kill("SIGCONT");
  }

  /** Stops it (SIGTERM). */
  async stop(): Promise<void> {
    await this.#signal("SIGTERM");
  }

  /** A client of the test's own, to look at what the bot wrote. */
  inspector(): Redis {
    if (this.#inspector === undefined) {
      this.#inspector = new Redis(this.url, { maxRetriesPerRequest: 1 });
      // While the server is down on purpose, its reconnect errors are expected.
      this.#inspector.on("error", () => undefined);
    }
    return this.#inspector;
  }

  /** Every key under `prefix`, found with SCAN (never KEYS), with its time to live. */
  async ttls(prefix: string): Promise<TtlReport[]> {
    const client = this.inspector();
    const found: string[] = [];
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      cursor = next;
      found.push(...keys);
    } while (cursor !== "0");
    const reports: TtlReport[] = [];
    for (const key of [...new Set(found)].sort()) reports.push({ key, pttl: await client.pttl(key) });
    return reports;
  }

  /** Stops the server and removes its folder. */
  async close(): Promise<void> {
    this.#inspector?.disconnect();
    this.#inspector = undefined;
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }

  async #signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.#process;
    if (child === undefined || !this.running) return;
    const exited = once(child, "exit");
    child.kill("SIGCONT"); // a paused server would not act on SIGTERM
    child.kill(signal);
    await exited;
  }
}

/** Polls `condition` every 20 ms until it holds, failing with `what` after `timeoutMs`. */
export async function eventually(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
