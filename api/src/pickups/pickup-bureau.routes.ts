import {
  AdminPickupSlotList,
  AdminPickupSlotsQuery,
  PickupBlackout,
  PickupBlackoutList,
  PickupBlackoutRequest,
  PickupDate,
  PickupKpis,
  PickupKpisQuery,
  PickupOverview,
  PickupOverviewQuery,
  PickupSlot,
  PickupSlotPatch,
} from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin, requireStaff } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

/* The bureau's side of pickups: blackout dates and per-slot capacity (admins), the day overview and KPIs (staff). */

const adminTags = ["admin", "pickups"];
const DateParam = z.object({ date: PickupDate });
const IdParam = z.object({ id: z.string().min(1).max(64) });

export const listBlackouts = createRoute({
  method: "get",
  path: "/api/v1/admin/pickups/blackouts",
  tags: adminTags,
  summary: "Blackout dates (no collections city-wide), earliest first",
  security: bearerAuth,
  middleware: [requireAdmin],
  responses: { 200: jsonContent(PickupBlackoutList, "Blackouts"), ...errorResponses(401, 403) },
});

export const createBlackout = createRoute({
  method: "post",
  path: "/api/v1/admin/pickups/blackouts",
  tags: adminTags,
  summary:
    "Black out a date: its slots are no longer offered or bookable, and bulk slot creation skips it (audited). 409 has_bookings (with the count) while bookings on it are still booked, accepted or arrived — cancel or move them first; 409 exists if the date is already blacked out.",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { body: jsonBody(PickupBlackoutRequest) },
  responses: { 201: jsonContent(PickupBlackout, "Blacked out"), ...errorResponses(401, 403, 409, 415, 422) },
});

export const deleteBlackout = createRoute({
  method: "delete",
  path: "/api/v1/admin/pickups/blackouts/{date}",
  tags: adminTags,
  summary: "Lift a blackout: the date's slots are offered again (audited; 404 if the date is not blacked out)",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { params: DateParam },
  responses: { 200: jsonContent(PickupBlackoutList, "The remaining blackouts"), ...errorResponses(401, 403, 404, 422) },
});

export const adminListSlots = createRoute({
  method: "get",
  path: "/api/v1/admin/pickups/slots",
  tags: adminTags,
  summary: "Slots of a street or a district between two dates (at most 92 days), with capacity and booked points, blackout dates included",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { query: AdminPickupSlotsQuery },
  responses: { 200: jsonContent(AdminPickupSlotList, "Slots"), ...errorResponses(400, 401, 403, 422) },
});

export const adminPatchSlot = createRoute({
  method: "patch",
  path: "/api/v1/admin/pickups/slots/{id}",
  tags: adminTags,
  summary:
    "Change a slot's capacity in volume points, in one guarded statement: never below what is booked (409 below_booked with booked in details); audited",
  security: bearerAuth,
  middleware: [requireAdmin],
  request: { params: IdParam, body: jsonBody(PickupSlotPatch) },
  responses: { 200: jsonContent(PickupSlot, "Slot"), ...errorResponses(401, 403, 404, 409, 415, 422) },
});

export const pickupOverview = createRoute({
  method: "get",
  path: "/api/v1/admin/pickups/overview",
  tags: adminTags,
  summary:
    "A day's bookings per street and in total (booked, accepted, arrived, completed, unable, missed, cancelled, overdue after 18:00 city time) and volume used against capacity; date defaults to today (city), district to all",
  security: bearerAuth,
  middleware: [requireStaff],
  request: { query: PickupOverviewQuery },
  responses: { 200: jsonContent(PickupOverview, "Overview"), ...errorResponses(400, 401, 403, 422) },
});

export const pickupKpis = createRoute({
  method: "get",
  path: "/api/v1/admin/pickups/kpis",
  tags: adminTags,
  summary:
    "On-time completion, no-show rate and average rating over a date range (default the last 30 days up to today, at most 366), optionally of one district",
  security: bearerAuth,
  middleware: [requireStaff],
  request: { query: PickupKpisQuery },
  responses: { 200: jsonContent(PickupKpis, "KPIs"), ...errorResponses(400, 401, 403, 422) },
});
