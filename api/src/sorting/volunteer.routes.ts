import { VolunteerBinRoom, VolunteerBinRoomList, VolunteerToday } from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonContent } from "../platform/router";

/* The volunteer's bin rooms and today's tally. */

const tags = ["sorting", "volunteer"];
const requireVolunteer = requireRole("volunteer");

export const myBinRooms = createRoute({
  method: "get",
  path: "/api/v1/volunteer/bin-rooms",
  tags,
  summary: "The active bin rooms of the communities the caller serves. Volunteers only.",
  security: bearerAuth,
  middleware: [requireVolunteer],
  responses: { 200: jsonContent(VolunteerBinRoomList, "The rooms"), ...errorResponses(401, 403) },
});

export const binRoomByCode = createRoute({
  method: "get",
  path: "/api/v1/volunteer/bin-rooms/by-code/{code}",
  tags,
  summary: "The bin room of a scanned QR code (mini-program path ...?room=<code>); unknown or retired → 404. Volunteers only.",
  security: bearerAuth,
  middleware: [requireVolunteer],
  request: { params: z.object({ code: z.string().min(1).max(64) }) },
  responses: { 200: jsonContent(VolunteerBinRoom, "The room"), ...errorResponses(401, 403, 404, 422) },
});

export const volunteerToday = createRoute({
  method: "get",
  path: "/api/v1/volunteer/today",
  tags,
  summary: "The caller's tally for the city day: checks, correct, errors by type, points awarded, per room. Volunteers only.",
  security: bearerAuth,
  middleware: [requireVolunteer],
  responses: { 200: jsonContent(VolunteerToday, "Today's tally"), ...errorResponses(401, 403) },
});
