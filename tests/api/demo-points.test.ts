import { seedDemoPointsIfEmpty } from "@civic/api/seed/demo-points";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, loginAs } from "../contract/harness";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

/* The points demo (what `pnpm start` seeds): rates v1 and residents with balances and weigh-in histories. */
let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});

const NOW = new Date("2026-12-01T02:00:00.000Z");

describe("points demo data", () => {
  it("seeds rate version 1 and demo residents whose balance is the sum of their weigh-ins by demo-collector", async () => {
    const node = createNodeHarness(wechat, { nearbyInMemory: false });
    const h = node.harness;
    h.setNow(NOW.toISOString());
    expect(await seedDemoPointsIfEmpty(node.db, node.atomic, NOW)).toBeGreaterThan(10);
    expect(await seedDemoPointsIfEmpty(node.db, node.atomic, NOW)).toBe(0);
    const admin = await loginAs(h, "demo-points-admin", "admin");
    expect((await call(h, "GET", "/api/v1/admin/points/rates", { token: admin.token })).json.version).toBe(1);
    const resident = await loginAs(h, "demo-resident");
    const me = (await call(h, "GET", "/api/v1/points/me", { token: resident.token })).json;
    const history = (await call(h, "GET", "/api/v1/points/me/history", { token: resident.token })).json.items as {
      amount: number;
      rule: string;
    }[];
    expect(me.balance).toBeGreaterThan(0);
    expect(history.length).toBeGreaterThan(3);
    expect(history[0]?.rule).toContain("第1版费率");
    const collector = await loginAs(h, "demo-collector", "collector");
    expect((await call(h, "GET", "/api/v1/points/weigh-ins/mine", { token: collector.token })).status).toBe(200);
  });
});
