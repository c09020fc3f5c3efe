/**
 * sorting: 小蜜蜂 volunteers' checks at bin rooms (issue 10). A volunteer lists the bin rooms of the
 * communities they serve or opens one by its QR code, records checks offline (ids made on the phone) and
 * syncs them in batches: each check is one atomic group — the check row, the household's award through the
 * points ledger (source `check:<id>`, day caps), anomaly flags for the bureau, and a friendly notice after
 * repeated errors (never a deduction). Callers: volunteers only. Tables: sorting_checks, points_entries,
 * points_flags, outbox, upload_attachments (the check's photo, owner type sorting_check). A check's photo opens
 * for the volunteer who took it and staff only (the platform's default readers).
 */
import type { createRouter } from "../platform/router";
import * as checks from "./checks.handlers";
import * as checkRoutes from "./checks.routes";
import * as volunteer from "./volunteer.handlers";
import * as routes from "./volunteer.routes";

export function registerSorting(app: ReturnType<typeof createRouter>) {
  app.openapi(routes.myBinRooms, volunteer.myBinRoomsHandler);
  app.openapi(routes.binRoomByCode, volunteer.binRoomByCodeHandler);
  app.openapi(routes.volunteerToday, volunteer.volunteerTodayHandler);
  app.openapi(checkRoutes.syncChecks, checks.syncChecksHandler);
}
