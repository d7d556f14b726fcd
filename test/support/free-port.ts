import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A port nothing listens on right now, for a server that cannot report what PORT=0 picked (a child
 * process, or Socket Mode's routes server). Another process could take it in between; on a test
 * machine that is rare enough.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => {
    resolve();
  }));
  return port;
}
