import { type AccountDeletionResult, ERASED_USER_ID, KEPT_REASONS, type KeptReason } from "@civic/shared";
import { and, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import {
  auditLog,
  consentRecords,
  guideQuizResults,
  guideSuggestions,
  idempotencyKeys,
  inboxMessages,
  messageGrants,
  outbox,
  reportFollowers,
  reportHistory,
  reportPhotos,
  reports,
  sessions,
  toiletFeedback,
  uploadAttachments,
  uploads,
  userRoles,
  users,
} from "../db/schema";
import type { AppDb } from "../db/types";
import type { AppDeps } from "../deps";
import { auditStatement } from "../platform/audit";
import { keysOfCaller } from "../platform/idempotency";

/*
 * Deleting an account (PIPL right of erasure) as one atomic group. Reports stay for the city's records but
 * point to the shared erased-user row, so nothing links them to the person or to each other; photos of
 * reports no moderator ever accepted go (rows here, blobs after the commit); the user row stays as an
 * identity-free husk whose openid no longer matches, so the same WeChat account signs in as a new user.
 */

/** The shared tombstone row, created on first use; every unlinking group starts with it. */
export function erasedUserStatement(db: AppDb, now: string) {
  return db
    .insert(users)
    .values({ id: ERASED_USER_ID, openid: `erased:${ERASED_USER_ID}`, createdAt: now, erasedAt: now })
    .onConflictDoNothing();
}

const ownedBy = (userId: string) => sql`(select ${uploads.id} from ${uploads} where ${uploads.ownerId} = ${userId})`;
const neverAccepted = sql`(select ${reports.id} from ${reports} where ${reports.acceptedAt} is null)`;
/** Uploads attached to any object of any domain (platform/uploads); the rest are unused. */
const attached = sql`(select ${uploadAttachments.uploadId} from ${uploadAttachments})`;

async function countOf(query: Promise<{ n: number }[]>) {
  return Number((await query)[0]?.n ?? 0);
}

/** What the deletion will remove and keep, read before the group runs (the answer's numbers). */
async function survey(db: AppDb, userId: string) {
  const n = sql<number>`count(*)`;
  const [reportCount, ratings, acceptedPhotos, feedback, staffActs, photos] = await Promise.all([
    countOf(db.select({ n }).from(reports).where(eq(reports.reporterId, userId))),
    countOf(
      db
        .select({ n })
        .from(reports)
        .where(and(eq(reports.reporterId, userId), isNotNull(reports.rating))),
    ),
    countOf(
      db
        .select({ n })
        .from(reportPhotos)
        .innerJoin(reports, eq(reports.id, reportPhotos.reportId))
        .where(and(inArray(reportPhotos.uploadId, ownedBy(userId)), isNotNull(reports.acceptedAt))),
    ),
    countOf(db.select({ n }).from(toiletFeedback).where(eq(toiletFeedback.userId, userId))),
    countOf(db.select({ n }).from(auditLog).where(eq(auditLog.actorId, userId))),
    // Unattached, or on a report never accepted: these photos and their blobs go.
    db
      .select({ id: uploads.id, blobKey: uploads.blobKey })
      .from(uploads)
      .leftJoin(uploadAttachments, eq(uploadAttachments.uploadId, uploads.id))
      .leftJoin(reports, and(eq(uploadAttachments.ownerType, "report"), eq(reports.id, uploadAttachments.ownerId)))
      .where(
        and(eq(uploads.ownerId, userId), or(isNull(uploadAttachments.uploadId), and(isNotNull(reports.id), isNull(reports.acceptedAt)))),
      ),
  ]);
  const kept: AccountDeletionResult["kept"] = [];
  const keep = (what: string, count: number, code: KeptReason) => {
    if (count > 0) kept.push({ what, count, code, reason: KEPT_REASONS[code] });
  };
  keep("reports", reportCount, "city_record");
  keep("photos", acceptedPhotos, "accepted_case_evidence");
  keep("toiletFeedback", feedback, "facility_maintenance");
  keep("ratings", ratings, "satisfaction_statistics");
  keep("staffActions", staffActs, "staff_accountability");
  return { kept, photos };
}

async function removedCounts(db: AppDb, userId: string, photos: number) {
  const n = sql<number>`count(*)`;
  const [sessionsRevoked, roles, follows, inbox, notifications, pending, grants, keys, consents] = await Promise.all([
    countOf(
      db
        .select({ n })
        .from(sessions)
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))),
    ),
    countOf(db.select({ n }).from(userRoles).where(eq(userRoles.userId, userId))),
    countOf(db.select({ n }).from(reportFollowers).where(eq(reportFollowers.userId, userId))),
    countOf(db.select({ n }).from(inboxMessages).where(eq(inboxMessages.userId, userId))),
    countOf(db.select({ n }).from(outbox).where(eq(outbox.userId, userId))),
    countOf(
      db
        .select({ n })
        .from(outbox)
        .where(and(eq(outbox.userId, userId), eq(outbox.state, "pending"))),
    ),
    countOf(db.select({ n }).from(messageGrants).where(eq(messageGrants.userId, userId))),
    countOf(
      db
        .select({ n })
        .from(idempotencyKeys)
        .where(keysOfCaller(`user:${userId}`)),
    ),
    countOf(db.select({ n }).from(consentRecords).where(eq(consentRecords.userId, userId))),
  ]);
  return {
    identity: 1,
    sessionsRevoked,
    roles,
    follows,
    inboxMessages: inbox,
    notifications,
    pendingNotificationsCancelled: pending,
    subscribeGrants: grants,
    idempotencyKeys: keys,
    consentRecords: consents,
    photos,
  };
}

