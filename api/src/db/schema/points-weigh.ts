import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/*
 * Recycling points' rates and weigh-ins. points_rates is versioned: the bureau writes a whole new version
 * (every class), never edits an old one; each weigh-in line records the version and rate it used.
 * weigh_ins (id made on the collector's phone) and their lines are written in the same atomic group as the
 * ledger entry `weigh:<id>`.
 */

export const pointsRates = sqliteTable(
  "points_rates",
  {
    class: text("class").notNull(),
    pointsPerKg: real("points_per_kg").notNull(),
    version: integer("version").notNull(),
    effectiveAt: text("effective_at").notNull(),
    setBy: text("set_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.version, t.class] })],
);

export const weighIns = sqliteTable(
  "weigh_ins",
  {
    id: text("id").primaryKey(),
    collectorId: text("collector_id")
      .notNull()
      .references(() => users.id),
    accountId: text("account_id")
      .notNull()
      .references(() => users.id),
    householdLabel: text("household_label").notNull(),
    where: text("where", { enum: ["doorstep", "drop_off"] }).notNull(),
    pointName: text("point_name"),
    ratedPoints: integer("rated_points").notNull(),
    /** The ledger entry written with it (source key `weigh:<id>`). */
    entryId: text("entry_id").notNull(),
    day: text("day").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("weigh_ins_collector_day_idx").on(t.collectorId, t.day)],
);

export const weighInLines = sqliteTable(
  "weigh_in_lines",
  {
    weighInId: text("weigh_in_id")
      .notNull()
      .references(() => weighIns.id),
    class: text("class").notNull(),
    kg: real("kg").notNull(),
    pointsPerKg: real("points_per_kg").notNull(),
    rateVersion: integer("rate_version").notNull(),
    points: integer("points").notNull(),
    at: text("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.weighInId, t.class] }), index("weigh_in_lines_class_at_idx").on(t.class, t.at)],
);
