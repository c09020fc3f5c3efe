import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/*
 * parking: operators (each one data source) and their signing keys, lots with their live status, the
 * observation history behind the 24-hour chart, and the feed signatures seen within the skew window
 * (replay refusal). A lot's static columns move parking_lots_version (triggers in this domain's
 * migration, `AFTER UPDATE OF` the static columns only); its live_* columns do not, so the in-memory
 * nearby copy is not rebuilt by every feed row. live_seq orders live writes so a cache can catch up.
 */

export const parkingOperators = sqliteTable(
  "parking_operators",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["push", "pull"] }).notNull(),
    freshnessMinutes: integer("freshness_minutes").notNull(),
    licence: text("licence").notNull().default(""),
    contact: text("contact").notNull().default(""),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    /** Pull sources: the ParkAPI JSON the bureau fetches (parking/pull-feeds.ts). */
    pullUrl: text("pull_url"),
    lastReportAt: text("last_report_at"),
    lastErrorAt: text("last_error_at"),
    /** The last error in words (a failed pull, refused rows), shown to the bureau. */
    lastError: text("last_error"),
    rowsAccepted: integer("rows_accepted").notNull().default(0),
    rowsRejected: integer("rows_rejected").notNull().default(0),
    requestsRefused: integer("requests_refused").notNull().default(0),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [check("parking_operators_freshness_ck", sql`${t.freshnessMinutes} between 1 and 1440`)],
);

/** The signing secret is HMAC(FEED_KEY_SECRET, key id), shown once at issue; only its hash is kept here. */
export const parkingFeedKeys = sqliteTable(
  "parking_feed_keys",
  {
    keyId: text("key_id").primaryKey(),
    operatorId: text("operator_id")
      .notNull()
      .references(() => parkingOperators.id),
    secretHash: text("secret_hash").notNull(),
    status: text("status", { enum: ["active", "revoked"] }).notNull(),
    createdAt: text("created_at").notNull(),
    revokedAt: text("revoked_at"),
    lastUsedAt: text("last_used_at"),
  },
  (t) => [index("parking_feed_keys_operator_idx").on(t.operatorId)],
);

/** Signatures accepted within the skew window: a second request with one of them is a replay. */
export const parkingFeedSignatures = sqliteTable(
  "parking_feed_signatures",
  {
    signature: text("signature").primaryKey(),
    keyId: text("key_id").notNull(),
    seenAt: text("seen_at").notNull(),
  },
  (t) => [index("parking_feed_signatures_seen_idx").on(t.seenAt)],
);

export const parkingLots = sqliteTable(
  "parking_lots",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    type: text("type").notNull(),
    address: text("address").notNull(),
    district: text("district").notNull(),
    /** GCJ-02. */
    lat: real("lat").notNull(),
    lng: real("lng").notNull(),
    /** floor(lat / LAT_BAND_DEGREES): the portable spatial index (see shared/geo/grid). */
    latBand: integer("lat_band").notNull(),
    capacityTotal: integer("capacity_total").notNull(),
    capacityDisabled: integer("capacity_disabled").notNull().default(0),
    capacityCharging: integer("capacity_charging").notNull().default(0),
    capacityShared: integer("capacity_shared").notNull().default(0),
    feeText: text("fee_text").notNull().default(""),
    /** HourlyRate JSON or null. */
    feeRate: text("fee_rate"),
    /** OpeningHours JSON. */
    hours: text("hours").notNull(),
    sharedHours: text("shared_hours"),
    operatorId: text("operator_id").references(() => parkingOperators.id),
    operatorLotId: text("operator_lot_id"),
    licence: text("licence").notNull().default(""),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    // Live status: written by the feed only, guarded so an older observation never overwrites a newer one.
    liveFree: integer("live_free"),
    liveTotal: integer("live_total"),
    liveStatus: text("live_status", { enum: ["open", "closed"] }),
    liveObservedAt: text("live_observed_at"),
    /** The freshness limit of the lot's source (0 without one), kept here so a search needs no join. */
    liveLimitMinutes: integer("live_limit_minutes").notNull().default(0),
    /** Moves on every live write (max + 1), so a cache reads only what changed since it last looked. */
    liveSeq: integer("live_seq").notNull().default(0),
  },
  (t) => [
    index("parking_lots_nearby_idx").on(t.latBand, t.lng, t.lat, t.active, t.type, t.capacityCharging, t.capacityDisabled),
    uniqueIndex("parking_lots_operator_ref_uq").on(t.operatorId, t.operatorLotId),
    index("parking_lots_live_seq_idx").on(t.liveSeq),
    check("parking_lots_lat_ck", sql`${t.lat} between -90 and 90`),
    check("parking_lots_lng_ck", sql`${t.lng} between -180 and 180`),
    check(
      "parking_lots_capacity_ck",
      sql`${t.capacityTotal} >= 0 and ${t.capacityDisabled} <= ${t.capacityTotal} and ${t.capacityCharging} <= ${t.capacityTotal} and ${t.capacityShared} <= ${t.capacityTotal}`,
    ),
    check(
      "parking_lots_live_ck",
      sql`${t.liveFree} is null or (${t.liveFree} >= 0 and ${t.liveFree} <= coalesce(${t.liveTotal}, ${t.capacityTotal}))`,
    ),
  ],
);

/** See parkingLots: moved by triggers on the static columns only. */
export const parkingLotsVersion = sqliteTable(
  "parking_lots_version",
  {
    id: integer("id").primaryKey(),
    version: integer("version").notNull(),
  },
  (t) => [check("parking_lots_version_single_ck", sql`${t.id} = 1`)],
);

/** Every accepted observation (also out-of-order ones): the 24-hour chart. Pruned by the scheduled job. */
export const parkingObservations = sqliteTable(
  "parking_observations",
  {
    lotId: text("lot_id")
      .notNull()
      .references(() => parkingLots.id),
    observedAt: text("observed_at").notNull(),
    free: integer("free").notNull(),
    total: integer("total").notNull(),
    status: text("status", { enum: ["open", "closed"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.lotId, t.observedAt] }), index("parking_observations_observed_idx").on(t.observedAt)],
);
