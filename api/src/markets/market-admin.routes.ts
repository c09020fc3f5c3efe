import {
  AdminMarketZoneList,
  MarketSuspension,
  MarketZoneDetail,
  MarketZoneInput,
  MarketZoneUpdate,
  RetireMarketZone,
  SuspensionInput,
} from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";
import { IdParam } from "./markets.routes";

const tags = ["admin", "night markets"];
const middleware = [requireAdmin];

export const listAdminMarkets = createRoute({
  method: "get",
  path: "/api/v1/admin/night-markets",
  tags,
  summary: "Every zone, retired ones too (active first, then by name), each with its state now",
  security: bearerAuth,
  middleware,
  responses: { 200: jsonContent(AdminMarketZoneList, "The zones"), ...errorResponses(401, 403) },
});

export const createMarket = createRoute({
  method: "post",
  path: "/api/v1/admin/night-markets",
  tags,
  summary: "Add a night market or vending zone (audited)",
  security: bearerAuth,
  middleware,
  request: { body: jsonBody(MarketZoneInput) },
  responses: { 201: jsonContent(MarketZoneDetail, "Created"), ...errorResponses(401, 403, 415, 422) },
});

export const updateMarket = createRoute({
  method: "patch",
  path: "/api/v1/admin/night-markets/{id}",
  tags,
  summary: "Change a zone (hours, area, rules) decided on `version`; a stale version is 409 stale_version (audited with the old values)",
  security: bearerAuth,
  middleware,
  request: { params: IdParam, body: jsonBody(MarketZoneUpdate) },
  responses: { 200: jsonContent(MarketZoneDetail, "Updated"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});

export const retireMarket = createRoute({
  method: "post",
  path: "/api/v1/admin/night-markets/{id}/retire",
  tags,
  summary: "Take a zone off the map for good, keeping it and the reason (audited)",
  security: bearerAuth,
  middleware,
  request: { params: IdParam, body: jsonBody(RetireMarketZone) },
  responses: { 200: jsonContent(MarketZoneDetail, "Retired"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});

export const suspendMarket = createRoute({
  method: "post",
  path: "/api/v1/admin/night-markets/{id}/suspensions",
  tags,
  summary:
    "Cancel the night that starts on a date, with a reason; every subscriber gets a notice in the same atomic step (one suspension per zone and date: a second is 409 already_suspended)",
  security: bearerAuth,
  middleware,
  request: { params: IdParam, body: jsonBody(SuspensionInput) },
  responses: { 201: jsonContent(MarketSuspension, "Suspended"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});

export const cancelSuspension = createRoute({
  method: "delete",
  path: "/api/v1/admin/night-markets/{id}/suspensions/{suspensionId}",
  tags,
  summary: "Call off a suspension (the night goes ahead); subscribers are told (audited)",
  security: bearerAuth,
  middleware,
  request: { params: IdParam.extend({ suspensionId: z.string().min(1).max(64) }) },
  responses: { 200: jsonContent(MarketSuspension, "Cancelled"), ...errorResponses(401, 403, 404, 409) },
});
