import {
  type CaseActionBodies,
  CategoryList,
  DuplicatesResponse,
  type FieldIssue,
  KpiResponse,
  type ModerationQueueQuery,
  QueueResponse,
  REPORT_STATUS_LABELS,
  ReportDetail,
} from "@civic/shared";
import type { z } from "zod";
import { type ApiFailure, type ApiResult, apiRequest } from "../../services/request";

/* Moderation domain, the bureau staff's side: the case queue, a case with its actions, KPIs. */

const casePath = (id: string) => `/api/v1/moderation/reports/${encodeURIComponent(id)}`;

/** Photo URLs in answers are relative signed paths; <Image> needs them on the API origin. */
export { photoSrc } from "../../services/photo-src";

/** ModerationQueueQuery as it is sent: the parsed shape (flags as booleans, defaults filled in). */
export type QueueQueryParams = z.output<typeof ModerationQueueQuery>;

export const moderationQueue = (query: QueueQueryParams): Promise<ApiResult<QueueResponse>> =>
  apiRequest(QueueResponse, { path: "/api/v1/moderation/reports", query: { ...query } });

/** Open cases of the same category within 50 m from the last 72 hours: what this case may duplicate. */
export const mergeCandidates = (report: Pick<ReportDetail, "category" | "location">): Promise<ApiResult<DuplicatesResponse>> =>
  apiRequest(DuplicatesResponse, {
    path: "/api/v1/reports/duplicates",
    query: { category: report.category.code, lat: report.location.lat, lng: report.location.lng },
  });

export const staffReport = (id: string): Promise<ApiResult<ReportDetail>> => apiRequest(ReportDetail, { path: casePath(id) });

export const reportCategories = (): Promise<ApiResult<CategoryList>> => apiRequest(CategoryList, { path: "/api/v1/report-categories" });

/** The body each lifecycle or moderation action sends (the shared request schemas' input shapes). */
export type CaseAction = keyof CaseActionBodies;

/**
 * Every action names the case's version on the screen it was decided on; if someone else has acted since,
 * the server refuses it (409) instead of applying both decisions.
 */
const seen = (report: CaseOnScreen) => ({ "If-Match": `"${report.version ?? 0}"` });
type CaseOnScreen = Pick<ReportDetail, "id" | "version">;

export const caseAction = <A extends CaseAction>(
  report: CaseOnScreen,
  action: A,
  body: CaseActionBodies[A],
): Promise<ApiResult<ReportDetail>> =>
  apiRequest(ReportDetail, { method: "POST", path: `${casePath(report.id)}/${action}`, body, headers: seen(report) });

export const hidePhoto = (report: CaseOnScreen, photoId: string, reason: string): Promise<ApiResult<ReportDetail>> =>
  apiRequest(ReportDetail, {
    method: "POST",
    path: `${casePath(report.id)}/photos/${encodeURIComponent(photoId)}/hide`,
    body: { reason },
    headers: seen(report),
  });

export const showPhoto = (report: CaseOnScreen, photoId: string): Promise<ApiResult<ReportDetail>> =>
  apiRequest(ReportDetail, {
    method: "POST",
    path: `${casePath(report.id)}/photos/${encodeURIComponent(photoId)}/show`,
    headers: seen(report),
  });

/** 复核通过 of held text or a held photo (the rule: shared/src/reports/review.ts). */
export const passText = (report: CaseOnScreen): Promise<ApiResult<ReportDetail>> =>
  apiRequest(ReportDetail, { method: "POST", path: `${casePath(report.id)}/text/pass`, body: {}, headers: seen(report) });

export const passPhoto = (report: CaseOnScreen, photoId: string): Promise<ApiResult<ReportDetail>> =>
  apiRequest(ReportDetail, {
    method: "POST",
    path: `${casePath(report.id)}/photos/${encodeURIComponent(photoId)}/pass`,
    body: {},
    headers: seen(report),
  });

/** A 409 that is not someone else's change but content still held: what to review before 立案, or null. */
export function heldMessage(failure: ApiFailure): string | null {
  const d = failure.details as { reason?: unknown; text?: unknown; photoIds?: unknown } | undefined;
  if (d?.reason !== "held") return null;
  const photos = Array.isArray(d.photoIds) ? d.photoIds.length : 0;
  const parts = [...(d.text === true ? ["描述"] : []), ...(photos > 0 ? [`${photos} 张照片`] : [])];
  return `还有内容待人工复核：${parts.join("、")}。请先逐项“复核通过”或隐藏/修改，再立案。`;
}

export const moderationKpis = (query: {
  from: string;
  to: string;
  groupBy: "none" | "category" | "district";
}): Promise<ApiResult<KpiResponse>> => apiRequest(KpiResponse, { path: "/api/v1/moderation/kpis", query });

export const CONFLICT_MESSAGE = "该案件已被他人处理，已刷新";

/** What a 409 says: who moved the case on and to what, when the server tells us its current status. */
export function conflictMessage(failure: ApiFailure): string {
  const details = failure.details as { status?: unknown } | undefined;
  const status = typeof details?.status === "string" ? (REPORT_STATUS_LABELS as Record<string, string>)[details.status] : undefined;
  return status ? `该案件已被他人处理（${status}），已为您刷新` : CONFLICT_MESSAGE;
}
export const FORBIDDEN_MESSAGE = "此页面仅限城管局工作人员（管理员）使用";

/** A 422's field problems as path → message (empty for any other failure). */
export function fieldIssues(failure: ApiFailure): Record<string, string> {
  if (failure.code !== "validation_failed" || !Array.isArray(failure.details)) return {};
  const out: Record<string, string> = {};
  for (const issue of failure.details as Partial<FieldIssue>[]) {
    if (typeof issue?.path !== "string" || typeof issue.message !== "string") continue;
    const field = issue.path.split(".")[0] ?? issue.path;
    out[field] ??= issue.message;
  }
  return out;
}
