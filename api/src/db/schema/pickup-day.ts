import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { pickupBookings } from "./pickups";

/*
 * The collector's day: how a worked job ended (one row per booking: its primary key makes a second
 * outcome impossible), the items actually taken, and the recyclable weight per class. pickup_recycled is
 * the ledger the recycling-points issue credits: a row is credited by setting credited_at, never deleted.
 */

export const pickupOutcomes = sqliteTable("pickup_outcomes", {
  bookingId: text("booking_id")
    .primaryKey()
    .references(() => pickupBookings.id),
  status: text("status", { enum: ["completed", "unable"] }).notNull(),
  collectorId: text("collector_id")
    .notNull()
    .references(() => users.id),
  unableReason: text("unable_reason"),
  note: text("note"),
  at: text("at").notNull(),
});

export const pickupTakenItems = sqliteTable(
  "pickup_taken_items",
  {
    bookingId: text("booking_id")
      .notNull()
      .references(() => pickupBookings.id),
    code: text("code").notNull(),
    /** Copied from the catalogue when taken. */
    name: text("name").notNull(),
    category: text("category").notNull(),
    recyclable: integer("recyclable", { mode: "boolean" }).notNull(),
    qty: integer("qty").notNull(),
    /** Weighed kg, for recyclable items only. */
    kg: real("kg"),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.code] })],
);

export const pickupRecycled = sqliteTable(
  "pickup_recycled",
  {
    id: text("id").primaryKey(),
    bookingId: text("booking_id")
      .notNull()
      .references(() => pickupBookings.id),
    residentId: text("resident_id")
      .notNull()
      .references(() => users.id),
    /** The recycling class: the item's category (see RECYCLING_CLASS_LABELS). */
    class: text("class").notNull(),
    kg: real("kg").notNull(),
    at: text("at").notNull(),
    /** Set when recycling points were credited for this row (issue 10); null until then. */
    creditedAt: text("credited_at"),
  },
  (t) => [
    uniqueIndex("pickup_recycled_booking_class_uq").on(t.bookingId, t.class),
    index("pickup_recycled_uncredited_idx").on(t.creditedAt, t.at),
  ],
);
