import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { DEV_LOGIN_LIMIT } from "@civic/api/auth/auth.handlers";
import * as schema from "@civic/api/db/schema";
import { users } from "@civic/api/db/schema";
import { d1Atomic } from "@civic/api/hosts/worker/d1-atomic";
import worker, { buildWorkerDeps } from "@civic/api/hosts/worker/index";
import { r2BlobStore } from "@civic/api/hosts/worker/r2-blobs";
import { runScheduled, SCHEDULED_JOBS } from "@civic/api/scheduled";
import { drizzle } from "drizzle-orm/d1";
import { beforeEach, describe, expect, it } from "vitest";
import { bindings, testWorkerEnv, wipeStorage } from "./harness";

/** The Worker host itself: its entry, its atomic(), its blob store and its cron, on real D1 + R2. */
const db = () => drizzle(bindings.DB, { schema });
const count = async (table: string) => (await bindings.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())?.n ?? -1;

async function callWorker(env: ReturnType<typeof testWorkerEnv>, path: string, init?: RequestInit) {
  const ctx = createExecutionContext();
  // The runtime adds `cf` to incoming requests; a test-made Request only lacks it in the types.
  const request = new Request(`https://civic.example${path}`, init) as Request<unknown, IncomingRequestCfProperties>;
  const res = await worker.fetch(request, env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

beforeEach(async () => {
  await wipeStorage();
});

describe("worker host", () => {
  it("runs inside workerd with the D1 and R2 bindings from wrangler.toml, migrated", async () => {
    expect(navigator.userAgent).toBe("Cloudflare-Workers");
    expect(bindings.DB).toBeDefined();
    expect(bindings.BLOBS).toBeDefined();
    const applied = await bindings.DB.prepare("select name from d1_migrations").all<{ name: string }>();
    expect(applied.results.map((r) => r.name)).toContain("0000_init.sql");
  });

  it("the entry serves the app: health, docs, and a nearby search on D1", async () => {
    const env = testWorkerEnv();
    const health = await callWorker(env, "/healthz");
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    expect(health.headers.get("x-request-id")).toBeTruthy();
    const nearby = await callWorker(env, "/api/v1/toilets/nearby?lat=31.3085&lng=120.6195");
    expect(nearby.status).toBe(200);
    expect((await nearby.json()) as object).toMatchObject({ toilets: [] });
  });

  it("a bad setting answers every request with a 500 envelope naming it, never a crash", async () => {
    // wrangler.toml has DEV_LOGIN "0" and no WeChat secrets: nobody could sign in.
    const noSecrets = await callWorker(
      { ...testWorkerEnv(), DEV_LOGIN: "0", WECHAT_APPID: undefined, WECHAT_SECRET: undefined },
      "/healthz",
    );
    expect(noSecrets.status).toBe(500);
    const body = (await noSecrets.json()) as { error: { code: string; message: string; details: { setting: string }[] } };
    expect(body.error.code).toBe("internal");
    expect(body.error.message).toContain("WECHAT_APPID");
    expect(body.error.message).toContain("WECHAT_SECRET");
    const badZone = await callWorker(testWorkerEnv({ CITY_ZONE: "Mars/Olympus" }), "/healthz");
    expect(badZone.status).toBe(500);
    const zoneBody = (await badZone.json()) as { error: { message: string; details: { setting: string }[] } };
    expect(zoneBody.error.details.map((d) => d.setting)).toEqual(["CITY_ZONE"]);
    const badTimeout = await callWorker(testWorkerEnv({ WECHAT_TIMEOUT_MS: "soon" }), "/api/v1/me");
    expect(((await badTimeout.json()) as { error: { message: string } }).error.message).toContain("WECHAT_TIMEOUT_MS");
  });

  it("the deployed defaults (wrangler.toml vars, no secrets) refuse to run rather than open a dev login", async () => {
    const res = await callWorker(bindings, "/api/v1/auth/dev-login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ openid: "intruder", role: "admin" }),
    });
    expect(res.status).toBe(500);
    expect(await count("users")).toBe(0);
  });

  it("atomic() is one D1 batch: all statements land, or none when one violates a constraint", async () => {
    const atomic = d1Atomic(db());
    expect(await atomic([])).toEqual([]);
    const now = new Date().toISOString();
    const user = (id: string, openid: string) => db().insert(users).values({ id, openid, createdAt: now });
    await atomic([user("u-1", "o-1"), user("u-2", "o-2")]);
    expect(await count("users")).toBe(2);
    await expect(atomic([user("u-3", "o-3"), user("u-4", "o-1")])).rejects.toThrow();
    expect(await count("users")).toBe(2);
  });

  it("R2 blob store keeps bytes and content type, and deletes", async () => {
    const blobs = r2BlobStore(bindings.BLOBS);
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    await blobs.put("photos/abc", bytes, "image/jpeg");
    const got = await blobs.get("photos/abc");
    expect(got?.contentType).toBe("image/jpeg");
    expect([...(got?.data ?? [])]).toEqual([...bytes]);
    await blobs.delete("photos/abc");
    expect(await blobs.get("photos/abc")).toBeNull();
    expect(await blobs.get("photos/never")).toBeNull();
  });

  it("the cron purges ended rate-limit windows and keeps current ones", async () => {
    const nowS = Math.floor(Date.parse("2026-11-26T10:00:00Z") / 1000);
    await bindings.DB.batch([
      bindings.DB.prepare("insert into rate_limits (bucket, window_start, hits) values (?, ?, ?)").bind("old", nowS - 2 * 86_400, 3),
      bindings.DB.prepare("insert into rate_limits (bucket, window_start, hits) values (?, ?, ?)").bind("current", nowS - 600, 5),
    ]);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: nowS * 1000, cron: "*/1 * * * *" }), testWorkerEnv(), ctx);
    await waitOnExecutionContext(ctx);
    const left = await bindings.DB.prepare("select bucket from rate_limits").all<{ bucket: string }>();
    expect(left.results.map((r) => r.bucket)).toEqual(["current"]);
  });

  it("the cron runs every scheduled job of platform/scheduled.ts: the outbox reaches the inbox, each job reports", async () => {
    const at = Date.parse("2026-11-27T10:00:00Z");
    const iso = new Date(at).toISOString();
    await bindings.DB.batch([
      bindings.DB.prepare("insert into users (id, openid, created_at) values ('u-cron', 'o-cron', ?)").bind(iso),
      bindings.DB.prepare(
        "insert into outbox (id, user_id, subject_type, subject_id, payload, state, attempts, next_attempt_at, created_at) values ('ob-1', 'u-cron', 'pickup', 'p-1', ?, 'pending', 0, ?, ?)",
      ).bind(JSON.stringify({ title: "预约已确认", body: "", page: "pages/index/index", status: "已确认", subject: "大件垃圾" }), iso, iso),
    ]);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "*/1 * * * *" }), testWorkerEnv(), ctx);
    await waitOnExecutionContext(ctx);
    const inbox = await bindings.DB.prepare("select subject_type, subject_id from inbox_messages").all();
    expect(inbox.results).toEqual([{ subject_type: "pickup", subject_id: "p-1" }]);
    expect(await bindings.DB.prepare("select state, channel from outbox").first()).toEqual({ state: "done", channel: "inbox" });
    // The same function, called directly on the Worker's deps, answers one result per job.
    const results = await runScheduled(buildWorkerDeps(testWorkerEnv()), new Date(at + 60_000));
    expect(results.map((r) => [r.name, r.ok, r.ran])).toEqual(SCHEDULED_JOBS.map((j) => [j.name, true, true]));
    expect(results.find((r) => r.name === "dispatch-outbox")?.figures).toEqual({ sent: 0, inboxOnly: 0, failed: 0 });
  });

  it("behind Cloudflare (the Workers default) CF-Connecting-IP names the caller; a forged X-Forwarded-For changes nothing", async () => {
    const env = testWorkerEnv();
    const login = (cfIp: string, xff: string) =>
      callWorker(env, "/api/v1/auth/dev-login", {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": cfIp, "x-forwarded-for": xff },
        body: JSON.stringify({ openid: "cf-probe" }),
      });
    for (let i = 0; i < DEV_LOGIN_LIMIT.limit; i++) expect((await login("198.51.100.1", `203.0.113.${i}`)).status).toBe(200);
    expect((await login("198.51.100.1", "203.0.113.250")).status).toBe(429);
    expect((await login("198.51.100.2", "203.0.113.250")).status).toBe(200);
  });

  it("each test starts from empty tables (the contract suites rely on it)", async () => {
    expect(await count("users")).toBe(0);
    expect(await count("rate_limits")).toBe(0);
  });
});
