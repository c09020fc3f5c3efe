import {
  activeClosure,
  type CityClock,
  latBand,
  type NearbyToiletsQuery,
  type OpeningHours,
  openAt,
  type ToiletDetail,
  type ToiletKind,
  type ToiletRecordInput,
  type ToiletSummary,
} from "@civic/shared";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { toilets } from "../db/schema";
import type { AppDb } from "../db/types";
import { newId } from "../platform/ids";
import { nearbyBySql } from "../platform/nearby/sql-search";
import { toiletPlaces } from "./toilet-places";

type ToiletRow = typeof toilets.$inferSelect;

export function toDetail(row: ToiletRow, clock: CityClock): ToiletDetail {
  const hours = JSON.parse(row.hours) as OpeningHours;
  const temporaryClosure = activeClosure(row.closedUntil, row.closureReason, clock.date);
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
    openNow: temporaryClosure ? "closed" : openAt(hours, clock),
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
    temporaryClosure,
    updatedAt: row.updatedAt,
  };
}

export function toiletValues(input: ToiletRecordInput) {
  return { ...input, hours: JSON.stringify(input.hours), latBand: latBand(input.lat) };
}

/** One toilet's row, and only while `guard` holds when one is given (a step of a larger atomic group). */
const guarded = (id: string, guard?: SQL) => (guard ? and(eq(toilets.id, id), guard) : eq(toilets.id, id));

/** Toilets: nearby search, lookup and the admin's writes. */
export function toiletsRepo(db: AppDb) {
  return {
    /** Nearest first, the portable SQL of platform/nearby (see toiletPlaces for the filters). */
    nearby(q: NearbyToiletsQuery, clock: CityClock): Promise<ToiletSummary[]> {
      return nearbyBySql(db, toiletPlaces, q, clock);
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

    updateStatement(id: string, input: Partial<ToiletRecordInput>, now: string, guard?: SQL) {
      const values: Partial<typeof toilets.$inferInsert> = { ...input, updatedAt: now } as Partial<typeof toilets.$inferInsert>;
      if (input.hours) values.hours = JSON.stringify(input.hours);
      if (input.lat !== undefined) values.latBand = latBand(input.lat);
      return db.update(toilets).set(values).where(guarded(id, guard));
    },

    deactivateStatement(id: string, reason: string, now: string, guard?: SQL) {
      return db.update(toilets).set({ active: false, deactivatedReason: reason, updatedAt: now }).where(guarded(id, guard));
    },

    /** Closed until the end of city day `until` (null reopens); only while `guard` holds, when one is given. */
    closureStatement(id: string, closure: { until: string; reason: string } | null, now: string, guard?: SQL) {
      return db
        .update(toilets)
        .set({ closedUntil: closure?.until ?? null, closureReason: closure?.reason ?? null, updatedAt: now })
        .where(guarded(id, guard));
    },

    async count(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)` }).from(toilets);
      return Number(row?.n ?? 0);
    },
  };
}
