/**
 * me: the caller's own account under PIPL: privacy-policy consent, export of everything held about them,
 * and account deletion; plus the retention job that unlinks reporters of long-closed reports.
 * Callers: the signed-in user, for themselves only; the retention job runs from the Node timer / Workers cron.
 * Tables: consent_records (owned); deletion and retention update every table that names a user.
 */
import type { createRouter } from "../platform/router";
import * as handlers from "./me.handlers";
import * as routes from "./me.routes";

export function registerMe(app: ReturnType<typeof createRouter>) {
  app.openapi(routes.privacyStatus, handlers.privacyStatusHandler);
  app.openapi(routes.recordConsent, handlers.recordConsentHandler);
  app.openapi(routes.exportMyData, handlers.exportMyDataHandler);
  app.openapi(routes.deleteMyAccount, handlers.deleteMyAccountHandler);
  app.openapi(routes.exchangePhoneNumber, handlers.exchangePhoneNumberHandler);
}

export { afterAccountDeleted } from "./me.handlers";
export { unlinkExpiredReporters } from "./retention";
