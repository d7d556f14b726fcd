// A local stand-in for Discord, enough for the real discord.js Client: a REST API (reached through
// DISCORD_API_URL) that records every request, and a WebSocket gateway that speaks the v10
// protocol (HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, dispatches, RESUME, invalid sessions).
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { WebSocketServer, type WebSocket } from "ws";
import { z } from "zod";
import {
  APP_ID,
  BOT_USER,
  CHANNEL_ID,
  GUILD_ID,
  guildCreatePayload,
  nextSnowflake,
  sentMessagePayload,
} from "./discord-payloads.js";

export const FAKE_TOKEN = "fake-bot-token.for-tests-only.0123456789abcdefghijklmnop";

export interface RecordedRequest {
  readonly method: string;
  /** The route after /api/v10, like /interactions/123/tok/callback. */
  readonly route: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly authorized: boolean;
  /** performance.now() when the request's body was fully read. */
  readonly at: number;
}

export interface IdentifyRecord {
  readonly token: string;
  readonly intents: number;
  readonly shard: readonly [number, number];
}

interface Session {
  readonly id: string;
  readonly shard: readonly [number, number];
  socket: WebSocket | undefined;
  sequence: number;
  /** Every dispatch of the session, so a RESUME can replay what a dropped connection missed. */
  readonly sent: { s: number; t: string; d: unknown }[];
}

const GatewayPayloadSchema = z.object({ op: z.number(), d: z.unknown() });
const IdentifySchema = z.object({
  token: z.string(),
  intents: z.number(),
  shard: z.tuple([z.number(), z.number()]).optional(),
});
const ResumeSchema = z.object({ token: z.string(), session_id: z.string(), seq: z.number().nullable() });

type Listener = (request: RecordedRequest) => void;

export interface FakeDiscordOptions {
  /** HELLO's heartbeat interval; short by default so heartbeats and their ACKs happen in tests. */
  readonly heartbeatIntervalMs?: number;
  /** Keep request bodies (off in the benchmark to measure the bot, not the recorder). */
  readonly record?: boolean;
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: { sessionId: string; seq: number | null; accepted: boolean }[] = [];
  /** Close codes of gateway connections the bot closed (1000: a clean shutdown). */
  readonly closeCodes: number[] = [];
  heartbeats = 0;
  #listeners = new Set<Listener>();
  readonly #failingCallbacks = new Map<string, number>();
  readonly #sentReplies = new Map<string, Record<string, unknown> & { id: string }>();
  /** How long interaction callbacks are held before they are answered (0: at once). */
  #callbackDelayMs = 0;
  /** How long message posts to a channel are held before they are answered (0: at once). */
  #channelMessageDelayMs = 0;
  /** HTTP statuses the next message posts to a channel fail with, in order. */
  readonly #channelMessageFailures: number[] = [];
  #sessions = new Map<string, Session>();
  #sockets = new Set<WebSocket>();
  #port = 0;
  readonly #http: Server;
  readonly #wss: WebSocketServer;
  readonly #heartbeatIntervalMs: number;
  readonly #record: boolean;

