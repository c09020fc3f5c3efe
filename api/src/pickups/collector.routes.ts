import {
  CollectorJob,
  CollectorJobList,
  CollectorJobsQuery,
  CollectorReleaseRequest,
  CollectorStreets,
  CollectorStreetsRequest,
  PickupCollectorList,
} from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin, requireRole } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

/* The collectors' side of pickups: the admin sets a collector's streets; collectors list, accept and release jobs. */

const tags = ["pickups", "collector"];
const IdParam = z.object({ id: z.string().min(1).max(64) });
const UserIdParam = z.object({ userId: z.string().min(1).max(64) });
const requireCollector = requireRole("collector");

export const adminSetCollectorStreets = createRoute({
  method: "put",
  path: "/api/v1/admin/pickups/collectors/{userId}/streets",
  tags: ["admin", "pickups"],
  summary: "Replace the streets a collector serves (the user must hold the collector role; audited)",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { params: UserIdParam, body: jsonBody(CollectorStreetsRequest) },
  responses: { 200: jsonContent(CollectorStreets, "The collector's streets"), ...errorResponses(401, 403, 404, 415, 422) },
});

export const adminListCollectors = createRoute({
  method: "get",
  path: "/api/v1/admin/pickups/collectors",
  tags: ["admin", "pickups"],
  summary: "Every user holding the collector role, with their display name and the streets they serve",
  security: bearerAuth,
  middleware: [requireAdmin],
  responses: { 200: jsonContent(PickupCollectorList, "Collectors"), ...errorResponses(401, 403) },
});

export const collectorJobs = createRoute({
  method: "get",
  path: "/api/v1/collector/jobs",
  tags,
  summary:
    "Open jobs in the caller's streets and the jobs the caller holds, for a city date (default: today and the coming days); address, phone and name only on held jobs",
  security: bearerAuth,
  middleware: [requireCollector],
  request: { query: CollectorJobsQuery },
  responses: { 200: jsonContent(CollectorJobList, "Jobs"), ...errorResponses(401, 403, 422) },
});

export const acceptJob = createRoute({
  method: "post",
  path: "/api/v1/collector/jobs/{id}/accept",
  tags,
  summary:
    "Take an open job in the caller's streets; of parallel accepts exactly one wins, the rest are 409 (404 outside the caller's streets)",
  security: bearerAuth,
  middleware: [requireCollector],
  request: { params: IdParam },
  responses: { 200: jsonContent(CollectorJob, "Accepted, with contact details"), ...errorResponses(401, 403, 404, 409) },
});

export const releaseJob = createRoute({
  method: "post",
  path: "/api/v1/collector/jobs/{id}/release",
  tags,
  summary: "Give a held job back (before its collection day, city time, with a reason); it is open again",
  security: bearerAuth,
  middleware: [requireCollector],
  request: { params: IdParam, body: jsonBody(CollectorReleaseRequest) },
  responses: { 200: jsonContent(CollectorJob, "Released"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});
