import { PickupAmendRequest, PickupBooking, PickupMissedRequest, PickupRateRequest } from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireUser } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

/* The resident's changes to their own booking: amend, "not collected", rating. Anyone else's booking is 404. */

const tags = ["pickups"];
const IdParam = z.object({ id: z.string().min(1).max(64) });

export const amendPickup = createRoute({
  method: "patch",
  path: "/api/v1/pickups/{id}",
  tags,
  summary:
    "Change the items and/or the slot (same street) until 14:00 city time the day before (409 deadline_passed after); items and capacity are re-checked (409 slot_full); `version` must be the one read (409 stale). The new capacity is taken before the old is released; on the same slot only the difference moves. An accepted booking whose date changes goes back to booked and its collector is released.",
  security: bearerAuth,
  middleware: [requireUser],
  request: { params: IdParam, body: jsonBody(PickupAmendRequest) },
  responses: { 200: jsonContent(PickupBooking, "Amended"), ...errorResponses(401, 404, 409, 415, 422) },
});

export const pickupMissed = createRoute({
  method: "post",
  path: "/api/v1/pickups/{id}/missed",
  tags,
  summary:
    "Not collected: after the window has ended, a booking nobody completed becomes missed and a 随手拍 case (大件垃圾未收运) is opened to the bureau in the same atomic step, filed as the resident's at the booking's location (409 too_early before; a repeat answers the booking and its one case, shown as caseNumber/caseId).",
  security: bearerAuth,
  middleware: [requireUser],
  request: { params: IdParam, body: jsonBody(PickupMissedRequest) },
  responses: { 200: jsonContent(PickupBooking, "Marked missed"), ...errorResponses(401, 404, 409, 415, 422) },
});

export const ratePickup = createRoute({
  method: "post",
  path: "/api/v1/pickups/{id}/rate",
  tags,
  summary: "Rate a completed collection 1..5 with an optional comment, once (409 before completion or when already rated)",
  security: bearerAuth,
  middleware: [requireUser],
  request: { params: IdParam, body: jsonBody(PickupRateRequest) },
  responses: { 200: jsonContent(PickupBooking, "Rated"), ...errorResponses(401, 404, 409, 415, 422) },
});
