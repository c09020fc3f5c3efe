import {
  bandsCovering,
  boundingBox,
  type CityClock,
  distanceMetres,
  EARTH_RADIUS_M,
  LAT_BAND_SLOTS,
  latBand,
  type NearbyToiletsQuery,
  type OpeningHours,
  openAt,
  type ToiletDetail,
  type ToiletKind,
  type ToiletRecordInput,
  type ToiletSummary,
} from "@civic/shared";
import { and, between, eq, inArray, sql } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { toilets } from "../db/schema";
import type { AppDb } from "../db/types";
import { newId } from "../platform/ids";

type ToiletRow = typeof toilets.$inferSelect;

/** The columns a search result is built from (also what the in-memory index keeps). */
export const summaryColumns = {
  id: toilets.id,
  name: toilets.name,
  address: toilets.address,
  district: toilets.district,
  kind: toilets.kind,
  lat: toilets.lat,
  lng: toilets.lng,
  hours: toilets.hours,
  free: toilets.free,
  accessible: toilets.accessible,
  thirdToilet: toilets.thirdToilet,
  babyCare: toilets.babyCare,
};

const flag = (name: string, column: AnySQLiteColumn) => sql`(${sql.placeholder(name)} = 0 or ${column} = 1)`;

/**
 * Squared equirectangular distance in degrees² (longitude scaled by cos(centre latitude)). Within 5 km it
 * ranks points like the exact great-circle distance to within 0.05%, so SQL can pick the nearest few
 * from the covering index; exact distances are then computed for those rows only.
 */
const approxDistance2 = sql<number>`((${toilets.lat} - ${sql.placeholder("lat")}) * (${toilets.lat} - ${sql.placeholder("lat")}) + (${toilets.lng} - ${sql.placeholder("lng")}) * (${toilets.lng} - ${sql.placeholder("lng")}) * ${sql.placeholder("cos2")})`;

/** Rows fetched beyond `limit` so the exact re-sort cannot lose a point the approximation ranked just outside. */
const RANK_MARGIN = 8;

/**
 * One statement for every nearby search: fixed band slots, filters switched by 0/1 parameters. The inner
 * query ranks candidates from the covering index alone; only the nearest few rows are then read.
 */
function buildNearbyStatement(db: AppDb) {
  const bands = Array.from({ length: LAT_BAND_SLOTS }, (_, i) => sql.placeholder(`b${i}`));
  const ranked = db
    .select({ rid: sql<number>`${toilets}.rowid`.as("rid") })
    .from(toilets)
    .where(
      and(
        inArray(toilets.latBand, bands),
        between(toilets.lng, sql.placeholder("minLng"), sql.placeholder("maxLng")),
        between(toilets.lat, sql.placeholder("minLat"), sql.placeholder("maxLat")),
        eq(toilets.active, true),
        flag("free", toilets.free),
        flag("accessible", toilets.accessible),
        flag("babyCare", toilets.babyCare),
        flag("thirdToilet", toilets.thirdToilet),
        sql`(${sql.placeholder("kind")} = '' or ${toilets.kind} = ${sql.placeholder("kind")})`,
        sql`${approxDistance2} <= ${sql.placeholder("maxD2")}`,
      ),
    )
    .orderBy(approxDistance2)
    .limit(sql.placeholder("take"))
    .as("ranked");
  return db.select(summaryColumns).from(ranked).innerJoin(toilets, sql`${toilets}.rowid = ${ranked.rid}`).prepare();
}

const nearbyStatements = new WeakMap<AppDb, ReturnType<typeof buildNearbyStatement>>();

/** The first circle searched; about where a city centre has `limit` toilets. */
const FIRST_RING_M = 300;