  private constructor(options: FakeDiscordOptions) {
    this.#heartbeatIntervalMs = options.heartbeatIntervalMs ?? 1_000;
    this.#record = options.record ?? true;
    this.#http = createServer((request, response) => {
      this.#onHttp(request, response).catch((error: unknown) => {
        response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ message: String(error), code: 0 }));
      });
    });
    this.#wss = new WebSocketServer({ server: this.#http });
    this.#wss.on("connection", (socket) => {
      this.#onConnection(socket);
    });
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.#http.listen(0, "127.0.0.1");
    await once(fake.#http, "listening");
    fake.#port = (fake.#http.address() as AddressInfo).port;
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.#port}/gateway`;
  }

  /** The environment the adapter reads, pointing at this fake. */
  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: this.apiUrl, ...extra };
  }

  /** Sessions with an open, identified connection. */
  get liveSessions(): number {
    let count = 0;
    for (const session of this.#sessions.values()) if (session.socket) count++;
    return count;
  }

  // ---- REST -------------------------------------------------------------------------------

  onRequest(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The first request (already recorded or still to come) that matches. */
  waitForRequest(matches: (request: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<RecordedRequest> {
    const existing = this.requests.find(matches);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`No matching request within ${timeoutMs} ms; saw ${this.requests.map((r) => `${r.method} ${r.route}`).join(", ")}`));
      }, timeoutMs);
      const stop = this.onRequest((request) => {
        if (!matches(request)) return;
        clearTimeout(timer);
        stop();
        resolve(request);
      });
    });
  }

  /** Makes the next callback for this interaction fail with an HTTP error (then work again). */
  failNextCallback(interactionId: string, status = 400): void {
    this.#failingCallbacks.set(interactionId, status);
  }

  /** Holds every interaction callback `ms` before answering it, as a slow Discord would (0: at once). */
  delayCallbacks(ms: number): void {
    this.#callbackDelayMs = ms;
  }

  /** Holds every message post to a channel `ms` before answering it, as a slow Discord would (0: at once). */
  delayChannelMessages(ms: number): void {
    this.#channelMessageDelayMs = ms;
  }

  /** Makes the next message post to a channel fail with this HTTP status (then work again). */
  failNextChannelMessage(status: number): void {
    this.#channelMessageFailures.push(status);
  }

  /** Every message the bot posted (or tried to post) to a channel, replying to the given message. */
  repliesTo(messageId: string): RecordedRequest[] {
    return this.requests.filter(
      (request) =>
        request.method === "POST" &&
        /^\/channels\/\d+\/messages$/.test(request.route) &&
        z.object({ message_reference: z.object({ message_id: z.literal(messageId) }) }).safeParse(request.body).success,
    );
  }

  /** Every callback the bot sent for one interaction, in order. */
  callbacksFor(interactionId: string): RecordedRequest[] {
    return this.requests.filter((request) => request.route.startsWith(`/interactions/${interactionId}/`));
  }

  /** The bot's response to one interaction, by the interaction's id. */
  waitForCallback(interactionId: string, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waitForRequest(
      (request) => request.method === "POST" && request.route.startsWith(`/interactions/${interactionId}/`),
      timeoutMs,
    );
  }

  /**
   * The message Discord handed back for the bot's reply to `messageId` (with its id and its
   * message_reference), as a gateway would put it in a reply's `referenced_message`.
   */
  sentReplyTo(messageId: string): (Record<string, unknown> & { id: string }) | undefined {
    return this.#sentReplies.get(messageId);
  }

  /** A message the bot posted to a channel, replying to the given message. */
  waitForReplyTo(messageId: string, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waitForRequest(
      (request) =>
        request.method === "POST" &&
        /^\/channels\/\d+\/messages$/.test(request.route) &&
        z.object({ message_reference: z.object({ message_id: z.literal(messageId) }) }).safeParse(request.body).success,
      timeoutMs,
    );
  }

  async #onHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const route = url.pathname.replace(/^\/api\/v\d+/, "");
    const text = Buffer.concat(chunks).toString("utf8");
    const isJson = (request.headers["content-type"] ?? "").includes("application/json");
    const recorded: RecordedRequest = {
      method: request.method ?? "GET",
      route,
      query: Object.fromEntries(url.searchParams),
      body: text === "" ? undefined : isJson ? (JSON.parse(text) as unknown) : text,
      authorized: request.headers.authorization === `Bot ${FAKE_TOKEN}`,
      at: performance.now(),
    };
    if (this.#record) this.requests.push(recorded);
    for (const listener of this.#listeners) listener(recorded);
    if (this.#callbackDelayMs > 0 && route.startsWith("/interactions/")) {
      await new Promise((resolve) => setTimeout(resolve, this.#callbackDelayMs));
    }
    const channelMessage = recorded.method === "POST" && /^\/channels\/\d+\/messages$/.test(route);
    const failure = channelMessage ? this.#channelMessageFailures.shift() : undefined;
    if (channelMessage && this.#channelMessageDelayMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.#channelMessageDelayMs));
    }
    if (failure !== undefined) {
      response.writeHead(failure, { "content-type": "application/json" }).end(JSON.stringify({ message: "Injected failure", code: 0 }));
      return;
    }
    const [status, payload] = this.#respond(recorded);
    if (payload === undefined) {
      response.writeHead(status).end();
      return;
    }
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
  }

  #respond(request: RecordedRequest): [number, unknown] {
    const { method, route } = request;
    const needsAuth = !route.startsWith("/interactions/") && !route.startsWith("/webhooks/");
    if (needsAuth && !request.authorized) return [401, { message: "401: Unauthorized", code: 0 }];
    if (method === "GET" && route === "/gateway/bot") {
      return [
        200,
        {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 16 },
        },
      ];
    }
    if (method === "GET" && (route === "/applications/@me" || route === "/oauth2/applications/@me")) {
      return [200, { id: APP_ID, name: "Article bot", description: "", bot_public: true, flags: 0 }];
    }
    if (method === "GET" && route === "/users/@me") return [200, BOT_USER];
    if (method === "PUT" && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(route)) {
      const list = z.array(z.record(z.string(), z.unknown())).parse(request.body);
      return [200, list.map((command) => ({ ...command, id: nextSnowflake(), application_id: APP_ID, version: "1" }))];
    }
    if (method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(route)) {
      const interactionId = route.split("/")[2] ?? "";
      const failWith = this.#failingCallbacks.get(interactionId);
      if (failWith !== undefined) {
        this.#failingCallbacks.delete(interactionId);
        return [failWith, { message: "Injected failure", code: 50035 }];
      }
      if (request.query.with_response === "true") return [200, { interaction: { id: route.split("/")[2], type: 2 } }];
      return [204, undefined];
    }
    const channelMessage = /^\/channels\/(\d+)\/messages$/.exec(route);
    if (method === "POST" && channelMessage) {
      const sent = sentMessagePayload(channelMessage[1] ?? CHANNEL_ID, request.body);
      const repliedTo = z.object({ message_reference: z.object({ message_id: z.string() }) }).safeParse(request.body);
      if (repliedTo.success) this.#sentReplies.set(repliedTo.data.message_reference.message_id, sent);
      return [200, sent];
    }
    if ((method === "POST" || method === "PATCH") && route.startsWith(`/webhooks/${APP_ID}/`)) {
      return [200, sentMessagePayload(CHANNEL_ID, request.body)];
    }
    return [404, { message: "404: Not Found", code: 0 }];
  }

  // ---- Gateway ----------------------------------------------------------------------------

  #send(socket: WebSocket, payload: { op: number; d: unknown; s?: number | null; t?: string | null }): void {
    socket.send(JSON.stringify({ s: null, t: null, ...payload }));
  }

  #onConnection(socket: WebSocket): void {
    this.#sockets.add(socket);
    let session: Session | undefined;
    socket.on("close", (code: number) => {
      this.closeCodes.push(code);
      this.#sockets.delete(socket);
      if (session?.socket === socket) session.socket = undefined;
    });
    socket.on("message", (raw: Buffer) => {
      const parsed = GatewayPayloadSchema.safeParse(JSON.parse(raw.toString("utf8")));
      if (!parsed.success) {
        socket.close(4002, "Decode error");
        return;
      }
      const { op, d } = parsed.data;
      switch (op) {
        case 1:
          this.heartbeats++;
          this.#send(socket, { op: 11, d: null });
          return;
        case 2: {
          const identify = IdentifySchema.parse(d);
          if (identify.token !== FAKE_TOKEN) {
            socket.close(4004, "Authentication failed");
            return;
          }
          const shard = identify.shard ?? [0, 1];
          this.identifies.push({ token: identify.token, intents: identify.intents, shard });
          session = { id: `session-${nextSnowflake()}`, shard, socket, sequence: 0, sent: [] };
          this.#sessions.set(session.id, session);
          this.#dispatchTo(session, "READY", {
            v: 10,
            user: BOT_USER,
            guilds: this.#shardOwns(shard, GUILD_ID) ? [{ id: GUILD_ID, unavailable: true }] : [],
            session_id: session.id,
            resume_gateway_url: `ws://127.0.0.1:${this.#port}/resume`,
            shard,
            application: { id: APP_ID, flags: 0 },
            private_channels: [],
            presences: [],
            relationships: [],
            guild_join_requests: [],
            user_settings: {},
          });
          if (this.#shardOwns(shard, GUILD_ID)) this.#dispatchTo(session, "GUILD_CREATE", guildCreatePayload());
          return;
        }
        case 6: {
          const resume = ResumeSchema.parse(d);
          const known = this.#sessions.get(resume.session_id);
          const accepted = known !== undefined && resume.token === FAKE_TOKEN;
          this.resumes.push({ sessionId: resume.session_id, seq: resume.seq, accepted });
          if (!known || !accepted) {
            this.#send(socket, { op: 9, d: false });
            return;
          }
          session = known;
          known.socket = socket;
          for (const event of known.sent) {
            if (event.s > (resume.seq ?? 0)) this.#send(socket, { op: 0, ...event });
          }
          this.#dispatchTo(known, "RESUMED", null);
          return;
        }
        default:
          return;
      }
    });
    this.#send(socket, { op: 10, d: { heartbeat_interval: this.#heartbeatIntervalMs } });
  }

  #shardOwns(shard: readonly [number, number], guildId: string | undefined): boolean {
    if (guildId === undefined) return shard[0] === 0; // DMs go to shard 0, as on Discord
    return Number((BigInt(guildId) >> 22n) % BigInt(shard[1])) === shard[0];
  }

  #dispatchTo(session: Session, t: string, d: unknown): void {
    const s = ++session.sequence;
    if (t !== "RESUMED") session.sent.push({ s, t, d });
    if (session.socket) this.#send(session.socket, { op: 0, s, t, d });
  }

  /**
   * Sends a dispatch to the session of the shard that owns its guild (shard 0 for DMs). A session
   * whose connection dropped keeps the event, to replay it if the bot resumes.
   */
  dispatch(t: string, d: { guild_id?: string | undefined } & Record<string, unknown>): void {
    let delivered = false;
    for (const session of this.#sessions.values()) {
      if (!this.#shardOwns(session.shard, d.guild_id)) continue;
      this.#dispatchTo(session, t, d);
      delivered = true;
    }
    if (!delivered) throw new Error(`No gateway session to dispatch ${t} to`);
  }

  /** Closes every gateway connection with a close code, as a network drop or Discord would. */
  dropConnections(code: number): void {
    for (const socket of this.#sockets) socket.close(code, "Dropped by the fake");
  }

  /** Forgets sessions, so a RESUME is refused with an invalid session and the bot re-identifies. */
  forgetSessions(): void {
    this.#sessions.clear();
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    await new Promise<void>((resolve) => {
      this.#wss.close(() => {
        resolve();
      });
    });
    this.#http.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.#http.close(() => {
        resolve();
      });
    });
  }
}
