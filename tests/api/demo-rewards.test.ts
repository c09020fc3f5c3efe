import { DEMO_REWARDS_RESIDENT_OPENID, seedDemoRewardsIfEmpty } from "@civic/api/seed/demo-rewards";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, loginAs } from "../contract/harness";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

/* The rewards demo (what `pnpm start` seeds): rewards on offer, one nearly gone, and a resident's redemptions. */
let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});

const NOW = new Date("2026-12-01T02:00:00.000Z");

describe("rewards demo data", () => {
  it("seeds eight rewards (seven on offer, one nearly out of stock) and a resident with points and two redemptions", async () => {
    const node = createNodeHarness(wechat, { nearbyInMemory: false });
    const h = node.harness;
    h.setNow(NOW.toISOString());
    expect(await seedDemoRewardsIfEmpty(node.db, node.atomic, NOW)).toBe(8);
    expect(await seedDemoRewardsIfEmpty(node.db, node.atomic, NOW)).toBe(0);
    const me = await loginAs(h, DEMO_REWARDS_RESIDENT_OPENID.replace(/^dev:/, ""));
    const list = await call(h, "GET", "/api/v1/rewards", { token: me.token });
    expect(list.status).toBe(200);
    expect(list.json.rewards).toHaveLength(7);
    expect(list.json.balance).toBe(1050 - 50 - 500);
    expect(list.json.rewards.some((r: { stockLeft: number }) => r.stockLeft === 2)).toBe(true);
    const mine = await call(h, "GET", "/api/v1/rewards/redemptions/mine", { token: me.token });
    expect(mine.json.redemptions.map((r: { status: string }) => r.status).sort()).toEqual(["collected", "reserved"]);
  });
});
