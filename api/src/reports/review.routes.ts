import { PassReviewRequest, ReportDetail } from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

/* 复核通过: a moderator clears held text or a held photo (the rule: shared/src/reports/review.ts). */

const tags = ["moderation"];
const IfMatch = z.object({
  "if-match": z
    .string()
    .max(40)
    .optional()
    .meta({ description: 'The report\'s version the moderator saw, e.g. `"3"`. Missing: 428; stale: 409.' }),
});

export const passText = createRoute({
  method: "post",
  path: "/api/v1/moderation/reports/{id}/text/pass",
  tags,
  summary: "复核通过 for held text: the moderator has read it and the public may see it (409 when it is not held)",
  security: bearerAuth,
  middleware: [requireStaff],
  request: {
    params: z.object({ id: z.string().min(1).max(64) }),
    headers: IfMatch,
    body: jsonBody(PassReviewRequest),
  },
  responses: { 200: jsonContent(ReportDetail, "The report"), ...errorResponses(400, 401, 403, 404, 409, 415, 422, 428) },
});

export const passPhoto = createRoute({
  method: "post",
  path: "/api/v1/moderation/reports/{id}/photos/{photoId}/pass",
  tags,
  summary: "复核通过 for a held photo: the public may see it (409 when it is not held; hide it instead to keep it from them)",
  security: bearerAuth,
  middleware: [requireStaff],
  request: {
    params: z.object({ id: z.string().min(1).max(64), photoId: z.string().min(1).max(64) }),
    headers: IfMatch,
    body: jsonBody(PassReviewRequest),
  },
  responses: { 200: jsonContent(ReportDetail, "The report"), ...errorResponses(400, 401, 403, 404, 409, 415, 422, 428) },
});