/** Every match within `radius`, nearest first, at most q.limit. */
async function searchCircle(
  statement: ReturnType<typeof buildNearbyStatement>,
  q: NearbyToiletsQuery,
  radius: number,
  clock: CityClock,
): Promise<ToiletSummary[]> {
  const center = { lat: q.lat, lng: q.lng };
  const box = boundingBox(center, radius);
  const cos = Math.cos((q.lat * Math.PI) / 180);
  const radiusDeg = (radius / EARTH_RADIUS_M) * (180 / Math.PI);
  const params: Record<string, number | string> = {
    lat: q.lat,
    lng: q.lng,
    cos2: cos * cos,
    // 1% slack: the exact radius check below decides.
    maxD2: radiusDeg * radiusDeg * 1.0201,
    // With the open-now filter, hours decide after SQL, so every candidate in range is needed.
    take: q.openNow ? -1 : q.limit + RANK_MARGIN,
    minLat: box.minLat,
    maxLat: box.maxLat,
    minLng: box.minLng,
    maxLng: box.maxLng,
    free: q.free ? 1 : 0,
    accessible: q.accessible ? 1 : 0,
    babyCare: q.babyCare ? 1 : 0,
    thirdToilet: q.thirdToilet ? 1 : 0,
    kind: q.kind ?? "",
  };
  bandsCovering(box.minLat, box.maxLat).forEach((b, i) => {
    params[`b${i}`] = b;
  });
  const rows = await statement.all(params);
  const inRange = rows
    .map((r) => ({ r, d: distanceMetres(center, r) }))
    .filter((x) => x.d <= radius)
    .sort((a, b) => a.d - b.d || (a.r.id < b.r.id ? -1 : 1));
  const out: ToiletSummary[] = [];
  for (const { r, d } of inRange) {
    const openNow = openAt(JSON.parse(r.hours) as OpeningHours, clock);
    if (q.openNow && openNow !== "open") continue;
    const { hours: _hours, kind, ...rest } = r;
    out.push({ ...rest, kind: kind as ToiletKind, distanceM: Math.round(d), openNow });
    if (out.length >= q.limit) break;
  }
  return out;
}

export function toDetail(row: ToiletRow, clock: CityClock): ToiletDetail {
  const hours = JSON.parse(row.hours) as OpeningHours;
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    district: row.district,
    street: row.street,
    kind: row.kind as ToiletKind,
    lat: row.lat,
    lng: row.lng,
    hours,
    openNow: openAt(hours, clock),
    free: row.free,
    feeNote: row.feeNote,
    accessible: row.accessible,
    thirdToilet: row.thirdToilet,
    babyCare: row.babyCare,
    stalls: row.stalls,
    managingUnit: row.managingUnit,
    lastVerified: row.lastVerified,
    active: row.active,
    deactivatedReason: row.deactivatedReason,
    updatedAt: row.updatedAt,
  };
}

export function toiletValues(input: ToiletRecordInput) {
  return { ...input, hours: JSON.stringify(input.hours), latBand: latBand(input.lat) };
}

/** Toilets: nearby search, lookup and the admin's writes. */
export function toiletsRepo(db: AppDb) {
  return {
    /**
     * Nearest first. Searches a small circle first and widens it (×3) up to the asked radius only while
     * fewer than `limit` matches were found: every point inside a searched circle is seen, so the first
     * circle holding `limit` matches holds the true nearest `limit`. Dense areas then scan a few dozen
     * index entries instead of thousands.
     */
    async nearby(q: NearbyToiletsQuery, clock: CityClock): Promise<ToiletSummary[]> {
      let statement = nearbyStatements.get(db);
      if (!statement) {
        statement = buildNearbyStatement(db);
        nearbyStatements.set(db, statement);
      }
      let radius = Math.min(q.radius, FIRST_RING_M);
      for (;;) {
        const found = await searchCircle(statement, q, radius, clock);
        if (found.length >= q.limit || radius >= q.radius) return found;
        radius = Math.min(q.radius, radius * 3);
      }
    },

    async byId(id: string): Promise<ToiletRow | null> {
      const [row] = await db.select().from(toilets).where(eq(toilets.id, id));
      return row ?? null;
    },

    async idsBySourceRef(refs: string[]): Promise<Map<string, string>> {
      const found = new Map<string, string>();
      for (let i = 0; i < refs.length; i += 90) {
        const chunk = refs.slice(i, i + 90);
        const rows = await db
          .select({ id: toilets.id, sourceRef: toilets.sourceRef })
          .from(toilets)
          .where(inArray(toilets.sourceRef, chunk));
        for (const r of rows) if (r.sourceRef) found.set(r.sourceRef, r.id);
      }
      return found;
    },

    insertStatement(input: ToiletRecordInput, now: string, id: string = newId()) {
      return db.insert(toilets).values({ id, ...toiletValues(input), active: true, createdAt: now, updatedAt: now });
    },

    updateStatement(id: string, input: Partial<ToiletRecordInput>, now: string) {
      const values: Partial<typeof toilets.$inferInsert> = { ...input, updatedAt: now } as Partial<typeof toilets.$inferInsert>;
      if (input.hours) values.hours = JSON.stringify(input.hours);
      if (input.lat !== undefined) values.latBand = latBand(input.lat);
      return db.update(toilets).set(values).where(eq(toilets.id, id));
    },

    deactivateStatement(id: string, reason: string, now: string) {
      return db.update(toilets).set({ active: false, deactivatedReason: reason, updatedAt: now }).where(eq(toilets.id, id));
    },

    async count(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)` }).from(toilets);
      return Number(row?.n ?? 0);
    },
  };
}
