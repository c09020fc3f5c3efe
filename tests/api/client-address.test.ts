import { mkdtempSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEV_LOGIN_LIMIT } from "@civic/api/auth/auth.handlers";
import { parseAppConfig } from "@civic/api/config";
import { type RunningServer, startNodeServer } from "@civic/api/hosts/node/server";
import { forwardedClient } from "@civic/api/platform/client-ip";
import { afterEach, describe, expect, it } from "vitest";

/*
 * Whose address a per-address limit counts (TRUST_PROXY), on a real Node server over loopback. Requests
 * leave from 127.0.0.1 or 127.0.0.2 (both loopback on Linux), so the server sees two different peers.
 */

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "civic-ip-"));
  server = await startNodeServer({
    databasePath: join(dir, "db.sqlite"),
    env: { DEV_LOGIN: "1", LOG_LEVEL: "silent", ...env },
    dispatchIntervalMs: 0,
  });
  return server.url;
}

/** A dev-login sent from a chosen local address with chosen headers; resolves to the status code. */
function devLogin(url: string, from: string, headers: Record<string, string> = {}, openid = "limit-probe"): Promise<number> {
  const body = JSON.stringify({ openid });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}/api/v1/auth/dev-login`,
      {
        method: "POST",
        localAddress: from,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const forged = (i: number) => ({ "x-forwarded-for": `203.0.113.${i % 250}`, "cf-connecting-ip": `198.51.100.${i % 250}` });

describe("the caller's address (TRUST_PROXY)", () => {
  it("by default (none) a forged X-Forwarded-For or CF-Connecting-IP does not lift the dev-login limit", async () => {
    const url = await start();
    for (let i = 0; i < DEV_LOGIN_LIMIT.limit; i++) expect(await devLogin(url, "127.0.0.1", forged(i))).toBe(200);
    expect(await devLogin(url, "127.0.0.1", forged(999))).toBe(429);
    expect(await devLogin(url, "127.0.0.1")).toBe(429);
  });

  it("two different socket addresses count in separate buckets", async () => {
    const url = await start();
    for (let i = 0; i <= DEV_LOGIN_LIMIT.limit; i++) await devLogin(url, "127.0.0.1");
    expect(await devLogin(url, "127.0.0.1")).toBe(429);
    expect(await devLogin(url, "127.0.0.2")).toBe(200);
  });

  it("behind one proxy of ours (TRUST_PROXY=1) the proxy's last X-Forwarded-For entry is the caller, whatever the caller wrote before it", async () => {
    const url = await start({ TRUST_PROXY: "1" });
    for (let i = 0; i < DEV_LOGIN_LIMIT.limit; i++) {
      expect(await devLogin(url, "127.0.0.1", { "x-forwarded-for": `10.9.9.${i % 250}, 192.0.2.7` })).toBe(200);
    }
    expect(await devLogin(url, "127.0.0.1", { "x-forwarded-for": "10.1.1.1, 192.0.2.7" })).toBe(429);
    // Another caller behind the same proxy has a bucket of their own.
    expect(await devLogin(url, "127.0.0.1", { "x-forwarded-for": "192.0.2.8" })).toBe(200);
  });
});

describe("hop counting", () => {
  it("takes the right-most entry that no trusted proxy wrote", () => {
    // client 1.1.1.1 → proxy A (adds 1.1.1.1) → proxy B (adds A=10.0.0.1) → us (socket: B=10.0.0.2)
    const header = "6.6.6.6, 1.1.1.1, 10.0.0.1";
    expect(forwardedClient(header, "10.0.0.2", 2)).toBe("1.1.1.1");
    expect(forwardedClient(header, "10.0.0.2", 1)).toBe("10.0.0.1");
    expect(forwardedClient("1.1.1.1", "10.0.0.2", 1)).toBe("1.1.1.1");
    // Fewer entries than proxies: the left-most there is, never something invented.
    expect(forwardedClient("1.1.1.1", "10.0.0.2", 5)).toBe("1.1.1.1");
    expect(forwardedClient(undefined, "10.0.0.2", 1)).toBe("10.0.0.2");
    expect(forwardedClient(" , ", undefined, 1)).toBeUndefined();
  });

  it("TRUST_PROXY accepts none, cloudflare or a hop count and refuses anything else", () => {
    const base = { DEV_LOGIN: "1" };
    expect(parseAppConfig(base).trustProxy).toBe("none");
    expect(parseAppConfig({ ...base, TRUST_PROXY: "cloudflare" }).trustProxy).toBe("cloudflare");
    expect(parseAppConfig({ ...base, TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(() => parseAppConfig({ ...base, TRUST_PROXY: "all" })).toThrow(/TRUST_PROXY/);
  });
});
