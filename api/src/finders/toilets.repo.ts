import {
  bandsCovering,
  boundingBox,
  type CityClock,
  distanceMetres,
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

const summaryColumns = {
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

/** One statement for every nearby search: fixed band slots, filters switched by 0/1 parameters. */
function buildNearbyStatement(db: AppDb) {
  const bands = Array.from({ length: LAT_BAND_SLOTS }, (_, i) => sql.placeholder(`b${i}`));
  return db
    .select(summaryColumns)
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
      ),
    )
    .prepare();
}

const nearbyStatements = new WeakMap<AppDb, ReturnType<typeof buildNearbyStatement>>();

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
    async nearby(q: NearbyToiletsQuery, clock: CityClock): Promise<ToiletSummary[]> {
      let statement = nearbyStatements.get(db);
      if (!statement) {
        statement = buildNearbyStatement(db);
        nearbyStatements.set(db, statement);
      }
      const center = { lat: q.lat, lng: q.lng };
      const box = boundingBox(center, q.radius);
      const params: Record<string, number | string> = {
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
        .filter((x) => x.d <= q.radius)
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
