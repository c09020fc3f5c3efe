import { CollectorCompleteRequest, CollectorJob, CollectorRoute, CollectorRouteQuery, CollectorUnableRequest } from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

/* The collector's day: the route of a date, arrive, complete (photos, items taken, weights), unable. */

const tags = ["pickups", "collector"];
const IdParam = z.object({ id: z.string().min(1).max(64) });
const requireCollector = requireRole("collector");
const HOLDER_ONLY =
  "only the collector holding the job, on or after its collection day (city time); 404 for a job outside the caller's streets that is not theirs";

export const collectorRoute = createRoute({
  method: "get",
  path: "/api/v1/collector/route",
  tags,
  summary:
    "The caller's jobs still to work (accepted, arrived) on a city date (default today) in route order: morning first, then afternoon, nearest neighbour from the start point (lat/lng; without one, from the morning job nearest the centroid). Worked jobs are not stops.",
  security: bearerAuth,
  middleware: [requireCollector],
  request: { query: CollectorRouteQuery },
  responses: { 200: jsonContent(CollectorRoute, "The route"), ...errorResponses(401, 403, 422) },
});

export const arriveJob = createRoute({
  method: "post",
  path: "/api/v1/collector/jobs/{id}/arrive",
  tags,
  summary: `Say the collector has arrived (accepted → arrived); ${HOLDER_ONLY}`,
  security: bearerAuth,
  middleware: [requireCollector],
  request: { params: IdParam },
  responses: { 200: jsonContent(CollectorJob, "Arrived"), ...errorResponses(401, 403, 404, 409) },
});

export const completeJob = createRoute({
  method: "post",
  path: "/api/v1/collector/jobs/{id}/complete",
  tags,
  summary: `Complete a job with photos and the catalogue items actually taken, recyclable ones weighed in kg (stored per recycling class); the resident is told and invited to rate; ${HOLDER_ONLY}`,
  security: bearerAuth,
  middleware: [requireCollector],
  request: { params: IdParam, body: jsonBody(CollectorCompleteRequest) },
  responses: { 200: jsonContent(CollectorJob, "Completed, with its outcome"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});

export const unableJob = createRoute({
  method: "post",
  path: "/api/v1/collector/jobs/{id}/unable",
  tags,
  summary: `Say the job could not be collected, with a reason and a photo; the resident is told why; ${HOLDER_ONLY}`,
  security: bearerAuth,
  middleware: [requireCollector],
  request: { params: IdParam, body: jsonBody(CollectorUnableRequest) },
  responses: { 200: jsonContent(CollectorJob, "Marked unable, with its outcome"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});
