import { toiletPlaces } from "@civic/api/finders/toilet-places";
import { openSqlite } from "@civic/api/hosts/node/sqlite";
import type { PlaceKind } from "@civic/api/platform/nearby/kind";
import { createNearbyIndex } from "@civic/api/platform/nearby/memory-index";
import { nearbyBySql } from "@civic/api/platform/nearby/sql-search";
import { insertToilets } from "@civic/api/seed/demo";
import { cityClock, distanceMetres, latBand, NearbyToiletsQuery } from "@civic/shared";
import { eq, sql } from "drizzle-orm";
import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/*
 * A second kind of place through the same platform/nearby code: night-market stalls in a test-only table,
 * with one SQL filter (open late) and one decided in code (a name prefix), searched by both engines.
 */
const stalls = sqliteTable("test_stalls", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  lat: real("lat").notNull(),
  lng: real("lng").notNull(),
  latBand: integer("lat_band").notNull(),
  openLate: integer("open_late", { mode: "boolean" }).notNull(),
  active: integer("active", { mode: "boolean" }).notNull(),
});
const stallsVersion = sqliteTable("test_stalls_version", { id: integer("id").primaryKey(), version: integer("version").notNull() });

const CREATE = `
  create table test_stalls (id text primary key, name text not null, lat real not null, lng real not null,
    lat_band integer not null, open_late integer not null, active integer not null);
  create index test_stalls_geo on test_stalls (lat_band, lng, lat);
  create table test_stalls_version (id integer primary key, version integer not null);
  insert into test_stalls_version values (1, 0);
  create trigger test_stalls_ins after insert on test_stalls begin update test_stalls_version set version = version + 1; end;
  create trigger test_stalls_upd after update on test_stalls begin update test_stalls_version set version = version + 1; end;`;

interface StallQuery {
  lat: number;
  lng: number;
  radius: number;
  limit: number;
  openLate: boolean;
  prefix: string;
}
type StallRow = { id: string; name: string; lat: number; lng: number; openLate: boolean };
type Stall = { id: string; name: string; distanceM: number };

const stallPlaces: PlaceKind<StallQuery, null, StallRow, Stall, StallRow & { json: string }> = {
  name: "stall",
  table: stalls,
  lat: stalls.lat,
  lng: stalls.lng,
  latBand: stalls.latBand,
  columns: { id: stalls.id, name: stalls.name, lat: stalls.lat, lng: stalls.lng, openLate: stalls.openLate },
  searchable: eq(stalls.active, true),
  filters: [sql`(${sql.placeholder("openLate")} = 0 or ${stalls.openLate} = 1)`],
  params: (q) => ({ openLate: q.openLate ? 1 : 0 }),
  filtersAfterSql: (q) => q.prefix !== "",
  toResult: (r, d, q) => (r.name.startsWith(q.prefix) ? { id: r.id, name: r.name, distanceM: Math.round(d) } : null),
  version: (db) => async () => (await db.select().from(stallsVersion))[0]?.version ?? -1,
  toEntry: (r) => ({ ...r, json: `{"id":${JSON.stringify(r.id)},"name":${JSON.stringify(r.name)},"distanceM":` }),
  matcher: (q) => (q.openLate || q.prefix ? (e) => (!q.openLate || e.openLate) && e.name.startsWith(q.prefix) : null),
  entryJson: (e, d) => `${e.json}${Math.round(d)}}`,
};

const CENTRE = { lat: 31.3085, lng: 120.6195 };

function setup(n: number, seed: number) {
  const node = openSqlite(":memory:");
  node.sqlite.exec(CREATE);
  const insert = node.sqlite.prepare("insert into test_stalls values (?, ?, ?, ?, ?, ?, ?)");
  const all: StallRow[] = [];
  let s = seed;
  const rand = () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  for (let i = 0; i < n; i++) {
    const row = {
      id: `stall-${String(i).padStart(4, "0")}`,
      name: `${["小吃", "饮品", "杂货"][i % 3]}摊${i}`,
      lat: CENTRE.lat + (rand() - 0.5) * 0.1,
      lng: CENTRE.lng + (rand() - 0.5) * 0.1,
      openLate: rand() < 0.4,
      active: rand() < 0.9,
    };
    insert.run(row.id, row.name, row.lat, row.lng, latBand(row.lat), row.openLate ? 1 : 0, row.active ? 1 : 0);
    if (row.active) all.push(row);
  }
  return { ...node, all };
}

