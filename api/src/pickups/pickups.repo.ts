import { HOLDING_STATUSES, type PickupCategory, type PickupItem } from "@civic/shared";
import { and, asc, desc, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { pickupBookingItems, pickupBookings, pickupHistory, pickupItems, pickupSlots } from "../db/schema";
import type { AppDb } from "../db/types";
import { guardedInsert } from "../platform/guarded-insert";
import { newId } from "../platform/ids";
import { notBlackedOut } from "./pickup-bureau.repo";

/* Reads and the guarded statements of pickups; handlers put the statements into one atomic() group. */

export type BookingRow = typeof pickupBookings.$inferSelect;
export type SlotRow = typeof pickupSlots.$inferSelect;
export type BookingItemRow = typeof pickupBookingItems.$inferSelect;

const holding = sql.join(
  HOLDING_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

export function pickupsRepo(db: AppDb) {
  const bookingExists = (id: string, extra?: SQL) =>
    sql`exists (select 1 from ${pickupBookings} where ${pickupBookings.id} = ${id}${extra ? sql` and ${extra}` : sql``})`;
  return {
    items: async (includeRetired: boolean): Promise<PickupItem[]> => {
      const rows = await db
        .select()
        .from(pickupItems)
        .where(includeRetired ? undefined : eq(pickupItems.active, true))
        .orderBy(asc(pickupItems.category), asc(pickupItems.code));
      return rows.map(({ createdAt: _c, updatedAt: _u, ...item }) => ({ ...item, category: item.category as PickupCategory }));
    },
    item: async (code: string) => (await db.select().from(pickupItems).where(eq(pickupItems.code, code)).limit(1))[0] ?? null,
    slot: async (id: string): Promise<SlotRow | null> =>
      (await db.select().from(pickupSlots).where(eq(pickupSlots.id, id)).limit(1))[0] ?? null,
    slotsOf: (street: string, from: string, to: string) =>
      db
        .select()
        .from(pickupSlots)
        .where(
          and(
            eq(pickupSlots.streetCode, street),
            gte(pickupSlots.date, from),
            lte(pickupSlots.date, to),
            // No slot is offered on a blackout date.
            notBlackedOut(sql`${pickupSlots.date}`),
          ),
        )
        .orderBy(asc(pickupSlots.date), asc(pickupSlots.window)),
    booking: async (id: string): Promise<BookingRow | null> =>
      (await db.select().from(pickupBookings).where(eq(pickupBookings.id, id)).limit(1))[0] ?? null,
    bookingItems: (id: string) =>
      db.select().from(pickupBookingItems).where(eq(pickupBookingItems.bookingId, id)).orderBy(asc(pickupBookingItems.code)),
    mine: (residentId: string) =>
      db.select().from(pickupBookings).where(eq(pickupBookings.residentId, residentId)).orderBy(desc(pickupBookings.createdAt)).limit(100),
    householdCount: async (householdKey: string, year: string) =>
      (
        await db
          .select({ n: sql<number>`count(*)` })
          .from(pickupBookings)
          .where(
            and(
              eq(pickupBookings.householdKey, householdKey),
              eq(pickupBookings.quotaYear, year),
              inArray(pickupBookings.status, [...HOLDING_STATUSES]),
            ),
          )
      )[0]?.n ?? 0,

    /**
     * The booking row, written only if (with `guard`) the slot still has room for its points, its date is
     * not a blackout date and the household is under its quota — all read inside this one statement, and the atomic() group runs
     * as one transaction, so parallel bookings cannot both pass a check the other would fail.
     */
    insertBookingStatement: (row: typeof pickupBookings.$inferInsert, quota: number, guard: SQL) =>
      guardedInsert(
        db,
        pickupBookings,
        row,
        sql`${guard} and exists (select 1 from ${pickupSlots} where ${pickupSlots.id} = ${row.slotId} and ${pickupSlots.bookedPoints} + ${row.volumePoints} <= ${pickupSlots.capacityPoints})
          and ${notBlackedOut(row.date)}
          and (select count(*) from ${pickupBookings} where ${pickupBookings.householdKey} = ${row.householdKey} and ${pickupBookings.quotaYear} = ${row.quotaYear} and ${pickupBookings.status} in (${holding})) < ${quota}`,
      ),
    insertItemStatement: (row: BookingItemRow) => guardedInsert(db, pickupBookingItems, row, bookingExists(row.bookingId)),
    /** Takes the points for a booking that this group just wrote (nothing if it was refused). */
    takeCapacityStatement: (slotId: string, points: number, bookingId: string) =>
      db
        .update(pickupSlots)
        .set({ bookedPoints: sql`${pickupSlots.bookedPoints} + ${points}` })
        .where(and(eq(pickupSlots.id, slotId), bookingExists(bookingId, eq(pickupBookings.slotId, slotId)))),
    /** A status move guarded by the version read (so of two parallel moves one applies). */
    moveStatement: (b: BookingRow, from: readonly string[], to: string, at: string) =>
      db
        .update(pickupBookings)
        .set({ status: to, updatedAt: at, version: b.version + 1 })
        .where(and(eq(pickupBookings.id, b.id), eq(pickupBookings.version, b.version), inArray(pickupBookings.status, [...from]))),
    /** Holds only after this group's own move of `b` (read at its version) to `to`. */
    movedGuard: (b: BookingRow, to: string) =>
      bookingExists(b.id, sql`${pickupBookings.status} = ${to} and ${pickupBookings.version} = ${b.version + 1}`),
    /** Gives a cancelled booking's points back, only if this group's move to cancelled applied. */
    releaseCapacityStatement: (b: BookingRow) =>
      db
        .update(pickupSlots)
        .set({ bookedPoints: sql`${pickupSlots.bookedPoints} - ${b.volumePoints}` })
        .where(
          and(
            eq(pickupSlots.id, b.slotId),
            bookingExists(b.id, sql`${pickupBookings.status} = 'cancelled' and ${pickupBookings.version} = ${b.version + 1}`),
          ),
        ),
    historyStatement: (
      h: { bookingId: string; action: string; from: string | null; to: string; actorId: string; note?: string | null; at: string },
      guard: SQL,
    ) =>
      guardedInsert(
        db,
        pickupHistory,
        {
          id: newId(),
          bookingId: h.bookingId,
          action: h.action,
          fromStatus: h.from,
          toStatus: h.to,
          actorId: h.actorId,
          note: h.note ?? null,
          at: h.at,
        },
        guard,
      ),
    bookingExists,
  };
}
