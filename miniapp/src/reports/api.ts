import {
  CategoryList,
  type CreateReportRequest,
  DuplicatesResponse,
  FollowResponse,
  InboxResponse,
  MyReportsResponse,
  PublicReportsResponse,
  type RateRequest,
  type ReopenRequest,
  ReportDetail,
} from "@civic/shared";
import { type ApiResult, apiRequest, apiRequestNoContent } from "../services/request";

/* Reports domain (随手拍), the resident's side: categories, the wizard's calls, my reports, detail, inbox. */

/** The subscribe-message template asked for at the submit tap; the server's default template id. */
export const REPORT_STATUS_TEMPLATE_ID = "civic-report-status";

/** Photo URLs in answers are relative signed paths; <Image> needs them on the API origin. */
export { photoSrc } from "../services/photo-src";

const reportPath = (id: string) => `/api/v1/reports/${encodeURIComponent(id)}`;

export const reportCategories = (): Promise<ApiResult<CategoryList>> => apiRequest(CategoryList, { path: "/api/v1/report-categories" });

export const nearbyDuplicates = (category: string, lat: number, lng: number): Promise<ApiResult<DuplicatesResponse>> =>
  apiRequest(DuplicatesResponse, {
    path: "/api/v1/reports/duplicates",
    query: { category, lat: lat.toFixed(6), lng: lng.toFixed(6) },
  });

export const createReport = (request: CreateReportRequest, idempotencyKey: string): Promise<ApiResult<ReportDetail>> =>
  apiRequest(ReportDetail, { method: "POST", path: "/api/v1/reports", body: request, headers: { "Idempotency-Key": idempotencyKey } });

export const myReports = (): Promise<ApiResult<MyReportsResponse>> => apiRequest(MyReportsResponse, { path: "/api/v1/reports/mine" });

export const reportDetail = (id: string): Promise<ApiResult<ReportDetail>> => apiRequest(ReportDetail, { path: reportPath(id) });

export const followReport = (id: string): Promise<ApiResult<FollowResponse>> =>
  apiRequest(FollowResponse, { method: "POST", path: `${reportPath(id)}/follow` });

export const rateReport = (id: string, request: RateRequest): Promise<ApiResult<ReportDetail>> =>
  apiRequest(ReportDetail, { method: "POST", path: `${reportPath(id)}/rate`, body: request });

export const reopenReport = (id: string, request: ReopenRequest): Promise<ApiResult<ReportDetail>> =>
  apiRequest(ReportDetail, { method: "POST", path: `${reportPath(id)}/reopen`, body: request });

export const publicReports = (lat: number, lng: number, radius: number): Promise<ApiResult<PublicReportsResponse>> =>
  apiRequest(PublicReportsResponse, {
    path: "/api/v1/reports/public",
    query: { lat: lat.toFixed(6), lng: lng.toFixed(6), radius, limit: 50 },
    on401: "stay",
  });

export const inbox = (): Promise<ApiResult<InboxResponse>> => apiRequest(InboxResponse, { path: "/api/v1/inbox" });

/** The unread count for the 我的 entry; a signed-out visitor or a failure quietly shows none. */
export const inboxUnread = (): Promise<ApiResult<InboxResponse>> => apiRequest(InboxResponse, { path: "/api/v1/inbox", on401: "stay" });

export const markInboxRead = (id: string): Promise<ApiResult<null>> =>
  apiRequestNoContent({ method: "POST", path: `/api/v1/inbox/${encodeURIComponent(id)}/read` });
