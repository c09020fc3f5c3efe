import { SUZHOU_CITY } from "@civic/shared";
import { describe, expect, it } from "vitest";
import { GUANQIAN, toilet } from "./fixtures";
import { call, expectEnvelope, type GetHarness, loginAs } from "./harness";
import { createCategories, fileReport, staffActs } from "./report-fixtures";

/* The configured city (shared/src/city) as the one list of districts behind reports, the queue and KPIs. */

const OFFICIAL_NAMES = SUZHOU_CITY.districts.map((d) => d.name);
const CODES = SUZHOU_CITY.districts.map((d) => d.code);

export function registerCityDistrictsContract(getHarness: GetHarness) {
  describe("districts from the configured city", () => {
    it("files each report in the district its point lies in, and the queue and KPIs name districts only from the one list", async () => {
      const h = getHarness();
      h.setNow("2026-11-03T00:00:00.000Z");
      await createCategories(h);
      const resident = await loginAs(h, "city-resident");
      const mod = await loginAs(h, "city-mod", "moderator");
      const gusu = await fileReport(h, resident.token, { location: GUANQIAN });
      const sip = await fileReport(h, resident.token, { location: { lat: 31.318, lng: 120.72 }, address: "金鸡湖东岸" });
      const mudu = await fileReport(h, resident.token, { location: { lat: 31.263, lng: 120.513 }, address: "木渎古镇" });
      expect([gusu.district, sip.district, mudu.district]).toEqual(["姑苏区", "苏州工业园区", "吴中区"]);

      const queue = await call(h, "GET", "/api/v1/moderation/reports", { token: mod.token });
      expect(queue.json.reports).toHaveLength(3);
      for (const item of queue.json.reports) expect(OFFICIAL_NAMES).toContain(item.district);

      for (const id of [gusu.id, sip.id, mudu.id]) await staffActs(h, mod.token, id, [["accept", {}]]);
      const kpis = await call(h, "GET", "/api/v1/moderation/kpis?from=2026-11-01&to=2026-11-30&groupBy=district", { token: mod.token });
      expect(kpis.status).toBe(200);
      const groups = kpis.json.groups as { key: string; label: string }[];
      expect(groups).toHaveLength(3);
      for (const g of groups) {
        expect(CODES).toContain(g.key);
        expect(g.label).toBe(SUZHOU_CITY.districts.find((d) => d.code === g.key)?.name);
      }
    });

    it("filters the queue by a district's code, official name or short name alike, and refuses a district the city does not have", async () => {
      const h = getHarness();
      h.setNow("2026-11-03T00:00:00.000Z");
      await createCategories(h);
      const resident = await loginAs(h, "filter-resident");
      const mod = await loginAs(h, "filter-mod", "moderator");
      await fileReport(h, resident.token, { location: GUANQIAN });
      const sip = await fileReport(h, resident.token, { location: { lat: 31.318, lng: 120.72 }, address: "金鸡湖东岸" });
      const ids = async (district: string) =>
        (
          await call(h, "GET", `/api/v1/moderation/reports?district=${encodeURIComponent(district)}`, { token: mod.token })
        ).json.reports.map((r: { id: string }) => r.id);
      expect(await ids("320571")).toEqual([sip.id]);
      expect(await ids("苏州工业园区")).toEqual([sip.id]);
      expect(await ids("工业园区")).toEqual([sip.id]);
      const unknown = await call(h, "GET", `/api/v1/moderation/reports?district=${encodeURIComponent("火星区")}`, { token: mod.token });
      expect(unknown.status).toBe(400);
      expectEnvelope(unknown, "bad_request");
    });

    it("accepts a toilet only in a district of the configured city, by its official name", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "city-admin", "admin");
      const at = { lat: 31.318, lng: 120.72 };
      const official = await call(h, "POST", "/api/v1/admin/toilets", {
        token: admin.token,
        body: toilet({ name: "金鸡湖公厕", ...at, district: "苏州工业园区" }),
      });
      expect(official.status).toBe(201);
      for (const district of ["工业园区", "火星区"]) {
        const refused = await call(h, "POST", "/api/v1/admin/toilets", {
          token: admin.token,
          body: toilet({ name: "别处公厕", ...at, district }),
        });
        expect(refused.status, district).toBe(422);
        expectEnvelope(refused, "validation_failed");
      }
    });

    it("puts a point just outside the simplified boundaries in the nearest district rather than in none", async () => {
      const h = getHarness();
      h.setNow("2026-11-03T00:00:00.000Z");
      await createCategories(h);
      const resident = await loginAs(h, "edge-resident");
      // In Shanghai's Jiading, a few kilometres past Taicang's edge.
      const report = await fileReport(h, resident.token, { location: { lat: 31.38, lng: 121.25 }, address: "城市边缘" });
      expect(report.district).toBe("太仓市");
    });
  });
}
