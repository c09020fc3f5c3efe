import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { pickupBookings, pickupOutcomes, pickupRecycled, pickupTakenItems, uploadAttachments } from "../db/schema";
import type { AppDb } from "../db/types";
import { guardedInsert } from "../platform/guarded-insert";
import type { BookingRow } from "./pickups.repo";

/*
 * Reads and guarded statements of the collector's day (arrive, complete, unable, the route). Each change is
 * one atomic() group opened by a claim (bookingChangesRepo.claimStatement); every statement here takes the
 * claim's `ran(historyId)` guard, so a request whose claim was refused writes nothing at all.
 */

/** The upload_attachments owner type of a worked job's photos (owner id: the booking). */
export const OUTCOME_PHOTOS = "pickup_outcome";

export type OutcomeRow = typeof pickupOutcomes.$inferSelect;
export type TakenRow = typeof pickupTakenItems.$inferSelect;
export type RecycledRow = typeof pickupRecycled.$inferSelect;

export function collectorDayRepo(db: AppDb) {
  return {
    /** Claim guard: `collectorId` still holds booking `id` (read inside the claim's own statement). */
    heldGuard: (id: string, collectorId: string): SQL =>
      sql`exists (select 1 from ${pickupBookings} where ${pickupBookings.id} = ${id} and ${pickupBookings.collectorId} = ${collectorId})`,
    /** The status move of a held job, at the version read, only once this group's claim is written. */
    workStatement: (b: BookingRow, collectorId: string, to: string, at: string, ran: SQL) =>
      db
        .update(pickupBookings)
        .set({ status: to, updatedAt: at, version: b.version + 1 })
        .where(and(eq(pickupBookings.id, b.id), eq(pickupBookings.version, b.version), eq(pickupBookings.collectorId, collectorId), ran)),
    outcomeStatement: (row: OutcomeRow, ran: SQL) => guardedInsert(db, pickupOutcomes, row, ran),
    takenStatement: (row: TakenRow, ran: SQL) => guardedInsert(db, pickupTakenItems, row, ran),
    recycledStatement: (row: RecycledRow, ran: SQL) => guardedInsert(db, pickupRecycled, row, ran),

    /** The jobs `collectorId` holds on `date` in the given statuses. */
    heldOn: (collectorId: string, date: string, statuses: readonly string[]) =>
      db
        .select()
        .from(pickupBookings)
        .where(
          and(eq(pickupBookings.collectorId, collectorId), eq(pickupBookings.date, date), inArray(pickupBookings.status, [...statuses])),
        )
        .orderBy(asc(pickupBookings.window), asc(pickupBookings.id))
        .limit(200),

    outcome: async (bookingId: string) => {
      const row = (await db.select().from(pickupOutcomes).where(eq(pickupOutcomes.bookingId, bookingId)).limit(1))[0];
      if (!row) return null;
      const [taken, recycled, photos] = await Promise.all([
        db.select().from(pickupTakenItems).where(eq(pickupTakenItems.bookingId, bookingId)).orderBy(asc(pickupTakenItems.code)),
        db.select().from(pickupRecycled).where(eq(pickupRecycled.bookingId, bookingId)).orderBy(asc(pickupRecycled.class)),
        db
          .select({ id: uploadAttachments.uploadId })
          .from(uploadAttachments)
          .where(and(eq(uploadAttachments.ownerType, OUTCOME_PHOTOS), eq(uploadAttachments.ownerId, bookingId)))
          .orderBy(asc(uploadAttachments.uploadId)),
      ]);
      return { row, taken, recycled, photoIds: photos.map((p) => p.id) };
    },
  };
}
