import type { ToiletFeedback } from "@civic/shared";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { toiletFeedback, toilets } from "../db/schema";
import type { AppDb } from "../db/types";
import { guardedInsert } from "../platform/guarded-insert";

const columns = {
  id: toiletFeedback.id,
  toiletId: toiletFeedback.toiletId,
  toiletName: toilets.name,
  kind: toiletFeedback.kind,
  note: toiletFeedback.note,
  status: toiletFeedback.status,
  resolutionNote: toiletFeedback.resolutionNote,
  createdAt: toiletFeedback.createdAt,
};

/** Residents' feedback on toilets. The reporter's identity stays in the table; it is not listed. */
export function toiletFeedbackRepo(db: AppDb) {
  const select = () => db.select(columns).from(toiletFeedback).innerJoin(toilets, eq(toilets.id, toiletFeedback.toiletId));
  return {
    /** A new feedback row, written only while `guard` holds (e.g. an idempotency claim; see guardedInsert). */
    insertStatement(
      row: { id: string; toiletId: string; userId: string; kind: string; note: string; now: string },
      guard: SQL = sql`1 = 1`,
    ) {
      return guardedInsert(
        db,
        toiletFeedback,
        {
          id: row.id,
          toiletId: row.toiletId,
          userId: row.userId,
          kind: row.kind,
          note: row.note,
          createdAt: row.now,
        },
        guard,
      );
    },

    async byId(id: string): Promise<ToiletFeedback | null> {
      const [row] = await select().where(eq(toiletFeedback.id, id));
      return (row as ToiletFeedback | undefined) ?? null;
    },

    async list(status: "open" | "resolved", limit: number): Promise<ToiletFeedback[]> {
      const rows = await select().where(eq(toiletFeedback.status, status)).orderBy(desc(toiletFeedback.createdAt)).limit(limit);
      return rows as ToiletFeedback[];
    },

    /** Who sent it and who resolved it: for the resolution step only, never listed. */
    async handlingOf(id: string) {
      const [row] = await db
        .select({
          toiletId: toiletFeedback.toiletId,
          userId: toiletFeedback.userId,
          status: toiletFeedback.status,
          resolvedBy: toiletFeedback.resolvedBy,
          resolvedAt: toiletFeedback.resolvedAt,
        })
        .from(toiletFeedback)
        .where(eq(toiletFeedback.id, id));
      return row ?? null;
    },

    /** Holds while the feedback is still open: guards every statement of its resolution group. */
    openGuard(id: string): SQL {
      return sql`exists (select 1 from ${toiletFeedback} where ${toiletFeedback.id} = ${id} and ${toiletFeedback.status} = 'open')`;
    },

    /** The resolution itself, last in its group (it ends the open guard); a no-op once resolved. */
    resolveStatement(id: string, by: string, note: string, now: string) {
      return db
        .update(toiletFeedback)
        .set({ status: "resolved", resolutionNote: note, resolvedBy: by, resolvedAt: now })
        .where(and(eq(toiletFeedback.id, id), eq(toiletFeedback.status, "open")));
    },
  };
}
