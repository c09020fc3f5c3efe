/**
 * Bench child: bare Hono answering a fixed nearby-search body captured from the real API, so the
 * benchmark separates the cost of shipping the payload from the cost of finding it.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const body = process.argv[2];
if (!body) throw new Error("usage: payload.ts <json body>");
const payload = JSON.parse(body) as unknown;
const app = new Hono();
app.get("*", (c) => c.json(payload as Record<string, unknown>));
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
  console.log(`http://127.0.0.1:${info.port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
