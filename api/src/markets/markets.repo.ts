import {
  addCityDays,
  type ClosedDate,
  latBand,
  type MarketSuspension,
  type MarketZoneKind,
  type MarketZoneRecord,
  type ZoneArea,
  type ZoneException,
  type ZoneSchedule,
  type ZoneSeason,
  type ZoneWindow,
  zoneCentre,
  zoneReachMetres,
} from "@civic/shared";
import { and, asc, eq, gte, inArray, isNull, lte, type SQL, sql } from "drizzle-orm";
import { auditLog, marketSubscriptions, marketSuspensions, marketZones } from "../db/schema";
import type { AppDb } from "../db/types";
import { guardedInsert } from "../platform/guarded-insert";

/* Data access for zones, suspensions and subscriptions. Writes are statements for one atomic() group. */

export type ZoneRow = typeof marketZones.$inferSelect;

/** A zone's record as stored: JSON columns parsed. */
export interface ZoneRecord extends MarketZoneRecord {
  id: string;
}

export function recordOf(row: ZoneRow): MarketZoneRecord {
  return {
    name: row.name,
    kind: row.kind as MarketZoneKind,
    area: JSON.parse(row.area) as ZoneArea,
    address: row.address,
    district: row.district,
    street: row.street,
    seasons: JSON.parse(row.seasons) as ZoneSeason[],
    windows: JSON.parse(row.windows) as ZoneWindow[],
    exceptions: JSON.parse(row.exceptions) as ZoneException[],
    goodsAllowed: JSON.parse(row.goodsAllowed) as string[],
    goodsForbidden: JSON.parse(row.goodsForbidden) as string[],
    stalls: row.stalls,
    fees: row.fees,
    vendorsRegister: row.vendorsRegister,
    managingUnit: row.managingUnit,
    contactPhone: row.contactPhone,
  };
}

export const scheduleOf = (row: Pick<ZoneRow, "seasons" | "windows" | "exceptions">): ZoneSchedule => ({
  seasons: JSON.parse(row.seasons) as ZoneSeason[],
  windows: JSON.parse(row.windows) as ZoneWindow[],
  exceptions: JSON.parse(row.exceptions) as ZoneException[],
});

/** The columns a record fills (position and reach derived from the area). */
export function zoneValues(r: MarketZoneRecord) {
  const centre = zoneCentre(r.area);
  return {
    name: r.name,
    kind: r.kind,
    area: JSON.stringify(r.area),
    lat: centre.lat,
    lng: centre.lng,
    latBand: latBand(centre.lat),
    reachM: Math.ceil(zoneReachMetres(r.area)),
    address: r.address,
    district: r.district,
    street: r.street,
    seasons: JSON.stringify(r.seasons),
    windows: JSON.stringify(r.windows),
    exceptions: JSON.stringify(r.exceptions),
    goodsAllowed: JSON.stringify(r.goodsAllowed),
    goodsForbidden: JSON.stringify(r.goodsForbidden),
    stalls: r.stalls,
    fees: r.fees,
    vendorsRegister: r.vendorsRegister,
    managingUnit: r.managingUnit,
    contactPhone: r.contactPhone,
  };
}

/** Holds once this group's audit row `claimId` is written: every later statement of the group waits on it. */
export const ran = (claimId: string) => sql`exists (select 1 from ${auditLog} where ${auditLog.id} = ${claimId})`;

/** The zone is active and still at `version` (what the admin decided on). */
export const atVersion = (id: string, version: number) =>
  sql`exists (select 1 from ${marketZones} where ${marketZones.id} = ${id} and ${marketZones.version} = ${version} and ${marketZones.active} = 1)`;

export const isActive = (id: string) =>
  sql`exists (select 1 from ${marketZones} where ${marketZones.id} = ${id} and ${marketZones.active} = 1)`;

