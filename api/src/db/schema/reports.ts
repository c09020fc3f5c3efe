import type { ReportStatus } from "@civic/shared";
import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { uploads } from "./platform";

/* reports (随手拍) and moderation, and the Open311 clients' keys. */

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
    /** The configured city's official district name at filing, kept readable for exports and old rows. */
    district: text("district").notNull(),
    /** Its administrative code (shared/src/city); null on rows filed before codes were stored. */
    districtCode: text("district_code"),
    /** JSON AttributeValues. */
    attributes: text("attributes").notNull().default("{}"),
    status: text("status").$type<ReportStatus>().notNull(),
    /** Bumped by every history row; a write names the version it read, so of two racing moderators one wins. */
    version: integer("version").notNull().default(1),
    textCheck: text("text_check").notNull().default("pending"),
    /** When a moderator passed (复核通过) or redacted text whose check did not pass; see shared/src/reports/review.ts. */
    textReviewedAt: text("text_reviewed_at"),
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
    /** The case number's city day (YYYYMMDD) and that day's sequence; null only on rows not yet backfilled. */
    caseDay: text("case_day"),
    caseSeq: integer("case_seq"),
    /** A street-vending report in (within_open_zone) or near (near_open_zone) an open vending zone at filing (platform/report-annotators). */
    vendingZone: text("vending_zone"),
  },
  (t) => [
    index("reports_reporter_idx").on(t.reporterId, t.createdAt),
    index("reports_status_idx").on(t.status, t.createdAt),
    index("reports_geo_idx").on(t.latBand, t.lng, t.lat),
    index("reports_accepted_idx").on(t.acceptedAt),
    index("reports_open311_idx").on(t.open311KeyId),
    // Two filings can never share a number; also the index that makes the next-sequence max() cheap.
    uniqueIndex("reports_case_number_uq").on(t.caseDay, t.caseSeq),
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

/**
 * A photo on a report: the resident's, or the bureau's after-photo, its order and whether the public sees it.
 * The upload itself is attached to the report in upload_attachments (platform/uploads/attach.ts).
 */
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
    /** When a moderator passed (复核通过) a photo whose check did not pass. */
    reviewedAt: text("reviewed_at"),
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
    fromStatus: text("from_status").$type<ReportStatus>(),
    toStatus: text("to_status").$type<ReportStatus>().notNull(),
    actorId: text("actor_id"),
    actorKind: text("actor_kind").notNull(),
    /** 内部备注: staff only. Rows from before the split keep their note here (internal). */
    note: text("note"),
    /** 答复市民: the bureau's public reply, shown on the resident's and the public timeline. */
    reply: text("reply"),
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

export const open311Keys = sqliteTable(
  "open311_keys",
  {
    id: text("id").primaryKey(),
    keyHash: text("key_hash").notNull(),
    /** The key's first characters, to tell keys apart in the admin console; the key itself is never stored. */
    prefix: text("prefix"),
    name: text("name").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("open311_keys_hash_uq").on(t.keyHash)],
);
