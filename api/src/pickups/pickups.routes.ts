import {
  PickupBooking,
  PickupBookingList,
  PickupBookingRequest,
  PickupCancelRequest,
  PickupItem,
  PickupItemCreate,
  PickupItemList,
  PickupItemPatch,
  PickupSlotList,
  PickupSlotsBulk,
  PickupSlotsBulkResult,
  PickupSlotsQuery,
} from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin, requireUser } from "../auth/auth.middleware";
import { idempotencyKeyHeader } from "../platform/idempotency";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

/* Bulky-waste pickups: the resident's booking routes and the admin's catalogue and slots. */

const tags = ["pickups"];
const adminTags = ["admin", "pickups"];
const IdParam = z.object({ id: z.string().min(1).max(64) });
const CodeParam = z.object({ code: z.string().min(1).max(32) });

export const listPickupItems = createRoute({
  method: "get",
  path: "/api/v1/pickups/items",
  tags,
  summary: "The item catalogue a resident books from (active items only)",
  responses: { 200: jsonContent(PickupItemList, "Items") },
});

export const listPickupSlots = createRoute({
  method: "get",
  path: "/api/v1/pickups/slots",
  tags,
  summary: "Bookable slots of a street between two city dates (clamped to tomorrow..+28 days; next day closes 16:00 city time)",
  request: { query: PickupSlotsQuery },
  responses: { 200: jsonContent(PickupSlotList, "Slots with remaining capacity"), ...errorResponses(400, 422) },
});

export const createPickup = createRoute({
  method: "post",
  path: "/api/v1/pickups",
  tags,
  summary:
    "Book a collection; capacity and the household's yearly quota are taken in one atomic step (409 slot_full / quota_used / not_bookable); an Idempotency-Key makes a retry answer the same",
  security: bearerAuth,
  middleware: [requireUser],
  request: { headers: idempotencyKeyHeader, body: jsonBody(PickupBookingRequest) },
  responses: { 201: jsonContent(PickupBooking, "Booked"), ...errorResponses(400, 401, 404, 409, 415, 422) },
});

export const myPickups = createRoute({
  method: "get",
  path: "/api/v1/pickups/mine",
  tags,
  summary: "The caller's bookings, newest first",
  security: bearerAuth,
  middleware: [requireUser],
  responses: { 200: jsonContent(PickupBookingList, "Bookings"), ...errorResponses(401) },
});

export const pickupById = createRoute({
  method: "get",
  path: "/api/v1/pickups/{id}",
  tags,
  summary: "One of the caller's bookings (anyone else's is 404)",
  security: bearerAuth,
  middleware: [requireUser],
  request: { params: IdParam },
  responses: { 200: jsonContent(PickupBooking, "Booking"), ...errorResponses(401, 404) },
});

export const cancelPickup = createRoute({
  method: "post",
  path: "/api/v1/pickups/{id}/cancel",
  tags,
  summary: "Cancel until 14:00 city time the day before (409 after); frees the slot's capacity and the household quota",
  security: bearerAuth,
  middleware: [requireUser],
  request: { params: IdParam, body: jsonBody(PickupCancelRequest) },
  responses: { 200: jsonContent(PickupBooking, "Cancelled"), ...errorResponses(401, 404, 409, 415, 422) },
});

export const adminListPickupItems = createRoute({
  method: "get",
  path: "/api/v1/admin/pickups/items",
  tags: adminTags,
  summary: "The whole item catalogue, retired items included",
  security: bearerAuth,
  middleware: [requireAdmin],
  responses: { 200: jsonContent(PickupItemList, "Items"), ...errorResponses(401, 403) },
});

export const adminCreatePickupItem = createRoute({
  method: "post",
  path: "/api/v1/admin/pickups/items",
  tags: adminTags,
  summary: "Add an item to the catalogue (409 if the code exists)",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { body: jsonBody(PickupItemCreate) },
  responses: { 201: jsonContent(PickupItem, "Created"), ...errorResponses(401, 403, 409, 415, 422) },
});

export const adminUpdatePickupItem = createRoute({
  method: "patch",
  path: "/api/v1/admin/pickups/items/{code}",
  tags: adminTags,
  summary: "Change an item (existing bookings keep the name and points they were booked with)",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { params: CodeParam, body: jsonBody(PickupItemPatch) },
  responses: { 200: jsonContent(PickupItem, "Updated"), ...errorResponses(401, 403, 404, 415, 422) },
});

export const adminCreatePickupSlots = createRoute({
  method: "post",
  path: "/api/v1/admin/pickups/slots",
  tags: adminTags,
  summary:
    "Create slots in bulk: streets × dates (inclusive, at most 92 days) × windows, one capacity; existing slots and blackout dates are skipped",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { body: jsonBody(PickupSlotsBulk) },
  responses: { 201: jsonContent(PickupSlotsBulkResult, "Created"), ...errorResponses(401, 403, 415, 422) },
});
