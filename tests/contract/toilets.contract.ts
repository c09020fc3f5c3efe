import { distanceMetres, everyDay, wgs84ToGcj02 } from "@civic/shared";
import { describe, expect, it } from "vitest";
import { createToilets, GUANQIAN, nearbyPath, offset, toilet } from "./fixtures";
import { call, expectEnvelope, type GetHarness, loginAs } from "./harness";

type Summary = { id: string; name: string; distanceM: number; openNow: string; accessible: boolean };

export function registerToiletsContract(getHarness: GetHarness) {
  describe("finders: nearby public toilets", () => {
    it("lists toilets within the radius, nearest first, with distance and open-now", async () => {
      const h = getHarness();
      h.setNow("2026-11-26T04:00:00.000Z"); // Thursday 12:00 in Suzhou
      await createToilets(h, [
        toilet({ name: "far-300", ...offset(GUANQIAN, 300, 0) }),
        toilet({ name: "near-50", ...offset(GUANQIAN, 0, 50) }),
        toilet({ name: "mid-150", ...offset(GUANQIAN, -150, 0), hours: { kind: "unknown" } }),
        toilet({ name: "outside-1200", ...offset(GUANQIAN, 1200, 0) }),
      ]);
      const res = await call(h, "GET", nearbyPath(GUANQIAN, "&radius=1000"));
      expect(res.status).toBe(200);
      const list = res.json.toilets as Summary[];
      expect(list.map((t) => t.name)).toEqual(["near-50", "mid-150", "far-300"]);
      expect(list.map((t) => t.distanceM)).toEqual([50, 150, 300]);
      expect(list.map((t) => t.openNow)).toEqual(["open", "unknown", "open"]);
      const limited = await call(h, "GET", nearbyPath(GUANQIAN, "&radius=1000&limit=2"));
      expect(limited.json.toilets).toHaveLength(2);
    });

    it("finds toilets across latitude-band and bounding-box edges, up to a 5 km radius", async () => {
      const h = getHarness();
      // Centre just north of a band boundary (31.30); toilets on both sides and at the box's east edge.
      const centre = { lat: 31.30004, lng: 120.62 };
      await createToilets(h, [
        toilet({ name: "south-of-edge", ...offset(centre, -60, 0) }),
        toilet({ name: "north-of-edge", ...offset(centre, 60, 0) }),
        toilet({ name: "east-4990", ...offset(centre, 0, 4990) }),
        toilet({ name: "west-5010", ...offset(centre, 0, -5010) }),
        toilet({ name: "north-4995", ...offset(centre, 4995, 0) }),
      ]);
      const res = await call(h, "GET", nearbyPath(centre, "&radius=5000&limit=50"));
      const names = (res.json.toilets as Summary[]).map((t) => t.name);
      expect(names).toEqual(["south-of-edge", "north-of-edge", "east-4990", "north-4995"]);
      const tooFar = await call(h, "GET", nearbyPath(centre, "&radius=5001"));
      expect(tooFar.status).toBe(400);
      expectEnvelope(tooFar, "bad_request");
    });

    it("filters by open now, free, accessible, baby-care room, family toilet and kind", async () => {
      const h = getHarness();
      h.setNow("2026-11-26T15:30:00.000Z"); // Thursday 23:30 in Suzhou
      await createToilets(h, [
        toilet({ name: "night-owl", ...offset(GUANQIAN, 10, 0), hours: everyDay({ open: "18:00", close: "02:00" }), accessible: true }),
        toilet({
          name: "day-only",
          ...offset(GUANQIAN, 20, 0),
          hours: everyDay({ open: "06:00", close: "22:00" }),
          accessible: true,
          babyCare: true,
        }),
        toilet({
          name: "paid-family",
          ...offset(GUANQIAN, 30, 0),
          hours: { kind: "always" },
          free: false,
          thirdToilet: true,
          kind: "mall",
        }),
      ]);
      const names = async (q: string) => ((await call(h, "GET", nearbyPath(GUANQIAN, q))).json.toilets as Summary[]).map((t) => t.name);
      expect(await names("&openNow=true")).toEqual(["night-owl", "paid-family"]);
      expect(await names("&accessible=true")).toEqual(["night-owl", "day-only"]);
      expect(await names("&accessible=1&openNow=1")).toEqual(["night-owl"]);
      expect(await names("&free=true")).toEqual(["night-owl", "day-only"]);
      expect(await names("&babyCare=true")).toEqual(["day-only"]);
      expect(await names("&thirdToilet=true")).toEqual(["paid-family"]);
      expect(await names("&kind=mall")).toEqual(["paid-family"]);
      expect(await names("&openNow=false")).toHaveLength(3);
      h.setNow("2026-11-26T17:30:00.000Z"); // Friday 01:30: still open from Thursday evening
      expect(await names("&openNow=true")).toEqual(["night-owl", "paid-family"]);
      h.setNow("2026-11-26T18:30:00.000Z"); // Friday 02:30: closed
      expect(await names("&openNow=true")).toEqual(["paid-family"]);
    });

    it("rejects bad queries with 400 in the envelope", async () => {
      const h = getHarness();
      for (const q of [
        "/api/v1/toilets/nearby",
        "/api/v1/toilets/nearby?lat=abc&lng=120.6",
        "/api/v1/toilets/nearby?lat=95&lng=120.6",
        "/api/v1/toilets/nearby?lat=31.3&lng=120.6&limit=0",
        "/api/v1/toilets/nearby?lat=31.3&lng=120.6&limit=51",
        "/api/v1/toilets/nearby?lat=31.3&lng=120.6&accessible=maybe",
        "/api/v1/toilets/nearby?lat=31.3&lng=120.6&kind=castle",
      ]) {
        const res = await call(h, "GET", q);
        expect(res.status, q).toBe(400);
        expectEnvelope(res, "bad_request");
      }
    });

    it("shows one toilet's weekly hours; unknown ids are 404", async () => {
      const h = getHarness();
      h.setNow("2026-11-30T01:00:00.000Z"); // Monday 09:00
      const hours = everyDay({ open: "09:00", close: "21:00" });
      if (hours.kind === "weekly") hours.days[0] = [];
      const [id] = await createToilets(h, [toilet({ name: "closed-mondays", ...GUANQIAN, hours, babyCare: true })]);
      const res = await call(h, "GET", `/api/v1/toilets/${id}`);
      expect(res.status).toBe(200);
      expect(res.json.name).toBe("closed-mondays");
      expect(res.json.hours.days[0]).toEqual([]);
      expect(res.json.hours.days[1]).toEqual([{ open: "09:00", close: "21:00" }]);
      expect(res.json.openNow).toBe("closed");
      expect(res.json.babyCare).toBe(true);
      const missing = await call(h, "GET", "/api/v1/toilets/01939b2c-0000-7000-8000-000000000000");
      expect(missing.status).toBe(404);
      expectEnvelope(missing, "not_found");
    });
  });

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
