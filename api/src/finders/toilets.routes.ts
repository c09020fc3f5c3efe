import {
  DeactivateToiletRequest,
  NearbyToiletsQuery,
  NearbyToiletsResponse,
  queryInt,
  ResolveToiletFeedbackRequest,
  ToiletDetail,
  ToiletFeedback,
  ToiletFeedbackList,
  ToiletFeedbackRequest,
  ToiletFeedbackStatus,
  ToiletImportRequest,
  ToiletImportResult,
  ToiletInput,
  ToiletUpdate,
} from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin, requireUser } from "../auth/auth.middleware";
import { idempotencyKeyHeader } from "../platform/idempotency";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

const tags = ["toilets"];
const adminTags = ["admin", "toilets"];
const IdParam = z.object({ id: z.string().min(1).max(64) });
const adminOnly = [requireAdmin];

export const nearbyToilets = createRoute({
  method: "get",
  path: "/api/v1/toilets/nearby",
  tags,
  summary: "Public toilets near a GCJ-02 point, nearest first, with open-now in the city's time",
  request: { query: NearbyToiletsQuery },
  responses: { 200: jsonContent(NearbyToiletsResponse, "Nearby toilets"), ...errorResponses(400) },
});

export const toiletById = createRoute({
  method: "get",
  path: "/api/v1/toilets/{id}",
  tags,
  summary: "One toilet with its weekly hours",
  request: { params: IdParam },
  responses: { 200: jsonContent(ToiletDetail, "The toilet"), ...errorResponses(404) },
});

export const reportToilet = createRoute({
  method: "post",
  path: "/api/v1/toilets/{id}/feedback",
  tags,
  summary: "Tell the bureau a toilet is closed or its information is wrong; an Idempotency-Key makes a retry answer the same",
  security: bearerAuth,
  middleware: [requireUser],
  request: { params: IdParam, headers: idempotencyKeyHeader, body: jsonBody(ToiletFeedbackRequest) },
  responses: {
    201: jsonContent(ToiletFeedback, "Recorded (or this Idempotency-Key's earlier answer)"),
    ...errorResponses(400, 401, 404, 409, 415, 422, 429),
  },
});

export const listToiletFeedback = createRoute({
  method: "get",
  path: "/api/v1/admin/toilet-feedback",
  tags: adminTags,
  summary: "Residents' toilet feedback, newest first",
  security: bearerAuth,
  middleware: adminOnly,
  request: {
    query: z.object({
      status: ToiletFeedbackStatus.default("open"),
      limit: queryInt(1, 200, 50),
    }),
  },
  responses: { 200: jsonContent(ToiletFeedbackList, "Feedback"), ...errorResponses(400, 401, 403) },
});

export const resolveToiletFeedback = createRoute({
  method: "post",
  path: "/api/v1/admin/toilet-feedback/{id}/resolve",
  tags: adminTags,
  summary:
    "Close a piece of feedback with what was found and, in the same atomic step, what was done to the toilet (temporary closure, update or deactivation); the reporter gets an inbox message (audited)",
  security: bearerAuth,
  middleware: adminOnly,
  request: { params: IdParam, body: jsonBody(ResolveToiletFeedbackRequest) },
  responses: { 200: jsonContent(ToiletFeedback, "Resolved"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});

export const createToilet = createRoute({
  method: "post",
  path: "/api/v1/admin/toilets",
  tags: adminTags,
  summary: "Add a toilet (audited)",
  security: bearerAuth,
  middleware: adminOnly,
  request: { body: jsonBody(ToiletInput) },
  responses: { 201: jsonContent(ToiletDetail, "Created"), ...errorResponses(401, 403, 409, 415, 422) },
});

export const updateToilet = createRoute({
  method: "patch",
  path: "/api/v1/admin/toilets/{id}",
  tags: adminTags,
  summary: "Change a toilet's details (audited, old values kept in the audit log)",
  security: bearerAuth,
  middleware: adminOnly,
  request: { params: IdParam, body: jsonBody(ToiletUpdate) },
  responses: { 200: jsonContent(ToiletDetail, "Updated"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});

export const deactivateToilet = createRoute({
  method: "post",
  path: "/api/v1/admin/toilets/{id}/deactivate",
  tags: adminTags,
  summary: "Take a toilet off the map, keeping it and the reason",
  security: bearerAuth,
  middleware: adminOnly,
  request: { params: IdParam, body: jsonBody(DeactivateToiletRequest) },
  responses: { 200: jsonContent(ToiletDetail, "Deactivated"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});

export const importToilets = createRoute({
  method: "post",
  path: "/api/v1/admin/toilets/import",
  tags: adminTags,
  summary: "Import GeoJSON or CSV: every row or none; row-level errors in `details`",
  security: bearerAuth,
  middleware: adminOnly,
  request: { body: jsonBody(ToiletImportRequest) },
  responses: { 200: jsonContent(ToiletImportResult, "Imported"), ...errorResponses(401, 403, 413, 415, 422) },
});
