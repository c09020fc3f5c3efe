import { primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { pickupBookings } from "./pickups";

/*
 * One row per reminder sent about a booking ('3d': three days before, '1d': the day before). The primary
 * key makes each kind exist once whatever runs the job; `run_id` is the sending run's own id, so the
 * notification statements of that run are guarded on "my row was written" (not just "a row exists").
 */
export const pickupReminders = sqliteTable(
  "pickup_reminders",
  {
    bookingId: text("booking_id")
      .notNull()
      .references(() => pickupBookings.id),
    kind: text("kind", { enum: ["3d", "1d"] }).notNull(),
    runId: text("run_id").notNull(),
    sentAt: text("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.kind] })],
);
