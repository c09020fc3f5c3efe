/**
 * points: recycling points (积分). Residents read their balance, history and rotating code; collectors
 * record weigh-ins against a scanned code (one ledger entry per weigh-in, idempotent by its phone-made id);
 * admins set versioned rates and caps, review flagged anomalies and correct entries by reversal. The
 * scheduled job credits completed pickups' recyclables (pickup-credit.ts) and expires old points
 * (expiry.ts). Tables: points_* (ledger core, migration 0015), points_rates, weigh_ins, weigh_in_lines.
 */
import type { createRouter } from "../platform/router";
import * as admin from "./admin.handlers";
import * as handlers from "./points.handlers";
import * as routes from "./points.routes";

export function registerPoints(app: ReturnType<typeof createRouter>) {
  app.openapi(routes.myPoints, handlers.myPointsHandler);
  app.openapi(routes.myPointsHistory, handlers.myPointsHistoryHandler);
  app.openapi(routes.myPointsCode, handlers.myPointsCodeHandler);
  app.openapi(routes.createWeighIn, handlers.createWeighInHandler);
  app.openapi(routes.myWeighIns, handlers.myWeighInsHandler);
  app.openapi(routes.adminRates, admin.adminRatesHandler);
  app.openapi(routes.adminPutRates, admin.adminPutRatesHandler);
  app.openapi(routes.adminCaps, admin.adminCapsHandler);
  app.openapi(routes.adminPutCaps, admin.adminPutCapsHandler);
  app.openapi(routes.adminFlags, admin.adminFlagsHandler);
  app.openapi(routes.adminReviewFlag, admin.adminReviewFlagHandler);
  app.openapi(routes.adminReverseEntry, admin.adminReverseEntryHandler);
}
