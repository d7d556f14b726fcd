import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the bot made: a Web API method (`chat.postMessage`) or a response_url POST. */
export interface RecordedCall {
  readonly kind: "api" | "response_url";
  /** The Web API method, or the response_url's id for response_url POSTs. */
  readonly method: string;
  readonly body: Record<string, unknown>;
  /** The bearer token the call carried (Web API calls only). */
  readonly token: string | undefined;
}

export const FAKE_BOT_USER_ID = "UBOT0001";
export const FAKE_BOT_ID = "BBOT0001";
export const FAKE_TEAM_ID = "T0000001";

type Handler = (call: RecordedCall) => Record<string, unknown>;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    request.on("error", reject);
  });
}

/** The Web API sends nested values (blocks) as JSON strings inside a form; undo that for assertions. */
function parseBody(text: string, contentType: string | undefined): Record<string, unknown> {
  if (text === "") return {};
  if (contentType?.startsWith("application/json") === true) return JSON.parse(text) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    out[key] = /^[[{]/.test(value) ? (JSON.parse(value) as unknown) : value;
  }
  return out;
}

/**
 * A local stand-in for slack.com/api (through SLACK_API_URL) and for response_url endpoints. It
 * answers like Slack does and records every call, so tests assert on what the bot really posted.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  /** Returned by apps.connections.open, for Socket Mode tests. */
  socketUrl: string | undefined;
  readonly #failures = new Map<string, string[]>();
  readonly #httpFailures = new Map<string, { status: number; headers: Record<string, string> }[]>();
  readonly #delays = new Map<string, number>();
  /** Requests per Web API method as they arrive, before any delay: what a retry would show up in. */
  readonly #arrivals = new Map<string, number>();
  readonly #server: Server;
  /** Woken on every recorded call, so waitFor reacts at once instead of on its next poll. */
  #wakers = new Set<() => void>();
  #messageCounter = 0;

  constructor() {
    this.#server = createServer((request, response) => {
      void this.#handle(request, response);
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => {
      resolve();
    }));
  }

  get origin(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** The value for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A response_url as Slack would put in a command or action payload. */
  responseUrl(id: string): string {
    return `${this.origin}/response/${id}`;
  }

  /** Makes the next call to `method` fail with Slack's `{ ok: false, error }`. */
  failNext(method: string, error: string): void {
    const queue = this.#failures.get(method) ?? [];
    queue.push(error);
    this.#failures.set(method, queue);
  }

  /** Makes the next call to `method` answer with an HTTP error status (429 with Retry-After, a 503…). */
  failHttpNext(method: string, status: number, headers: Record<string, string> = {}): void {
    const queue = this.#httpFailures.get(method) ?? [];
    queue.push({ status, headers });
    this.#httpFailures.set(method, queue);
  }

  /** How many requests to `method` have arrived so far, answered or not (a delayed one counts at once). */
  arrivals(method: string): number {
    return this.#arrivals.get(method) ?? 0;
  }

  /** Makes every call to `method` answer only after `ms` milliseconds (0 removes the delay). */
  delay(method: string, ms: number): void {
    this.#delays.set(method, ms);
  }

  apiCalls(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.kind === "api" && call.method === method);
  }

  responses(id: string): RecordedCall[] {
    return this.calls.filter((call) => call.kind === "response_url" && call.method === id);
  }

  /** What the bot posted, as visible to people: every message-carrying call. */
  posts(): RecordedCall[] {
    return this.calls.filter((call) => call.kind === "response_url" || call.method.startsWith("chat."));
  }

  /** Polls until `predicate` holds; fails with `description` after `timeoutMs`. */
  async waitFor(predicate: () => boolean, description: string, timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}; calls: ${JSON.stringify(this.calls.map((c) => c.method))}`);
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          this.#wakers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, 10);
        this.#wakers.add(wake);
      });
    }
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", this.origin);
    const body = parseBody(await readBody(request), request.headers["content-type"]);
    const authorization = request.headers.authorization;
    const token = authorization?.startsWith("Bearer ") === true ? authorization.slice("Bearer ".length) : undefined;

    if (url.pathname.startsWith("/response/")) {
      this.#record({ kind: "response_url", method: url.pathname.slice("/response/".length), body, token: undefined });
      response.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (!url.pathname.startsWith("/api/")) {
      response.writeHead(404).end();
      return;
    }
    const method = url.pathname.slice("/api/".length);
    const call: RecordedCall = { kind: "api", method, body, token: token ?? (typeof body.token === "string" ? body.token : undefined) };
    this.#arrivals.set(method, this.arrivals(method) + 1);
    // Taken on arrival, so "the next call" is the next to arrive, even behind a delayed one.
    const httpFailure = this.#httpFailures.get(method)?.shift();
    const delayMs = this.#delays.get(method) ?? 0;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (httpFailure !== undefined) {
      response.writeHead(httpFailure.status, { "content-type": "application/json", ...httpFailure.headers }).end(JSON.stringify({ ok: false }));
      return;
    }
    this.#record(call);
    const failure = this.#failures.get(method)?.shift();
    const result = failure === undefined ? this.#reply(call) : { ok: false, error: failure };
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
  }

  #record(call: RecordedCall): void {
    this.calls.push(call);
    for (const wake of [...this.#wakers]) wake();
  }

  readonly #reply: Handler = (call) => {
    switch (call.method) {
      case "auth.test":
        return { ok: true, url: "https://fake.slack.com/", team: "Fake", user: "qa-bot", team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, bot_id: FAKE_BOT_ID };
      case "apps.connections.open":
        return this.socketUrl === undefined ? { ok: false, error: "no_socket_url" } : { ok: true, url: this.socketUrl };
      case "chat.postMessage":
      case "chat.postEphemeral":
        this.#messageCounter += 1;
        return { ok: true, channel: call.body.channel, ts: `1800000000.${String(this.#messageCounter).padStart(6, "0")}`, message: {} };
      default:
        return { ok: true };
    }
  };
}