/** The statements that erase `userId`, in FK-safe order; all or none apply. */
function erasureStatements(deps: AppDeps, userId: string, now: string, removed: Record<string, number>) {
  const { db } = deps;
  const T = ERASED_USER_ID;
  return [
    erasedUserStatement(db, now),
    db.delete(reportPhotos).where(and(inArray(reportPhotos.uploadId, ownedBy(userId)), inArray(reportPhotos.reportId, neverAccepted))),
    db
      .delete(uploadAttachments)
      .where(
        and(
          inArray(uploadAttachments.uploadId, ownedBy(userId)),
          eq(uploadAttachments.ownerType, "report"),
          inArray(uploadAttachments.ownerId, neverAccepted),
        ),
      ),
    db.delete(uploads).where(and(eq(uploads.ownerId, userId), sql`${uploads.id} not in ${attached}`)),
    db.update(uploads).set({ ownerId: T }).where(eq(uploads.ownerId, userId)),
    db.update(reports).set({ reporterId: T }).where(eq(reports.reporterId, userId)),
    db
      .update(reportHistory)
      .set({ actorId: T })
      .where(and(eq(reportHistory.actorId, userId), eq(reportHistory.actorKind, "resident"))),
    db
      .update(reports)
      .set({ followers: sql`max(${reports.followers} - 1, 0)` })
      .where(
        inArray(reports.id, db.select({ id: reportFollowers.reportId }).from(reportFollowers).where(eq(reportFollowers.userId, userId))),
      ),
    db.delete(reportFollowers).where(eq(reportFollowers.userId, userId)),
    db.update(toiletFeedback).set({ userId: T }).where(eq(toiletFeedback.userId, userId)),
    // The guide: pending suggestions go (no one is left to tell); resolved ones stay unlinked; quiz days go.
    db.delete(guideSuggestions).where(and(eq(guideSuggestions.userId, userId), eq(guideSuggestions.status, "pending"))),
    db.update(guideSuggestions).set({ userId: T }).where(eq(guideSuggestions.userId, userId)),
    db.delete(guideQuizResults).where(eq(guideQuizResults.userId, userId)),
    db.delete(inboxMessages).where(eq(inboxMessages.userId, userId)),
    db.delete(outbox).where(eq(outbox.userId, userId)),
    db.delete(messageGrants).where(eq(messageGrants.userId, userId)),
    db.delete(idempotencyKeys).where(keysOfCaller(`user:${userId}`)),
    db.delete(consentRecords).where(eq(consentRecords.userId, userId)),
    db.delete(userRoles).where(eq(userRoles.userId, userId)),
    db
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))),
    db
      .update(users)
      .set({ openid: `erased:${userId}`, unionid: null, sessionKey: null, nickname: null, erasedAt: now })
      .where(eq(users.id, userId)),
    auditStatement(db, { actorId: userId, action: "account.erase", targetType: "user", targetId: userId, detail: removed, at: now }),
  ];
}

/** Upload ids among `ids` that still have a row (D1 binds at most 100 parameters per statement). */
async function stillStored(db: AppDb, ids: string[]) {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 90) {
    const rows = await db
      .select({ id: uploads.id })
      .from(uploads)
      .where(inArray(uploads.id, ids.slice(i, i + 90)));
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/** Erases the account and answers what went and what stayed; blobs of deleted photos go after the commit. */
export async function eraseAccount(deps: AppDeps, userId: string): Promise<AccountDeletionResult> {
  const now = deps.clock().toISOString();
  const { kept, photos } = await survey(deps.db, userId);
  const removed = await removedCounts(deps.db, userId, photos.length);
  await deps.atomic(erasureStatements(deps, userId, now, removed));
  // A photo whose report was accepted between the survey and the commit kept its row: keep its blob too.
  const left = await stillStored(
    deps.db,
    photos.map((p) => p.id),
  );
  for (const p of photos) {
    if (left.has(p.id)) continue;
    await deps.blobs.delete(p.blobKey).catch((err) => deps.log.warn("photo blob not deleted", { key: p.blobKey, error: String(err) }));
  }
  return { deletedAt: now, removed, kept };
}
