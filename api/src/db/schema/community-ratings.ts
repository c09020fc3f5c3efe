import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { communities } from "./sorting";

/*
 * 星级小区: the bureau's monthly inspection scores, the published months (one row each: a month publishes
 * once) and the figures frozen when a month was published (the public ranking and trends read only these).
 */

export const communityInspections = sqliteTable(
  "community_inspections",
  {
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id),
    /** City month, YYYY-MM. */
    month: text("month").notNull(),
    score: integer("score").notNull(),
    note: text("note"),
    inspectorId: text("inspector_id").references(() => users.id),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.month] }), check("community_inspections_score_ck", sql`${t.score} between 0 and 100`)],
);

/** A published month. Its primary key is what makes parallel publishes of one month write once. */
export const communityRatingMonths = sqliteTable("community_rating_months", {
  month: text("month").primaryKey(),
  /** The publishing request's own id: the ratings rows of the group are guarded by it. */
  publishId: text("publish_id").notNull(),
  publishedAt: text("published_at").notNull(),
  publishedBy: text("published_by").references(() => users.id),
});

/** One community's frozen figures for a published month (stars null when the month was not ratable). */
export const communityRatings = sqliteTable(
  "community_ratings",
  {
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id),
    month: text("month").notNull(),
    households: integer("households").notNull(),
    checkedHouseholds: integer("checked_households").notNull(),
    checks: integer("checks").notNull(),
    correctChecks: integer("correct_checks").notNull(),
    participation: real("participation").notNull(),
    accuracy: real("accuracy").notNull(),
    inspection: integer("inspection"),
    score: real("score"),
    stars: integer("stars"),
    unratable: text("unratable"),
    publishedAt: text("published_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.month] }),
    index("community_ratings_month_idx").on(t.month, t.score),
    check("community_ratings_stars_ck", sql`${t.stars} is null or ${t.stars} between 1 and 5`),
  ],
);
