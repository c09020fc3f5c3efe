/**
 * platform: the mechanisms every domain uses; a domain imports them and never copies them, and nothing
 * here imports a domain (reports/, finders/, ...). How a domain uses each one:
 *
 * - Idempotency (idempotency.ts): declare `headers: idempotencyKeyHeader` on the route, then
 *   `idempotent(deps, await idempotencyRequest(route, caller, key, body), { run, replay? })`; `run` gets a
 *   claim to put first in its atomic() group and a guard for every other statement. Retries get the stored
 *   answer (or `replay`'s rendering); another body with the same key is a 422.
 * - Uploads and photos (uploads/): POST /api/v1/uploads takes a photo (type by magic bytes, metadata
 *   stripped, WeChat's image check started); `attachUploads(deps, {ownerType, ownerId, uploadIds, userId})`
 *   returns the statements attaching them to the domain's object (one owner per upload; unattached =
 *   unused); `signedPhotoUrl` for answers; `whenUploadsRisky(ownerType, handler)` to react to a risky
 *   verdict pushed to /wechat/media-check; `whoMayReadUploads(ownerType, check)` lets whoever may see the
 *   object open its photos through the content route (else only the uploader and staff). Text checks: content-check.ts `checkText`.
 * - Notifications (notifications/): `notifyStatement(db, {userId, subject: {type, id}, payload, now, guard?})`
 *   in the same atomic() as the change (`grantStatement` records an accepted subscribe-message grant); the dispatcher sends the WeChat subscribe message and always fills
 *   the inbox (GET /api/v1/inbox).
 * - Scheduled jobs (scheduled.ts): a job is `{name, everyMs, run}`; a domain lists its job in api/src/scheduled.ts
 *   (SCHEDULED_JOBS), whose `runScheduled(deps, now)` the Node timer and the Workers cron call; per-job results.
 * - Nearby search (nearby/): describe the place kind (`PlaceKind`: table, lat/lng/band columns, filters,
 *   row → result, entry → JSON), list it in places.ts, and search with `nearbyBySql` or, when the host
 *   gave one, `deps.nearbyIndex.nearbyJson(kind, q, ctx)`.
 * - Also: errors.ts (the envelope), rate-limit.ts, audit.ts, guarded-insert.ts, router.ts, wechat.ts.
 */
export { idempotencyKeyHeader, idempotencyRequest, idempotent } from "./idempotency";
export type { PlaceKind } from "./nearby/kind";
export { createNearbyIndex } from "./nearby/memory-index";
export { nearbyBySql } from "./nearby/sql-search";
export { grantStatement } from "./notifications/grants";
export { notifyStatement } from "./notifications/outbox";
export { PLATFORM_JOBS, runJobs } from "./scheduled";
export { attachUploads, checkUploadsUsable, detachUploadStatement, detachUploadsStatement, whenUploadsRisky } from "./uploads/attach";
export { signedPhotoUrl } from "./uploads/photo-urls";
export { whoMayReadUploads } from "./uploads/readers";
