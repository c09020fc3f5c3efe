import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/*
 * The one drizzle schema for both hosts. Times are UTC ISO-8601 text; ids exposed to clients are UUIDv7
 * text. History tables (audit_log) are append-only.
 */

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    openid: text("openid").notNull(),
    unionid: text("unionid"),
    /** WeChat's session_key from the last code2session; never serialised to any client. */
    sessionKey: text("session_key"),
    nickname: text("nickname"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("users_openid_uq").on(t.openid)],
);

export const userRoles = sqliteTable(
  "user_roles",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role").notNull(),
    grantedAt: text("granted_at").notNull(),
    grantedBy: text("granted_by"),
  },
  (t) => [
    uniqueIndex("user_roles_uq").on(t.userId, t.role),
    check("user_roles_role_ck", sql`${t.role} in ('collector','volunteer','moderator','admin')`),
  ],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("sessions_token_uq").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

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

export const toilets = sqliteTable(
  "toilets",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    address: text("address").notNull(),
    district: text("district").notNull(),
    street: text("street").notNull().default(""),
    /** GCJ-02. */
    lat: real("lat").notNull(),
    lng: real("lng").notNull(),
    /** floor(lat / LAT_BAND_DEGREES): the portable spatial index (see shared/geo/grid). */
    latBand: integer("lat_band").notNull(),
    kind: text("kind").notNull(),
    /** OpeningHours JSON. */
    hours: text("hours").notNull(),
    free: integer("free", { mode: "boolean" }).notNull(),
    feeNote: text("fee_note"),
    accessible: integer("accessible", { mode: "boolean" }).notNull(),
    thirdToilet: integer("third_toilet", { mode: "boolean" }).notNull(),
    babyCare: integer("baby_care", { mode: "boolean" }).notNull(),
    stalls: integer("stalls"),
    managingUnit: text("managing_unit"),
    lastVerified: text("last_verified"),
    sourceRef: text("source_ref"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    deactivatedReason: text("deactivated_reason"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    // Covers every column the nearby search filters and orders on, so SQLite ranks candidates from the
    // index alone and reads table rows only for the nearest few.
    index("toilets_nearby_idx").on(t.latBand, t.lng, t.lat, t.active, t.free, t.accessible, t.babyCare, t.thirdToilet, t.kind),
    uniqueIndex("toilets_source_ref_uq").on(t.sourceRef),
    check("toilets_lat_ck", sql`${t.lat} between -90 and 90`),
    check("toilets_lng_ck", sql`${t.lng} between -180 and 180`),
  ],
);

/**
 * One row whose version goes up on every change to `toilets` (triggers in migration 0001), so an in-memory
 * copy can tell in one cheap read whether it is still current, whoever wrote.
 */
export const toiletsVersion = sqliteTable(
  "toilets_version",
  {
    id: integer("id").primaryKey(),
    version: integer("version").notNull(),
  },
  (t) => [check("toilets_version_single_ck", sql`${t.id} = 1`)],
);

export const toiletFeedback = sqliteTable(
  "toilet_feedback",
  {
    id: text("id").primaryKey(),
    toiletId: text("toilet_id")
      .notNull()
      .references(() => toilets.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    note: text("note").notNull().default(""),
    status: text("status").notNull().default("open"),
    resolutionNote: text("resolution_note"),
    resolvedBy: text("resolved_by"),
    resolvedAt: text("resolved_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    index("toilet_feedback_status_idx").on(t.status, t.createdAt),
    check("toilet_feedback_status_ck", sql`${t.status} in ('open','resolved')`),
  ],
);

/** Fixed-window counters for rate limits; one guarded upsert per hit works the same on D1 and SQLite. */
export const rateLimits = sqliteTable("rate_limits", {
  bucket: text("bucket").primaryKey(),
  windowStart: integer("window_start").notNull(),
  hits: integer("hits").notNull(),
});

/* ---------------------------------------------------------------- reports (随手拍) and moderation */

export const reportCategories = sqliteTable(
  "report_categories",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    groupCode: text("group_code").notNull(),
    department: text("department").notNull(),
    slaHours: integer("sla_hours").notNull(),
    description: text("description").notNull().default(""),
    /** JSON string[]. */
    keywords: text("keywords").notNull().default("[]"),
    /** JSON CategoryAttribute[] (Open311 attributes). */
    attributes: text("attributes").notNull().default("[]"),
    sortOrder: integer("sort_order").notNull().default(0),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [check("report_categories_sla_ck", sql`${t.slaHours} > 0`)],
);

/** Photos as uploaded (metadata already stripped); `key` names the blob. */
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

export const reports = sqliteTable(
  "reports",
  {
    id: text("id").primaryKey(),
    /** Null for a request filed through Open311 (then `open311KeyId` is set). */
    reporterId: text("reporter_id").references(() => users.id),
    open311KeyId: text("open311_key_id"),
    source: text("source").notNull().default("app"),
    categoryCode: text("category_code")
      .notNull()
      .references(() => reportCategories.code),
    /** What the reporter wrote; never changed. */
    description: text("description").notNull(),
    /** A moderator's edited/redacted text shown to everyone else, or null to show the original. */
    publicDescription: text("public_description"),
    address: text("address").notNull(),
    /** GCJ-02. */
    lat: real("lat").notNull(),
    lng: real("lng").notNull(),
    latBand: integer("lat_band").notNull(),
    locationSource: text("location_source").notNull().default("gps"),
    district: text("district").notNull(),
    /** JSON AttributeValues. */
    attributes: text("attributes").notNull().default("{}"),
    status: text("status").notNull(),
    /** Bumped by every history row; a write names the version it read, so of two racing moderators one wins. */
    version: integer("version").notNull().default(1),
    textCheck: text("text_check").notNull().default("pending"),
    department: text("department"),
    rejectReason: text("reject_reason"),
    duplicateOf: text("duplicate_of"),
    resolutionNote: text("resolution_note"),
    rating: integer("rating"),
    ratingComment: text("rating_comment"),
    followers: integer("followers").notNull().default(0),
    reopenCount: integer("reopen_count").notNull().default(0),
    slaHours: integer("sla_hours").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    acceptedAt: text("accepted_at"),
    slaDueAt: text("sla_due_at"),
    resolvedAt: text("resolved_at"),
    everResolved: integer("ever_resolved", { mode: "boolean" }).notNull().default(false),
    closedAt: text("closed_at"),
  },
  (t) => [
    index("reports_reporter_idx").on(t.reporterId, t.createdAt),
    index("reports_status_idx").on(t.status, t.createdAt),
    index("reports_geo_idx").on(t.latBand, t.lng, t.lat),
    index("reports_accepted_idx").on(t.acceptedAt),
    index("reports_open311_idx").on(t.open311KeyId),
    check("reports_status_ck", sql`${t.status} in ('submitted','accepted','rejected','dispatched','resolved','closed','reopened')`),
    check("reports_text_check_ck", sql`${t.textCheck} in ('pending','pass','review','risky','error')`),
    check("reports_rating_ck", sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    check("reports_source_ck", sql`${t.source} in ('app','open311')`),
    check("reports_owner_ck", sql`${t.reporterId} is not null or ${t.open311KeyId} is not null`),
    check("reports_rejected_ck", sql`${t.status} <> 'rejected' or ${t.rejectReason} is not null`),
    check("reports_dispatched_ck", sql`${t.status} <> 'dispatched' or ${t.department} is not null`),
    check("reports_lat_ck", sql`${t.lat} between -90 and 90`),
    check("reports_lng_ck", sql`${t.lng} between -180 and 180`),
  ],
);

/** A photo on a report: the resident's, or the bureau's after-photo. An upload belongs to one report only. */
export const reportPhotos = sqliteTable(
  "report_photos",
  {
    uploadId: text("upload_id")
      .primaryKey()
      .references(() => uploads.id),
    reportId: text("report_id")
      .notNull()
      .references(() => reports.id),
    kind: text("kind").notNull(),
    position: integer("position").notNull(),
    hidden: integer("hidden", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    index("report_photos_report_idx").on(t.reportId, t.position),
    check("report_photos_kind_ck", sql`${t.kind} in ('report','resolution')`),
  ],
);

/** Append-only: one row per status change or moderation act; seq equals the report's version after it. */
export const reportHistory = sqliteTable(
  "report_history",
  {
    id: text("id").primaryKey(),
    reportId: text("report_id")
      .notNull()
      .references(() => reports.id),
    seq: integer("seq").notNull(),
    action: text("action").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    actorId: text("actor_id"),
    actorKind: text("actor_kind").notNull(),
    note: text("note"),
    /** JSON: the action's particulars (e.g. the redacted text's previous version, a hidden photo id). */
    detail: text("detail"),
    at: text("at").notNull(),
  },
  (t) => [uniqueIndex("report_history_seq_uq").on(t.reportId, t.seq)],
);

export const reportFollowers = sqliteTable(
  "report_followers",
  {
    reportId: text("report_id")
      .notNull()
      .references(() => reports.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("report_followers_uq").on(t.reportId, t.userId), index("report_followers_user_idx").on(t.userId)],
);

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

export const open311Keys = sqliteTable(
  "open311_keys",
  {
    id: text("id").primaryKey(),
    keyHash: text("key_hash").notNull(),
    name: text("name").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("open311_keys_hash_uq").on(t.keyHash)],
);
