import { seedDemoCommunitiesIfEmpty } from "@civic/api/seed/demo-communities";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, loginAs } from "../contract/harness";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

/* The 星级小区 demo (what `pnpm start` seeds): communities with stars, a ranking, trends, volunteers. */
let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});

const NOW = new Date("2026-12-01T02:00:00.000Z");

describe("communities demo data", () => {
  it("seeds 20 communities with three published months, a ranking, the demo resident's community and volunteers", async () => {
    const node = createNodeHarness(wechat, { nearbyInMemory: false });
    const h = node.harness;
    h.setNow(NOW.toISOString());
    expect(await seedDemoCommunitiesIfEmpty(node.db, node.atomic, NOW)).toBe(20);
    expect(await seedDemoCommunitiesIfEmpty(node.db, node.atomic, NOW)).toBe(0);

    const ranking = await call(h, "GET", "/api/v1/communities/ranking");
    expect(ranking.json.month).toBe("2026-11");
    expect(ranking.json.publishedMonths).toEqual(["2026-11", "2026-10", "2026-09"]);
    expect(ranking.json.entries).toHaveLength(20);
    expect(new Set(ranking.json.entries.map((e: { stars: number }) => e.stars)).size).toBeGreaterThanOrEqual(3);

    const resident = await loginAs(h, "demo-resident");
    const mine = await call(h, "GET", "/api/v1/communities/mine", { token: resident.token });
    expect(mine.json.community.name).toBe("狮山花园");
    expect(mine.json.community.trend).toHaveLength(3);

    const volunteer = await loginAs(h, "demo-volunteer");
    expect(volunteer.user.roles).toContain("volunteer");
    const admin = await loginAs(h, "demo-communities-admin", "admin");
    const first = await call(h, "GET", `/api/v1/communities?q=${encodeURIComponent("狮山花园")}`);
    const detail = await call(h, "GET", `/api/v1/admin/communities/${first.json.communities[0].id}`, { token: admin.token });
    expect(detail.json.volunteers.map((v: { nickname: string }) => v.nickname)).toEqual(["小蜜蜂志愿者王阿姨"]);
    expect(detail.json.binRooms).toHaveLength(3);
    expect(detail.json.households).toBe(15);
    // The current month is a draft with nothing inspected yet.
    const draft = await call(h, "GET", "/api/v1/admin/communities/months/2026-12", { token: admin.token });
    expect(draft.json.rows.every((r: { unratable: string }) => r.unratable === "no_inspection")).toBe(true);
  });
});
