import { pointsEntries, sortingChecks } from "@civic/api/db/schema";
import { seedDemoChecksIfEmpty } from "@civic/api/seed/demo-checks";
import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, loginAs } from "../contract/harness";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

/* The 小蜜蜂 demo: volunteers with their bin rooms and a month of checks, each correct one with its award. */
let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});

const NOW = new Date("2026-12-01T02:00:00.000Z");

describe("sorting checks demo data", () => {
  it("seeds volunteers, rooms and a month of checks with one award per correct check", async () => {
    const node = createNodeHarness(wechat, { nearbyInMemory: false });
    node.harness.setNow(NOW.toISOString());
    const added = await seedDemoChecksIfEmpty(node.db, node.atomic, NOW);
    expect(added).toBeGreaterThan(100);
    expect(await seedDemoChecksIfEmpty(node.db, node.atomic, NOW)).toBe(0);
    const checks = await node.db.select().from(sortingChecks);
    const awards = await node.db.select().from(pointsEntries).where(like(pointsEntries.sourceKey, "check:%"));
    expect(awards).toHaveLength(checks.filter((c) => c.correct).length);
    expect(new Set(checks.map((c) => c.month))).toEqual(new Set(["2026-11"]));

    const volunteer = await loginAs(node.harness, "demo-volunteer");
    const rooms = await call(node.harness, "GET", "/api/v1/volunteer/bin-rooms", { token: volunteer.token });
    expect(rooms.status).toBe(200);
    expect(rooms.json.rooms.length).toBeGreaterThan(0);
  });
});
