import { and, asc, desc, eq, isNull, notExists, or, sql } from "drizzle-orm";
import {
  auditLog,
  consentRecords,
  idempotencyKeys,
  inboxMessages,
  outbox,
  reportFollowers,
  reportPhotos,
  reports,
  sessions,
  toiletFeedback,
  uploads,
  userRoles,
  users,
} from "../db/schema";
import type { AppDb } from "../db/types";
import { guardedInsert } from "../platform/guarded-insert";
import { keysOfCaller } from "../platform/idempotency";
import { newId } from "../platform/ids";
import { inboxColumns } from "../platform/notifications/inbox.repo";

/** Reads of everything one user's account holds, and their consent records. */
export function meRepo(db: AppDb) {
  return {
    async latestConsent(userId: string) {
      const [row] = await db
        .select({ policyVersion: consentRecords.policyVersion, acceptedAt: consentRecords.acceptedAt })
        .from(consentRecords)
        .where(eq(consentRecords.userId, userId))
        .orderBy(desc(consentRecords.acceptedAt), desc(consentRecords.id))
        .limit(1);
      return row ?? null;
    },

    /** Appends an acceptance unless this version is already recorded for the user (a retry adds nothing). */
    async recordConsent(userId: string, policyVersion: string, now: string) {
      const already = db
        .select({ one: sql`1` })
        .from(consentRecords)
        .where(and(eq(consentRecords.userId, userId), eq(consentRecords.policyVersion, policyVersion)));
      await guardedInsert(db, consentRecords, { id: newId(), userId, policyVersion, acceptedAt: now }, sql`${notExists(already)}`);
    },

    async profile(userId: string) {
      return (await db.select().from(users).where(eq(users.id, userId)).limit(1))[0];
    },

    roles: (userId: string) =>
      db.select({ role: userRoles.role, grantedAt: userRoles.grantedAt }).from(userRoles).where(eq(userRoles.userId, userId)),

    sessions: (userId: string) =>
      db
        .select({ id: sessions.id, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, revokedAt: sessions.revokedAt })
        .from(sessions)
        .where(eq(sessions.userId, userId))
        .orderBy(asc(sessions.createdAt)),

    reports: (userId: string) => db.select().from(reports).where(eq(reports.reporterId, userId)).orderBy(asc(reports.createdAt)),

    /** Every photo the user uploaded, with the report it is on (null when attached to nothing). */
    photos: (userId: string) =>
      db
        .select({ id: uploads.id, createdAt: uploads.createdAt, reportId: reportPhotos.reportId, kind: reportPhotos.kind })
        .from(uploads)
        .leftJoin(reportPhotos, eq(reportPhotos.uploadId, uploads.id))
        .where(eq(uploads.ownerId, userId))
        .orderBy(asc(reportPhotos.position), asc(uploads.createdAt)),

    follows: (userId: string) =>
      db
        .select({ reportId: reportFollowers.reportId, createdAt: reportFollowers.createdAt })
        .from(reportFollowers)
        .where(eq(reportFollowers.userId, userId)),

    inbox: (userId: string) =>
      db.select(inboxColumns).from(inboxMessages).where(eq(inboxMessages.userId, userId)).orderBy(asc(inboxMessages.createdAt)),

    notifications: (userId: string) =>
      db
        .select({
          id: outbox.id,
          subjectType: outbox.subjectType,
          subjectId: outbox.subjectId,
          state: outbox.state,
          channel: outbox.channel,
          createdAt: outbox.createdAt,
        })
        .from(outbox)
        .where(eq(outbox.userId, userId))
        .orderBy(asc(outbox.createdAt)),

    toiletFeedback: (userId: string) =>
      db
        .select({
          id: toiletFeedback.id,
          toiletId: toiletFeedback.toiletId,
          kind: toiletFeedback.kind,
          note: toiletFeedback.note,
          status: toiletFeedback.status,
          resolutionNote: toiletFeedback.resolutionNote,
          createdAt: toiletFeedback.createdAt,
        })
        .from(toiletFeedback)
        .where(eq(toiletFeedback.userId, userId)),

    consents: (userId: string) =>
      db
        .select({ policyVersion: consentRecords.policyVersion, acceptedAt: consentRecords.acceptedAt })
        .from(consentRecords)
        .where(eq(consentRecords.userId, userId))
        .orderBy(asc(consentRecords.acceptedAt)),

    idempotencyKeys: (userId: string) =>
      db
        .select({ key: idempotencyKeys.key, resourceId: idempotencyKeys.resourceId, createdAt: idempotencyKeys.createdAt })
        .from(idempotencyKeys)
        .where(keysOfCaller(`user:${userId}`)),

    audit: (userId: string) =>
      db
        .select({
          action: auditLog.action,
          targetType: auditLog.targetType,
          targetId: auditLog.targetId,
          at: auditLog.at,
          actorId: auditLog.actorId,
        })
        .from(auditLog)
        .where(or(eq(auditLog.actorId, userId), and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, userId))))
        .orderBy(asc(auditLog.at)),

    /** Live sessions only matter for the deletion summary. */
    async liveSessionCount(userId: string) {
      const rows = await db
        .select({ id: sessions.id })
        .from(sessions)
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
      return rows.length;
    },
  };
}
export type MeRepo = ReturnType<typeof meRepo>;
