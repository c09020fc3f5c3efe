/**
 * reports: residents' nuisance reports (随手拍) and the bureau's closed loop — categories, filing with
 * photos and idempotency, duplicates and following, the public map, rating and reopening; the moderation
 * queue, lifecycle actions, edits and KPIs.
 * Callers: anyone reads categories and public reports; signed-in users file, follow, rate; moderators and
 * admins moderate; admins manage categories.
 * Tables: report_categories, reports, report_photos, report_history, report_followers; through platform/ it
 * also writes idempotency keys, upload attachments and outbox rows (type 'report'), message grants, audit_log.
 */
import type { createRouter } from "../platform/router";
import * as categories from "./categories.handlers";
import * as kpis from "./kpis.handlers";
import * as moderation from "./moderation.handlers";
import * as moderationRoutes from "./moderation.routes";
import { hideRiskyReportPhotos } from "./photos";
import * as queue from "./queue.handlers";
import * as handlers from "./reports.handlers";
import * as routes from "./reports.routes";
import * as review from "./review.handlers";
import * as reviewRoutes from "./review.routes";

export function registerReports(app: ReturnType<typeof createRouter>) {
  hideRiskyReportPhotos();
  app.openapi(routes.listCategories, categories.listCategoriesHandler);
  app.openapi(routes.createCategory, categories.createCategoryHandler);
  app.openapi(routes.updateCategory, categories.updateCategoryHandler);
  app.openapi(routes.createReport, handlers.createReportHandler);
  // Fixed paths before /reports/{id}.
  app.openapi(routes.duplicates, handlers.duplicatesHandler);
  app.openapi(routes.myReports, handlers.myReportsHandler);
  app.openapi(routes.publicReports, handlers.publicReportsHandler);
  app.openapi(routes.reportById, handlers.reportByIdHandler);
  app.openapi(routes.followReport, handlers.followReportHandler);
  app.openapi(routes.rateReport, handlers.rateReportHandler);
  app.openapi(routes.reopenReport, handlers.reopenReportHandler);

  app.openapi(moderationRoutes.queue, queue.queueHandler);
  app.openapi(moderationRoutes.kpis, kpis.kpisHandler);
  app.openapi(moderationRoutes.staffReport, moderation.staffReportHandler);
  app.openapi(moderationRoutes.accept, moderation.acceptHandler);
  app.openapi(moderationRoutes.reject, moderation.rejectHandler);
  app.openapi(moderationRoutes.merge, moderation.mergeHandler);
  app.openapi(moderationRoutes.dispatch, moderation.dispatchHandler);
  app.openapi(moderationRoutes.resolve, moderation.resolveHandler);
  app.openapi(moderationRoutes.close, moderation.closeHandler);
  app.openapi(moderationRoutes.reopen, moderation.reopenHandler);
  app.openapi(moderationRoutes.redact, moderation.redactHandler);
  app.openapi(moderationRoutes.hidePhoto, moderation.hidePhotoHandler);
  app.openapi(moderationRoutes.showPhoto, moderation.showPhotoHandler);
  app.openapi(reviewRoutes.passText, review.passTextHandler);
  app.openapi(reviewRoutes.passPhoto, review.passPhotoHandler);
}
