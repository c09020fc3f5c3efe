import { DEMO_ZONES, seedDemoMarketsIfEmpty } from "@civic/api/seed/demo-markets";
import { MarketZoneInput, resolvePlace, SUZHOU_CITY, zoneCentre } from "@civic/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../contract/harness";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

/* The night-market demo (what `pnpm start` seeds): about 15 zones in Suzhou, some open across midnight, one suspension. */
let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});

// Friday 2026-12-04, 23:30 in Suzhou.
const FRIDAY_LATE = new Date("2026-12-04T15:30:00.000Z");

describe("night markets demo data", () => {
  it("every demo zone is valid and lies in the district it names", () => {
    expect(DEMO_ZONES.length).toBeGreaterThanOrEqual(15);
    for (const z of DEMO_ZONES) {
      const parsed = MarketZoneInput.parse(z);
      expect(resolvePlace(SUZHOU_CITY, zoneCentre(parsed.area))?.district.name, z.name).toBe(z.district);
    }
  });

  it("seeds once; late on a Friday 石路 is open past midnight and nearby lists zones with their state", async () => {
    const node = createNodeHarness(wechat, { nearbyInMemory: false });
    const h = node.harness;
    h.setNow(FRIDAY_LATE.toISOString());
    expect(await seedDemoMarketsIfEmpty(node.db, node.atomic, FRIDAY_LATE)).toBe(DEMO_ZONES.length);
    expect(await seedDemoMarketsIfEmpty(node.db, node.atomic, FRIDAY_LATE)).toBe(0);
    const res = await call(h, "GET", "/api/v1/night-markets/nearby?lat=31.3165&lng=120.5985&radius=3000&when=now");
    expect(res.status).toBe(200);
    const names = (res.json.zones as { name: string; status: { text: string } }[]).map((z) => z.name);
    expect(names[0]).toBe("石路夜市");
    expect(res.json.zones[0].status.text).toBe("还有 1 小时 30 分钟收摊");
    const detail = await call(h, "GET", `/api/v1/night-markets/${res.json.zones[0].id}`);
    expect(detail.json.upcomingSuspensions).toHaveLength(1);
  });
});
