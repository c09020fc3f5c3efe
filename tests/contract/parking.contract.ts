import { feedRequestHeaders } from "@civic/shared";
import { describe, expect, it } from "vitest";
import { offset } from "./fixtures";
import { call, expectEnvelope, type GetHarness } from "./harness";
import { lot, nearbyParkingPath, PARKING_CENTRE, parkingWorld, pushFeed, SHARED_WINDOWS } from "./parking-fixtures";

type Live = { free: number | null; total: number | null; status: string; observedAt: string | null; fresh: boolean; band: string };
type Summary = { id: string; name: string; distanceM: number; openNow: string; live: Live };

const T0 = "2026-11-26T04:00:00.000Z"; // Thursday 12:00 in Suzhou
const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

export function registerParkingContract(getHarness: GetHarness) {
  describe("parking: the signed operator feed", () => {
    it("a signed batch sets live status that nearby and detail show with its age", async () => {
      const h = getHarness();
      h.setNow(T0);
      const w = await parkingWorld(h, [lot({ name: "观前地下", ...offset(PARKING_CENTRE, 0, 50) })]);
      const lotId = w.lotIds[0] as string;
      const res = await pushFeed(h, w.key, [{ lotId, free: 23, status: "open", observedAt: at(T0, -3) }], T0);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ applied: 1, outdated: [], rejected: [] });
      const near = await call(h, "GET", nearbyParkingPath(PARKING_CENTRE));
      expect(near.status).toBe(200);
      const [first] = near.json.lots as Summary[];
      expect(first?.live).toEqual({ free: 23, total: 200, status: "open", observedAt: at(T0, -3), fresh: true, band: "many" });
      expect(near.json.asOf).toBe(T0);
      const detail = await call(h, "GET", `/api/v1/parking/lots/${lotId}`);
      expect(detail.json.live.free).toBe(23);
      expect(detail.json.source).toEqual({ operatorId: w.operatorId, operatorName: "姑苏停车", kind: "push", licence: "CC BY 4.0" });
      expect(detail.json.last24h).toHaveLength(24);
    });

    it("refuses unsigned, badly signed, skewed, replayed and revoked-key requests", async () => {
      const h = getHarness();
      h.setNow(T0);
      const w = await parkingWorld(h, [lot({ name: "观前地下", ...offset(PARKING_CENTRE, 0, 50) })]);
      const rows = [{ lotId: w.lotIds[0], free: 5, status: "open", observedAt: T0 }];
      const unsigned = await call(h, "POST", "/api/v1/feeds/parking", { body: { rows } });
      expect(unsigned.status).toBe(401);
      expectEnvelope(unsigned, "unauthorized");
      const forged = await pushFeed(h, { keyId: w.key.keyId, secret: "not-the-secret" }, rows, T0);
      expect(forged.status).toBe(401);
      expect(forged.json.error.details.reason).toBe("bad_signature");
      // Signed for one body, sent with another.
      const signedFor = await signedHeaders(w.key, JSON.stringify({ rows }), T0);
      const tampered = await call(h, "POST", "/api/v1/feeds/parking", { body: { rows: [{ ...rows[0], free: 6 }] }, headers: signedFor });
      expect(tampered.status).toBe(401);
      expect(tampered.json.error.details.reason).toBe("bad_signature");
      const early = await pushFeed(h, w.key, rows, at(T0, -6));
      expect(early.status).toBe(401);
      expect(early.json.error.details.reason).toBe("clock_skew");
      const body = JSON.stringify({ rows: [{ ...rows[0], observedAt: at(T0, -1) }] });
      const once = await pushFeed(h, w.key, [], T0, { body });
      expect(once.status).toBe(200);
      const again = await h.request("/api/v1/feeds/parking", {
        method: "POST",
        body,
        headers: { "content-type": "application/json", ...(await signedHeaders(w.key, body, T0)) },
      });
      expect(again.status).toBe(409);
      expect(((await again.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe("replay");
      const revoke = await call(h, "POST", `/api/v1/admin/parking/operators/${w.operatorId}/keys/${w.key.keyId}/revoke`, {
        token: w.adminToken,
      });
      expect(revoke.json.status).toBe("revoked");
      const revoked = await pushFeed(h, w.key, rows, T0);
      expect(revoked.status).toBe(401);
      expect(revoked.json.error.details.reason).toBe("unknown_key");
      const unknown = await pushFeed(h, { keyId: "pk_nobody", secret: w.key.secret }, rows, T0);
      expect(unknown.status).toBe(401);
    });

    it("reports bad rows by index and reason and applies the rest", async () => {
      const h = getHarness();
      h.setNow(T0);
      const w = await parkingWorld(h, [
        lot({ name: "A", ...offset(PARKING_CENTRE, 0, 50), operatorLotId: "GS-001" }),
        lot({ name: "B", ...offset(PARKING_CENTRE, 0, 100) }),
      ]);
      const [a, b] = w.lotIds as [string, string];
      const res = await pushFeed(
        h,
        w.key,
        [
          { operatorLotId: "GS-001", free: 12, status: "open", observedAt: T0 },
          { lotId: w.otherLotId, free: 3, status: "open", observedAt: T0 },
          { lotId: b, free: 201, status: "open", observedAt: T0 },
          { lotId: b, free: 40, total: 30, status: "open", observedAt: T0 },
          { lotId: b, free: 10, total: 300, status: "open", observedAt: T0 },
          { lotId: b, free: 10, status: "full", observedAt: T0 },
          { lotId: b, free: 10, status: "open", observedAt: at(T0, 10) },
          "not a row",
          { lotId: b, free: 0, total: 150, status: "open", observedAt: at(T0, -1) },
        ],
        T0,
      );
      expect(res.status).toBe(200);
      expect(res.json.applied).toBe(2);
      expect(res.json.rejected.map((r: { index: number; reason: string }) => [r.index, r.reason])).toEqual([
        [1, "unknown_lot"],
        [2, "free_above_capacity"],
        [3, "free_above_capacity"],
        [4, "total_above_capacity"],
        [5, "invalid"],
        [6, "observed_in_future"],
        [7, "invalid"],
      ]);
      const detailA = await call(h, "GET", `/api/v1/parking/lots/${a}`);
      expect(detailA.json.live.free).toBe(12);
      const detailB = await call(h, "GET", `/api/v1/parking/lots/${b}`);
      expect(detailB.json.live).toMatchObject({ free: 0, total: 150, band: "full" });
      // Another operator's lot is untouched.
      expect((await call(h, "GET", `/api/v1/parking/lots/${w.otherLotId}`)).json.live.observedAt).toBeNull();
    });

    it("an out-of-order observation does not overwrite a newer one", async () => {
      const h = getHarness();
      h.setNow(T0);
      const w = await parkingWorld(h, [lot({ name: "A", ...offset(PARKING_CENTRE, 0, 50) })]);
      const lotId = w.lotIds[0] as string;
      await pushFeed(h, w.key, [{ lotId, free: 50, status: "open", observedAt: at(T0, -1) }], T0);
      const late = await pushFeed(h, w.key, [{ lotId, free: 90, status: "open", observedAt: at(T0, -5) }], at(T0, 0.1));
      expect(late.json).toEqual({ applied: 0, outdated: [0], rejected: [] });
      const detail = await call(h, "GET", `/api/v1/parking/lots/${lotId}`);
      expect(detail.json.live).toMatchObject({ free: 50, observedAt: at(T0, -1) });
      // Both observations are history: the chart's hour before T0 has two samples.
      expect(detail.json.last24h.at(-2).samples).toBe(2);
    });

    it("a live number turns unknown once its source's limit has passed, and a new limit applies at once", async () => {
      const h = getHarness();
      h.setNow(T0);
      const w = await parkingWorld(h, [lot({ name: "A", ...offset(PARKING_CENTRE, 0, 50) })]);
      const lotId = w.lotIds[0] as string;
      await pushFeed(h, w.key, [{ lotId, free: 8, status: "open", observedAt: T0 }], T0);
      const live = async () => ((await call(h, "GET", nearbyParkingPath(PARKING_CENTRE))).json.lots as Summary[])[0]?.live;
      h.setNow(at(T0, 10));
      expect(await live()).toMatchObject({ free: 8, fresh: true, band: "few" });
      h.setNow(at(T0, 10.5));
      expect(await live()).toEqual({ free: null, total: null, status: "unknown", observedAt: T0, fresh: false, band: "unknown" });
      expect((await call(h, "GET", `/api/v1/parking/lots/${lotId}`)).json.live.fresh).toBe(false);
      const sources = await call(h, "GET", "/api/v1/admin/parking/sources", { token: w.adminToken });
      const mine = sources.json.sources.find((s: { operatorId: string }) => s.operatorId === w.operatorId);
      expect(mine).toMatchObject({ state: "failing", lots: 1, rowsAccepted: 1, lastReportAt: T0 });
      const patch = await call(h, "PATCH", `/api/v1/admin/parking/operators/${w.operatorId}`, {
        token: w.adminToken,
        body: { freshnessMinutes: 20 },
      });
      expect(patch.status).toBe(200);
      expect(await live()).toMatchObject({ free: 8, fresh: true });
      const pull = await call(h, "PATCH", `/api/v1/admin/parking/operators/${w.operatorId}`, {
        token: w.adminToken,
        body: { kind: "pull", pullUrl: "https://data.example.org/parking.json" },
      });
      expect(pull.status).toBe(200);
      h.setNow(at(T0, 29));
      expect(await live()).toMatchObject({ fresh: true });
      h.setNow(at(T0, 31));
      expect(await live()).toMatchObject({ fresh: false, free: null });
    });

    it("counts errors per source and says active, failing or disabled", async () => {
      const h = getHarness();
      h.setNow(T0);
      const w = await parkingWorld(h, [lot({ name: "A", ...offset(PARKING_CENTRE, 0, 50) })]);
      await pushFeed(
        h,
        w.key,
        [
          { lotId: w.lotIds[0], free: 8, status: "open", observedAt: T0 },
          { lotId: "nope", free: 1, status: "open", observedAt: T0 },
        ],
        T0,
      );
      await pushFeed(h, w.key, [], T0, { headers: { "x-civic-signature": "0".repeat(64) } });
      await pushFeed(h, w.otherKey, [{ lotId: w.otherLotId, free: 1000, status: "open", observedAt: T0 }], T0);
      const res = await call(h, "GET", "/api/v1/admin/parking/sources", { token: w.adminToken });
      expect(res.status).toBe(200);
      const byId = new Map(res.json.sources.map((s: { operatorId: string }) => [s.operatorId, s]));
      expect(byId.get(w.operatorId)).toMatchObject({ state: "active", rowsAccepted: 1, rowsRejected: 1, requestsRefused: 1 });
      expect(byId.get(w.otherOperatorId)).toMatchObject({ state: "failing", rowsAccepted: 0, rowsRejected: 1, lastReportAt: null });
      await call(h, "PATCH", `/api/v1/admin/parking/operators/${w.otherOperatorId}`, { token: w.adminToken, body: { enabled: false } });
      const after = await call(h, "GET", "/api/v1/admin/parking/sources", { token: w.adminToken });
      expect(after.json.sources.find((s: { operatorId: string }) => s.operatorId === w.otherOperatorId).state).toBe("disabled");
      const refused = await pushFeed(h, w.otherKey, [{ lotId: w.otherLotId, free: 1, status: "open", observedAt: T0 }], T0);
      expect(refused.status).toBe(403);
    });

    it("a signed body that is not a batch is a 422, never a 500", async () => {
      const h = getHarness();
      h.setNow(T0);
      const w = await parkingWorld(h, []);
      for (const body of ["{", "[]", '{"rows":[]}', JSON.stringify({ rows: Array.from({ length: 1001 }, () => ({})) }), '{"rows":"x"}']) {
        const res = await pushFeed(h, w.key, [], T0, { body });
        expect([400, 422]).toContain(res.status);
        expect(typeof res.json.error.message).toBe("string");
      }
    });
  });

  describe("parking: nearby lots and details", () => {
    it("filters by open now, free spaces, charging, accessible and type", async () => {
      const h = getHarness();
      h.setNow("2026-11-26T15:30:00.000Z"); // Thursday 23:30 in Suzhou
      const now = "2026-11-26T15:30:00.000Z";
      const w = await parkingWorld(h, [
        lot({
          name: "school-shared",
          type: "shared",
          ...offset(PARKING_CENTRE, 0, 10),
          hours: SHARED_WINDOWS,
          capacity: { total: 60, disabled: 0, charging: 0, shared: 60 },
        }),
        lot({
          name: "mall-day",
          type: "garage",
          ...offset(PARKING_CENTRE, 0, 20),
          hours: { kind: "weekly", days: Array.from({ length: 7 }, () => [{ open: "08:00", close: "22:00" }]) },
        }),
        lot({
          name: "street-full",
          type: "street",
          ...offset(PARKING_CENTRE, 0, 30),
          capacity: { total: 20, disabled: 0, charging: 0, shared: 0 },
        }),
        lot({ name: "closed-report", ...offset(PARKING_CENTRE, 0, 40) }),
        lot({ name: "never-reported", ...offset(PARKING_CENTRE, 0, 50), capacity: { total: 100, disabled: 0, charging: 0, shared: 0 } }),
      ]);
      const [shared, mall, street, closed] = w.lotIds as [string, string, string, string];
      const ok = await pushFeed(
        h,
        w.key,
        [
          { lotId: shared, free: 30, status: "open", observedAt: now },
          { lotId: mall, free: 150, status: "open", observedAt: now },
          { lotId: street, free: 0, status: "open", observedAt: now },
          { lotId: closed, free: 100, status: "closed", observedAt: now },
        ],
        now,
      );
      expect(ok.json.applied).toBe(4);
      const names = async (q: string) =>
        ((await call(h, "GET", nearbyParkingPath(PARKING_CENTRE, q))).json.lots as Summary[]).map((l) => l.name);
      expect(await names("")).toEqual(["school-shared", "mall-day", "street-full", "closed-report", "never-reported"]);
      expect(await names("&openNow=true")).toEqual(["school-shared", "street-full", "never-reported"]);
      expect(await names("&hasFree=true")).toEqual(["school-shared", "mall-day"]);
      expect(await names("&hasFree=1&openNow=1")).toEqual(["school-shared"]);
      expect(await names("&charging=true")).toEqual(["mall-day", "closed-report"]);
      expect(await names("&accessible=true")).toEqual(["mall-day", "closed-report"]);
      expect(await names("&type=street")).toEqual(["street-full"]);
      const bands = ((await call(h, "GET", nearbyParkingPath(PARKING_CENTRE))).json.lots as Summary[]).map((l) => l.live.band);
      expect(bands).toEqual(["many", "many", "full", "full", "unknown"]);
      const bad = await call(h, "GET", nearbyParkingPath(PARKING_CENTRE, "&type=boat"));
      expect(bad.status).toBe(400);
      expectEnvelope(bad, "bad_request");
    });

    it("answers 404 for a lot that does not exist or is no longer active, except to admins", async () => {
      const h = getHarness();
      h.setNow(T0);
      const w = await parkingWorld(h, [lot({ name: "A", ...offset(PARKING_CENTRE, 0, 50) })]);
      const missing = await call(h, "GET", "/api/v1/parking/lots/0190f0f0-0000-7000-8000-000000000000");
      expect(missing.status).toBe(404);
      expectEnvelope(missing, "not_found");
      const lotId = w.lotIds[0] as string;
      const off = await call(h, "PATCH", `/api/v1/admin/parking/lots/${lotId}`, { token: w.adminToken, body: { active: false } });
      expect(off.status).toBe(200);
      expect((await call(h, "GET", `/api/v1/parking/lots/${lotId}`)).status).toBe(404);
      expect((await call(h, "GET", `/api/v1/parking/lots/${lotId}`, { token: w.adminToken })).status).toBe(200);
      expect((await call(h, "GET", nearbyParkingPath(PARKING_CENTRE))).json.lots).toEqual([]);
      const noOperator = await call(h, "PATCH", `/api/v1/admin/parking/operators/0190f0f0-0000-7000-8000-000000000000`, {
        token: w.adminToken,
        body: { name: "x" },
      });
      expect(noOperator.status).toBe(404);
    });

    it("the detail's 24-hour chart averages each hour's observations", async () => {
      const h = getHarness();
      const now = "2026-11-26T04:30:00.000Z";
      h.setNow(now);
      const w = await parkingWorld(h, [
        lot({ name: "A", ...offset(PARKING_CENTRE, 0, 50), capacity: { total: 100, disabled: 0, charging: 0, shared: 0 } }),
      ]);
      const lotId = w.lotIds[0] as string;
      const res = await pushFeed(
        h,
        w.key,
        [
          { lotId, free: 20, status: "open", observedAt: "2026-11-26T02:10:00.000Z" },
          { lotId, free: 40, status: "open", observedAt: "2026-11-26T02:50:00.000Z" },
          { lotId, free: 80, status: "open", observedAt: "2026-11-26T04:20:00.000Z" },
          { lotId, free: 99, status: "open", observedAt: "2026-11-25T03:00:00.000Z" },
        ],
        now,
      );
      expect(res.json.applied).toBe(1);
      const series = (await call(h, "GET", `/api/v1/parking/lots/${lotId}`)).json.last24h as {
        hourStart: string;
        meanFree: number | null;
        occupancy: number | null;
        samples: number;
      }[];
      expect(series).toHaveLength(24);
      expect(series[0]?.hourStart).toBe("2026-11-25T05:00:00.000Z");
      expect(series.at(-1)).toEqual({ hourStart: "2026-11-26T04:00:00.000Z", meanFree: 80, occupancy: 0.2, samples: 1 });
      expect(series.at(-3)).toEqual({ hourStart: "2026-11-26T02:00:00.000Z", meanFree: 30, occupancy: 0.7, samples: 2 });
      expect(series.at(-2)).toEqual({ hourStart: "2026-11-26T03:00:00.000Z", meanFree: null, occupancy: null, samples: 0 });
    });

    it("admin writes a lot with its operator mapping; a taken operator id is a 409 and a bad one a 422", async () => {
      const h = getHarness();
      h.setNow(T0);
      const w = await parkingWorld(h, [lot({ name: "A", ...offset(PARKING_CENTRE, 0, 50), operatorLotId: "GS-1" })]);
      const dup = await call(h, "POST", "/api/v1/admin/parking/lots", {
        token: w.adminToken,
        body: lot({ name: "B", ...offset(PARKING_CENTRE, 0, 60), operatorId: w.operatorId, operatorLotId: "GS-1" }),
      });
      expect(dup.status).toBe(409);
      expect(dup.json.error.details.reason).toBe("operator_lot_id_taken");
      const noOp = await call(h, "POST", "/api/v1/admin/parking/lots", {
        token: w.adminToken,
        body: lot({ name: "C", ...PARKING_CENTRE, operatorId: "nobody" }),
      });
      expect(noOp.status).toBe(422);
      const badDistrict = await call(h, "POST", "/api/v1/admin/parking/lots", {
        token: w.adminToken,
        body: lot({ name: "D", ...PARKING_CENTRE, district: "火星区" }),
      });
      expect(badDistrict.status).toBe(422);
      const shrink = await call(h, "PATCH", `/api/v1/admin/parking/lots/${w.lotIds[0]}`, {
        token: w.adminToken,
        body: { capacity: { total: 2, disabled: 4, charging: 0, shared: 0 } },
      });
      expect(shrink.status).toBe(422);
      const renamed = await call(h, "PATCH", `/api/v1/admin/parking/lots/${w.lotIds[0]}`, {
        token: w.adminToken,
        body: { name: "观前新停车场" },
      });
      expect(renamed.json.name).toBe("观前新停车场");
      const names = ((await call(h, "GET", nearbyParkingPath(PARKING_CENTRE))).json.lots as Summary[]).map((l) => l.name);
      expect(names).toContain("观前新停车场");
    });

    it("admin lists every lot (inactive ones too) and reads one with the operator's own id", async () => {
      const h = getHarness();
      h.setNow(T0);
      const w = await parkingWorld(h, [
        lot({ name: "甲停车场", ...offset(PARKING_CENTRE, 0, 50), operatorLotId: "GS-9" }),
        lot({ name: "乙停车场", ...offset(PARKING_CENTRE, 0, 80) }),
      ]);
      await call(h, "PATCH", `/api/v1/admin/parking/lots/${w.lotIds[1]}`, { token: w.adminToken, body: { active: false } });
      const list = await call(h, "GET", "/api/v1/admin/parking/lots", { token: w.adminToken });
      expect(list.status).toBe(200);
      const lots = list.json.lots as { id: string; active: boolean; operatorLotId: string | null; last24h?: unknown }[];
      expect(lots.find((l) => l.id === w.lotIds[1])?.active).toBe(false);
      expect(lots.find((l) => l.id === w.lotIds[0])?.operatorLotId).toBe("GS-9");
      expect(lots[0]?.last24h).toBeUndefined();
      const one = await call(h, "GET", `/api/v1/admin/parking/lots/${w.lotIds[0]}`, { token: w.adminToken });
      expect(one.json).toMatchObject({ id: w.lotIds[0], name: "甲停车场", operatorLotId: "GS-9" });
      const missing = await call(h, "GET", "/api/v1/admin/parking/lots/nope", { token: w.adminToken });
      expect(missing.status).toBe(404);
      expectEnvelope(missing, "not_found");
    });
  });

  describe("parking: concurrent feeds", () => {
    it("the same signed batch sent concurrently is applied once; of two batches the newer observation wins", async () => {
      const h = getHarness();
      h.setNow(T0);
      const w = await parkingWorld(h, [
        lot({ name: "A", ...offset(PARKING_CENTRE, 0, 50) }),
        lot({ name: "B", ...offset(PARKING_CENTRE, 0, 60) }),
      ]);
      const [a, b] = w.lotIds as [string, string];
      const body = JSON.stringify({ rows: [{ lotId: a, free: 11, status: "open", observedAt: at(T0, -2) }] });
      const headers = { "content-type": "application/json", ...(await signedHeaders(w.key, body, T0)) };
      const same = await Promise.all(
        Array.from({ length: 8 }, () => h.request("/api/v1/feeds/parking", { method: "POST", body, headers })),
      );
      expect(same.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
      const detail = await call(h, "GET", `/api/v1/parking/lots/${a}`);
      expect(detail.json.last24h.at(-2).samples).toBe(1);
      const sources = await call(h, "GET", "/api/v1/admin/parking/sources", { token: w.adminToken });
      expect(sources.json.sources.find((s: { operatorId: string }) => s.operatorId === w.operatorId).rowsAccepted).toBe(1);
      // Batches observed at different times, sent at once in both orders: the newest stands.
      const sends = [];
      for (let i = 0; i < 6; i++) {
        sends.push(pushFeed(h, w.key, [{ lotId: b, free: 100 + i, status: "open", observedAt: at(T0, -10 + i) }], at(T0, i / 100)));
      }
      for (const r of await Promise.all(sends.reverse())) expect(r.status).toBe(200);
      const final = await call(h, "GET", `/api/v1/parking/lots/${b}`);
      expect(final.json.live).toMatchObject({ free: 105, observedAt: at(T0, -5) });
    });
  });
}

const signedHeaders = (key: { keyId: string; secret: string }, body: string, now: string) =>
  feedRequestHeaders(key.keyId, key.secret, body, new Date(now));
