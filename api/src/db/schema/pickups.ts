import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/*
 * pickups: bulky-waste collection (大件垃圾预约). Slot capacity is in volume points, and booked_points is
 * only ever moved by guarded statements in the same atomic() group as the booking row; the CHECK is the
 * backstop that makes an overbooked slot impossible whatever a handler does. pickup_history is append-only.
 */

export const pickupItems = sqliteTable(
  "pickup_items",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    category: text("category").notNull(),
    maxPerBooking: integer("max_per_booking").notNull(),
    recyclable: integer("recyclable", { mode: "boolean" }).notNull(),
    volumePoints: integer("volume_points").notNull(),
    note: text("note"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [check("pickup_items_points_ck", sql`${t.volumePoints} > 0 and ${t.maxPerBooking} > 0`)],
);

export const pickupSlots = sqliteTable(
  "pickup_slots",
  {
    id: text("id").primaryKey(),
    streetCode: text("street_code").notNull(),
    /** City date YYYY-MM-DD. */
    date: text("date").notNull(),
    window: text("window", { enum: ["am", "pm"] }).notNull(),
    capacityPoints: integer("capacity_points").notNull(),
    bookedPoints: integer("booked_points").notNull().default(0),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("pickup_slots_street_date_window_uq").on(t.streetCode, t.date, t.window),
    check("pickup_slots_capacity_ck", sql`${t.bookedPoints} >= 0 and ${t.bookedPoints} <= ${t.capacityPoints}`),
  ],
);

export const pickupBookings = sqliteTable(
  "pickup_bookings",
  {
    id: text("id").primaryKey(),
    number: text("number").notNull(),
    residentId: text("resident_id")
      .notNull()
      .references(() => users.id),
    status: text("status").notNull(),
    slotId: text("slot_id")
      .notNull()
      .references(() => pickupSlots.id),
    streetCode: text("street_code").notNull(),
    date: text("date").notNull(),
    window: text("window").notNull(),
    address: text("address").notNull(),
    /** The household the yearly quota counts (street + normalised address). */
    householdKey: text("household_key").notNull(),
    /** City year of the collection date, for the quota. */
    quotaYear: text("quota_year").notNull(),
    /** GCJ-02. */
    lat: real("lat").notNull(),
    lng: real("lng").notNull(),
    placement: text("placement").notNull(),
    accessNotes: text("access_notes").notNull().default(""),
    contactPhone: text("contact_phone").notNull(),
    onBehalfName: text("on_behalf_name"),
    volumePoints: integer("volume_points").notNull(),
    collectorId: text("collector_id").references(() => users.id),
    rating: integer("rating"),
    /** The 随手拍 case opened when the resident said "not collected" (reports.id), or null. */
    reportId: text("report_id"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("pickup_bookings_date_idx").on(t.date, t.streetCode),
    uniqueIndex("pickup_bookings_number_uq").on(t.number),
    index("pickup_bookings_household_idx").on(t.householdKey, t.quotaYear, t.status),
    index("pickup_bookings_resident_idx").on(t.residentId, t.createdAt),
    index("pickup_bookings_slot_idx").on(t.slotId, t.status),
    // The collector's day and route: the jobs one collector holds on a date.
    index("pickup_bookings_collector_idx").on(t.collectorId, t.date),
  ],
);

export const pickupBookingItems = sqliteTable(
  "pickup_booking_items",
  {
    bookingId: text("booking_id")
      .notNull()
      .references(() => pickupBookings.id),
    code: text("code").notNull(),
    /** Copied at booking time: the catalogue may change later. */
    name: text("name").notNull(),
    qty: integer("qty").notNull(),
    volumePoints: integer("volume_points").notNull(),
    recyclable: integer("recyclable", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.code] })],
);

export const pickupHistory = sqliteTable(
  "pickup_history",
  {
    id: text("id").primaryKey(),
    bookingId: text("booking_id")
      .notNull()
      .references(() => pickupBookings.id),
    action: text("action").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    actorId: text("actor_id").notNull(),
    note: text("note"),
    at: text("at").notNull(),
  },
  (t) => [index("pickup_history_booking_idx").on(t.bookingId, t.at)],
);

/** City-wide dates without collections (e.g. 春节): no slot on them is offered or bookable. */
export const pickupBlackouts = sqliteTable("pickup_blackouts", {
  /** City date YYYY-MM-DD. */
  date: text("date").primaryKey(),
  reason: text("reason").notNull(),
  createdBy: text("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: text("created_at").notNull(),
});
