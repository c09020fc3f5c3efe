import { join } from "node:path";
import { createApp } from "@civic/api";
import { sha256Base64Url } from "@civic/api/auth/token-hash";
import { parseAppConfig } from "@civic/api/config";
import { diskBlobStore } from "@civic/api/hosts/node/disk-blobs";
import { openSqlite } from "@civic/api/hosts/node/sqlite";
import { hashToken, newToken } from "@civic/api/platform/ids";
import { jsonLogger } from "@civic/api/platform/logger";
import { createWechatClient } from "@civic/api/platform/wechat";
import { afterEach, describe, expect, it } from "vitest";
import { freshTempDir } from "../support/temp-dirs";

/*
 * Two instances of the service on one SQLite file (as two Node processes, or two Workers isolates on one D1):
 * a change made through one reaches the other within SESSION_CACHE_MS (5 s by default), measured on an
 * injected clock instead of by sleeping. The same-instance guarantees are in tests/contract/session-cache.
 */
const T0 = Date.parse("2026-11-01T08:00:00.000Z");
const dirs: { remove(): void }[] = [];
const closers: (() => void)[] = [];

afterEach(() => {
  for (const close of closers.splice(0)) close();
  for (const dir of dirs.splice(0)) dir.remove();
});

function twoInstances(env: Record<string, string> = {}) {
  const dir = freshTempDir("session-cache");
  dirs.push(dir);
  let nowMs = T0;
  const instance = () => {
    const config = parseAppConfig({ DEV_LOGIN: "1", LOG_LEVEL: "silent", ...env });
    const { sqlite, db, atomic } = openSqlite(join(dir.path, "civic.sqlite"));
    closers.push(() => sqlite.close());
    const app = createApp({
      db,
      atomic,
      blobs: diskBlobStore(join(dir.path, "photos")),
      clock: () => new Date(nowMs),
      wechat: createWechatClient(config.wechat),
      config,
      log: jsonLogger("silent"),
    });
    return async (method: string, path: string, token?: string, body?: unknown) => {
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      if (body !== undefined) headers["content-type"] = "application/json";
      const res = await app.request(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      return { status: res.status, json: (await res.json().catch(() => null)) as { token: string; user: { id: string; roles: string[] } } };
    };
  };
  return { a: instance(), b: instance(), advance: (ms: number) => (nowMs += ms) };
}

describe("session cache across instances", () => {
  it("a logout on one instance reaches the other within 5 s", async () => {
    const { a, b, advance } = twoInstances();
    const { token } = (await a("POST", "/api/v1/auth/dev-login", undefined, { openid: "wanderer" })).json;
    expect((await b("GET", "/api/v1/me", token)).status).toBe(200);
    expect((await a("POST", "/api/v1/auth/logout", token)).status).toBe(204);
    expect((await a("GET", "/api/v1/me", token)).status).toBe(401);
    advance(4_900);
    // Still inside the bound: the other instance may answer from what it read, which is what the cache is for.
    expect((await b("GET", "/api/v1/me", token)).status).toBe(200);
    advance(100);
    expect((await b("GET", "/api/v1/me", token)).status).toBe(401);
  });

  it("a moderator revoked on one instance is refused on the other within 5 s", async () => {
    const { a, b, advance } = twoInstances();
    const admin = (await a("POST", "/api/v1/auth/dev-login", undefined, { openid: "boss", role: "admin" })).json;
    const mod = (await a("POST", "/api/v1/auth/dev-login", undefined, { openid: "staffer", role: "moderator" })).json;
    expect((await b("GET", "/api/v1/moderation/kpis", mod.token)).status).toBe(200);
    expect((await a("DELETE", `/api/v1/admin/users/${mod.user.id}/roles/moderator`, admin.token)).status).toBe(200);
    expect((await a("GET", "/api/v1/moderation/kpis", mod.token)).status).toBe(403);
    advance(5_000);
    expect((await b("GET", "/api/v1/moderation/kpis", mod.token)).status).toBe(403);
  });

  it("with SESSION_CACHE_MS=0 every request reads the session, so the other instance sees a logout at once", async () => {
    const { a, b } = twoInstances({ SESSION_CACHE_MS: "0" });
    const { token } = (await a("POST", "/api/v1/auth/dev-login", undefined, { openid: "no-cache" })).json;
    expect((await b("GET", "/api/v1/me", token)).status).toBe(200);
    expect((await a("POST", "/api/v1/auth/logout", token)).status).toBe(204);
    expect((await b("GET", "/api/v1/me", token)).status).toBe(401);
  });

  it("the bound cannot be configured above 5 s", () => {
    expect(() => parseAppConfig({ DEV_LOGIN: "1", SESSION_CACHE_MS: "5001" })).toThrow(/SESSION_CACHE_MS/);
  });
});

describe("the cache key", () => {
  it("is the same SHA-256 the sessions table stores, computed without Web Crypto's async call", async () => {
    for (const text of ["", "abc", "x".repeat(55), "x".repeat(56), "x".repeat(64), "x".repeat(128), newToken(), newToken()]) {
      expect(sha256Base64Url(text)).toBe(await hashToken(text));
    }
  });

  it("refuses what no bearer token can be rather than hashing it differently", () => {
    expect(() => sha256Base64Url("令牌")).toThrow(RangeError);
    expect(() => sha256Base64Url("x".repeat(129))).toThrow(RangeError);
  });
});
