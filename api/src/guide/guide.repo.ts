import { GuideItem, type GuideSuggestion, type QuizResultLine } from "@civic/shared";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { guideAddedItems, guideQuizResults, guideSuggestions } from "../db/schema";
import type { AppDb } from "../db/types";
import { guardedInsert } from "../platform/guarded-insert";

/* Data access for the sorting guide: suggestions, the items accepted from them, quiz results. */

export type SuggestionRow = typeof guideSuggestions.$inferSelect;
export type QuizRow = typeof guideQuizResults.$inferSelect;

export function suggestionView(r: SuggestionRow): GuideSuggestion {
  return {
    id: r.id,
    name: r.name,
    guessedClass: r.guessedClass as GuideSuggestion["guessedClass"],
    note: r.note,
    status: r.status,
    createdAt: r.createdAt,
    resolvedAt: r.resolvedAt,
    reason: r.reason,
    itemId: r.itemId,
    version: r.version,
  };
}

/** The key two names are compared by: no spaces, latin letters lower-cased. */
export function nameKey(name: string): string {
  return name.replace(/\s+/g, "").toLowerCase();
}

export function guideRepo(db: AppDb) {
  return {
    async addedItems(): Promise<GuideItem[]> {
      const rows = await db.select().from(guideAddedItems).orderBy(asc(guideAddedItems.createdAt), asc(guideAddedItems.id));
      return rows.map((r) =>
        GuideItem.parse({
          id: r.id,
          name: r.name,
          class: r.class,
          synonyms: JSON.parse(r.synonyms),
          howTo: r.howTo,
          ...(r.note ? { note: r.note } : {}),
        }),
      );
    },

    /** Writes the suggestion unless the same user has one pending under the same name (then null). */
    async insertSuggestion(row: typeof guideSuggestions.$inferInsert): Promise<SuggestionRow | null> {
      const [saved] = await db.insert(guideSuggestions).values(row).onConflictDoNothing().returning();
      return saved ?? null;
    },

    async suggestion(id: string): Promise<SuggestionRow | undefined> {
      const [row] = await db.select().from(guideSuggestions).where(eq(guideSuggestions.id, id));
      return row;
    },

    suggestions(status: SuggestionRow["status"]): Promise<SuggestionRow[]> {
      const order = status === "pending" ? asc(guideSuggestions.createdAt) : desc(guideSuggestions.resolvedAt);
      return db
        .select()
        .from(guideSuggestions)
        .where(eq(guideSuggestions.status, status))
        .orderBy(order, asc(guideSuggestions.id))
        .limit(200);
    },

    /** Resolve a pending suggestion at the version the admin saw; the resolution id marks this caller's win. */
    resolveStatement(
      s: SuggestionRow,
      change: { status: "accepted" | "declined"; resolutionId: string; by: string; at: string; itemId?: string; reason?: string },
    ) {
      return db
        .update(guideSuggestions)
        .set({
          status: change.status,
          resolutionId: change.resolutionId,
          resolvedBy: change.by,
          resolvedAt: change.at,
          itemId: change.itemId ?? null,
          reason: change.reason ?? null,
          version: sql`${guideSuggestions.version} + 1`,
        })
        .where(and(eq(guideSuggestions.id, s.id), eq(guideSuggestions.status, "pending"), eq(guideSuggestions.version, s.version)));
    },

    /** True (in SQL) once the resolution with this id is the one that applied. */
    resolvedGuard(suggestionId: string, resolutionId: string) {
      return sql`exists (select 1 from guide_suggestions where id = ${suggestionId} and resolution_id = ${resolutionId})`;
    },

    addItemStatement(row: typeof guideAddedItems.$inferInsert, guard: ReturnType<typeof sql>) {
      return guardedInsert(db, guideAddedItems, row, guard);
    },

    async quizResult(userId: string, date: string): Promise<QuizRow | undefined> {
      const [row] = await db
        .select()
        .from(guideQuizResults)
        .where(and(eq(guideQuizResults.userId, userId), eq(guideQuizResults.date, date)));
      return row;
    },

    /** The day's result, written once: a parallel or later submission the same day writes nothing. */
    insertQuizStatement(row: { id: string; userId: string; date: string; score: number; lines: QuizResultLine[]; createdAt: string }) {
      return db
        .insert(guideQuizResults)
        .values({ ...row, lines: JSON.stringify(row.lines) })
        .onConflictDoNothing();
    },

    /** True (in SQL) when this submission's row is the day's result. */
    quizWrittenGuard(id: string) {
      return sql`exists (select 1 from guide_quiz_results where id = ${id})`;
    },
  };
}
