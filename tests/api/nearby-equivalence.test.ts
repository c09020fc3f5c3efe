import { toiletsRepo } from "@civic/api/finders/toilets.repo";
import { nearbyFromSnapshot } from "@civic/api/finders/toilets.snapshot";
import { openSqlite } from "@civic/api/hosts/node/sqlite";
import { insertToilets } from "@civic/api/seed/demo";
import { generateDemoToilets } from "@civic/api/seed/toilet-generator";
import { cityClock, NearbyToiletsQuery, TOILET_KINDS } from "@civic/shared";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

describe("nearby search: the in-memory index answers exactly what the SQL answers", () => {
  it("for random points, radii, limits, filters and times across Suzhou", async () => {
    const { db, atomic } = openSqlite(":memory:");
    await insertToilets(db, atomic, 4000, 99);
    expect(generateDemoToilets(1, 99)).toHaveLength(1);
    const flag = fc.constantFrom(undefined, "true", "false");
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          lat: fc.double({ min: 31.1, max: 31.5, noNaN: true }),
          lng: fc.double({ min: 120.5, max: 120.8, noNaN: true }),
          radius: fc.integer({ min: 50, max: 5000 }),
          limit: fc.integer({ min: 1, max: 50 }),
          openNow: flag,
          free: flag,
          accessible: flag,
          babyCare: flag,
          thirdToilet: flag,
          kind: fc.constantFrom(undefined, ...TOILET_KINDS),
        }),
        fc.integer({ min: 0, max: 7 * 24 * 60 - 1 }),
        async (raw, minute) => {
          const query = NearbyToiletsQuery.parse(
            Object.fromEntries(
              Object.entries(raw)
                .filter(([, v]) => v !== undefined)
                .map(([k, v]) => [k, String(v)]),
            ),
          );
          const clock = cityClock(new Date(Date.UTC(2026, 10, 22, 16, 0) + minute * 60_000));
          const viaSql = await toiletsRepo(db).nearby(query, clock);
          const viaMemory = await nearbyFromSnapshot(db, query, clock);
          expect(viaMemory).toEqual(viaSql);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("sees every write at once, whoever made it", async () => {
    const { db, atomic, sqlite } = openSqlite(":memory:");
    await insertToilets(db, atomic, 50, 5);
    const q = NearbyToiletsQuery.parse({ lat: "31.3085", lng: "120.6195", radius: "5000", limit: "50" });
    const clock = cityClock(new Date());
    const before = await nearbyFromSnapshot(db, q, clock);
    const first = before[0];
    if (!first) throw new Error("no toilets near Guanqian in the sample");
    sqlite.prepare("update toilets set active = 0 where id = ?").run(first.id);
    const after = await nearbyFromSnapshot(db, q, clock);
    expect(after.map((t) => t.id)).not.toContain(first.id);
    expect(after).toEqual(await toiletsRepo(db).nearby(q, clock));
  });
});
