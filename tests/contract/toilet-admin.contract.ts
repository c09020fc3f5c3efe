import { distanceMetres, wgs84ToGcj02 } from "@civic/shared";
import { describe, expect, it } from "vitest";
import { createToilets, GUANQIAN, nearbyPath, toilet } from "./fixtures";
import { call, expectEnvelope, type GetHarness, loginAs } from "./harness";

type Summary = { id: string; name: string; distanceM: number; openNow: string; accessible: boolean };

export function registerToiletAdminContract(getHarness: GetHarness) {
  describe("finders: the admin's toilet catalogue", () => {
    it("an admin creates, updates and deactivates a toilet; the public stops seeing it; the audit keeps old values", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "catalogue-admin", "admin");
      const [id] = await createToilets(h, [toilet({ name: "平江路公厕", ...GUANQIAN })], admin.token);
      const patched = await call(h, "PATCH", `/api/v1/admin/toilets/${id}`, {
        token: admin.token,
        body: { accessible: true, name: "平江路1号公厕" },
      });
      expect(patched.status).toBe(200);
      expect(patched.json.accessible).toBe(true);
      expect(patched.json.name).toBe("平江路1号公厕");
      expect(patched.json).toMatchObject({ stalls: 8, street: "平江街道", managingUnit: "姑苏区环境卫生管理所" });
      const bad = await call(h, "PATCH", `/api/v1/admin/toilets/${id}`, { token: admin.token, body: { lat: 200 } });
      expect(bad.status).toBe(422);
      const deactivated = await call(h, "POST", `/api/v1/admin/toilets/${id}/deactivate`, {
        token: admin.token,
        body: { reason: "demolished for road works" },
      });
      expect(deactivated.status).toBe(200);
      expect(deactivated.json.active).toBe(false);
      expect(deactivated.json.deactivatedReason).toBe("demolished for road works");
      expect(
        (await call(h, "POST", `/api/v1/admin/toilets/${id}/deactivate`, { token: admin.token, body: { reason: "again please" } })).status,
      ).toBe(409);
      expect((await call(h, "GET", nearbyPath(GUANQIAN))).json.toilets).toHaveLength(0);
      expect((await call(h, "GET", `/api/v1/toilets/${id}`)).status).toBe(404);
      expect((await call(h, "GET", `/api/v1/toilets/${id}`, { token: admin.token })).json.active).toBe(false);
      const audit = await call(h, "GET", `/api/v1/admin/audit?targetType=toilet&targetId=${id}`, { token: admin.token });
      expect(audit.json.entries.map((e: { action: string }) => e.action)).toEqual(["toilet.deactivate", "toilet.update", "toilet.create"]);
      expect(audit.json.entries[1].detail.previous).toEqual({ accessible: false, name: "平江路公厕" });
    });

    it("only admins write the catalogue", async () => {
      const h = getHarness();
      const mod = await loginAs(h, "cat-mod", "moderator");
      const body = toilet({ name: "x", ...GUANQIAN });
      expect((await call(h, "POST", "/api/v1/admin/toilets", { body })).status).toBe(401);
      expect((await call(h, "POST", "/api/v1/admin/toilets", { token: mod.token, body })).status).toBe(403);
      const admin = await loginAs(h, "cat-admin", "admin");
      expect((await call(h, "PATCH", "/api/v1/admin/toilets/nope", { token: admin.token, body: { free: false } })).status).toBe(404);
    });

    it("imports CSV with every row or none, reporting row-level errors", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "import-admin", "admin");
      const header = "name,address,district,street,lat,lng,kind,hours,free,accessible,thirdToilet,babyCare,stalls,sourceRef";
      const good = [
        header,
        `观前街公厕,姑苏区观前街10号,姑苏区,平江街道,${GUANQIAN.lat},${GUANQIAN.lng},municipal,24h,true,true,false,false,6,gq-1`,
        `"十全街公厕, 南段",姑苏区十全街5号,姑苏区,双塔街道,31.2985,120.6315,municipal,06:00-22:00|06:00-22:00|06:00-22:00|06:00-22:00|06:00-22:00|closed|closed,yes,no,no,no,4,gq-2`,
      ].join("\n");
      const bad = [
        header,
        `ok row,姑苏区某路1号,姑苏区,平江街道,31.30,120.62,municipal,24h,true,true,false,false,6,bad-1`,
        `,姑苏区某路2号,姑苏区,平江街道,31.30,120.62,municipal,24h,true,true,false,false,6,bad-2`,
        `lat wrong,姑苏区某路3号,姑苏区,平江街道,north,120.62,municipal,24h,true,true,false,false,6,bad-3`,
        `hours wrong,姑苏区某路4号,姑苏区,平江街道,31.30,120.62,municipal,6am-10pm,true,true,false,false,6,bad-4`,
      ].join("\n");
      const rejected = await call(h, "POST", "/api/v1/admin/toilets/import", { token: admin.token, body: { format: "csv", content: bad } });
      expect(rejected.status).toBe(422);
      const rows = (rejected.json.error.details as { row: number; field: string }[]).map((d) => `${d.row}:${d.field}`);
      expect(rows).toEqual(["3:name", "4:lat", "5:hours"]);
      expect((await call(h, "GET", nearbyPath({ lat: 31.3, lng: 120.62 }))).json.toilets).toHaveLength(0);

      const imported = await call(h, "POST", "/api/v1/admin/toilets/import", {
        token: admin.token,
        body: { format: "csv", content: good },
      });
      expect(imported.status).toBe(200);
      expect(imported.json).toEqual({ imported: 2, created: 2, updated: 0 });
      const again = await call(h, "POST", "/api/v1/admin/toilets/import", {
        token: admin.token,
        body: { format: "csv", content: good.replace("观前街公厕", "观前街公厕（新）") },
      });
      expect(again.json).toEqual({ imported: 2, created: 0, updated: 2 });
      const list = (await call(h, "GET", nearbyPath(GUANQIAN, "&radius=3000"))).json.toilets as Summary[];
      expect(list.map((t) => t.name)).toEqual(["观前街公厕（新）", "十全街公厕, 南段"]);
    });

    it("imports GeoJSON in WGS-84, converting to GCJ-02; a bad feature rejects the whole file", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "geo-admin", "admin");
      const feature = (lng: number, lat: number, name: string) => ({
        type: "Feature",
        geometry: { type: "Point", coordinates: [lng, lat] },
        properties: {
          name,
          address: "姑苏区人民路1号",
          district: "姑苏区",
          kind: "park",
          hours: "06:00-18:00",
          free: true,
          accessible: true,
          thirdToilet: false,
          babyCare: false,
        },
      });
      // Roughly GUANQIAN's WGS-84 position: GCJ-02 shifts Suzhou about 200 m south and 430 m east.
      const wgs = { lat: GUANQIAN.lat + 0.002, lng: GUANQIAN.lng - 0.0045 };
      const broken = {
        type: "FeatureCollection",
        features: [feature(wgs.lng, wgs.lat, "ok"), { type: "Feature", geometry: { type: "LineString", coordinates: [] }, properties: {} }],
      };
      const rejected = await call(h, "POST", "/api/v1/admin/toilets/import", {
        token: admin.token,
        body: { format: "geojson", coordinates: "wgs84", content: JSON.stringify(broken) },
      });
      expect(rejected.status).toBe(422);
      expect(rejected.json.error.details[0]).toMatchObject({ row: 2, field: "geometry" });
      const good = { type: "FeatureCollection", features: [feature(wgs.lng, wgs.lat, "桃花坞公园公厕")] };
      const res = await call(h, "POST", "/api/v1/admin/toilets/import", {
        token: admin.token,
        body: { format: "geojson", coordinates: "wgs84", content: JSON.stringify(good) },
      });
      expect(res.status).toBe(200);
      const [found] = (await call(h, "GET", nearbyPath(GUANQIAN, "&radius=2000"))).json.toilets as (Summary & {
        lat: number;
        lng: number;
      })[];
      expect(found?.name).toBe("桃花坞公园公厕");
      // Stored in GCJ-02: the shifted point, hundreds of metres from the WGS-84 input.
      const expected = wgs84ToGcj02(wgs);
      expect(distanceMetres(found as Summary & { lat: number; lng: number }, expected)).toBeLessThan(0.5);
      expect(distanceMetres(found as Summary & { lat: number; lng: number }, wgs)).toBeGreaterThan(300);
      const notJson = await call(h, "POST", "/api/v1/admin/toilets/import", {
        token: admin.token,
        body: { format: "geojson", content: "{nope" },
      });
      expect(notJson.status).toBe(422);
    });
  });

  describe("finders: residents report a closed toilet or wrong information", () => {
    it("a resident reports; an admin sees and resolves it; it cannot be resolved twice", async () => {
      const h = getHarness();
      const [id] = await createToilets(h, [toilet({ name: "报告测试公厕", ...GUANQIAN })]);
      expect((await call(h, "POST", `/api/v1/toilets/${id}/feedback`, { body: { kind: "closed" } })).status).toBe(401);
      const resident = await loginAs(h, "reporter-1");
      const sent = await call(h, "POST", `/api/v1/toilets/${id}/feedback`, {
        token: resident.token,
        body: { kind: "closed", note: "门锁着，贴了装修通知" },
      });
      expect(sent.status).toBe(201);
      expect(sent.json).toMatchObject({ toiletId: id, toiletName: "报告测试公厕", kind: "closed", status: "open" });
      expect((await call(h, "GET", "/api/v1/admin/toilet-feedback", { token: resident.token })).status).toBe(403);
      const admin = await loginAs(h, "fb-admin", "admin");
      const open = await call(h, "GET", "/api/v1/admin/toilet-feedback", { token: admin.token });
      expect(open.json.feedback.map((f: { id: string }) => f.id)).toEqual([sent.json.id]);
      expect(JSON.stringify(open.json)).not.toContain(resident.user.id);
      const resolved = await call(h, "POST", `/api/v1/admin/toilet-feedback/${sent.json.id}/resolve`, {
        token: admin.token,
        body: { note: "已核实，装修至12月" },
      });
      expect(resolved.status).toBe(200);
      expect(resolved.json.status).toBe("resolved");
      expect(
        (await call(h, "POST", `/api/v1/admin/toilet-feedback/${sent.json.id}/resolve`, { token: admin.token, body: { note: "again" } }))
          .status,
      ).toBe(409);
      expect((await call(h, "GET", "/api/v1/admin/toilet-feedback", { token: admin.token })).json.feedback).toHaveLength(0);
    });

    it("bad feedback is rejected; unknown toilets are 404; floods are rate limited", async () => {
      const h = getHarness();
      h.setNow("2026-11-26T02:00:00.000Z");
      const [id] = await createToilets(h, [toilet({ name: "限流公厕", ...GUANQIAN })]);
      const resident = await loginAs(h, "flooder");
      expect((await call(h, "POST", `/api/v1/toilets/${id}/feedback`, { token: resident.token, body: { kind: "haunted" } })).status).toBe(
        422,
      );
      expect((await call(h, "POST", "/api/v1/toilets/nope/feedback", { token: resident.token, body: { kind: "closed" } })).status).toBe(
        404,
      );
      for (let i = 0; i < 10; i++) {
        expect((await call(h, "POST", `/api/v1/toilets/${id}/feedback`, { token: resident.token, body: { kind: "dirty" } })).status).toBe(
          201,
        );
      }
      const limited = await call(h, "POST", `/api/v1/toilets/${id}/feedback`, { token: resident.token, body: { kind: "dirty" } });
      expect(limited.status).toBe(429);
      expectEnvelope(limited, "rate_limited");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      h.setNow("2026-11-26T03:00:01.000Z");
      expect((await call(h, "POST", `/api/v1/toilets/${id}/feedback`, { token: resident.token, body: { kind: "dirty" } })).status).toBe(
        201,
      );
    });
  });
}