export function marketsRepo(db: AppDb) {
  return {
    /** Every zone for the bureau's list: active first, then by name. */
    all: (): Promise<ZoneRow[]> => db.select().from(marketZones).orderBy(sql`${marketZones.active} desc`, asc(marketZones.name)),
    async byId(id: string): Promise<ZoneRow | null> {
      const [row] = await db.select().from(marketZones).where(eq(marketZones.id, id));
      return row ?? null;
    },

    insertStatement: (id: string, r: MarketZoneRecord, at: string) =>
      db.insert(marketZones).values({ id, ...zoneValues(r), version: 1, active: true, createdAt: at, updatedAt: at }),

    /** The audit row that claims an admin change: written only while `guard` holds. */
    claimStatement: (
      claimId: string,
      entry: { actorId: string; action: string; zoneId: string; detail?: unknown; at: string },
      guard: SQL,
    ) =>
      guardedInsert(
        db,
        auditLog,
        {
          id: claimId,
          actorId: entry.actorId,
          action: entry.action,
          targetType: "market_zone",
          targetId: entry.zoneId,
          detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
          at: entry.at,
        },
        guard,
      ),

    claimed: async (claimId: string) =>
      (await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.id, claimId)).limit(1)).length > 0,

    updateStatement: (id: string, version: number, r: MarketZoneRecord, at: string, claimId: string) =>
      db
        .update(marketZones)
        .set({ ...zoneValues(r), version: version + 1, updatedAt: at })
        .where(and(eq(marketZones.id, id), eq(marketZones.version, version), ran(claimId))),

    retireStatement: (id: string, version: number, reason: string, at: string, claimId: string) =>
      db
        .update(marketZones)
        .set({ active: false, retiredReason: reason, version: version + 1, updatedAt: at })
        .where(and(eq(marketZones.id, id), eq(marketZones.version, version), ran(claimId))),

    /** Suspensions in force from `fromDate` on, soonest first. */
    async upcomingSuspensions(zoneId: string, fromDate: string): Promise<MarketSuspension[]> {
      return db
        .select({
          id: marketSuspensions.id,
          date: marketSuspensions.date,
          reason: marketSuspensions.reason,
          createdAt: marketSuspensions.createdAt,
        })
        .from(marketSuspensions)
        .where(and(eq(marketSuspensions.zoneId, zoneId), gte(marketSuspensions.date, fromDate), isNull(marketSuspensions.cancelledAt)))
        .orderBy(asc(marketSuspensions.date));
    },

    /**
     * Suspensions in force around `today` (yesterday's night may still be running; two weeks ahead for the
     * next opening), per zone: what zoneStatusAt needs besides the schedule.
     */
    async closedDatesAround(today: string, zoneIds?: readonly string[]): Promise<Map<string, ClosedDate[]>> {
      const conds = [
        gte(marketSuspensions.date, addCityDays(today, -1)),
        lte(marketSuspensions.date, addCityDays(today, 15)),
        isNull(marketSuspensions.cancelledAt),
      ];
      if (zoneIds) conds.push(inArray(marketSuspensions.zoneId, [...zoneIds]));
      const rows = await db
        .select({ zoneId: marketSuspensions.zoneId, date: marketSuspensions.date, reason: marketSuspensions.reason })
        .from(marketSuspensions)
        .where(and(...conds));
      const out = new Map<string, ClosedDate[]>();
      for (const r of rows) out.set(r.zoneId, [...(out.get(r.zoneId) ?? []), { date: r.date, reason: r.reason }]);
      return out;
    },

    async suspension(zoneId: string, suspensionId: string) {
      const [row] = await db
        .select()
        .from(marketSuspensions)
        .where(and(eq(marketSuspensions.id, suspensionId), eq(marketSuspensions.zoneId, zoneId)));
      return row ?? null;
    },

    suspendStatement: (row: { id: string; zoneId: string; date: string; reason: string; createdBy: string; at: string }, claimId: string) =>
      guardedInsert(
        db,
        marketSuspensions,
        {
          id: row.id,
          zoneId: row.zoneId,
          date: row.date,
          reason: row.reason,
          createdBy: row.createdBy,
          createdAt: row.at,
          cancelledAt: null,
          cancelledBy: null,
        },
        ran(claimId),
      ),

    cancelSuspensionStatement: (suspensionId: string, by: string, at: string, claimId: string) =>
      db
        .update(marketSuspensions)
        .set({ cancelledAt: at, cancelledBy: by })
        .where(and(eq(marketSuspensions.id, suspensionId), isNull(marketSuspensions.cancelledAt), ran(claimId))),

    /** Holds while the zone has no suspension in force on `date`. */
    notSuspendedOn: (zoneId: string, date: string) =>
      sql`not exists (select 1 from ${marketSuspensions} where ${marketSuspensions.zoneId} = ${zoneId} and ${marketSuspensions.date} = ${date} and ${marketSuspensions.cancelledAt} is null)`,

    /** Holds while the suspension is in force. */
    suspensionLive: (suspensionId: string) =>
      sql`exists (select 1 from ${marketSuspensions} where ${marketSuspensions.id} = ${suspensionId} and ${marketSuspensions.cancelledAt} is null)`,

    /** The zone's subscribers, as a subquery for one outbox row each. */
    subscribersOf: (zoneId: string) =>
      sql`select ${marketSubscriptions.userId} as uid from ${marketSubscriptions} where ${marketSubscriptions.zoneId} = ${zoneId}`,

    async isSubscribed(zoneId: string, userId: string): Promise<boolean> {
      const rows = await db
        .select({ z: marketSubscriptions.zoneId })
        .from(marketSubscriptions)
        .where(and(eq(marketSubscriptions.zoneId, zoneId), eq(marketSubscriptions.userId, userId)))
        .limit(1);
      return rows.length > 0;
    },

    /** Subscribes once: a repeat changes nothing. */
    subscribeStatement: (zoneId: string, userId: string, at: string) =>
      db.insert(marketSubscriptions).values({ zoneId, userId, createdAt: at }).onConflictDoNothing(),

    unsubscribeStatement: (zoneId: string, userId: string) =>
      db.delete(marketSubscriptions).where(and(eq(marketSubscriptions.zoneId, zoneId), eq(marketSubscriptions.userId, userId))),

    /** Active zones whose reach comes within `metres` of a point's latitude band (a coarse prefilter; the caller measures). */
    async zonesAround(lat: number, metres: number): Promise<ZoneRow[]> {
      // Zones are few (hundreds per city) and reach at most 2 km: a latitude window of 3 km is plenty.
      const span = (3000 + metres) / 111_000;
      return db
        .select()
        .from(marketZones)
        .where(and(eq(marketZones.active, true), sql`${marketZones.lat} between ${lat - span} and ${lat + span}`));
    },
  };
}
