import { everyDay } from "@civic/shared";
import { describe, expect, it } from "vitest";
import { createToilets, GUANQIAN, nearbyPath, offset, toilet } from "./fixtures";
import { call, expectEnvelope, type GetHarness } from "./harness";

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
      expect(await names("&free=0&accessible=false")).toHaveLength(3);
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
        "/api/v1/toilets/nearby?lat=31.3&lng=120.6&free=",
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
}
