import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/*
 * Recycling points. points_entries is the ledger: append-only (triggers refuse UPDATE and DELETE), one row
 * per source key (unique), a reversal names the one entry it undoes (unique). points_accounts holds each
 * account's balance, kept by a trigger on every entry and checked >= 0, so no statement can overdraw it.
 */

export const pointsEntries = sqliteTable(
  "points_entries",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => users.id),
    amount: integer("amount").notNull(),
    kind: text("kind").notNull(),
    sourceKey: text("source_key").notNull(),
    /** The rule that produced it, in words (rate table version, cap applied ...). */
    rule: text("rule").notNull(),
    /** The rate used (points per kg, per correct answer ...), when there is one. */
    rate: real("rate"),
    /** Who caused it: the volunteer, collector or staff member; null for the resident's own or the system. */
    actorId: text("actor_id").references(() => users.id),
    reversesId: text("reverses_id"),
    /** City date of `at`, for per-day caps. */
    day: text("day").notNull(),
    at: text("at").notNull(),
    /** The resident-facing reason. */
    reason: text("reason").notNull(),
  },
  (t) => [
    uniqueIndex("points_entries_source_uq").on(t.sourceKey),
    uniqueIndex("points_entries_reverses_uq").on(t.reversesId),
    index("points_entries_account_idx").on(t.accountId, t.at),
    index("points_entries_account_day_idx").on(t.accountId, t.kind, t.day),
    index("points_entries_actor_day_idx").on(t.actorId, t.kind, t.day),
  ],
);

export const pointsAccounts = sqliteTable(
  "points_accounts",
  {
    accountId: text("account_id")
      .primaryKey()
      .references(() => users.id),
    balance: integer("balance").notNull().default(0),
  },
  (t) => [check("points_accounts_balance_ck", sql`${t.balance} >= 0`)],
);

/** The bureau's caps per earning kind; a kind without a row uses DEFAULT_POINTS_CAPS. */
export const pointsCaps = sqliteTable("points_caps", {
  kind: text("kind").primaryKey(),
  perAccountDay: integer("per_account_day"),
  perActorDay: integer("per_actor_day"),
  updatedAt: text("updated_at").notNull(),
  updatedBy: text("updated_by").references(() => users.id),
});

/**
 * Unusual patterns for the bureau to look at (many awards to one household from one volunteer, awards
 * outside a volunteer's communities, weights far above the usual). One flag per (kind, subject): a rule that
 * fires again on the same subject does not add a second.
 */
export const pointsFlags = sqliteTable(
  "points_flags",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    /** What the flag is about, e.g. `check:<id>` or `volunteer:<id>:household:<id>:<month>`. */
    subjectKey: text("subject_key").notNull(),
    accountId: text("account_id").references(() => users.id),
    actorId: text("actor_id").references(() => users.id),
    entryId: text("entry_id"),
    /** JSON: the figures that fired the rule. */
    detail: text("detail").notNull(),
    status: text("status", { enum: ["open", "dismissed", "confirmed"] })
      .notNull()
      .default("open"),
    at: text("at").notNull(),
    reviewedBy: text("reviewed_by").references(() => users.id),
    reviewedAt: text("reviewed_at"),
    reviewNote: text("review_note"),
  },
  (t) => [uniqueIndex("points_flags_subject_uq").on(t.kind, t.subjectKey), index("points_flags_status_idx").on(t.status, t.at)],
);

/**
 * The opaque reference in a resident's rotating code (我的积分码): scanning it finds the account without the
 * code carrying, or the scanner seeing, who the resident is. Made the first time the code is shown.
 */
export const pointsCodes = sqliteTable(
  "points_codes",
  {
    accountId: text("account_id")
      .primaryKey()
      .references(() => users.id),
    ref: text("ref").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("points_codes_ref_uq").on(t.ref)],
);
