import { CityMonth, Inspection, InspectionInput, MonthDraft } from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

/* The bureau's monthly 星级小区 work: inspection scores, the month's draft and its one publication (admins only). */

const tags = ["admin", "communities"];
const security = bearerAuth;
const middleware = [requireAdmin];
const MonthParam = z.object({ month: CityMonth });

export const putInspection = createRoute({
  method: "put",
  path: "/api/v1/admin/communities/{id}/inspections/{month}",
  tags,
  summary: "Set the bureau's inspection score (0–100) and note for a community's month; refused (409) once the month is published",
  security,
  middleware,
  request: { params: z.object({ id: z.string().min(1).max(64), month: CityMonth }), body: jsonBody(InspectionInput) },
  responses: { 200: jsonContent(Inspection, "Saved"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});

export const monthDraft = createRoute({
  method: "get",
  path: "/api/v1/admin/communities/months/{month}",
  tags,
  summary: "Every community's figures and stars for the month (or why it cannot be rated); the frozen figures once published",
  security,
  middleware,
  request: { params: MonthParam },
  responses: { 200: jsonContent(MonthDraft, "The month"), ...errorResponses(401, 403, 422) },
});

export const publishMonth = createRoute({
  method: "post",
  path: "/api/v1/admin/communities/months/{month}/publish",
  tags,
  summary: "Freeze the month's figures into the published ratings in one atomic step; a month publishes once and only after it ended (409)",
  security,
  middleware,
  request: { params: MonthParam },
  responses: { 200: jsonContent(MonthDraft, "Published"), ...errorResponses(401, 403, 409, 422) },
});
