import { pullParkingFeeds } from "@civic/api/parking/pull-feeds";
import { describe, expect, it } from "vitest";
import { offset } from "./fixtures";
import { type ContractHarness, call, expectEnvelope, type GetHarness, loginAs } from "./harness";
import { createLot, lot, nearbyParkingPath, PARKING_CENTRE } from "./parking-fixtures";

/*
 * Pull sources: the bureau fetches an operator's ParkAPI JSON (the fake third party on loopback serves it)
 * every few minutes, and its rows pass the push feed's checks. A source that fails or freezes is shown
 * failing with the reason; its lots turn unknown after the 30-minute pull limit, never a stale number.
 */

const T0 = "2026-11-26T04:00:00.000Z"; // Thursday 12:00 in Suzhou
const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
/** ParkAPI v1 writes UTC without a zone. */
const parkApiTime = (iso: string) => iso.slice(0, 19);

type Source = { operatorId: string; state: string; lastError: string | null; lastReportAt: string | null; rowsRejected: number };

const uniqueName = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;

async function pullWorld(h: ContractHarness) {
  const admin = await loginAs(h, "pull-admin", "admin");
  const doc = uniqueName("parkapi");
  const url = await h.wechat.controls.publish(doc, "{}", 200);
  const created = await call(h, "POST", "/api/v1/admin/parking/operators", {
    token: admin.token,
    body: { name: "市停车平台", kind: "pull", pullUrl: url, licence: "ODbL" },
  });
  expect(created.status).toBe(201);
  expect(created.json).toMatchObject({ kind: "pull", pullUrl: url });
  const operatorId = created.json.id as string;
  const lotA = await createLot(
    h,
    admin.token,
    lot({ name: "观前地下", ...offset(PARKING_CENTRE, 0, 50), operatorId, operatorLotId: "gq-1" }),
  );
  const lotB = await createLot(
    h,
    admin.token,
    lot({ name: "察院场", ...offset(PARKING_CENTRE, 80, 0), operatorId, operatorLotId: "gq-2" }),
  );
  const publish = (body: unknown, status = 200) =>
    h.wechat.controls.publish(doc, typeof body === "string" ? body : JSON.stringify(body), status);
  const sources = async () => {
    const res = await call(h, "GET", "/api/v1/admin/parking/sources", { token: admin.token });
    return (res.json.sources as Source[]).find((s) => s.operatorId === operatorId) as Source;
  };
  const live = async (lotId: string) => (await call(h, "GET", `/api/v1/parking/lots/${lotId}`)).json.live;
  return { admin, operatorId, url, lotA, lotB, publish, sources, live };
}

const v1 = (updated: string, lots: unknown[]) => ({ last_updated: parkApiTime(updated), lots });

