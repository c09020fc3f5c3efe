import { HOLDING_STATUSES } from "@civic/shared";
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import { pickupBookingItems, pickupBookings, pickupHistory, pickupSlots } from "../db/schema";
import type { AppDb } from "../db/types";
import { guardedInsert } from "../platform/guarded-insert";
import { notBlackedOut } from "./pickup-bureau.repo";
import type { BookingRow } from "./pickups.repo";

/*
 * The guarded statements of a resident's amend, "not collected" and rating. Each is one atomic() group
 * that starts with its history row, written only if the booking is still at the version read (and, for an
 * amend, the new slot has room for the change). Every later statement is guarded by "this history row
 * exists": its id is new, so no other request's change can satisfy the guard (a version check alone would
 * be satisfied by a parallel request's bump). Capacity is taken on the new slot before the old is released,
 * and on the same slot only the difference moves, so a held amount is never given back first.
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

export interface HistoryEntry {
  action: string;
  from: string;
  to: string;
  actorId: string;
  note: string | null;
  at: string;
}

export function bookingChangesRepo(db: AppDb) {
  /** Holds only once this group's history row `historyId` is written. */
  const ran = (historyId: string) => sql`exists (select 1 from ${pickupHistory} where ${pickupHistory.id} = ${historyId})`;
  /** The history row that claims the change: written only if `b` is still at its version and `extra` holds. */
  const claimStatement = (b: BookingRow, historyId: string, h: HistoryEntry, extra?: SQL) =>
    guardedInsert(
      db,
      pickupHistory,
      { id: historyId, bookingId: b.id, action: h.action, fromStatus: h.from, toStatus: h.to, actorId: h.actorId, note: h.note, at: h.at },
      sql`exists (select 1 from ${pickupBookings} where ${pickupBookings.id} = ${b.id} and ${pickupBookings.version} = ${b.version} and ${pickupBookings.status} = ${b.status})${extra ? sql` and ${extra}` : sql``}`,
    );
  const thisBooking = (b: BookingRow) => and(eq(pickupBookings.id, b.id), eq(pickupBookings.version, b.version));
  return {
    ran,
    claimStatement,
    claimed: async (historyId: string) =>
      (await db.select({ id: pickupHistory.id }).from(pickupHistory).where(eq(pickupHistory.id, historyId)).limit(1)).length > 0,
    /** `b` has no rating yet (a claim guard: read inside the claim's own statement). */
    notRated: (b: BookingRow) =>
      sql`exists (select 1 from ${pickupBookings} where ${pickupBookings.id} = ${b.id} and ${pickupBookings.rating} is null)`,
    /** The guards an amend claims on: room on the new slot for the change, no blackout there, and the quota if the year moves. */
    amendGuard: (b: BookingRow, p: AmendPlan): SQL => {
      const need = p.slot.id === b.slotId ? p.points - b.volumePoints : p.points;
      const open = sql`exists (select 1 from ${pickupSlots} where ${pickupSlots.id} = ${p.slot.id} and ${pickupSlots.bookedPoints} + ${need} <= ${pickupSlots.capacityPoints})`;
      // A move onto a blackout date is refused here, in the claim, so a blackout created meanwhile holds.
      const room = p.slot.id === b.slotId ? open : sql`${open} and ${notBlackedOut(p.slot.date)}`;
      if (!p.quota) return room;
      return sql`${room} and (select count(*) from ${pickupBookings} where ${pickupBookings.householdKey} = ${p.quota.householdKey} and ${pickupBookings.quotaYear} = ${p.quotaYear} and ${pickupBookings.status} in (${holding})) < ${p.quota.limit}`;
    },
    amendBookingStatement: (b: BookingRow, p: AmendPlan, historyId: string) =>
      db
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
        .where(and(thisBooking(b), ran(historyId))),
    /** Adds `points` to a slot (negative gives back), only if this group's claim was written. */
    adjustSlotStatement: (historyId: string, slotId: string, points: number) =>
      db
        .update(pickupSlots)
        .set({ bookedPoints: sql`${pickupSlots.bookedPoints} + ${points}` })
        .where(and(eq(pickupSlots.id, slotId), ran(historyId))),
    deleteItemsStatement: (b: BookingRow, historyId: string) =>
      db.delete(pickupBookingItems).where(and(eq(pickupBookingItems.bookingId, b.id), ran(historyId))),
    itemStatement: (historyId: string, row: typeof pickupBookingItems.$inferInsert) =>
      guardedInsert(db, pickupBookingItems, row, ran(historyId)),
    /** A status move (missed, with the case it opened), only if this group's claim was written. */
    moveStatement: (b: BookingRow, to: string, at: string, historyId: string, extra: { reportId?: string } = {}) =>
      db
        .update(pickupBookings)
        .set({ status: to, updatedAt: at, version: b.version + 1, ...extra })
        .where(and(thisBooking(b), ran(historyId))),
    /** The rating, once, on a completed booking, only if this group's claim was written. */
    rateStatement: (b: BookingRow, rating: number, at: string, historyId: string) =>
      db
        .update(pickupBookings)
        .set({ rating, updatedAt: at, version: b.version + 1 })
        .where(and(thisBooking(b), eq(pickupBookings.status, "completed"), isNull(pickupBookings.rating), ran(historyId))),
  };
}
