import { toiletPlaces } from "@civic/api/finders/toilet-places";
import { toiletsRepo } from "@civic/api/finders/toilets.repo";
import { openSqlite } from "@civic/api/hosts/node/sqlite";
import { createNearbyIndex } from "@civic/api/platform/nearby/memory-index";
import { insertToilets } from "@civic/api/seed/demo";
import { addCityDays, cityClock, NearbyToiletsQuery } from "@civic/shared";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/*
 * Temporary closures on both search engines: with a share of the toilets closed until various days, the
 * in-memory index and the SQL agree on every field (temporaryClosure, openNow) and on the open-now filter,
 * before, on and after each closure's last day.
 */
describe("nearby search with temporary closures: the in-memory index answers exactly what the SQL answers", () => {
  it("for random points, filters and days around the closures' ends", async () => {
    const { db, atomic, sqlite, localChanges } = openSqlite(":memory:");
    await insertToilets(db, atomic, 1500, 7);
    // Every third toilet closed, until a day between 2026-11-28 and 2026-12-07.
    const ids = sqlite.prepare("select id from toilets order by id").all() as { id: string }[];
    const close = sqlite.prepare("update toilets set closed_until = ?, closure_reason = ? where id = ?");
    ids.forEach(({ id }, i) => {
      if (i % 3 === 0) close.run(addCityDays("2026-11-28", i % 10), `维修 ${i}`, id);
    });
    const index = createNearbyIndex(db, [toiletPlaces], { localChanges });
    let sawClosure = false;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          lat: fc.double({ min: 31.25, max: 31.35, noNaN: true }),
          lng: fc.double({ min: 120.55, max: 120.7, noNaN: true }),
          radius: fc.integer({ min: 500, max: 5000 }),
          limit: fc.integer({ min: 1, max: 50 }),
          openNow: fc.constantFrom("true", "false"),
        }),
        // Hours from 2026-11-27 00:00 to 2026-12-09 00:00 in the city.
        fc.integer({ min: 0, max: 12 * 24 - 1 }),
        async (raw, hour) => {
          const query = NearbyToiletsQuery.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)])));
          const clock = cityClock(new Date(Date.UTC(2026, 10, 26, 16, 0) + hour * 3_600_000));
          const viaSql = await toiletsRepo(db).nearby(query, clock);
          for (const t of viaSql) {
            if (t.temporaryClosure) {
              sawClosure = true;
              expect(t.openNow).toBe("closed");
              expect(t.temporaryClosure.until >= clock.date).toBe(true);
            }
          }
          expect(JSON.parse(await index.nearbyJson(toiletPlaces, query, clock))).toEqual(viaSql);
        },
      ),
      { numRuns: 150 },
    );
    expect(sawClosure).toBe(true);
  });
});
