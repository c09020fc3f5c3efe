import { parkingLots, parkingObservations, parkingOperators } from "@civic/api/db/schema";
import { deriveFeedSecret } from "@civic/api/parking/feed-signature";
import { pruneParkingHistory } from "@civic/api/parking/observations.repo";
import { DEMO_FEED_KEY_ID, DEMO_OPERATOR_NAME, seedDemoParkingIfEmpty } from "@civic/api/seed/demo-parking";
import { createDemoOperator, lotsReportedAt, runDemoOperator } from "@civic/api/seed/parking-operator";
import { prng } from "@civic/api/seed/random";
import { DEFAULT_CITY_NAMES, type ParkingLotDetail } from "@civic/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, loginAs } from "../contract/harness";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

/* The parking demo (what `pnpm start` seeds) and its simulated operator, driven tick by tick at chosen times. */
let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});

const NOW = new Date("2026-12-01T10:00:00.000Z"); // 18:00 in Suzhou
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe("parking demo", () => {
  it("seeds about 60 lots over the districts, shared lots with windows, and a day of history", async () => {
    const node = createNodeHarness(wechat, { nearbyInMemory: true });
    const secret = node.deps.config.parking.feedKeySecret;
    expect(await seedDemoParkingIfEmpty(node.db, node.atomic, NOW, secret)).toBeGreaterThanOrEqual(55);
    expect(await seedDemoParkingIfEmpty(node.db, node.atomic, NOW, secret)).toBe(0);
    const lots = await node.db.select().from(parkingLots);
    expect(lots.length).toBeLessThanOrEqual(75);
    expect(new Set(lots.map((l) => l.district)).size).toBeGreaterThanOrEqual(8);
    for (const l of lots) expect(DEFAULT_CITY_NAMES.districts.map((d) => d.name)).toContain(l.district);
    expect(lots.filter((l) => l.type === "shared").length).toBeGreaterThanOrEqual(4);
    node.harness.setNow(NOW.toISOString());
    const shared = lots.find((l) => l.type === "shared") as (typeof lots)[number];
    const detail = (await call(node.harness, "GET", `/api/v1/parking/lots/${shared.id}`)).json as ParkingLotDetail;
    expect(detail.hours.kind).toBe("weekly");
    expect(detail.last24h.filter((b) => b.samples > 0).length).toBeGreaterThanOrEqual(20);
    // The history stays bounded: the scheduled job drops observations past 48 hours.
    const kept = (await node.db.select().from(parkingObservations)).length;
    const pruned = await pruneParkingHistory(node.db, new Date(NOW.getTime() + 36 * 3_600_000));
    expect(pruned.observations).toBeGreaterThan(0);
    expect(pruned.observations).toBeLessThan(kept);
    await pruneParkingHistory(node.db, new Date(NOW.getTime() + 49 * 3_600_000));
    expect(await node.db.select().from(parkingObservations)).toEqual([]);
  });

  it("the simulated operator pushes through the signed feed, leaving lots live, aging and stale; it stops when told or when the server is gone", async () => {
    const node = createNodeHarness(wechat, { nearbyInMemory: true });
    const h = node.harness;
    await seedDemoParkingIfEmpty(node.db, node.atomic, at(-180), node.deps.config.parking.feedKeySecret);
    const [operator] = await node.db.select().from(parkingOperators).where(eq(parkingOperators.name, DEMO_OPERATOR_NAME));
    const lots = await node.db
      .select({ id: parkingLots.id, name: parkingLots.name, type: parkingLots.type, capacity: parkingLots.capacityTotal })
      .from(parkingLots)
      .where(eq(parkingLots.operatorId, operator?.id as string))
      .orderBy(parkingLots.operatorLotId);
    const demo = createDemoOperator({
      keyId: DEMO_FEED_KEY_ID,
      secret: await deriveFeedSecret(node.deps.config.parking.feedKeySecret, DEMO_FEED_KEY_ID),
      lots,
      rand: prng(7),
      send: async (body, headers) => (await h.request("/api/v1/feeds/parking", { method: "POST", body, headers })).status,
    });
    for (let minute = 0; minute < 5; minute++) {
      h.setNow(at(minute).toISOString());
      expect(await demo.push(at(minute))).toMatchObject({ status: 200 });
    }
    const live = async (id: string) => ((await call(h, "GET", `/api/v1/parking/lots/${id}`)).json as ParkingLotDetail).live;
    expect((await live(lots[2]?.id as string)).fresh).toBe(true); // reported every minute
    expect((await live(lots[1]?.id as string)).observedAt).toBe(at(0).toISOString()); // aging: reported on tick 0 only
    expect((await live(lots[0]?.id as string)).fresh).toBe(false); // never reported since the seed: stale
    expect(lotsReportedAt(0, 12)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 11]);
    expect(lotsReportedAt(1, 12)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const admin = await loginAs(h, "demo-admin", "admin");
    const sources = await call(h, "GET", "/api/v1/admin/parking/sources", { token: admin.token });
    const states = Object.fromEntries(sources.json.sources.map((s: { name: string; state: string }) => [s.name, s.state]));
    expect(states[DEMO_OPERATOR_NAME]).toBe("active");
    expect(Object.values(states)).toContain("failing");

    // The runner on a hand-driven schedule: stopping clears the schedule; an unreachable server stops it.
    let fire: (() => void) | null = null;
    let stopped = 0;
    const gone = createDemoOperator({
      keyId: "k",
      secret: "s",
      lots,
      rand: prng(1),
      send: () => Promise.reject(new Error("ECONNREFUSED")),
    });
    const runner = runDemoOperator(gone, {
      everyMs: 60_000,
      now: () => NOW,
      giveUpAfter: 2,
      onStop: () => stopped++,
      schedule: (fn) => {
        fire = fn;
        return {
          stop: () => {
            fire = null;
          },
        };
      },
    });
    expect(fire).not.toBeNull();
    await runner.tick();
    expect(stopped).toBe(0);
    await runner.tick();
    expect(stopped).toBe(1);
    expect(fire).toBeNull();
  });
});
