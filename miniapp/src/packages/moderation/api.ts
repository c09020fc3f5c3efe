import {
  CategoryList,
  DuplicatesResponse,
  type FieldIssue,
  KpiResponse,
  type ModerationQueueQuery,
  QueueResponse,
  type RedactRequest,
  type RejectRequest,
  ReportDetail,
  type ResolveRequest,
} from "@civic/shared";
import type { z } from "zod";
import { apiBase } from "../../platform";
import { type ApiFailure, type ApiResult, apiRequest } from "../../services/request";

/* Moderation domain, the bureau staff's side: the case queue, a case with its actions, KPIs. */

const casePath = (id: string) => `/api/v1/moderation/reports/${encodeURIComponent(id)}`;

/** Photo URLs in answers are relative signed paths; <Image> needs them on the API origin. */
export const photoSrc = (url: string): string => (/^https?:\/\//.test(url) ? url : `${apiBase()}${url}`);

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
export interface CaseActionBodies {
  accept: { note?: string };
  reject: RejectRequest;
  merge: { into: string; note?: string };
  dispatch: { department: string; note?: string };
  resolve: ResolveRequest;
  close: { note?: string };
  reopen: { reason: string };
  redact: RedactRequest;
}
export type CaseAction = keyof CaseActionBodies;

export const caseAction = <A extends CaseAction>(id: string, action: A, body: CaseActionBodies[A]): Promise<ApiResult<ReportDetail>> =>
  apiRequest(ReportDetail, { method: "POST", path: `${casePath(id)}/${action}`, body });

export const hidePhoto = (id: string, photoId: string, reason: string): Promise<ApiResult<ReportDetail>> =>
  apiRequest(ReportDetail, { method: "POST", path: `${casePath(id)}/photos/${encodeURIComponent(photoId)}/hide`, body: { reason } });

export const showPhoto = (id: string, photoId: string): Promise<ApiResult<ReportDetail>> =>
  apiRequest(ReportDetail, { method: "POST", path: `${casePath(id)}/photos/${encodeURIComponent(photoId)}/show` });

export const moderationKpis = (query: {
  from: string;
  to: string;
  groupBy: "none" | "category" | "district";
}): Promise<ApiResult<KpiResponse>> => apiRequest(KpiResponse, { path: "/api/v1/moderation/kpis", query });

export const CONFLICT_MESSAGE = "该案件已被他人处理，已刷新";
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
