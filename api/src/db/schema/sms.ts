import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/*
 * The platform's SMS outbox: text messages to a phone number that is not (or not necessarily) a user of the
 * app, e.g. the contact of a pickup booked on someone's behalf (代预约). Written in the same atomic step as
 * what it announces; sent by platform/sms/dispatcher.ts. The number is personal data: once a row is done
 * or given up, only its masked form (138****1234) is kept.
 */
export const smsOutbox = sqliteTable(
  "sms_outbox",
  {
    id: text("id").primaryKey(),
    /** E.164 while pending (+8613812341234); masked once done or failed. */
    phone: text("phone").notNull(),
    /** Which configured template (e.g. 'pickup_reminder'); its id is looked up at send time. */
    template: text("template").notNull(),
    /** JSON array of the template's parameters, in order. */
    params: text("params").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    state: text("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    /** The provider's serial number of the sent message. */
    providerRef: text("provider_ref"),
    lastError: text("last_error"),
    createdAt: text("created_at").notNull(),
    doneAt: text("done_at"),
  },
  (t) => [
    index("sms_outbox_due_idx").on(t.state, t.nextAttemptAt),
    check("sms_outbox_state_ck", sql`${t.state} in ('pending','done','failed')`),
  ],
);
