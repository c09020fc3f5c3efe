import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GUANQIAN, nearbyPath, offset, toilet } from "../contract/fixtures";
import { type DevServer, wrangler, wranglerDev } from "./wrangler-dev";

/**
 * The Worker as it ships: `wrangler d1 migrations apply civic --local` into a temporary state directory,
 * then `wrangler dev` over that same local D1 (and a local R2), called over HTTP on an ephemeral port.
 */
let persistTo: string;
let dev: DevServer | undefined;

beforeAll(async () => {
  persistTo = mkdtempSync(join(tmpdir(), "civic-wrangler-"));
  const applied = await wrangler(["d1", "migrations", "apply", "civic", "--local", "--persist-to", persistTo]);
  expect(applied).toMatch(/0000_init\.sql/);
  dev = await wranglerDev(["--persist-to", persistTo, "--var", "DEV_LOGIN:1", "--var", "LOG_LEVEL:warn"]);
});

afterAll(async () => {
  await dev?.stop();
  if (persistTo) rmSync(persistTo, { recursive: true, force: true });
});

const http = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${dev?.url}${path}`, { ...init, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: reading response fields freely
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, json };
};
const post = (path: string, body: unknown, token?: string) =>
  http(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe("the Worker under wrangler dev (local D1 + R2)", () => {
  it("answers /healthz", async () => {
    const res = await http("/healthz");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("searches nearby toilets on the migrated D1, and finds one an admin just added", async () => {
    const empty = await http(nearbyPath(GUANQIAN));
    expect(empty.status).toBe(200);
    expect(empty.json.toilets).toEqual([]);

    const admin = await post("/api/v1/auth/dev-login", { openid: "live-admin", role: "admin" });
    expect(admin.status).toBe(200);
    const created = await post("/api/v1/admin/toilets", toilet({ name: "观前街公厕", ...offset(GUANQIAN, 0, 80) }), admin.json.token);
    expect(created.status).toBe(201);

    const found = await http(nearbyPath(GUANQIAN, "&radius=500"));
    expect(found.status).toBe(200);
    expect(found.json.toilets.map((t: { name: string; distanceM: number }) => [t.name, t.distanceM])).toEqual([["观前街公厕", 80]]);
  });

  it("bad input is a 4xx envelope, not a 500", async () => {
    const res = await http("/api/v1/toilets/nearby?lat=north&lng=120.6");
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("bad_request");
  });

  it("runs its cron handler", async () => {
    const res = await http("/cdn-cgi/handler/scheduled?cron=*/1+*+*+*+*");
    expect(res.status).toBe(200);
  });
});
