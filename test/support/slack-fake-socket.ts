import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { z } from "zod";

const AckSchema = z.looseObject({ envelope_id: z.string(), payload: z.unknown().optional() });
export type SocketAck = z.infer<typeof AckSchema>;

/**
 * A local stand-in for Slack's Socket Mode endpoint: says hello to each connection, pushes envelopes
 * and collects the app's acknowledgements by envelope id.
 */
export class FakeSlackSocket {
  readonly #server: WebSocketServer;
  readonly #acks = new Map<string, SocketAck>();
  readonly #ackWaiters = new Map<string, (ack: SocketAck) => void>();
  #socket: WebSocket | undefined;
  connections = 0;
  closed = false;

  constructor() {
    this.#server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    this.#server.on("connection", (socket) => {
      this.connections += 1;
      this.closed = false;
      this.#socket = socket;
      socket.on("message", (data: Buffer) => {
        const ack = AckSchema.parse(JSON.parse(data.toString("utf8")));
        this.#acks.set(ack.envelope_id, ack);
        this.#ackWaiters.get(ack.envelope_id)?.(ack);
      });
      socket.on("close", () => {
        this.closed = true;
      });
      socket.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A0000001" } }));
    });
  }

  async listening(): Promise<void> {
    if (this.#server.address() !== null) return;
    await new Promise<void>((resolve) => this.#server.once("listening", resolve));
  }

  get url(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `ws://127.0.0.1:${port}/link`;
  }

  /** Sends an envelope and resolves with the app's acknowledgement of it. */
  async push(envelope: Record<string, unknown> & { envelope_id: string }, timeoutMs = 3000): Promise<SocketAck> {
    const socket = this.#socket;
    if (socket === undefined) throw new Error("the app is not connected");
    const acked = new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no ack for envelope ${envelope.envelope_id}`));
      }, timeoutMs);
      this.#ackWaiters.set(envelope.envelope_id, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    socket.send(JSON.stringify(envelope));
    return acked;
  }

  /** Drops every connection as a network failure would, and keeps listening for the reconnection. */
  dropConnections(): void {
    for (const client of this.#server.clients) client.terminate();
  }

  async close(): Promise<void> {
    for (const client of this.#server.clients) client.terminate();
    await new Promise<void>((resolve) => { this.#server.close(() => {
      resolve();
    }); });
  }
}
