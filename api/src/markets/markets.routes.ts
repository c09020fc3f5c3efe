import { MarketSubscribeRequest, MarketSubscription, MarketZoneDetail, NearbyMarketsQuery, NearbyMarketsResponse } from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireUser } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

const tags = ["night markets"];
export const IdParam = z.object({ id: z.string().min(1).max(64) });

export const nearbyMarkets = createRoute({
  method: "get",
  path: "/api/v1/night-markets/nearby",
  tags,
  summary:
    "Night markets and vending zones near a GCJ-02 point, nearest centre first, each with its state in the city's time and the time left (when=now: open now; when=tonight: open or opening before 05:00)",
  request: { query: NearbyMarketsQuery },
  responses: { 200: jsonContent(NearbyMarketsResponse, "Nearby zones"), ...errorResponses(400) },
});

export const marketById = createRoute({
  method: "get",
  path: "/api/v1/night-markets/{id}",
  tags,
  summary: "One zone with its area, hours, rules and upcoming suspensions (a retired zone is 404 except to admins)",
  request: { params: IdParam },
  responses: { 200: jsonContent(MarketZoneDetail, "The zone"), ...errorResponses(404) },
});

export const subscribeMarket = createRoute({
  method: "post",
  path: "/api/v1/night-markets/{id}/subscription",
  tags,
  summary: "Hear about this zone's suspensions (inbox and subscribe message); repeating it changes nothing",
  security: bearerAuth,
  middleware: [requireUser],
  request: { params: IdParam, body: { ...jsonBody(MarketSubscribeRequest), required: false } },
  responses: { 200: jsonContent(MarketSubscription, "Subscribed"), ...errorResponses(401, 404, 415, 422) },
});

export const unsubscribeMarket = createRoute({
  method: "delete",
  path: "/api/v1/night-markets/{id}/subscription",
  tags,
  summary: "Stop hearing about this zone's suspensions",
  security: bearerAuth,
  middleware: [requireUser],
  request: { params: IdParam },
  responses: { 200: jsonContent(MarketSubscription, "Unsubscribed"), ...errorResponses(401, 404) },
});
