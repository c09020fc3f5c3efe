import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/* Personal data: which privacy-policy version each user accepted, and when. */

/** Append-only: one row per acceptance of a policy version. */
export const consentRecords = sqliteTable(
  "consent_records",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    policyVersion: text("policy_version").notNull(),
    acceptedAt: text("accepted_at").notNull(),
  },
  (t) => [index("consent_records_user_idx").on(t.userId, t.acceptedAt)],
);
