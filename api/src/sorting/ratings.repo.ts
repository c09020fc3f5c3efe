import type { MonthFigures } from "@civic/shared";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { communities, communityInspections, communityMembers, communityRatingMonths, communityRatings, sortingChecks } from "../db/schema";
import type { AppDb } from "../db/types";
import { guardedInsert } from "../platform/guarded-insert";

/* 星级小区 months: the figures counted from checks and registrations, inspections, and published ratings. */

export type RatingRow = typeof communityRatings.$inferSelect;
export type InspectionRow = typeof communityInspections.$inferSelect;

const num = (v: unknown) => Number(v ?? 0);

export function ratingsRepo(db: AppDb) {
  const published = (month: string) => sql`exists (select 1 from ${communityRatingMonths} where ${communityRatingMonths.month} = ${month})`;
  return {
    publishedMonth: async (month: string) =>
      (await db.select().from(communityRatingMonths).where(eq(communityRatingMonths.month, month)).limit(1))[0],

    /** Published months, newest first. */
    publishedMonths: async (limit = 24) =>
      (
        await db
          .select({ month: communityRatingMonths.month })
          .from(communityRatingMonths)
          .orderBy(desc(communityRatingMonths.month))
          .limit(limit)
      ).map((r) => r.month),

    /** The live figures of `month` for every community that has any (inspection left null: see inspections()). */
    liveFigures: async (month: string): Promise<Map<string, Omit<MonthFigures, "inspection">>> => {
      const [households, checked, checks] = await Promise.all([
        db
          .select({ communityId: communityMembers.communityId, n: sql<number>`count(*)` })
          .from(communityMembers)
          .groupBy(communityMembers.communityId),
        db
          .select({ communityId: sortingChecks.communityId, n: sql<number>`count(distinct ${sortingChecks.accountId})` })
          .from(sortingChecks)
          .innerJoin(
            communityMembers,
            and(eq(communityMembers.accountId, sortingChecks.accountId), eq(communityMembers.communityId, sortingChecks.communityId)),
          )
          .where(eq(sortingChecks.month, month))
          .groupBy(sortingChecks.communityId),
        db
          .select({ communityId: sortingChecks.communityId, n: sql<number>`count(*)`, correct: sql<number>`sum(${sortingChecks.correct})` })
          .from(sortingChecks)
          .where(eq(sortingChecks.month, month))
          .groupBy(sortingChecks.communityId),
      ]);
      const out = new Map<string, Omit<MonthFigures, "inspection">>();
      const at = (id: string) => {
        let f = out.get(id);
        if (!f) {
          f = { households: 0, checkedHouseholds: 0, checks: 0, correctChecks: 0 };
          out.set(id, f);
        }
        return f;
      };
      for (const r of households) at(r.communityId).households = num(r.n);
      for (const r of checked) at(r.communityId).checkedHouseholds = num(r.n);
      for (const r of checks) {
        at(r.communityId).checks = num(r.n);
        at(r.communityId).correctChecks = num(r.correct);
      }
      return out;
    },

    inspections: async (month: string): Promise<Map<string, InspectionRow>> => {
      const rows = await db.select().from(communityInspections).where(eq(communityInspections.month, month));
      return new Map(rows.map((r) => [r.communityId, r]));
    },

    inspection: async (communityId: string, month: string) =>
      (
        await db
          .select()
          .from(communityInspections)
          .where(and(eq(communityInspections.communityId, communityId), eq(communityInspections.month, month)))
          .limit(1)
      )[0],

    ratingsOfMonth: async (month: string) => db.select().from(communityRatings).where(eq(communityRatings.month, month)),

    /** A published month's rated communities (active ones), best first; ties by name. */
    ranking: async (month: string, f: { district?: string; street?: string }) => {
      const where = [eq(communityRatings.month, month), sql`${communityRatings.stars} is not null`, eq(communities.active, true)];
      if (f.district) where.push(eq(communities.district, f.district));
      if (f.street) where.push(eq(communities.street, f.street));
      return db
        .select({ rating: communityRatings, name: communities.name, district: communities.district, street: communities.street })
        .from(communityRatings)
        .innerJoin(communities, eq(communities.id, communityRatings.communityId))
        .where(and(...where))
        .orderBy(desc(communityRatings.score), asc(communities.name), asc(communities.id));
    },

    /** A community's last `limit` rated published months, oldest first. */
    trend: async (communityId: string, limit = 12) =>
      (
        await db
          .select()
          .from(communityRatings)
          .where(and(eq(communityRatings.communityId, communityId), sql`${communityRatings.stars} is not null`))
          .orderBy(desc(communityRatings.month))
          .limit(limit)
      ).reverse(),

    /* --- statements for atomic() --- */

    /** Sets the month's inspection score, only while the community is active and the month unpublished. */
    inspectionStatement: (row: typeof communityInspections.$inferInsert) =>
      guardedInsert(
        db,
        communityInspections,
        row,
        sql`not ${published(row.month)} and exists (select 1 from ${communities} where ${communities.id} = ${row.communityId} and ${communities.active} = 1)`,
      ).onConflictDoUpdate({
        target: [communityInspections.communityId, communityInspections.month],
        set: { score: row.score, note: row.note ?? null, inspectorId: row.inspectorId ?? null, updatedAt: row.updatedAt },
      }),

    /** The claim of a publish: the month's row, written once (a second publish inserts nothing). */
    claimMonthStatement: (row: typeof communityRatingMonths.$inferInsert) =>
      db.insert(communityRatingMonths).values(row).onConflictDoNothing(),

    /** The guard of every other statement of a publish: this request's claim was the one written. */
    claimedBy: (month: string, publishId: string) =>
      sql`exists (select 1 from ${communityRatingMonths} where ${communityRatingMonths.month} = ${month} and ${communityRatingMonths.publishId} = ${publishId})`,

    ratingStatement: (row: typeof communityRatings.$inferInsert, publishId: string) =>
      guardedInsert(
        db,
        communityRatings,
        row,
        sql`exists (select 1 from ${communityRatingMonths} where ${communityRatingMonths.month} = ${row.month} and ${communityRatingMonths.publishId} = ${publishId})`,
      ),
  };
}
