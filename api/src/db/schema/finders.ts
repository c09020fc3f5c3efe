import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/* finders: public toilets, their change counter, residents' feedback. */

export const toilets = sqliteTable(
  "toilets",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    address: text("address").notNull(),
    district: text("district").notNull(),
    street: text("street").notNull().default(""),
    /** GCJ-02. */
    lat: real("lat").notNull(),
    lng: real("lng").notNull(),
    /** floor(lat / LAT_BAND_DEGREES): the portable spatial index (see shared/geo/grid). */
    latBand: integer("lat_band").notNull(),
    kind: text("kind").notNull(),
    /** OpeningHours JSON. */
    hours: text("hours").notNull(),
    free: integer("free", { mode: "boolean" }).notNull(),
    feeNote: text("fee_note"),
    accessible: integer("accessible", { mode: "boolean" }).notNull(),
    thirdToilet: integer("third_toilet", { mode: "boolean" }).notNull(),
    babyCare: integer("baby_care", { mode: "boolean" }).notNull(),
    stalls: integer("stalls"),
    managingUnit: text("managing_unit"),
    lastVerified: text("last_verified"),
    sourceRef: text("source_ref"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    deactivatedReason: text("deactivated_reason"),
    /** A temporary closure: the last city day (YYYY-MM-DD, inclusive) it is closed; past dates mean open again. */
    closedUntil: text("closed_until"),
    closureReason: text("closure_reason"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    // Covers every column the nearby search filters and orders on, so SQLite ranks candidates from the
    // index alone and reads table rows only for the nearest few.
    index("toilets_nearby_idx").on(t.latBand, t.lng, t.lat, t.active, t.free, t.accessible, t.babyCare, t.thirdToilet, t.kind),
    uniqueIndex("toilets_source_ref_uq").on(t.sourceRef),
    check("toilets_lat_ck", sql`${t.lat} between -90 and 90`),
    check("toilets_lng_ck", sql`${t.lng} between -180 and 180`),
  ],
);

/**
 * One row whose version goes up on every change to `toilets` (triggers in migration 0001), so an in-memory
 * copy can tell in one cheap read whether it is still current, whoever wrote.
 */
export const toiletsVersion = sqliteTable(
  "toilets_version",
  {
    id: integer("id").primaryKey(),
    version: integer("version").notNull(),
  },
  (t) => [check("toilets_version_single_ck", sql`${t.id} = 1`)],
);

export const toiletFeedback = sqliteTable(
  "toilet_feedback",
  {
    id: text("id").primaryKey(),
    toiletId: text("toilet_id")
      .notNull()
      .references(() => toilets.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    note: text("note").notNull().default(""),
    status: text("status").notNull().default("open"),
    resolutionNote: text("resolution_note"),
    resolvedBy: text("resolved_by"),
    resolvedAt: text("resolved_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    index("toilet_feedback_status_idx").on(t.status, t.createdAt),
    check("toilet_feedback_status_ck", sql`${t.status} in ('open','resolved')`),
  ],
);
