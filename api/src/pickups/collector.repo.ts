import { and, asc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { pickupBookingItems, pickupBookings, pickupCollectorStreets, userRoles, users } from "../db/schema";
import type { AppDb } from "../db/types";
import type { BookingRow } from "./pickups.repo";

/* Reads and guarded statements of the collectors' side; handlers put the statements into one atomic() group. */

/** Statuses of a job a collector holds and still has to work (shown in their list). */
const HELD = ["accepted", "arrived"];

export function collectorRepo(db: AppDb) {
  const inStreetsOf = (collectorId: string): SQL =>
    sql`${pickupBookings.streetCode} in (select ${pickupCollectorStreets.streetCode} from ${pickupCollectorStreets} where ${pickupCollectorStreets.userId} = ${collectorId})`;
  return {
    userExists: async (id: string) => (await db.select({ id: users.id }).from(users).where(eq(users.id, id)).limit(1)).length > 0,
    isCollector: async (id: string) =>
      (
        await db
          .select({ r: userRoles.role })
          .from(userRoles)
          .where(and(eq(userRoles.userId, id), eq(userRoles.role, "collector")))
          .limit(1)
      ).length > 0,
    streetsOf: async (id: string) =>
      (
        await db
          .select({ s: pickupCollectorStreets.streetCode })
          .from(pickupCollectorStreets)
          .where(eq(pickupCollectorStreets.userId, id))
          .orderBy(asc(pickupCollectorStreets.streetCode))
      ).map((r) => r.s),
    /** Every user holding the collector role (erased accounts lose their roles), by name then id. */
    collectors: () =>
      db
        .select({ id: users.id, nickname: users.nickname })
        .from(users)
        .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "collector")))
        .where(isNull(users.erasedAt))
        .orderBy(asc(users.nickname), asc(users.id)),
    /** The streets of every collector, in street order (one read for the admin's list). */
    allCollectorStreets: () =>
      db
        .select({ userId: pickupCollectorStreets.userId, streetCode: pickupCollectorStreets.streetCode })
        .from(pickupCollectorStreets)
        .innerJoin(userRoles, and(eq(userRoles.userId, pickupCollectorStreets.userId), eq(userRoles.role, "collector")))
        .orderBy(asc(pickupCollectorStreets.streetCode)),
    /** The whole list replaced: delete, then insert (one atomic group). */
    replaceStreetsStatements: (id: string, streets: readonly string[], at: string) => [
      db.delete(pickupCollectorStreets).where(eq(pickupCollectorStreets.userId, id)),
      ...(streets.length
        ? [db.insert(pickupCollectorStreets).values(streets.map((streetCode) => ({ userId: id, streetCode, createdAt: at })))]
        : []),
    ],
    /** Open jobs in the collector's streets and the jobs they hold, between two city dates. */
    jobs: (collectorId: string, from: string, to: string) =>
      db
        .select()
        .from(pickupBookings)
        .where(
          and(
            gte(pickupBookings.date, from),
            lte(pickupBookings.date, to),
            or(
              and(eq(pickupBookings.status, "booked"), isNull(pickupBookings.collectorId), inStreetsOf(collectorId)),
              and(eq(pickupBookings.collectorId, collectorId), inArray(pickupBookings.status, HELD)),
            ),
          ),
        )
        .orderBy(asc(pickupBookings.date), asc(pickupBookings.window), asc(pickupBookings.streetCode))
        .limit(500),
    /** A booking, only if it lies in the collector's streets (anything else does not exist for them). */
    jobInStreets: async (collectorId: string, id: string): Promise<BookingRow | null> =>
      (
        await db
          .select()
          .from(pickupBookings)
          .where(and(eq(pickupBookings.id, id), inStreetsOf(collectorId)))
          .limit(1)
      )[0] ?? null,
    itemsOf: (ids: readonly string[]) =>
      ids.length
        ? db
            .select()
            .from(pickupBookingItems)
            .where(inArray(pickupBookingItems.bookingId, [...ids]))
            .orderBy(asc(pickupBookingItems.code))
        : Promise.resolve([]),
    /**
     * The one guarded write that decides who wins a job: it applies only while the job is still open, at the
     * version read, and in the collector's streets, so of parallel accepts exactly one changes the row.
     */
    acceptStatement: (b: BookingRow, collectorId: string, at: string) =>
      db
        .update(pickupBookings)
        .set({ status: "accepted", collectorId, updatedAt: at, version: b.version + 1 })
        .where(
          and(
            eq(pickupBookings.id, b.id),
            eq(pickupBookings.version, b.version),
            eq(pickupBookings.status, "booked"),
            isNull(pickupBookings.collectorId),
            inStreetsOf(collectorId),
          ),
        ),
    /** Holds only after this collector's accept of `b` (read at its version) applied. */
    acceptedGuard: (b: BookingRow, collectorId: string): SQL =>
      sql`exists (select 1 from ${pickupBookings} where ${pickupBookings.id} = ${b.id} and ${pickupBookings.status} = 'accepted' and ${pickupBookings.collectorId} = ${collectorId} and ${pickupBookings.version} = ${b.version + 1})`,
    /** Back to open, only by the holder, at the version read, and only once the group's claim (`ran`) is written. */
    releaseStatement: (b: BookingRow, collectorId: string, at: string, ran: SQL) =>
      db
        .update(pickupBookings)
        .set({ status: "booked", collectorId: null, updatedAt: at, version: b.version + 1 })
        .where(
          and(
            eq(pickupBookings.id, b.id),
            eq(pickupBookings.version, b.version),
            eq(pickupBookings.status, "accepted"),
            eq(pickupBookings.collectorId, collectorId),
            ran,
          ),
        ),
  };
}
