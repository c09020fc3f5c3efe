import { TemporaryClosureRequest, ToiletDetail } from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

/* The admin's temporary closure of a toilet: closed until a city day, then open again by itself. */

const tags = ["admin", "toilets"];
const IdParam = z.object({ id: z.string().min(1).max(64) });

export const closeToiletTemporarily = createRoute({
  method: "post",
  path: "/api/v1/admin/toilets/{id}/temporary-closure",
  tags,
  summary:
    "Close a toilet until a city day (inclusive, today..today+365); it shows as closed and leaves open-now searches until then (audited)",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { params: IdParam, body: jsonBody(TemporaryClosureRequest) },
  responses: { 200: jsonContent(ToiletDetail, "Closed for now"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});

export const reopenToilet = createRoute({
  method: "delete",
  path: "/api/v1/admin/toilets/{id}/temporary-closure",
  tags,
  summary: "End a temporary closure now (audited; a toilet with none is answered as it is)",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { params: IdParam },
  responses: { 200: jsonContent(ToiletDetail, "Open again"), ...errorResponses(401, 403, 404) },
});
