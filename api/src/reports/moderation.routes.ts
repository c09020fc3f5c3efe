import {
  AcceptRequest,
  CloseRequest,
  DispatchRequest,
  HidePhotoRequest,
  KpiQuery,
  KpiResponse,
  MergeRequest,
  ModerationQueueQuery,
  QueueResponse,
  RedactRequest,
  RejectRequest,
  ReopenRequest,
  ReportDetail,
  ResolveRequest,
} from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

const tags = ["moderation"];
const staffOnly = [requireStaff];
const IdParam = z.object({ id: z.string().min(1).max(64) });
const PhotoParams = z.object({ id: z.string().min(1).max(64), photoId: z.string().min(1).max(64) });
/** Optional in the schema so that a missing one is a 428 from the handler, not a 400 from validation. */
const IfMatch = z.object({
  "if-match": z.string().max(40).optional().meta({
    description:
      "The report's version the action was decided on (the staff detail's `version` / ETag), e.g. `\"3\"`. Missing: 428; stale: 409 with the current report in details.",
  }),
});

export const queue = createRoute({
  method: "get",
  path: "/api/v1/moderation/reports",
  tags,
  summary: "The moderation queue, most urgent first (overdue, then by SLA due time)",
  security: bearerAuth,
  middleware: staffOnly,
  request: { query: ModerationQueueQuery },
  responses: { 200: jsonContent(QueueResponse, "Reports"), ...errorResponses(400, 401, 403) },
});

export const staffReport = createRoute({
  method: "get",
  path: "/api/v1/moderation/reports/{id}",
  tags,
  summary: "A report as staff see it: original text, reporter, content checks, full timeline",
  security: bearerAuth,
  middleware: staffOnly,
  request: { params: IdParam },
  responses: { 200: jsonContent(ReportDetail, "The report"), ...errorResponses(401, 403, 404) },
});

function action<S extends z.ZodType>(name: string, summary: string, body: S) {
  return createRoute({
    method: "post",
    path: `/api/v1/moderation/reports/{id}/${name}`,
    tags,
    summary,
    security: bearerAuth,
    middleware: staffOnly,
    request: { params: IdParam, headers: IfMatch, body: jsonBody(body) },
    responses: { 200: jsonContent(ReportDetail, "The report after the action"), ...errorResponses(400, 401, 403, 404, 409, 415, 422, 428) },
  });
}

export const accept = action("accept", "立案: accept a submitted report (starts the SLA clock)", AcceptRequest);
export const reject = action("reject", "不予立案: reject with a reason", RejectRequest);
export const merge = action("merge", "Merge a duplicate into its original; followers and the reporter move over", MergeRequest);
export const dispatch = action("dispatch", "派遣: send to a department", DispatchRequest);
export const resolve = action("resolve", "处理反馈: the department's feedback with after-photos", ResolveRequest);
export const close = action("close", "核查结案: verified and closed", CloseRequest);
export const reopen = action("reopen", "Reopen a resolved or closed report", ReopenRequest);
export const redact = action("redact", "Edit or redact the public text; the original is kept for staff", RedactRequest);

export const hidePhoto = createRoute({
  method: "post",
  path: "/api/v1/moderation/reports/{id}/photos/{photoId}/hide",
  tags,
  summary: "Hide a photo from everyone but staff (the original is kept)",
  security: bearerAuth,
  middleware: staffOnly,
  request: { params: PhotoParams, headers: IfMatch, body: jsonBody(HidePhotoRequest) },
  responses: { 200: jsonContent(ReportDetail, "The report"), ...errorResponses(400, 401, 403, 404, 409, 415, 422, 428) },
});

export const showPhoto = createRoute({
  method: "post",
  path: "/api/v1/moderation/reports/{id}/photos/{photoId}/show",
  tags,
  summary: "Show a hidden photo again",
  security: bearerAuth,
  middleware: staffOnly,
  request: { params: PhotoParams, headers: IfMatch },
  responses: { 200: jsonContent(ReportDetail, "The report"), ...errorResponses(400, 401, 403, 404, 409, 428) },
});

export const kpis = createRoute({
  method: "get",
  path: "/api/v1/moderation/kpis",
  tags,
  summary: "结案率, 按期结案率, median time to close, 回访满意率 and reopen rate by period, category or district",
  security: bearerAuth,
  middleware: staffOnly,
  request: { query: KpiQuery },
  responses: { 200: jsonContent(KpiResponse, "Figures"), ...errorResponses(400, 401, 403) },
});
