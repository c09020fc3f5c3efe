import { z } from "zod";
import { DEFAULT_CITY_NAMES, findDistrict } from "../city";
import { queryFlag, queryInt } from "../http/query";
import { RejectReason, ReportStatus } from "./lifecycle";
import type { ReopenRequest } from "./schemas";
import { Id, listedReport, MAX_DESCRIPTION_CHARS, MAX_REPORT_PHOTOS } from "./schemas";
import { VendingZoneFlag } from "./vendingZone";

/* The bureau's side of the reports API: the moderation queue, lifecycle actions and edits, KPIs. */

export const ModerationQueueQuery = z.object({
  status: ReportStatus.optional(),
  category: z.string().max(40).optional(),
  /** A district of the configured city: its code (320571), official name (苏州工业园区) or short name (工业园区). */
  district: z
    .string()
    .max(40)
    .refine((v) => findDistrict(DEFAULT_CITY_NAMES, v) !== undefined, { message: "not a district of the configured city" })
    .optional(),
  overdue: queryFlag(),
  held: queryFlag(),
  /** Street-vending reports filed inside (within) or within 100 m of (near) a vending zone open at the time. */
  vendingZone: z.enum(["within", "near"]).optional(),
  limit: queryInt(1, 100, 30),
  offset: queryInt(0, 100_000, 0),
});
export type ModerationQueueQuery = z.input<typeof ModerationQueueQuery>;

export const QueueItem = z
  .object({
    ...listedReport,
    department: z.string().nullable(),
    held: z.boolean(),
    overdue: z.boolean(),
    slaDueAt: z.string().nullable(),
    version: z.number().int(),
    /** How a street-vending report stood to the vending zones open when it was filed; null otherwise (or from an older API). */
    vendingZone: VendingZoneFlag.nullable().default(null),
  })
  .meta({ id: "QueueItem" });
export type QueueItem = z.infer<typeof QueueItem>;
export const QueueResponse = z.object({ reports: z.array(QueueItem), total: z.number().int() }).meta({ id: "ModerationQueue" });
export type QueueResponse = z.infer<typeof QueueResponse>;

/** 内部备注: seen by staff only (history, audit); never shown or sent to residents. */
const Note = z.string().trim().max(500);
/** 答复市民: shown to the reporter and the public on the timeline, and sent in the residents' notification. */
const Reply = z.string().trim().max(500);
const noteAndReply = { note: Note.optional(), reply: Reply.optional() };
export const AcceptRequest = z.strictObject({ ...noteAndReply });
export const RejectRequest = z.strictObject({ reason: RejectReason, ...noteAndReply });
export const MergeRequest = z.strictObject({ into: Id, ...noteAndReply });
export const DispatchRequest = z.strictObject({ department: z.string().trim().min(1).max(60), ...noteAndReply });
export const ResolveRequest = z.strictObject({
  /** 处理结果: required, public (the report's resolutionNote and the timeline's reply). */
  reply: Reply.min(1),
  note: Note.optional(),
  photoIds: z.array(Id).max(MAX_REPORT_PHOTOS).default([]),
});
export const CloseRequest = z.strictObject({ ...noteAndReply });
export const RedactRequest = z.strictObject({ description: z.string().trim().min(1).max(MAX_DESCRIPTION_CHARS), note: Note.optional() });
export const HidePhotoRequest = z.strictObject({ reason: z.string().trim().min(1).max(200) });
/** 复核通过 of held text or a held photo: the moderator has looked and the public may see it. */
export const PassReviewRequest = z.strictObject({ note: Note.optional() });
export type RejectRequest = z.input<typeof RejectRequest>;
export type DispatchRequest = z.input<typeof DispatchRequest>;
export type ResolveRequest = z.input<typeof ResolveRequest>;
export type RedactRequest = z.input<typeof RedactRequest>;
export type PassReviewRequest = z.input<typeof PassReviewRequest>;

/** The body each lifecycle action of the case page sends (POST /moderation/reports/{id}/<action>). */
export type CaseActionBodies = {
  accept: z.input<typeof AcceptRequest>;
  reject: RejectRequest;
  merge: z.input<typeof MergeRequest>;
  dispatch: DispatchRequest;
  resolve: ResolveRequest;
  close: z.input<typeof CloseRequest>;
  reopen: ReopenRequest;
  redact: RedactRequest;
};

/* KPIs */

export const KpiQuery = z.object({
  /** City dates (YYYY-MM-DD), inclusive; default the last 30 days. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  groupBy: z.enum(["none", "category", "district"]).default("none"),
});
export type KpiQuery = z.input<typeof KpiQuery>;

export const KpiFigures = z
  .object({
    /** Cases accepted (立案) in the period. */
    cases: z.number().int(),
    closed: z.number().int(),
    /** 结案率: closed / cases, 0..1, null with no cases. */
    closureRate: z.number().nullable(),
    closedOnTime: z.number().int(),
    /** 按期结案率: closed within SLA / closed. */
    onTimeRate: z.number().nullable(),
    medianHoursToClose: z.number().nullable(),
    rated: z.number().int(),
    /** 回访满意率: ratings of 4 or 5 / ratings. */
    satisfactionRate: z.number().nullable(),
    resolved: z.number().int(),
    reopened: z.number().int(),
    /** 重开率 = 重开过的案件 / 处理过的案件: reopened at least once / resolved (处理反馈) at least once. */
    reopenRate: z.number().nullable(),
  })
  .meta({ id: "KpiFigures" });
export type KpiFigures = z.infer<typeof KpiFigures>;

export const KpiResponse = z
  .object({
    from: z.string(),
    to: z.string(),
    groupBy: z.enum(["none", "category", "district"]),
    overall: KpiFigures,
    groups: z.array(z.object({ key: z.string(), label: z.string(), figures: KpiFigures })),
    /** Cases accepted per city day in the period, for the trend chart. */
    daily: z.array(z.object({ date: z.string(), cases: z.number().int(), closed: z.number().int() })),
  })
  .meta({ id: "KpiResponse" });
export type KpiResponse = z.infer<typeof KpiResponse>;
