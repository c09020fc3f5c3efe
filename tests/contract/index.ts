/** Every contract suite; each host runner registers them all against its own harness. */
import { registerAuthContract } from "./auth.contract";
import { registerAuthorizationContract } from "./authorization.contract";
import { registerCityDistrictsContract } from "./city-districts.contract";
import { registerConcurrencyContract } from "./concurrency.contract";
import { registerGarbageInContract } from "./garbage-in.contract";
import type { GetHarness } from "./harness";
import { registerHeadersContract } from "./headers.contract";
import { registerIdempotencyContract } from "./idempotency.contract";
import { registerLocationPrivacyContract } from "./location-privacy.contract";
import { registerModerationContract } from "./moderation.contract";
import { registerNotificationsContract } from "./notifications.contract";
import { registerOpen311Contract } from "./open311.contract";
import { registerPrivacyContract } from "./privacy.contract";
import { registerReportNotificationsContract } from "./report-notifications.contract";
import { registerReportsContract } from "./reports.contract";
import { registerSessionCacheContract } from "./session-cache.contract";
import { registerStaffReviewContract } from "./staff-review.contract";
import { registerStaleActionsContract } from "./stale-actions.contract";
import { registerSystemContract } from "./system.contract";
import { registerToiletAdminContract } from "./toilet-admin.contract";
import { registerToiletsContract } from "./toilets.contract";
import { registerUploadsContract } from "./uploads.contract";

export function registerAllContracts(getHarness: GetHarness) {
  registerSystemContract(getHarness);
  registerAuthContract(getHarness);
  registerSessionCacheContract(getHarness);
  registerToiletsContract(getHarness);
  registerToiletAdminContract(getHarness);
  registerReportsContract(getHarness);
  registerModerationContract(getHarness);
  registerCityDistrictsContract(getHarness);
  registerLocationPrivacyContract(getHarness);
  registerStaleActionsContract(getHarness);
  registerStaffReviewContract(getHarness);
  registerHeadersContract(getHarness);
  registerReportNotificationsContract(getHarness);
  registerOpen311Contract(getHarness);
  registerUploadsContract(getHarness);
  registerNotificationsContract(getHarness);
  registerPrivacyContract(getHarness);
  registerConcurrencyContract(getHarness);
  registerIdempotencyContract(getHarness);
  registerAuthorizationContract(getHarness);
  registerGarbageInContract(getHarness);
}
