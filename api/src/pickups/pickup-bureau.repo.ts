import { and, asc, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { pickupBlackouts, pickupBookings, pickupSlots } from "../db/schema";
import type { AppDb } from "../db/types";
import { guardedInsert } from "../platform/guarded-insert";

/*
 * The bureau's reads and guarded writes: blackout dates, per-slot capacity, and the rows the day overview
 * and the KPIs count. A blackout and a booking on its date exclude each other inside single statements
 * (each reads the other's table in its own guard), so neither can be raced past the other.
 */

export type PickupBlackoutRow = typeof pickupBlackouts.$inferSelect;

/** Bookings a blackout may not fall on: someone is still expecting a truck. */
export const LIVE_STATUSES = ["booked", "accepted", "arrived"] as const;

/** Holds while no blackout covers the city date `date` (a column or a value). */
export const notBlackedOut = (date: SQL | string) =>
  sql`not exists (select 1 from ${pickupBlackouts} where ${pickupBlackouts.date} = ${date})`;

const liveOn = (date: string) => and(eq(pickupBookings.date, date), inArray(pickupBookings.status, [...LIVE_STATUSES])) as SQL;

export function pickupBureauRepo(db: AppDb) {
  return {
    blackouts: () => db.select().from(pickupBlackouts).orderBy(asc(pickupBlackouts.date)),
    blackout: async (date: string) => (await db.select().from(pickupBlackouts).where(eq(pickupBlackouts.date, date)).limit(1))[0] ?? null,
    blackoutDatesIn: async (from: string, to: string) =>
      new Set(
        (
          await db
            .select({ date: pickupBlackouts.date })
            .from(pickupBlackouts)
            .where(and(gte(pickupBlackouts.date, from), lte(pickupBlackouts.date, to)))
        ).map((r) => r.date),
      ),
    liveBookingsOn: async (date: string) =>
      Number((await db.select({ n: sql<number>`count(*)` }).from(pickupBookings).where(liveOn(date)))[0]?.n ?? 0),
    /** Holds while the date has no live booking and no blackout yet. */
    blackoutAllowed: (date: string) => sql`not exists (select 1 from ${pickupBookings} where ${liveOn(date)}) and ${notBlackedOut(date)}`,
    /** The blackout, written only while `guard` (blackoutAllowed, read in this statement) holds. */
    insertBlackoutStatement: (row: typeof pickupBlackouts.$inferInsert, guard: SQL) => guardedInsert(db, pickupBlackouts, row, guard),
    blackoutExists: (date: string) => sql`exists (select 1 from ${pickupBlackouts} where ${pickupBlackouts.date} = ${date})`,
    deleteBlackoutStatement: (date: string) => db.delete(pickupBlackouts).where(eq(pickupBlackouts.date, date)),

    /** Slots of some streets between two dates, for the admin (blackout dates included: they exist). */
    slotsOfStreets: (streets: readonly string[], from: string, to: string) =>
      db
        .select()
        .from(pickupSlots)
        .where(and(inArray(pickupSlots.streetCode, [...streets]), gte(pickupSlots.date, from), lte(pickupSlots.date, to)))
        .orderBy(asc(pickupSlots.date), asc(pickupSlots.streetCode), asc(pickupSlots.window))
        .limit(2000),
    /**
     * The new capacity, only if it is not below what the slot holds, read in this same statement: a booking
     * taking points cannot slip between the check and the write, so the CHECK never fires.
     */
    setCapacityStatement: (id: string, capacity: number) =>
      db
        .update(pickupSlots)
        .set({ capacityPoints: capacity })
        .where(and(eq(pickupSlots.id, id), lte(pickupSlots.bookedPoints, capacity))),
    hasCapacity: (id: string, capacity: number) =>
      sql`exists (select 1 from ${pickupSlots} where ${pickupSlots.id} = ${id} and ${pickupSlots.capacityPoints} = ${capacity})`,

    /** Slots and bookings of one date (overview), optionally of some streets only. */
    slotsOn: (date: string, streets: readonly string[] | null) =>
      db
        .select()
        .from(pickupSlots)
        .where(and(eq(pickupSlots.date, date), streets ? inArray(pickupSlots.streetCode, [...streets]) : undefined)),
    statusCountsOn: (date: string, streets: readonly string[] | null) =>
      db
        .select({ streetCode: pickupBookings.streetCode, status: pickupBookings.status, n: sql<number>`count(*)` })
        .from(pickupBookings)
        .where(and(eq(pickupBookings.date, date), streets ? inArray(pickupBookings.streetCode, [...streets]) : undefined))
        .groupBy(pickupBookings.streetCode, pickupBookings.status),

    /**
     * Bookings whose day lies in from..to, not cancelled (the handler counts as due those whose day has
     * passed, and rates every rated one), with the moment they were completed and whether the collector reported a
     * no-show (the collector's outcome row: completed at, or unable with reason not_put_out).
     */
    bookingsForKpis: (from: string, to: string, streets: readonly string[] | null) =>
      db
        .select({
          date: pickupBookings.date,
          window: pickupBookings.window,
          status: pickupBookings.status,
          rating: pickupBookings.rating,
          // Written out: drizzle leaves columns in selected expressions unqualified, and "id" would be the history's.
          completedAt: sql<
            string | null
          >`(select o.at from pickup_outcomes o where o.booking_id = pickup_bookings.id and o.status = 'completed')`,
          noShow: sql<number>`exists (select 1 from pickup_outcomes o where o.booking_id = pickup_bookings.id and o.unable_reason = 'not_put_out')`,
        })
        .from(pickupBookings)
        .where(
          and(
            gte(pickupBookings.date, from),
            lte(pickupBookings.date, to),
            sql`${pickupBookings.status} <> 'cancelled'`,
            streets ? inArray(pickupBookings.streetCode, [...streets]) : undefined,
          ),
        ),
  };
}
