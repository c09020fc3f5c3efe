import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { idempotencyKeys, inboxMessages, outbox, rateLimits, users } from "@civic/api/db/schema";
import { startNodeServer } from "@civic/api/hosts/node/server";
import { openSqlite } from "@civic/api/hosts/node/sqlite";
import { notifyStatement } from "@civic/api/platform/notifications/outbox";
import type { ScheduleState } from "@civic/api/platform/scheduled";
import { runScheduled, SCHEDULED_JOBS } from "@civic/api/scheduled";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

/** platform/scheduled.ts on the Node harness: every job in one run, per-job results, intervals, failures. */
let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});

const NOW = new Date("2026-11-26T10:00:00Z");
const nowS = Math.floor(NOW.getTime() / 1000);
const later = (ms: number) => new Date(NOW.getTime() + ms);

async function setup() {
  const node = createNodeHarness(wechat, { nearbyInMemory: false });
  const deps = { ...node.deps, clock: () => NOW };
  await node.db.insert(rateLimits).values([
    { bucket: "ended", windowStart: nowS - 2 * 86_400, hits: 3 },
    { bucket: "current", windowStart: nowS - 600, hits: 5 },
  ]);
  await node.db.insert(users).values({ id: "u-1", openid: "o-1", createdAt: NOW.toISOString() });
  const key = (k: string, daysAgo: number) => ({
    scope: "toilet.feedback:user:u-1",
    key: k,
    requestHash: "h",
    resourceId: `r-${k}`,
    createdAt: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(),
  });
  await node.db.insert(idempotencyKeys).values([key("last-week-key", 8), key("yesterday-key", 1)]);
  const notify = () =>
    node.atomic([
      notifyStatement(node.db, {
        userId: "u-1",
        subject: { type: "pickup", id: "p-1" },
        payload: { title: "预约已确认", body: "", page: "pages/index/index", status: "已确认", subject: "大件垃圾" },
        now: NOW.toISOString(),
      }),
    ]);
  return { ...node, deps, notify };
}

describe("scheduled jobs", () => {
  it("one run does every job and answers each one's name, ok and figures", async () => {
    const t = await setup();
    await t.notify();
    const results = await runScheduled(t.deps, NOW);
    expect(results.map((r) => r.name)).toEqual(SCHEDULED_JOBS.map((j) => j.name));
    expect(results).toMatchObject([
      { name: "purge-rate-limits", ok: true, ran: true, figures: { purged: 1 } },
      { name: "purge-idempotency-keys", ok: true, ran: true, figures: { purged: 1 } },
      { name: "dispatch-outbox", ok: true, ran: true, figures: { sent: 0, inboxOnly: 1, failed: 0 } },
      { name: "dispatch-sms", ok: true, ran: true, figures: { sent: 0, failed: 0, notConfigured: 0 } },
      { name: "unlink-expired-reporters", ok: true, ran: true, figures: { unlinked: 0 } },
      { name: "pickup-reminders", ok: true, ran: true, figures: { reminded: 0 } },
      { name: "points-pickup-credit", ok: true, ran: true, figures: { credited: 0 } },
      { name: "points-expiry", ok: true, ran: true, figures: { expired: 0, accounts: 0 } },
      { name: "parking-pull", ok: true, ran: true, figures: { sources: 0, failed: 0, applied: 0, rejected: 0 } },
      { name: "prune-parking-history", ok: true, ran: true, figures: { observations: 0, signatures: 0 } },
    ]);
    expect((await t.db.select().from(rateLimits)).map((r) => r.bucket)).toEqual(["current"]);
    expect((await t.db.select().from(idempotencyKeys)).map((r) => r.key)).toEqual(["yesterday-key"]);
    // A notification about another domain's object reaches the inbox with its subject.
    expect(await t.db.select().from(inboxMessages)).toMatchObject([{ userId: "u-1", subjectType: "pickup", subjectId: "p-1" }]);
    expect((await t.db.select().from(outbox))[0]).toMatchObject({ state: "done", channel: "inbox" });
  });

  it("a job runs again only once its interval has passed; the dispatcher runs on every tick", async () => {
    const t = await setup();
    const state: ScheduleState = new Map();
    const ran = async (at: Date) => (await runScheduled(t.deps, at, { state })).map((r) => [r.name, r.ran]);
    expect(await ran(NOW)).toEqual([
      ["purge-rate-limits", true],
      ["purge-idempotency-keys", true],
      ["dispatch-outbox", true],
      ["dispatch-sms", true],
      ["unlink-expired-reporters", true],
      ["pickup-reminders", true],
      ["points-pickup-credit", true],
      ["points-expiry", true],
      ["parking-pull", true],
      ["prune-parking-history", true],
    ]);
    expect(await ran(later(60_000))).toEqual([
      ["purge-rate-limits", false],
      ["purge-idempotency-keys", false],
      ["dispatch-outbox", true],
      ["dispatch-sms", true],
      ["unlink-expired-reporters", false],
      ["pickup-reminders", false],
      ["points-pickup-credit", false],
      ["points-expiry", false],
      ["parking-pull", false],
      ["prune-parking-history", false],
    ]);
    expect(await ran(later(3_600_000))).toEqual([
      ["purge-rate-limits", true],
      ["purge-idempotency-keys", true],
      ["dispatch-outbox", true],
      ["dispatch-sms", true],
      ["unlink-expired-reporters", true],
      ["pickup-reminders", true],
      ["points-pickup-credit", true],
      ["points-expiry", true],
      ["parking-pull", true],
      ["prune-parking-history", true],
    ]);
  });

  it("a failing job is reported with its error, and the jobs after it still run", async () => {
    const t = await setup();
    const jobs = [{ name: "broken", everyMs: 0, run: async () => Promise.reject(new Error("disk on fire")) }, ...SCHEDULED_JOBS];
    const results = await runScheduled(t.deps, NOW, { jobs });
    expect(results[0]).toMatchObject({ name: "broken", ok: false, ran: true, error: "Error: disk on fire" });
    expect(results.slice(1).map((r) => [r.name, r.ok, r.ran])).toEqual(SCHEDULED_JOBS.map((j) => [j.name, true, true]));
    expect((await t.db.select().from(rateLimits)).map((r) => r.bucket)).toEqual(["current"]);
  });

  it("the Node host runs them on its timer: an ended rate-limit window disappears without a request", async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), "civic-scheduled-")), "db.sqlite");
    // Another connection to the same file (migrated on open) writes the row before the host starts.
    const other = openSqlite(databasePath);
    await other.db.insert(rateLimits).values({ bucket: "ended", windowStart: Math.floor(Date.now() / 1000) - 2 * 86_400, hits: 1 });
    const server = await startNodeServer({ databasePath, env: { DEV_LOGIN: "1", LOG_LEVEL: "silent" }, dispatchIntervalMs: 50 });
    try {
      const deadline = Date.now() + 5000;
      while ((await other.db.select().from(rateLimits)).length > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await other.db.select().from(rateLimits)).toEqual([]);
    } finally {
      other.sqlite.close();
      await server.close();
    }
  });
});
