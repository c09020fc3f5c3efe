import { and, asc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import {
  binRooms,
  communities,
  communityMembers,
  outbox,
  pointsCodes,
  pointsEntries,
  sortingChecks,
  uploadAttachments,
  volunteerCommunities,
} from "../db/schema";
import type { AppDb } from "../db/types";
import { guardedInsert } from "../platform/guarded-insert";

/* Reads and statements of volunteers' sorting checks (sorting_checks) and their bin rooms. */

export type CheckRow = typeof sortingChecks.$inferSelect;
export type RoomRow = { id: string; code: string; name: string; communityId: string; communityName: string };

/** The upload_attachments owner type of a check's photo (owner id: the check). */
export const CHECK_PHOTOS = "sorting_check";

const roomColumns = {
  id: binRooms.id,
  code: binRooms.code,
  name: binRooms.name,
  communityId: binRooms.communityId,
  communityName: communities.name,
};

export const checksRepo = (db: AppDb) => ({
  /** The active rooms of the communities the volunteer serves. */
  async roomsOf(volunteerId: string): Promise<RoomRow[]> {
    return db
      .select(roomColumns)
      .from(binRooms)
      .innerJoin(communities, eq(communities.id, binRooms.communityId))
      .innerJoin(volunteerCommunities, eq(volunteerCommunities.communityId, binRooms.communityId))
      .where(and(eq(volunteerCommunities.volunteerId, volunteerId), eq(binRooms.active, true), eq(communities.active, true)))
      .orderBy(asc(communities.name), asc(binRooms.name));
  },

  /** An active room (of an active community) by its QR code or id; retired or unknown → undefined. */
  async room(by: { code?: string; id?: string }): Promise<RoomRow | undefined> {
    const match = by.code !== undefined ? eq(binRooms.code, by.code) : eq(binRooms.id, by.id ?? "");
    const [row] = await db
      .select(roomColumns)
      .from(binRooms)
      .innerJoin(communities, eq(communities.id, binRooms.communityId))
      .where(and(match, eq(binRooms.active, true), eq(communities.active, true)))
      .limit(1);
    return row;
  },

  async serves(volunteerId: string, communityId: string): Promise<boolean> {
    const rows = await db
      .select({ c: volunteerCommunities.communityId })
      .from(volunteerCommunities)
      .where(and(eq(volunteerCommunities.volunteerId, volunteerId), eq(volunteerCommunities.communityId, communityId)))
      .limit(1);
    return rows.length > 0;
  },

  async check(id: string): Promise<CheckRow | undefined> {
    const [row] = await db.select().from(sortingChecks).where(eq(sortingChecks.id, id)).limit(1);
    return row;
  },

  /** Points the check's award gave (0 when capped or for an incorrect bag). */
  async pointsOf(checkId: string): Promise<number> {
    const [row] = await db
      .select({ amount: pointsEntries.amount })
      .from(pointsEntries)
      .where(eq(pointsEntries.sourceKey, `check:${checkId}`))
      .limit(1);
    return row?.amount ?? 0;
  },

  async codeRef(accountId: string): Promise<string | undefined> {
    const [row] = await db.select({ ref: pointsCodes.ref }).from(pointsCodes).where(eq(pointsCodes.accountId, accountId));
    return row?.ref;
  },

  /** The household's error codes of its incorrect checks since `since` (ISO), newest first. */
  async recentErrors(accountId: string, since: string): Promise<string[][]> {
    const rows = await db
      .select({ errors: sortingChecks.errors })
      .from(sortingChecks)
      .where(and(eq(sortingChecks.accountId, accountId), eq(sortingChecks.correct, false), gte(sortingChecks.checkedAt, since)));
    return rows.map((r) => JSON.parse(r.errors) as string[]);
  },

  /** The volunteer's checks between two instants, with room names. */
  async checksBetween(volunteerId: string, from: string, to: string) {
    return db
      .select({ binRoomId: sortingChecks.binRoomId, name: binRooms.name, correct: sortingChecks.correct, errors: sortingChecks.errors })
      .from(sortingChecks)
      .innerJoin(binRooms, eq(binRooms.id, sortingChecks.binRoomId))
      .where(and(eq(sortingChecks.volunteerId, volunteerId), gte(sortingChecks.checkedAt, from), lt(sortingChecks.checkedAt, to)))
      .orderBy(asc(binRooms.name));
  },

  /** Points the volunteer awarded on a city day. */
  async awardedOn(volunteerId: string, day: string): Promise<number> {
    const [row] = await db
      .select({ total: sql<number>`coalesce(sum(${pointsEntries.amount}), 0)` })
      .from(pointsEntries)
      .where(and(eq(pointsEntries.actorId, volunteerId), eq(pointsEntries.kind, "sorting_check"), eq(pointsEntries.day, day)));
    return Number(row?.total ?? 0);
  },

  /** The check row, once: a second group with the same id inserts nothing. */
  insertStatement(row: CheckRow) {
    return db.insert(sortingChecks).values(row).onConflictDoNothing();
  },

  /** This group wrote the check (its receipt marker matches): the guard of everything after it. */
  ran(row: Pick<CheckRow, "id" | "volunteerId" | "receivedAt">): SQL {
    return sql`exists (select 1 from ${sortingChecks} where ${sortingChecks.id} = ${row.id} and ${sortingChecks.volunteerId} = ${row.volunteerId} and ${sortingChecks.receivedAt} = ${row.receivedAt})`;
  },

  /** The photo attached to the check; a parallel sync of the same check attaches nothing more. */
  attachPhotoStatement(uploadId: string, checkId: string, guard: SQL) {
    return guardedInsert(db, uploadAttachments, { uploadId, ownerType: CHECK_PHOTOS, ownerId: checkId }, guard).onConflictDoNothing();
  },

  /** The room's community is not among the volunteer's (SQL, evaluated in the group). */
  outsideCommunities(volunteerId: string, communityId: string): SQL {
    return sql`not exists (select 1 from ${volunteerCommunities} where ${volunteerCommunities.volunteerId} = ${volunteerId} and ${volunteerCommunities.communityId} = ${communityId})`;
  },

  /** The household is registered in another community. */
  registeredElsewhere(accountId: string, communityId: string): SQL {
    return sql`exists (select 1 from ${communityMembers} where ${communityMembers.accountId} = ${accountId} and ${communityMembers.communityId} <> ${communityId})`;
  },

  /** Positive sorting-check awards by one volunteer to one household in a city month (YYYY-MM). */
  awardsInMonth(volunteerId: string, accountId: string, month: string): SQL {
    return sql`(select count(*) from ${pointsEntries} where ${pointsEntries.actorId} = ${volunteerId} and ${pointsEntries.accountId} = ${accountId} and ${pointsEntries.kind} = 'sorting_check' and ${pointsEntries.amount} > 0 and substr(${pointsEntries.day}, 1, 7) = ${month})`;
  },

  /** Incorrect checks of the household since `since` (ISO). */
  incorrectSince(accountId: string, since: string): SQL {
    return sql`(select count(*) from ${sortingChecks} where ${sortingChecks.accountId} = ${accountId} and ${sortingChecks.correct} = 0 and ${sortingChecks.checkedAt} >= ${since})`;
  },

  /** No sorting-advice notice to the household since `since` (ISO). */
  noNoticeSince(accountId: string, subjectType: string, since: string): SQL {
    return sql`not exists (select 1 from ${outbox} where ${outbox.userId} = ${accountId} and ${outbox.subjectType} = ${subjectType} and ${outbox.createdAt} >= ${since})`;
  },
});
