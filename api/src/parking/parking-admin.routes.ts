import {
  FeedKey,
  FeedKeyList,
  IssuedFeedKey,
  ParkingAdminLot,
  ParkingAdminLotList,
  ParkingLotDetail,
  ParkingLotInput,
  ParkingLotUpdate,
  ParkingOperator,
  ParkingOperatorInput,
  ParkingOperatorList,
  ParkingOperatorUpdate,
  ParkingSourceList,
} from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

const tags = ["admin", "parking"];
const adminOnly = [requireAdmin];
const Id = z.string().min(1).max(64);
const OperatorParam = z.object({ id: Id });
const admin = { tags, security: bearerAuth, middleware: adminOnly };

export const listParkingOperators = createRoute({
  ...admin,
  method: "get",
  path: "/api/v1/admin/parking/operators",
  summary: "Parking operators (each one data source)",
  responses: { 200: jsonContent(ParkingOperatorList, "Operators"), ...errorResponses(401, 403) },
});

export const createParkingOperator = createRoute({
  ...admin,
  method: "post",
  path: "/api/v1/admin/parking/operators",
  summary: "Add an operator: push or pull, its freshness limit (push; pull feeds are held to 30 minutes) and licence (audited)",
  request: { body: jsonBody(ParkingOperatorInput) },
  responses: { 201: jsonContent(ParkingOperator, "Created"), ...errorResponses(401, 403, 415, 422) },
});

export const updateParkingOperator = createRoute({
  ...admin,
  method: "patch",
  path: "/api/v1/admin/parking/operators/{id}",
  summary: "Change an operator (name, freshness limit, enabled, ...); a new limit applies to its lots at once (audited)",
  request: { params: OperatorParam, body: jsonBody(ParkingOperatorUpdate) },
  responses: { 200: jsonContent(ParkingOperator, "Updated"), ...errorResponses(401, 403, 404, 415, 422) },
});

export const listParkingFeedKeys = createRoute({
  ...admin,
  method: "get",
  path: "/api/v1/admin/parking/operators/{id}/keys",
  summary: "An operator's feed keys (never their secrets)",
  request: { params: OperatorParam },
  responses: { 200: jsonContent(FeedKeyList, "Keys"), ...errorResponses(401, 403, 404) },
});

export const issueParkingFeedKey = createRoute({
  ...admin,
  method: "post",
  path: "/api/v1/admin/parking/operators/{id}/keys",
  summary: "Issue a feed key; its secret is in this answer only and cannot be shown again (audited)",
  request: { params: OperatorParam },
  responses: { 201: jsonContent(IssuedFeedKey, "The key with its secret"), ...errorResponses(401, 403, 404) },
});

export const revokeParkingFeedKey = createRoute({
  ...admin,
  method: "post",
  path: "/api/v1/admin/parking/operators/{id}/keys/{keyId}/revoke",
  summary: "Revoke a feed key: requests signed with it are refused from now on (audited)",
  request: { params: z.object({ id: Id, keyId: Id }) },
  responses: { 200: jsonContent(FeedKey, "Revoked"), ...errorResponses(401, 403, 404) },
});

export const createParkingLot = createRoute({
  ...admin,
  method: "post",
  path: "/api/v1/admin/parking/lots",
  summary: "Add a lot, with its operator and the operator's own id for it (audited)",
  request: { body: jsonBody(ParkingLotInput) },
  responses: { 201: jsonContent(ParkingLotDetail, "Created"), ...errorResponses(401, 403, 409, 415, 422) },
});

export const updateParkingLot = createRoute({
  ...admin,
  method: "patch",
  path: "/api/v1/admin/parking/lots/{id}",
  summary: "Change a lot (only the fields sent), incl. its operator mapping and active flag (audited)",
  request: { params: z.object({ id: Id }), body: jsonBody(ParkingLotUpdate) },
  responses: { 200: jsonContent(ParkingLotDetail, "Updated"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});

export const listParkingSources = createRoute({
  ...admin,
  method: "get",
  path: "/api/v1/admin/parking/sources",
  summary: "Each source with its last report, error counts and state (active, failing, disabled)",
  responses: { 200: jsonContent(ParkingSourceList, "Sources"), ...errorResponses(401, 403) },
});

export const listParkingLotsForAdmin = createRoute({
  ...admin,
  method: "get",
  path: "/api/v1/admin/parking/lots",
  summary: "Every lot, inactive ones too, with its operator mapping and live status (by district, then name)",
  responses: { 200: jsonContent(ParkingAdminLotList, "Lots"), ...errorResponses(401, 403) },
});

export const parkingLotForAdmin = createRoute({
  ...admin,
  method: "get",
  path: "/api/v1/admin/parking/lots/{id}",
  summary: "One lot as the bureau edits it (with the operator's own id for it)",
  request: { params: z.object({ id: Id }) },
  responses: { 200: jsonContent(ParkingAdminLot, "The lot"), ...errorResponses(401, 403, 404) },
});