export function registerParkingPullContract(getHarness: GetHarness) {
  describe("parking: pull sources (ParkAPI)", () => {
    it("fetches a ParkAPI v1 feed and shows its numbers fresh, by the operator's own lot ids", async () => {
      const h = getHarness();
      h.setNow(T0);
      const w = await pullWorld(h);
      await w.publish(
        v1(at(T0, -2), [
          { id: "gq-1", free: 23, total: 200, state: "open" },
          { id: "gq-2", free: 0, total: 200, state: "closed" },
          { id: "not-ours", free: 5, total: 10, state: "open" },
          { id: "gq-9", state: "nodata" },
        ]),
      );
      const outcome = await h.runJob("parking-pull");
      expect(outcome).toMatchObject({ sources: 1, failed: 0, applied: 2, rejected: 1 });
      expect(await w.live(w.lotA)).toEqual({ free: 23, total: 200, status: "open", observedAt: at(T0, -2), fresh: true, band: "many" });
      expect(await w.live(w.lotB)).toMatchObject({ free: 0, status: "closed", fresh: true });
      const near = await call(h, "GET", nearbyParkingPath(PARKING_CENTRE, "&hasFree=true"));
      expect((near.json.lots as { id: string }[]).map((l) => l.id)).toEqual([w.lotA]);
      const detail = await call(h, "GET", `/api/v1/parking/lots/${w.lotA}`);
      expect(detail.json.source).toMatchObject({ operatorId: w.operatorId, kind: "pull", licence: "ODbL" });
      expect(await w.sources()).toMatchObject({ state: "active", lastReportAt: T0, rowsRejected: 1, lastError: "1 row(s) refused" });
    });

    it("a frozen feed keeps answering the same snapshot: after 30 minutes the numbers are unknown and the source failing", async () => {
      const h = getHarness();
      h.setNow(T0);
      const w = await pullWorld(h);
      await w.publish(v1(T0, [{ id: "gq-1", free: 23, total: 200, state: "open" }]));
      await h.runJob("parking-pull");
      h.setNow(at(T0, 10));
      // The same snapshot again: kept, not applied twice, and the source still active (its numbers are fresh).
      expect(await h.runJob("parking-pull")).toMatchObject({ applied: 0, failed: 0 });
      expect(await w.sources()).toMatchObject({ state: "active", lastReportAt: at(T0, 10) });
      h.setNow(at(T0, 31));
      expect(await h.runJob("parking-pull")).toMatchObject({ applied: 0, failed: 1 });
      expect(await w.live(w.lotA)).toEqual({ free: null, total: null, status: "unknown", observedAt: T0, fresh: false, band: "unknown" });
      expect(await w.sources()).toMatchObject({ state: "failing", lastError: "no new numbers: the feed is not updating" });
      // It comes back with a new snapshot: active again, the number fresh.
      await w.publish(v1(at(T0, 30), [{ id: "gq-1", free: 7, total: 200, state: "open" }]));
      h.setNow(at(T0, 36));
      expect(await h.runJob("parking-pull")).toMatchObject({ applied: 1, failed: 0 });
      expect(await w.live(w.lotA)).toMatchObject({ free: 7, fresh: true, band: "few" });
      expect(await w.sources()).toMatchObject({ state: "active" });
    });

    it("reads ParkAPI v3 items; an older snapshot never overwrites a newer number", async () => {
      const h = getHarness();
      h.setNow(T0);
      const w = await pullWorld(h);
      const item = (free: number, updated: string) => ({
        uid: "gq-1",
        realtime_free_capacity: free,
        realtime_capacity: 200,
        realtime_opening_status: "OPEN",
        realtime_data_updated_at: updated,
      });
      await w.publish({ items: [item(40, at(T0, -1))] });
      expect(await h.runJob("parking-pull")).toMatchObject({ applied: 1 });
      // A cache behind the source answers an older snapshot.
      await w.publish({ items: [item(3, at(T0, -6))] });
      h.setNow(at(T0, 5));
      expect(await h.runJob("parking-pull")).toMatchObject({ applied: 0, failed: 0 });
      expect(await w.live(w.lotA)).toMatchObject({ free: 40, observedAt: at(T0, -1) });
    });

    it("a source that fails says why, and does not stop the others", async () => {
      const h = getHarness();
      h.setNow(T0);
      const broken = await pullWorld(h);
      const healthy = await pullWorld(h);
      await healthy.publish(v1(T0, [{ id: "gq-1", free: 12, total: 200, state: "open" }]));
      for (const [body, status, reason] of [
        ["{}", 503, "HTTP 503"],
        ["{}", 302, "HTTP 302"],
        ["<html>维护中</html>", 200, "not JSON"],
        [JSON.stringify({ parking: [] }), 200, "not a ParkAPI feed (expected `lots` (v1) or `items` (v3))"],
        [JSON.stringify({ lots: [{ id: "gq-1", free: 3 }] }), 200, "ParkAPI v1 feed without a valid last_updated"],
      ] as const) {
        await broken.publish(body, status);
        const outcome = await h.runJob("parking-pull");
        expect(outcome).toMatchObject({ sources: 2, failed: 1, applied: expect.any(Number) });
        expect(await broken.sources()).toMatchObject({ state: "failing", lastError: reason, lastReportAt: null });
      }
      expect(await broken.live(broken.lotA)).toMatchObject({ free: null, band: "unknown" });
      expect(await healthy.live(healthy.lotA)).toMatchObject({ free: 12, fresh: true });
      expect(await healthy.sources()).toMatchObject({ state: "active" });
      // Disabled, it is not fetched at all.
      await call(h, "PATCH", `/api/v1/admin/parking/operators/${broken.operatorId}`, {
        token: broken.admin.token,
        body: { enabled: false },
      });
      expect(await h.runJob("parking-pull")).toMatchObject({ sources: 1, failed: 0 });
    });

    it("a pull source needs an http(s) address; a refused change changes nothing", async () => {
      const h = getHarness();
      h.setNow(T0);
      const admin = await loginAs(h, "pull-admin-2", "admin");
      const post = (body: Record<string, unknown>) => call(h, "POST", "/api/v1/admin/parking/operators", { token: admin.token, body });
      for (const body of [
        { name: "无地址", kind: "pull" },
        { name: "空地址", kind: "pull", pullUrl: "" },
        { name: "FTP", kind: "pull", pullUrl: "ftp://example.org/parking.json" },
        { name: "脚本", kind: "pull", pullUrl: "javascript:alert(1)" },
      ]) {
        const res = await post(body);
        expect(res.status, JSON.stringify(body)).toBe(422);
        expectEnvelope(res, "validation_failed");
      }
      const push = await post({ name: "推送", kind: "push" });
      expect(push.status).toBe(201);
      expect(push.json.pullUrl).toBeNull();
      const toPull = await call(h, "PATCH", `/api/v1/admin/parking/operators/${push.json.id}`, {
        token: admin.token,
        body: { kind: "pull" },
      });
      expect(toPull.status).toBe(422);
      const list = await call(h, "GET", "/api/v1/admin/parking/operators", { token: admin.token });
      expect(list.json.operators.find((o: { id: string }) => o.id === push.json.id)).toMatchObject({ kind: "push", pullUrl: null });
    });

    it("outside demos a pull source is fetched over https only: plain http is refused before any request", async () => {
      const h = getHarness();
      h.setNow(T0);
      const w = await pullWorld(h); // its address is the fake's plain-http loopback URL (allowed with DEV_LOGIN)
      await w.publish(v1(T0, [{ id: "gq-1", free: 23, total: 200, state: "open" }]));
      const outcome = await h.withDeps((deps) => pullParkingFeeds({ ...deps, config: { ...deps.config, devLogin: false } }, new Date(T0)));
      expect(outcome).toMatchObject({ sources: 1, failed: 1, applied: 0 });
      expect(await w.sources()).toMatchObject({ state: "failing", lastError: "pull URLs must be https" });
      expect(await w.live(w.lotA)).toMatchObject({ free: null });
    });
  });
}
