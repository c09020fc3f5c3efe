import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/* Cross-cutting mechanisms: the audit log, rate limits, idempotency keys, the notification outbox and inbox. */

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

/** Fixed-window counters for rate limits; one guarded upsert per hit works the same on D1 and SQLite. */
export const rateLimits = sqliteTable("rate_limits", {
  bucket: text("bucket").primaryKey(),
  windowStart: integer("window_start").notNull(),
  hits: integer("hits").notNull(),
});

/** A creating request's Idempotency-Key: the first request's body hash and what it created. */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    /** `user:<id>` or `open311:<keyId>`. */
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    resourceId: text("resource_id").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("idempotency_keys_uq").on(t.scope, t.key)],
);

/** Notifications to send, written in the same atomic step as the change they announce. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    reportId: text("report_id"),
    /** JSON: {title, body, status, page}. */
    payload: text("payload").notNull(),
    state: text("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    /** How it reached the user: wechat (subscribe message) or inbox only, and why. */
    channel: text("channel"),
    lastError: text("last_error"),
    createdAt: text("created_at").notNull(),
    doneAt: text("done_at"),
  },
  (t) => [index("outbox_due_idx").on(t.state, t.nextAttemptAt), check("outbox_state_ck", sql`${t.state} in ('pending','done','failed')`)],
);

/** One-time subscribe-message grants left per user and template (each accept allows one send). */
export const messageGrants = sqliteTable(
  "message_grants",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    templateId: text("template_id").notNull(),
    remaining: integer("remaining").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("message_grants_uq").on(t.userId, t.templateId), check("message_grants_remaining_ck", sql`${t.remaining} >= 0`)],
);

export const inboxMessages = sqliteTable(
  "inbox_messages",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    reportId: text("report_id"),
    /** The outbox row it came from: a retried dispatch never fills the inbox twice. */
    outboxId: text("outbox_id").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: text("created_at").notNull(),
    readAt: text("read_at"),
  },
  (t) => [uniqueIndex("inbox_outbox_uq").on(t.outboxId), index("inbox_user_idx").on(t.userId, t.createdAt)],
);
