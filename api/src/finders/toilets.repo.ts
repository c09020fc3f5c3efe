import {
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
import { eq, inArray, sql } from "drizzle-orm";
import { toilets } from "../db/schema";
import type { AppDb } from "../db/types";
import { newId } from "../platform/ids";
import { nearbyBySql } from "../platform/nearby/sql-search";
import { toiletPlaces } from "./toilet-places";

type ToiletRow = typeof toilets.$inferSelect;

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
