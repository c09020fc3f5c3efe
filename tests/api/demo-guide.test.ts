import { seedDemoGuideIfEmpty } from "@civic/api/seed/demo-guide";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, loginAs } from "../contract/harness";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

/* The guide's demo: pending suggestions for the admin page, one accepted into the guide, one declined. */
let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});

const NOW = new Date("2026-12-01T02:00:00.000Z");

describe("guide demo data", () => {
  it("seeds suggestions the admin can work and an added item the guide serves, once", async () => {
    const node = createNodeHarness(wechat, { nearbyInMemory: false });
    const h = node.harness;
    h.setNow(NOW.toISOString());
    expect(await seedDemoGuideIfEmpty(node.db, node.atomic, NOW)).toBe(6);
    expect(await seedDemoGuideIfEmpty(node.db, node.atomic, NOW)).toBe(0);
    const admin = await loginAs(h, "demo-guide-admin", "admin");
    const pending = await call(h, "GET", "/api/v1/admin/guide/suggestions", { token: admin.token });
    expect(pending.json.suggestions.map((s: { name: string }) => s.name)).toEqual(["猫抓板", "硅藻泥地垫", "旧蒸笼", "宠物尿袋"]);
    const declined = await call(h, "GET", "/api/v1/admin/guide/suggestions?status=declined", { token: admin.token });
    expect(declined.json.suggestions).toHaveLength(1);
    const search = await call(h, "GET", `/api/v1/guide/search?q=${encodeURIComponent("猫砂盆")}`);
    expect(search.json.hits[0].item).toMatchObject({ name: "猫砂盆", class: "recyclable" });
    const first = pending.json.suggestions[0];
    const accepted = await call(h, "POST", `/api/v1/admin/guide/suggestions/${first.id}/resolve`, {
      token: admin.token,
      body: { decision: "accept", version: first.version, class: "recyclable", howTo: "压平后投放" },
    });
    expect(accepted.status).toBe(200);
  });
});
