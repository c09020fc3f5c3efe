import {
  Category,
  CategoryInput,
  CategoryList,
  CategoryUpdate,
  CreateReportRequest,
  DuplicatesQuery,
  DuplicatesResponse,
  FollowResponse,
  MyReportsResponse,
  PublicReportsQuery,
  PublicReportsResponse,
  queryFlag,
  RateRequest,
  ReopenRequest,
  ReportDetail,
} from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin, requireUser } from "../auth/auth.middleware";
import { idempotencyKeyHeader } from "../platform/idempotency";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

const tags = ["reports"];
const IdParam = z.object({ id: z.string().min(1).max(64) });
const CodeParam = z.object({ code: z.string().min(1).max(40) });

export const listCategories = createRoute({
  method: "get",
  path: "/api/v1/report-categories",
  tags,
  summary: "Report categories (active ones; admins may ask for all)",
  request: { query: z.object({ all: queryFlag() }) },
  responses: { 200: jsonContent(CategoryList, "Categories in display order"), ...errorResponses(400) },
});

export const createCategory = createRoute({
  method: "post",
  path: "/api/v1/admin/report-categories",
  tags: ["admin", ...tags],
  summary: "Add a report category",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { body: jsonBody(CategoryInput) },
  responses: { 201: jsonContent(Category, "Created"), ...errorResponses(401, 403, 409, 415, 422) },
});

export const updateCategory = createRoute({
  method: "patch",
  path: "/api/v1/admin/report-categories/{code}",
  tags: ["admin", ...tags],
  summary: "Change or retire a report category",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { params: CodeParam, body: jsonBody(CategoryUpdate) },
  responses: { 200: jsonContent(Category, "Updated"), ...errorResponses(401, 403, 404, 415, 422) },
});

export const createReport = createRoute({
  method: "post",
  path: "/api/v1/reports",
  tags,
  summary: "File a report; an Idempotency-Key makes a retry return the same report",
  security: bearerAuth,
  middleware: [requireUser],
  request: {
    headers: idempotencyKeyHeader,
    body: jsonBody(CreateReportRequest),
  },
  responses: {
    200: jsonContent(ReportDetail, "The report this Idempotency-Key already created"),
    201: jsonContent(ReportDetail, "Filed"),
    ...errorResponses(400, 401, 409, 415, 422, 429),
  },
});

export const duplicates = createRoute({
  method: "get",
  path: "/api/v1/reports/duplicates",
  tags,
  summary: "Open reports of the same category within 50 m from the last 72 hours, to follow instead of filing again",
  security: bearerAuth,
  middleware: [requireUser],
  request: { query: DuplicatesQuery },
  responses: { 200: jsonContent(DuplicatesResponse, "Candidates, nearest first"), ...errorResponses(400, 401) },
});

export const myReports = createRoute({
  method: "get",
  path: "/api/v1/reports/mine",
  tags,
  summary: "Reports I filed or follow, newest first",
  security: bearerAuth,
  middleware: [requireUser],
  responses: { 200: jsonContent(MyReportsResponse, "My reports"), ...errorResponses(401) },
});

export const publicReports = createRoute({
  method: "get",
  path: "/api/v1/reports/public",
  tags,
  summary: "Accepted reports near a point: category, status, place coarsened to ~100 m, visible photos; never the reporter",
  request: { query: PublicReportsQuery },
  responses: { 200: jsonContent(PublicReportsResponse, "Nearby public reports"), ...errorResponses(400) },
});

export const reportById = createRoute({
  method: "get",
  path: "/api/v1/reports/{id}",
  tags,
  summary: "One report with its timeline, as the caller may see it",
  request: { params: IdParam },
  responses: { 200: jsonContent(ReportDetail, "The report"), ...errorResponses(404) },
});

export const followReport = createRoute({
  method: "post",
  path: "/api/v1/reports/{id}/follow",
  tags,
  summary: "Me too: follow an open report instead of filing a duplicate",
  security: bearerAuth,
  middleware: [requireUser],
  request: { params: IdParam },
  responses: { 200: jsonContent(FollowResponse, "Following"), ...errorResponses(401, 404, 409) },
});

export const rateReport = createRoute({
  method: "post",
  path: "/api/v1/reports/{id}/rate",
  tags,
  summary: "The reporter rates the resolution (1-5) with a comment",
  security: bearerAuth,
  middleware: [requireUser],
  request: { params: IdParam, body: jsonBody(RateRequest) },
  responses: { 200: jsonContent(ReportDetail, "Rated"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});

export const reopenReport = createRoute({
  method: "post",
  path: "/api/v1/reports/{id}/reopen",
  tags,
  summary: "The reporter reopens a resolved report within 7 days",
  security: bearerAuth,
  middleware: [requireUser],
  request: { params: IdParam, body: jsonBody(ReopenRequest) },
  responses: { 200: jsonContent(ReportDetail, "Reopened"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});
