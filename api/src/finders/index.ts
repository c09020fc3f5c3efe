/**
 * finders: the public-toilet finder (nearby search, detail, residents' feedback) and the admin's
 * toilet catalogue (create, update, temporarily close, deactivate, import, feedback triage: resolving feedback
 * can change the toilet and tells the resident who reported, in one atomic step).
 * Callers: anyone searches and reads; signed-in users send feedback; admins write.
 * Tables: toilets, toilet_feedback (and writes audit_log rows). Toilets are a place kind of platform/nearby
 * (toilet-places.ts); feedback takes the platform Idempotency-Key.
 */
import type { createRouter } from "../platform/router";
import * as admin from "./toilet-admin.handlers";
import * as catalogue from "./toilet-catalogue.handlers";
import * as catalogueRoutes from "./toilet-catalogue.routes";
import * as closure from "./toilet-closure.handlers";
import * as closureRoutes from "./toilet-closure.routes";
import { resolveToiletFeedbackHandler } from "./toilet-feedback-resolve.handlers";
import * as handlers from "./toilets.handlers";
import * as routes from "./toilets.routes";

export function registerFinders(app: ReturnType<typeof createRouter>) {
  app.openapi(routes.nearbyToilets, handlers.nearbyToiletsHandler);
  app.openapi(routes.toiletById, handlers.toiletByIdHandler);
  app.openapi(routes.reportToilet, handlers.reportToiletHandler);
  app.openapi(routes.listToiletFeedback, admin.listToiletFeedbackHandler);
  app.openapi(routes.resolveToiletFeedback, resolveToiletFeedbackHandler);
  app.openapi(routes.createToilet, admin.createToiletHandler);
  app.openapi(catalogueRoutes.listAdminToilets, catalogue.listAdminToiletsHandler);
  app.openapi(catalogueRoutes.previewToiletImport, catalogue.previewToiletImportHandler);
  app.openapi(routes.importToilets, admin.importToiletsHandler);
  app.openapi(routes.updateToilet, admin.updateToiletHandler);
  app.openapi(routes.deactivateToilet, admin.deactivateToiletHandler);
  app.openapi(closureRoutes.closeToiletTemporarily, closure.closeToiletTemporarilyHandler);
  app.openapi(closureRoutes.reopenToilet, closure.reopenToiletHandler);
}
