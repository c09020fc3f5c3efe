import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/*
 * The sorting guide's writable parts: residents' "not found, please add" suggestions (one pending
 * suggestion per user and name, by a partial unique index), the items the bureau accepted from them (merged
 * into the built-in dataset; one row per name), and one quiz result per user and city date (the unique key
 * makes parallel submissions write once).
 */
export const guideSuggestions = sqliteTable(
  "guide_suggestions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    /** The name as compared for duplicates (no spaces, lower case). */
    nameKey: text("name_key").notNull(),
    guessedClass: text("guessed_class").notNull(),
    note: text("note").notNull().default(""),
    status: text("status", { enum: ["pending", "accepted", "declined"] }).notNull(),
    reason: text("reason"),
    itemId: text("item_id"),
    /** A fresh id per resolution: what the notice and audit row of that resolution are guarded on. */
    resolutionId: text("resolution_id"),
    resolvedBy: text("resolved_by"),
    resolvedAt: text("resolved_at"),
    createdAt: text("created_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("guide_suggestions_pending_uq").on(t.userId, t.nameKey).where(sql`status = 'pending'`),
    index("guide_suggestions_status_idx").on(t.status, t.createdAt),
    check("guide_suggestions_status_ck", sql`${t.status} in ('pending', 'accepted', 'declined')`),
  ],
);

export const guideAddedItems = sqliteTable(
  "guide_added_items",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    class: text("class").notNull(),
    /** JSON array of strings. */
    synonyms: text("synonyms").notNull().default("[]"),
    howTo: text("how_to").notNull(),
    note: text("note"),
    suggestionId: text("suggestion_id").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("guide_added_items_name_uq").on(t.name),
    uniqueIndex("guide_added_items_suggestion_uq").on(t.suggestionId),
    check("guide_added_items_class_ck", sql`${t.class} in ('recyclable', 'hazardous', 'kitchen', 'other')`),
  ],
);

export const guideQuizResults = sqliteTable(
  "guide_quiz_results",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    date: text("date").notNull(),
    score: integer("score").notNull(),
    /** JSON: the marked lines the resident saw (QuizResultLine[]). */
    lines: text("lines").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("guide_quiz_results_user_date_uq").on(t.userId, t.date)],
);
