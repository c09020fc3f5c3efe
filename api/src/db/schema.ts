import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/*
 * The one drizzle schema for both hosts. Times are UTC ISO-8601 text; ids exposed to clients are UUIDv7
 * text. History tables (audit_log) are append-only.
 */

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    openid: text("openid").notNull(),
    unionid: text("unionid"),
    /** WeChat's session_key from the last code2session; never serialised to any client. */
    sessionKey: text("session_key"),
    nickname: text("nickname"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("users_openid_uq").on(t.openid)],
);

export const userRoles = sqliteTable(
  "user_roles",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role").notNull(),
    grantedAt: text("granted_at").notNull(),
    grantedBy: text("granted_by"),
  },
  (t) => [
    uniqueIndex("user_roles_uq").on(t.userId, t.role),
    check("user_roles_role_ck", sql`${t.role} in ('collector','volunteer','moderator','admin')`),
  ],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("sessions_token_uq").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    detail: text("detail"),
    at: text("at").notNull(),
  },
  (t) => [index("audit_target_idx").on(t.targetType, t.targetId), index("audit_at_idx").on(t.at)],
);

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

/** Fixed-window counters for rate limits; one guarded upsert per hit works the same on D1 and SQLite. */
export const rateLimits = sqliteTable("rate_limits", {
  bucket: text("bucket").primaryKey(),
  windowStart: integer("window_start").notNull(),
  hits: integer("hits").notNull(),
});
