import { index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/*
 * The streets each recycling collector (回收员) serves, set by an admin as a whole list. A collector sees
 * and may accept only bookings on these streets.
 */
export const pickupCollectorStreets = sqliteTable(
  "pickup_collector_streets",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    streetCode: text("street_code").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.streetCode] }), index("pickup_collector_streets_street_idx").on(t.streetCode)],
);
