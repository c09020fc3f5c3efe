import { reportBody, SPOT } from "../report-fixtures";
import { ADMIN_ONLY, REPORTER_AND_STAFF, type Rows, STAFF, staffAction } from "./table";

/** Reports (随手拍) and the bureau's moderation of them. */
export const REPORTS_ROWS: Rows = {
  "GET /api/v1/report-categories": { access: "public", path: () => "/api/v1/report-categories" },
  "POST /api/v1/admin/report-categories": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/report-categories",
    body: () => ({ code: `matrix_${Math.random().toString(36).slice(2, 8)}`, name: "矩阵", group: "other", department: "d", slaHours: 24 }),
  },
  "PATCH /api/v1/admin/report-categories/{code}": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/report-categories/illegal_posters",
    body: () => ({ slaHours: 24 }),
  },
  "POST /api/v1/reports": {
    access: "signed-in",
    path: () => "/api/v1/reports",
    // A photo the caller does not own: every signed-in caller gets past the role check to a 422.
    body: (f) => reportBody([f.photoId]),
  },
  "GET /api/v1/reports/duplicates": {
    access: "signed-in",
    path: () => `/api/v1/reports/duplicates?category=illegal_posters&lat=${SPOT.lat}&lng=${SPOT.lng}`,
  },
  "GET /api/v1/reports/mine": { access: "signed-in", path: () => "/api/v1/reports/mine" },
  "GET /api/v1/reports/public": { access: "public", path: () => `/api/v1/reports/public?lat=${SPOT.lat}&lng=${SPOT.lng}` },
  "GET /api/v1/reports/{id}": {
    access: REPORTER_AND_STAFF,
    hidden: true,
    anonymousAllowedIn: true,
    path: (f) => `/api/v1/reports/${f.privateReportId}`,
  },
  "POST /api/v1/reports/{id}/follow": { access: "signed-in", path: (f) => `/api/v1/reports/${f.caseReportId}/follow` },
  "POST /api/v1/reports/{id}/rate": {
    access: ["owner"],
    hidden: true,
    visibleTo: STAFF,
    path: (f) => `/api/v1/reports/${f.privateReportId}/rate`,
    body: () => ({ rating: 5 }),
  },
  "POST /api/v1/reports/{id}/reopen": {
    access: ["owner"],
    hidden: true,
    visibleTo: STAFF,
    path: (f) => `/api/v1/reports/${f.privateReportId}/reopen`,
    body: () => ({ reason: "矩阵检查" }),
  },
  "GET /api/v1/moderation/reports": { access: STAFF, path: () => "/api/v1/moderation/reports" },
  "GET /api/v1/moderation/reports/{id}": { access: STAFF, path: (f) => `/api/v1/moderation/reports/${f.caseReportId}` },
  "POST /api/v1/moderation/reports/{id}/accept": staffAction("accept", {}),
  "POST /api/v1/moderation/reports/{id}/reject": staffAction("reject", { reason: "invalid" }),
  "POST /api/v1/moderation/reports/{id}/merge": staffAction("merge", { into: "0190f0f0-0000-7000-8000-000000000000" }),
  "POST /api/v1/moderation/reports/{id}/dispatch": staffAction("dispatch", { department: "市容管理科" }),
  "POST /api/v1/moderation/reports/{id}/resolve": staffAction("resolve", { reply: "矩阵" }),
  "POST /api/v1/moderation/reports/{id}/close": staffAction("close", {}),
  "POST /api/v1/moderation/reports/{id}/reopen": staffAction("reopen", { reason: "矩阵" }),
  "POST /api/v1/moderation/reports/{id}/redact": staffAction("redact", { description: "矩阵" }),
  "POST /api/v1/moderation/reports/{id}/photos/{photoId}/hide": {
    access: STAFF,
    path: (f) => `/api/v1/moderation/reports/${f.caseReportId}/photos/none/hide`,
    body: () => ({ reason: "矩阵" }),
  },
  "POST /api/v1/moderation/reports/{id}/photos/{photoId}/show": {
    access: STAFF,
    path: (f) => `/api/v1/moderation/reports/${f.caseReportId}/photos/none/show`,
  },
  "POST /api/v1/moderation/reports/{id}/text/pass": staffAction("text/pass", {}),
  "POST /api/v1/moderation/reports/{id}/photos/{photoId}/pass": {
    access: STAFF,
    path: (f) => `/api/v1/moderation/reports/${f.caseReportId}/photos/none/pass`,
    body: () => ({}),
  },
  "GET /api/v1/moderation/kpis": { access: STAFF, path: () => "/api/v1/moderation/kpis" },
};
