import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/* markets: night markets and vending zones, their suspensions, and residents' subscriptions to them. */

export const marketZones = sqliteTable(
  "market_zones",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    /** ZoneArea JSON (a GCJ-02 ring or a centre and radius). */
    area: text("area").notNull(),
    /** The zone's centre (GCJ-02): where nearby search measures from. */
    lat: real("lat").notNull(),
    lng: real("lng").notNull(),
    /** floor(lat / LAT_BAND_DEGREES): the portable spatial index (see shared/geo/grid). */
    latBand: integer("lat_band").notNull(),
    /** Metres from the centre to the zone's farthest point (finding zones a report lies in or near). */
    reachM: integer("reach_m").notNull(),
    address: text("address").notNull(),
    district: text("district").notNull(),
    street: text("street").notNull().default(""),
    /** JSON arrays: ZoneSeason[], ZoneWindow[], ZoneException[], string[], string[]. */
    seasons: text("seasons").notNull(),
    windows: text("windows").notNull(),
    exceptions: text("exceptions").notNull(),
    goodsAllowed: text("goods_allowed").notNull(),
    goodsForbidden: text("goods_forbidden").notNull(),
    stalls: integer("stalls"),
    fees: text("fees").notNull().default(""),
    vendorsRegister: integer("vendors_register", { mode: "boolean" }).notNull(),
    managingUnit: text("managing_unit").notNull(),
    contactPhone: text("contact_phone").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    retiredReason: text("retired_reason"),
    /** Goes up by one on every admin change: edits carry the version they were decided on. */
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("market_zones_nearby_idx").on(t.latBand, t.lng, t.lat, t.active, t.kind),
    check("market_zones_kind_ck", sql`${t.kind} in ('night_market','vending_point','morning_market')`),
    check("market_zones_lat_ck", sql`${t.lat} between -90 and 90`),
    check("market_zones_version_ck", sql`${t.version} >= 1`),
  ],
);

/** A date an admin closed a zone for, with the reason subscribers were told; cancelling keeps the row. */
export const marketSuspensions = sqliteTable(
  "market_suspensions",
  {
    id: text("id").primaryKey(),
    zoneId: text("zone_id")
      .notNull()
      .references(() => marketZones.id),
    /** The city date whose night is cancelled (YYYY-MM-DD). */
    date: text("date").notNull(),
    reason: text("reason").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: text("created_at").notNull(),
    cancelledAt: text("cancelled_at"),
    cancelledBy: text("cancelled_by").references(() => users.id),
  },
  (t) => [
    // One suspension in force per zone and date; a cancelled one may be followed by a new one.
    uniqueIndex("market_suspensions_live_uq").on(t.zoneId, t.date).where(sql`cancelled_at is null`),
    index("market_suspensions_date_idx").on(t.date),
  ],
);

/** A resident who hears about a zone's suspensions. */
export const marketSubscriptions = sqliteTable(
  "market_subscriptions",
  {
    zoneId: text("zone_id")
      .notNull()
      .references(() => marketZones.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("market_subscriptions_uq").on(t.zoneId, t.userId), index("market_subscriptions_user_idx").on(t.userId)],
);
