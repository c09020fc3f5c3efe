import { z } from "zod";
import { queryInt, queryNumber } from "../http/query";
import { AttributeValues } from "./categories";
import { HISTORY_ACTIONS, RejectReason, ReportStatus } from "./lifecycle";

/* Request and response shapes of the reports API, shared by the API routes and the mini-program. */

export const MAX_DESCRIPTION_CHARS = 1000;
export const MAX_REPORT_PHOTOS = 9;
/** Open reports of the same category this close and this recent are offered as duplicates before submit. */
export const DUPLICATE_RADIUS_M = 50;
export const DUPLICATE_WINDOW_HOURS = 72;
export const MAX_PUBLIC_RADIUS_M = 3000;

/** An id in a request (UUIDv7 in practice; bounded, not parsed). */
export const Id = z.string().min(1).max(64);
/** GCJ-02, as WeChat's map and wx.getLocation({type:'gcj02'}) give it. */
export const GcjPoint = z.strictObject({ lat: z.number().min(-85).max(85), lng: z.number().min(-180).max(180) });
export type GcjPoint = z.infer<typeof GcjPoint>;

export const CreateReportRequest = z
  .strictObject({
    category: z.string().min(1).max(40),
    description: z.string().trim().min(1).max(MAX_DESCRIPTION_CHARS),
    photoIds: z.array(Id).min(1).max(MAX_REPORT_PHOTOS),
    location: GcjPoint,
    /** Where the point came from: picked on the map, or the phone's position. */
    locationSource: z.enum(["map", "gps"]).default("gps"),
    address: z.string().trim().min(1).max(200),
    attributes: AttributeValues.default({}),
    /** Subscribe-message templates the resident accepted at the submit tap (wx.requestSubscribeMessage). */
    subscriptions: z.array(z.string().min(1).max(64)).max(5).default([]),
  })
  .meta({ id: "CreateReportRequest" });
export type CreateReportRequest = z.input<typeof CreateReportRequest>;

export const Photo = z
  .object({
    id: z.string(),
    /** A short-lived signed URL (works in <image src>, which cannot send a token). */
    url: z.string(),
    kind: z.enum(["report", "resolution"]),
    /** Hidden by a moderator; only staff still see it. */
    hidden: z.boolean(),
  })
  .meta({ id: "ReportPhoto" });
export type Photo = z.infer<typeof Photo>;

export const TimelineEntry = z
  .object({
    seq: z.number().int(),
    action: z.enum(HISTORY_ACTIONS),
    from: ReportStatus.nullable(),
    to: ReportStatus,
    /** 内部备注: staff only (and the reporter's own words on their own steps); null for others. */
    note: z.string().nullable(),
    /** 答复市民: the bureau's public reply, shown to everyone who sees the timeline. */
    reply: z.string().nullable().optional(),
    at: z.string(),
    actor: z.enum(["resident", "bureau", "system", "open311"]),
    /** Staff only. */
    actorId: z.string().nullable().optional(),
  })
  .meta({ id: "TimelineEntry" });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const ContentCheck = z.enum(["pending", "pass", "review", "risky", "error"]);
export type ContentCheck = z.infer<typeof ContentCheck>;

export const ReportDetail = z
  .object({
    id: z.string(),
    /** 案件编号 YYYYMMDD-NNNN, how the case is named to people; null only for an old row not yet numbered. */
    caseNumber: z.string().nullable().default(null),
    category: z.object({ code: z.string(), name: z.string(), groupName: z.string() }),
    /** The moderated text (the reporter and staff see their own / the original in `originalDescription`). */
    description: z.string(),
    status: ReportStatus,
    /** As typed, for the reporter and staff; only the district for everyone else. */
    address: z.string(),
    /** Exact for the reporter and staff; coarsened to about 100 m for everyone else. */
    location: z.object({ lat: z.number(), lng: z.number() }),
    district: z.string(),
    attributes: AttributeValues,
    photos: z.array(Photo),
    followers: z.number().int(),
    following: z.boolean(),
    viewer: z.enum(["staff", "reporter", "follower", "public"]),
    department: z.string().nullable(),
    rejectReason: RejectReason.nullable(),
    duplicateOf: z.string().nullable(),
    resolutionNote: z.string().nullable(),
    rating: z.number().int().nullable(),
    ratingComment: z.string().nullable(),
    canRate: z.boolean(),
    canReopen: z.boolean(),
    /** Until when the reporter may reopen (7 days after resolution), or null. */
    reopenUntil: z.string().nullable(),
    slaDueAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    timeline: z.array(TimelineEntry),
    /** Staff only from here. */
    version: z.number().int().optional(),
    originalDescription: z.string().optional(),
    reporter: z.object({ id: z.string(), nickname: z.string().nullable() }).nullable().optional(),
    source: z.enum(["app", "open311"]).optional(),
    textCheck: ContentCheck.optional(),
    /** The text awaits a moderator: its check did not pass and no one has passed or redacted it yet. */
    textHeld: z.boolean().optional(),
    /** Per photo: the check, whether a moderator passed it (复核通过), and whether it is still held. */
    photoChecks: z
      .array(z.object({ id: z.string(), check: ContentCheck, reviewed: z.boolean().optional(), held: z.boolean().optional() }))
      .optional(),
    /** Anything still held (text or a report photo); a held report cannot be accepted. */
    held: z.boolean().optional(),
    overdue: z.boolean().optional(),
  })
  .meta({ id: "ReportDetail" });