/** What any correct search answers, by brute force. */
function expected(all: StallRow[], q: StallQuery): Stall[] {
  return all
    .filter((r) => (!q.openLate || r.openLate) && r.name.startsWith(q.prefix))
    .map((r) => ({ r, d: distanceMetres(q, r) }))
    .filter((x) => x.d <= q.radius)
    .sort((a, b) => a.d - b.d || (a.r.id < b.r.id ? -1 : 1))
    .slice(0, q.limit)
    .map(({ r, d }) => ({ id: r.id, name: r.name, distanceM: Math.round(d) }));
}

describe("nearby search over a second kind of place (test-only stalls) through the same code", () => {
  it("the SQL and the in-memory index both answer what brute force answers, for random queries", async () => {
    const { db, localChanges, all } = setup(1500, 7);
    const index = createNearbyIndex(db, [stallPlaces], { localChanges });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          lat: fc.double({ min: CENTRE.lat - 0.05, max: CENTRE.lat + 0.05, noNaN: true }),
          lng: fc.double({ min: CENTRE.lng - 0.05, max: CENTRE.lng + 0.05, noNaN: true }),
          radius: fc.integer({ min: 50, max: 5000 }),
          limit: fc.integer({ min: 1, max: 50 }),
          openLate: fc.boolean(),
          prefix: fc.constantFrom("", "小吃", "饮品"),
        }),
        async (q) => {
          const want = expected(all, q);
          expect(await nearbyBySql(db, stallPlaces, q, null)).toEqual(want);
          expect(JSON.parse(await index.nearbyJson(stallPlaces, q, null))).toEqual(want);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("one index holds toilets and stalls side by side, each kind answering only its own places and seeing its own writes", async () => {
    const { db, atomic, sqlite, localChanges } = setup(200, 11);
    await insertToilets(db, atomic, 200, 5);
    const index = createNearbyIndex(db, [toiletPlaces, stallPlaces], { localChanges, recheckMs: 3_600_000 });
    await index.warm();
    const stallQ = { ...CENTRE, radius: 5000, limit: 50, openLate: false, prefix: "" };
    const toiletQ = NearbyToiletsQuery.parse({ lat: String(CENTRE.lat), lng: String(CENTRE.lng), radius: "5000", limit: "50" });
    const clock = cityClock(new Date());
    const foundStalls = await index.nearby(stallPlaces, stallQ, null);
    const foundToilets = await index.nearby(toiletPlaces, toiletQ, clock);
    expect(foundStalls.length).toBeGreaterThan(0);
    expect(foundToilets.length).toBeGreaterThan(0);
    expect(foundStalls.every((s) => s.id.startsWith("stall-"))).toBe(true);
    expect(foundToilets.some((t) => t.id.startsWith("stall-"))).toBe(false);
    const [first] = foundStalls;
    sqlite.prepare("update test_stalls set active = 0 where id = ?").run(first?.id);
    expect((await index.nearby(stallPlaces, stallQ, null)).map((s) => s.id)).not.toContain(first?.id);
    expect(await index.nearby(toiletPlaces, toiletQ, clock)).toEqual(foundToilets);
  });

  it("a kind that was never registered is a programming error, not an empty answer", () => {
    const { db } = setup(5, 3);
    const index = createNearbyIndex(db, [toiletPlaces]);
    const q = { ...CENTRE, radius: 100, limit: 5, openLate: false, prefix: "" };
    expect(() => index.nearbyJson(stallPlaces, q, null)).toThrow(/stall is not registered/);
  });
});
