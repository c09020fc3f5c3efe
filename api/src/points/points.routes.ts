import {
  FlagReviewRequest,
  PointsCapList,
  PointsCapsRequest,
  PointsEntry,
  PointsFlag,
  PointsFlagList,
  PointsFlagsQuery,
  PointsHistoryPage,
  PointsHistoryQuery,
  PointsRatesRequest,
  PointsRateTable,
  PointsSummary,
  ResidentCode,
  ReverseEntryRequest,
  WeighIn,
  WeighInList,
  WeighInRequest,
  WeighInsQuery,
} from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin, requireRole, requireUser } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

/* Recycling points: the resident's own, collectors' weigh-ins, the bureau's rates, caps, flags and corrections. */

const tags = ["points"];
const adminTags = ["admin", "points"];
const IdParam = z.object({ id: z.string().min(1).max(64) });

export const myPoints = createRoute({
  method: "get",
  path: "/api/v1/points/me",
  tags,
  summary: "The caller's balance, the points expiring within 30 days, and counts",
  security: bearerAuth,
  middleware: [requireUser],
  responses: { 200: jsonContent(PointsSummary, "Summary"), ...errorResponses(401) },
});

export const myPointsHistory = createRoute({
  method: "get",
  path: "/api/v1/points/me/history",
  tags,
  summary: "The caller's ledger entries, newest first, 20 a page (cursor from the previous page)",
  security: bearerAuth,
  middleware: [requireUser],
  request: { query: PointsHistoryQuery },
  responses: { 200: jsonContent(PointsHistoryPage, "A page"), ...errorResponses(400, 401, 422) },
});

export const myPointsCode = createRoute({
  method: "get",
  path: "/api/v1/points/me/code",
  tags,
  summary: "The caller's rotating signed code (我的积分码) and the household label scanners see; never cached",
  security: bearerAuth,
  middleware: [requireUser],
  responses: { 200: jsonContent(ResidentCode, "Code"), ...errorResponses(401) },
});

const requireCollector = requireRole("collector");

export const createWeighIn = createRoute({
  method: "post",
  path: "/api/v1/points/weigh-ins",
  tags: [...tags, "collector"],
  summary:
    "Record a weigh-in (collectors): the resident's scanned code, kg per class; points = Σ round(kg × rate) within caps, one entry `weigh:<weighInId>`. Idempotent by weighInId (a replay answers the first). 409 code_expired, self_award, id_taken; 422 a bad code or weights.",
  security: bearerAuth,
  middleware: [requireCollector],
  request: { body: jsonBody(WeighInRequest) },
  responses: { 201: jsonContent(WeighIn, "Recorded (or the first answer)"), ...errorResponses(401, 403, 409, 415, 422) },
});

export const myWeighIns = createRoute({
  method: "get",
  path: "/api/v1/points/weigh-ins/mine",
  tags: [...tags, "collector"],
  summary: "The collector's own weigh-ins of a city date (default today), newest first; households by label only",
  security: bearerAuth,
  middleware: [requireCollector],
  request: { query: WeighInsQuery },
  responses: { 200: jsonContent(WeighInList, "Weigh-ins"), ...errorResponses(401, 403, 422) },
});

export const adminRates = createRoute({
  method: "get",
  path: "/api/v1/admin/points/rates",
  tags: adminTags,
  summary: "The rate table in force (points per kg per class) and earlier versions",
  security: bearerAuth,
  middleware: [requireAdmin],
  responses: { 200: jsonContent(PointsRateTable, "Rates"), ...errorResponses(401, 403) },
});

export const adminPutRates = createRoute({
  method: "put",
  path: "/api/v1/admin/points/rates",
  tags: adminTags,
  summary: "Set a whole new version of the rate table (every class once); old versions are never edited (audited)",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { body: jsonBody(PointsRatesRequest) },
  responses: { 200: jsonContent(PointsRateTable, "The new version"), ...errorResponses(401, 403, 415, 422) },
});

export const adminCaps = createRoute({
  method: "get",
  path: "/api/v1/admin/points/caps",
  tags: adminTags,
  summary: "Per-day caps per earning kind (per household, per awarding actor)",
  security: bearerAuth,
  middleware: [requireAdmin],
  responses: { 200: jsonContent(PointsCapList, "Caps"), ...errorResponses(401, 403) },
});

export const adminPutCaps = createRoute({
  method: "put",
  path: "/api/v1/admin/points/caps",
  tags: adminTags,
  summary: "Set caps for the kinds given (audited)",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { body: jsonBody(PointsCapsRequest) },
  responses: { 200: jsonContent(PointsCapList, "Caps"), ...errorResponses(401, 403, 415, 422) },
});

export const adminFlags = createRoute({
  method: "get",
  path: "/api/v1/admin/points/flags",
  tags: adminTags,
  summary: "Flagged anomalies, newest first (households by label and account id; never identities)",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { query: PointsFlagsQuery },
  responses: { 200: jsonContent(PointsFlagList, "Flags"), ...errorResponses(401, 403, 422) },
});

export const adminReviewFlag = createRoute({
  method: "post",
  path: "/api/v1/admin/points/flags/{id}/review",
  tags: adminTags,
  summary: "Dismiss or confirm an open flag; of two reviews at once one wins, the other gets 409 already_reviewed",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { params: IdParam, body: jsonBody(FlagReviewRequest) },
  responses: { 200: jsonContent(PointsFlag, "Reviewed"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});

export const adminReverseEntry = createRoute({
  method: "post",
  path: "/api/v1/admin/points/entries/{id}/reverse",
  tags: adminTags,
  summary:
    "Correct an entry by a reversing entry (audited); 409 points_spent when the balance no longer covers it, already_reversed, not_reversible (a reversal or expiry)",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { params: IdParam, body: jsonBody(ReverseEntryRequest) },
  responses: { 201: jsonContent(PointsEntry, "The reversing entry"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});