export type ReportDetail = z.infer<typeof ReportDetail>;

/** What every list of reports shows of one (my reports, the moderation queue). */
export const listedReport = {
  id: z.string(),
  caseNumber: z.string().nullable().default(null),
  categoryCode: z.string(),
  categoryName: z.string(),
  status: ReportStatus,
  description: z.string(),
  address: z.string(),
  district: z.string(),
  thumbnailUrl: z.string().nullable(),
  followers: z.number().int(),
  createdAt: z.string(),
};

export const ReportSummary = z
  .object({
    ...listedReport,
    relation: z.enum(["reporter", "follower", "staff"]),
    updatedAt: z.string(),
  })
  .meta({ id: "ReportSummary" });
export type ReportSummary = z.infer<typeof ReportSummary>;

export const MyReportsResponse = z.object({ reports: z.array(ReportSummary) }).meta({ id: "MyReports" });
export type MyReportsResponse = z.infer<typeof MyReportsResponse>;

export const DuplicatesQuery = z.object({
  category: z.string().min(1).max(40),
  lat: queryNumber(-85, 85),
  lng: queryNumber(-180, 180),
});
export const DuplicateCandidate = z
  .object({
    id: z.string(),
    caseNumber: z.string().nullable().default(null),
    categoryName: z.string(),
    status: ReportStatus,
    /** The moderated description once accepted; null while the case awaits a moderator. */
    description: z.string().nullable(),
    distanceM: z.number().int(),
    followers: z.number().int(),
    following: z.boolean(),
    mine: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "DuplicateCandidate" });
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;
export const DuplicatesResponse = z.object({ candidates: z.array(DuplicateCandidate) }).meta({ id: "Duplicates" });
export type DuplicatesResponse = z.infer<typeof DuplicatesResponse>;

export const FollowResponse = z
  .object({ id: z.string(), followers: z.number().int(), following: z.boolean() })
  .meta({ id: "FollowResult" });
export type FollowResponse = z.infer<typeof FollowResponse>;

export const RateRequest = z.strictObject({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(500).default("") });
export type RateRequest = z.input<typeof RateRequest>;
export const ReopenRequest = z.strictObject({ reason: z.string().trim().min(2).max(500) });
export type ReopenRequest = z.input<typeof ReopenRequest>;

export const PublicReportsQuery = z.object({
  lat: queryNumber(-85, 85),
  lng: queryNumber(-180, 180),
  radius: queryInt(50, MAX_PUBLIC_RADIUS_M, 1000),
  limit: queryInt(1, 100, 50),
});
export const PublicReport = z
  .object({
    id: z.string(),
    caseNumber: z.string().nullable().default(null),
    categoryCode: z.string(),
    categoryName: z.string(),
    status: ReportStatus,
    description: z.string(),
    /** Coarsened to about 100 m. */
    location: z.object({ lat: z.number(), lng: z.number() }),
    district: z.string(),
    photoUrls: z.array(z.string()),
    followers: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: "PublicReport" });
export type PublicReport = z.infer<typeof PublicReport>;
export const PublicReportsResponse = z.object({ reports: z.array(PublicReport) }).meta({ id: "PublicReports" });
export type PublicReportsResponse = z.infer<typeof PublicReportsResponse>;

export const UploadResponse = z
  .object({ id: z.string(), url: z.string(), contentType: z.string(), size: z.number().int() })
  .meta({ id: "Upload" });
export type UploadResponse = z.infer<typeof UploadResponse>;
