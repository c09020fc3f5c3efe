import type { IncomingMessage } from "node:http";
import type { Context } from "hono";

/** @hono/node-server hands the Node request in as c.env.incoming; its socket knows the peer's address. */
export function nodeRemoteAddress(c: Context): string | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.remoteAddress;
}
