import {
  type CityClock,
  type HourlyRate,
  type LotType,
  latBand,
  type NearbyParkingQuery,
  type OpeningHours,
  openAt,
  type ParkingAdminLot,
  type ParkingLotDetail,
  type ParkingLotRecordInput,
  type ParkingLotSummary,
} from "@civic/shared";
import { and, asc, eq, sql } from "drizzle-orm";
import { parkingLots, parkingOperators } from "../db/schema";
import type { AppDb } from "../db/types";
import { newId } from "../platform/ids";
import { nearbyBySql } from "../platform/nearby/sql-search";
import { liveOf } from "./live-board";
import { occupancySeries } from "./observations.repo";
import { liveEntryOf, type ParkingSearchContext, parkingPlaces } from "./parking-places";

export type LotRow = typeof parkingLots.$inferSelect;
type OperatorRow = typeof parkingOperators.$inferSelect;

/** The lot's static columns from what an admin wrote (live_* are the feed's). */
export function lotValues(input: Partial<ParkingLotRecordInput>) {
  const v: Partial<typeof parkingLots.$inferInsert> = {};
  if (input.name !== undefined) v.name = input.name;
  if (input.type !== undefined) v.type = input.type;
  if (input.address !== undefined) v.address = input.address;
  if (input.district !== undefined) v.district = input.district;
  if (input.lat !== undefined) {
    v.lat = input.lat;
    v.latBand = latBand(input.lat);
  }
  if (input.lng !== undefined) v.lng = input.lng;
  if (input.capacity !== undefined) {
    v.capacityTotal = input.capacity.total;
    v.capacityDisabled = input.capacity.disabled;
    v.capacityCharging = input.capacity.charging;
    v.capacityShared = input.capacity.shared;
  }
  if (input.fees !== undefined) {
    v.feeText = input.fees.text;
    v.feeRate = input.fees.rate ? JSON.stringify(input.fees.rate) : null;
  }
  if (input.hours !== undefined) v.hours = JSON.stringify(input.hours);
  if (input.sharedHours !== undefined) v.sharedHours = input.sharedHours ? JSON.stringify(input.sharedHours) : null;
  if (input.operatorId !== undefined) v.operatorId = input.operatorId;
  if (input.operatorLotId !== undefined) v.operatorLotId = input.operatorLotId;
  if (input.licence !== undefined) v.licence = input.licence;
  return v;
}

/** The freshness limit a lot's reports are judged by: its operator's, or 0 (never fresh) without one. */
export const limitOf = (op: Pick<OperatorRow, "kind" | "freshnessMinutes"> | null | undefined) =>
  op ? (op.kind === "pull" ? 30 : op.freshnessMinutes) : 0;

/** The next live sequence number, inside the statement that writes it. */
export const nextLiveSeq = sql`(select coalesce(max(${parkingLots.liveSeq}), 0) + 1 from ${parkingLots})`;

export function toLotDetail(
  row: LotRow,
  op: OperatorRow | null,
  clock: CityClock,
  now: Date,
  last24h: ParkingLotDetail["last24h"],
): ParkingLotDetail {
  const hours = JSON.parse(row.hours) as OpeningHours;
  return {
    id: row.id,
    name: row.name,
    type: row.type as LotType,
    address: row.address,
    district: row.district,
    lat: row.lat,
    lng: row.lng,
    capacity: { total: row.capacityTotal, disabled: row.capacityDisabled, charging: row.capacityCharging, shared: row.capacityShared },
    fees: { text: row.feeText, rate: row.feeRate ? (JSON.parse(row.feeRate) as HourlyRate) : null },
    hours,
    sharedHours: row.sharedHours ? (JSON.parse(row.sharedHours) as OpeningHours) : null,
    openNow: openAt(hours, clock),
    source: {
      operatorId: op?.id ?? null,
      operatorName: op?.name ?? null,
      kind: op ? op.kind : "none",
      licence: row.licence || op?.licence || "",
    },
    live: liveOf(liveEntryOf(row), now),
    last24h,
    active: row.active,
    updatedAt: row.updatedAt,
  };
}

export function lotsRepo(db: AppDb) {
  return {
    nearby(q: NearbyParkingQuery, ctx: ParkingSearchContext): Promise<ParkingLotSummary[]> {
      return nearbyBySql(db, parkingPlaces, q, ctx);
    },

    async byId(id: string): Promise<{ lot: LotRow; operator: OperatorRow | null } | null> {
      const [row] = await db
        .select({ lot: parkingLots, operator: parkingOperators })
        .from(parkingLots)
        .leftJoin(parkingOperators, eq(parkingOperators.id, parkingLots.operatorId))
        .where(eq(parkingLots.id, id));
      return row ?? null;
    },

    async detail(id: string, clock: CityClock, now: Date): Promise<ParkingLotDetail | null> {
      const found = await this.byId(id);
      if (!found) return null;
      return toLotDetail(found.lot, found.operator, clock, now, await occupancySeries(db, id, now));
    },

    /** Every lot as the bureau edits it (no chart), by district then name; or the one lot `id`. */
    async forAdmin(clock: CityClock, now: Date, id?: string): Promise<ParkingAdminLot[]> {
      const rows = await db
        .select({ lot: parkingLots, operator: parkingOperators })
        .from(parkingLots)
        .leftJoin(parkingOperators, eq(parkingOperators.id, parkingLots.operatorId))
        .where(id === undefined ? undefined : eq(parkingLots.id, id))
        .orderBy(asc(parkingLots.district), asc(parkingLots.name));
      return rows.map(({ lot, operator }) => {
        const { last24h: _chart, ...detail } = toLotDetail(lot, operator, clock, now, []);
        return { ...detail, operatorLotId: lot.operatorLotId, licence: lot.licence };
      });
    },

    insertStatement(input: ParkingLotRecordInput, limitMinutes: number, now: string, id: string = newId()) {
      const values = lotValues(input) as typeof parkingLots.$inferInsert;
      return db.insert(parkingLots).values({ ...values, id, liveLimitMinutes: limitMinutes, active: true, createdAt: now, updatedAt: now });
    },

    /** `limitMinutes`: the new operator's limit when the lot changes operator, null otherwise. */
    updateStatement(id: string, input: Partial<ParkingLotRecordInput> & { active?: boolean }, limitMinutes: number | null, now: string) {
      const values = { ...lotValues(input), updatedAt: now } as Partial<typeof parkingLots.$inferInsert>;
      if (input.active !== undefined) values.active = input.active;
      // A new operator starts from no report: the old one's numbers are not its own.
      if (limitMinutes !== null) {
        Object.assign(values, {
          liveLimitMinutes: limitMinutes,
          liveSeq: nextLiveSeq,
          liveFree: null,
          liveTotal: null,
          liveStatus: null,
          liveObservedAt: null,
        });
      }
      return db.update(parkingLots).set(values).where(eq(parkingLots.id, id));
    },

    /** An operator's new freshness limit reaches its lots (and the live board, through live_seq). */
    limitStatement(operatorId: string, limitMinutes: number) {
      return db
        .update(parkingLots)
        .set({ liveLimitMinutes: limitMinutes, liveSeq: nextLiveSeq })
        .where(and(eq(parkingLots.operatorId, operatorId), sql`${parkingLots.liveLimitMinutes} <> ${limitMinutes}`));
    },
  };
}
