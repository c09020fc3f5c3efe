import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/* Cross-cutting mechanisms: the audit log, rate limits, idempotency keys, uploads, the notification outbox and inbox. */

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

/**
 * A write request's Idempotency-Key per caller and route (scope): the first request's body hash, the id
 * of what it created, and once answered the answer itself (status, JSON body) for replays.
 */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    /** Who asked, on which route, e.g. `report.create:user:<id>` (see platform/idempotency.ts). */
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    resourceId: text("resource_id").notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("idempotency_keys_uq").on(t.scope, t.key), index("idempotency_keys_created_idx").on(t.createdAt)],
);

/** Photos as uploaded (metadata already stripped); `blob_key` names the blob. Unused until attached. */
export const uploads = sqliteTable(
  "uploads",
  {
    id: text("id").primaryKey(),
    /** The user who uploaded, or null for an Open311 client. */
    ownerId: text("owner_id").references(() => users.id),
    blobKey: text("blob_key").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    /** WeChat mediaCheckAsync: pending until its callback, then pass/review/risky; error when the call failed. */
    contentCheck: text("content_check").notNull().default("pending"),
    checkTraceId: text("check_trace_id"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("uploads_blob_key_uq").on(t.blobKey),
    index("uploads_trace_idx").on(t.checkTraceId),
    check("uploads_check_ck", sql`${t.contentCheck} in ('pending','pass','review','risky','error')`),
  ],
);

/**
 * Which object of any domain an upload belongs to (e.g. 'report' + the report id): at most one (the
 * primary key), so of two objects claiming one upload at once, one atomic() group fails whole. An upload
 * without a row here is unused.
 */
export const uploadAttachments = sqliteTable(
  "upload_attachments",
  {
    uploadId: text("upload_id")
      .primaryKey()
      .references(() => uploads.id),
    ownerType: text("owner_type").notNull(),
    ownerId: text("owner_id").notNull(),
  },
  (t) => [index("upload_attachments_owner_idx").on(t.ownerType, t.ownerId)],
);

/** Notifications to send, written in the same atomic step as the change they announce. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    /** What it is about, e.g. 'report' + the report id (null: about nothing in particular). */
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    /** JSON: {title, body, status, page, subject}. */
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
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    /** The outbox row it came from: a retried dispatch never fills the inbox twice. */
    outboxId: text("outbox_id").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: text("created_at").notNull(),
    readAt: text("read_at"),
  },
  (t) => [uniqueIndex("inbox_outbox_uq").on(t.outboxId), index("inbox_user_idx").on(t.userId, t.createdAt)],
);
