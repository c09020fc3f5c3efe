import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toiletPlaces } from "@civic/api/finders/toilet-places";
import { toiletsRepo } from "@civic/api/finders/toilets.repo";
import { openSqlite } from "@civic/api/hosts/node/sqlite";
import { createNearbyIndex } from "@civic/api/platform/nearby/memory-index";
import { insertToilets } from "@civic/api/seed/demo";
import { generateDemoToilets } from "@civic/api/seed/toilet-generator";
import { cityClock, NearbyToiletsQuery, TOILET_KINDS } from "@civic/shared";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

describe("nearby search: the in-memory index answers exactly what the SQL answers", () => {
  it("for random points, radii, limits, filters and times across Suzhou", async () => {
    const { db, atomic, localChanges } = openSqlite(":memory:");
    await insertToilets(db, atomic, 4000, 99);
    const index = createNearbyIndex(db, [toiletPlaces], { localChanges });
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
          // The pre-serialized JSON holds exactly the SQL answer: every field, no more, same order of toilets.
          expect(JSON.parse(await index.nearbyJson(toiletPlaces, query, clock))).toEqual(viaSql);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("sees every write made through its own connection at once, however it was made", async () => {
    const { db, atomic, sqlite, localChanges } = openSqlite(":memory:");
    await insertToilets(db, atomic, 50, 5);
    // A recheck window far longer than the test: only the connection's own change count can reveal the writes.
    const index = createNearbyIndex(db, [toiletPlaces], { localChanges, recheckMs: 3_600_000 });
    const q = NearbyToiletsQuery.parse({ lat: "31.3085", lng: "120.6195", radius: "5000", limit: "50" });
    const clock = cityClock(new Date());
    const before = await index.nearby(toiletPlaces, q, clock);
    const [first, second] = before;
    if (!first || !second) throw new Error("too few toilets near Guanqian in the sample");
    sqlite.prepare("update toilets set active = 0 where id = ?").run(first.id);
    expect((await index.nearby(toiletPlaces, q, clock)).map((t) => t.id)).not.toContain(first.id);
    await toiletsRepo(db).updateStatement(second.id, { name: "改名后的公厕" }, new Date().toISOString());
    const after = await index.nearby(toiletPlaces, q, clock);
    expect(after.find((t) => t.id === second.id)?.name).toBe("改名后的公厕");
    expect(after).toEqual(await toiletsRepo(db).nearby(q, clock));
  });

  it("sees writes from another process's connection within its recheck window, and at once without a change count", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "civic-nearby-")), "civic.sqlite");
    const own = openSqlite(path);
    await insertToilets(own.db, own.atomic, 50, 5);
    let now = 0;
    const windowed = createNearbyIndex(own.db, [toiletPlaces], { localChanges: own.localChanges, recheckMs: 1000, now: () => now });
    const exact = createNearbyIndex(own.db, [toiletPlaces]);
    const q = NearbyToiletsQuery.parse({ lat: "31.3085", lng: "120.6195", radius: "5000", limit: "50" });
    const clock = cityClock(new Date());
    const [first] = await windowed.nearby(toiletPlaces, q, clock);
    await exact.warm();
    if (!first) throw new Error("no toilets near Guanqian in the sample");

    const other = openSqlite(path).sqlite; // a second connection, as another process would have
    other.prepare("update toilets set active = 0 where id = ?").run(first.id);
    other.close();

    expect((await exact.nearby(toiletPlaces, q, clock)).map((t) => t.id)).not.toContain(first.id);
    now = 999;
    expect((await windowed.nearby(toiletPlaces, q, clock)).map((t) => t.id)).toContain(first.id);
    now = 1000;
    expect((await windowed.nearby(toiletPlaces, q, clock)).map((t) => t.id)).not.toContain(first.id);
    own.sqlite.close();
  });
});
