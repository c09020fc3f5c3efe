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

    /** Guarded: only an open item resolves; returns false when someone else got there first. */
    async resolve(id: string, by: string, note: string, now: string): Promise<boolean> {
      const rows = await db
        .update(toiletFeedback)
        .set({ status: "resolved", resolutionNote: note, resolvedBy: by, resolvedAt: now })
        .where(and(eq(toiletFeedback.id, id), eq(toiletFeedback.status, "open")))
        .returning({ id: toiletFeedback.id });
      return rows.length === 1;
    },
  };
}
