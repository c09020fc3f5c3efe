import { HOLDING_STATUSES } from "@civic/shared";
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { pickupBookingItems, pickupBookings, pickupSlots } from "../db/schema";
import type { AppDb } from "../db/types";
import { guardedInsert } from "../platform/guarded-insert";
import type { BookingRow } from "./pickups.repo";

/*
 * The guarded statements of a resident's amend and rating. An amend is one atomic() group: the booking
 * row moves first, guarded by "still at the version read" and "the new slot has room for the change";
 * every later statement (capacity, items, history) is guarded by "this group's move applied", so the
 * group applies whole or not at all. Capacity is taken on the new slot before the old is released, and on
 * the same slot only the difference moves, so a held amount is never given back first.
 */

const holding = sql.join(
  HOLDING_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

export interface AmendPlan {
  slot: { id: string; date: string; window: string; streetCode: string };
  points: number;
  quotaYear: string;
  /** Set when the new date falls in another quota year: the household must still be under it. */
  quota: { householdKey: string; limit: number } | null;
  /** An accepted booking whose date changes goes back to booked, without its collector. */
  toStatus: string;
  collectorId: string | null;
  at: string;
}

export function bookingChangesRepo(db: AppDb) {
  /** Holds only after this group's own update of `b` (read at its version). */
  const changed = (b: BookingRow) =>
    sql`exists (select 1 from ${pickupBookings} where ${pickupBookings.id} = ${b.id} and ${pickupBookings.version} = ${b.version + 1})`;
  return {
    changed,
    amendBookingStatement: (b: BookingRow, p: AmendPlan) => {
      const sameSlot = p.slot.id === b.slotId;
      const need = sameSlot ? p.points - b.volumePoints : p.points;
      const room = sql`exists (select 1 from ${pickupSlots} where ${pickupSlots.id} = ${p.slot.id} and ${pickupSlots.bookedPoints} + ${need} <= ${pickupSlots.capacityPoints})`;
      const guards: SQL[] = [
        eq(pickupBookings.id, b.id),
        eq(pickupBookings.version, b.version),
        inArray(pickupBookings.status, ["booked", "accepted"]),
        room,
      ];
      if (p.quota) {
        guards.push(
          sql`(select count(*) from ${pickupBookings} where ${pickupBookings.householdKey} = ${p.quota.householdKey} and ${pickupBookings.quotaYear} = ${p.quotaYear} and ${pickupBookings.status} in (${holding})) < ${p.quota.limit}`,
        );
      }
      return db
        .update(pickupBookings)
        .set({
          slotId: p.slot.id,
          streetCode: p.slot.streetCode,
          date: p.slot.date,
          window: p.slot.window,
          quotaYear: p.quotaYear,
          volumePoints: p.points,
          status: p.toStatus,
          collectorId: p.collectorId,
          updatedAt: p.at,
          version: b.version + 1,
        })
        .where(and(...guards));
    },
    /** Adds `points` to a slot (negative gives back), only if this group's update of `b` applied. */
    adjustSlotStatement: (b: BookingRow, slotId: string, points: number) =>
      db
        .update(pickupSlots)
        .set({ bookedPoints: sql`${pickupSlots.bookedPoints} + ${points}` })
        .where(and(eq(pickupSlots.id, slotId), changed(b))),
    deleteItemsStatement: (b: BookingRow) => db.delete(pickupBookingItems).where(and(eq(pickupBookingItems.bookingId, b.id), changed(b))),
    /** The rating, once, on a completed booking still at the version read. */
    rateStatement: (b: BookingRow, rating: number, at: string) =>
      db
        .update(pickupBookings)
        .set({ rating, updatedAt: at, version: b.version + 1 })
        .where(
          and(
            eq(pickupBookings.id, b.id),
            eq(pickupBookings.version, b.version),
            eq(pickupBookings.status, "completed"),
            isNull(pickupBookings.rating),
          ),
        ),
  };
}

/** An item line of an amended booking, written only if the group's update applied. */
export const amendItemStatement = (db: AppDb, b: BookingRow, row: typeof pickupBookingItems.$inferInsert) =>
  guardedInsert(db, pickupBookingItems, row, bookingChangesRepo(db).changed(b));
