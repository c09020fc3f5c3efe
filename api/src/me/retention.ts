import { ERASED_USER_ID } from "@civic/shared";
import { and, inArray, isNotNull, lt, ne, sql } from "drizzle-orm";
import { reportHistory, reportPhotos, reports, uploads } from "../db/schema";
import type { AppDeps } from "../deps";
import { erasedUserStatement } from "./account-erasure";

/*
 * Retention (PIPL: keep personal data no longer than needed): RETENTION_DAYS after a report is closed (or
 * rejected), it stops naming its reporter. The report, its history and its photos stay as the city's
 * record, pointing to the erased-user row like those of a deleted account.
 */

/** Reports finished before the cutoff that still name a person. */
function expiredWhere(cutoff: string) {
  return and(
    inArray(reports.status, ["closed", "rejected"]),
    lt(sql`coalesce(${reports.closedAt}, ${reports.updatedAt})`, cutoff),
    isNotNull(reports.reporterId),
    ne(reports.reporterId, ERASED_USER_ID),
  );
}

/** Unlinks the reporters of reports closed more than RETENTION_DAYS before `now`; returns how many reports. */
export async function unlinkExpiredReporters(deps: AppDeps, now: Date): Promise<number> {
  const { db } = deps;
  const cutoff = new Date(now.getTime() - deps.config.retentionDays * 86_400_000).toISOString();
  const [counted] = await db.select({ n: sql<number>`count(*)` }).from(reports).where(expiredWhere(cutoff));
  const count = Number(counted?.n ?? 0);
  if (count === 0) return 0;
  const expired = db.select({ id: reports.id }).from(reports).where(expiredWhere(cutoff));
  // The reporter's own acts (submit, rate, reopen) and photos first: they are found through reports.reporter_id.
  const ownActs = sql`${reportHistory.actorId} = (select r.reporter_id from ${reports} r where r.id = ${reportHistory.reportId})`;
  const ownPhotos = sql`${uploads.ownerId} = (select r.reporter_id from ${reports} r join ${reportPhotos} p on p.report_id = r.id where p.upload_id = ${uploads.id})`;
  await deps.atomic([
    erasedUserStatement(db, now.toISOString()),
    db
      .update(reportHistory)
      .set({ actorId: ERASED_USER_ID })
      .where(and(inArray(reportHistory.reportId, expired), ownActs)),
    db
      .update(uploads)
      .set({ ownerId: ERASED_USER_ID })
      .where(
        and(
          inArray(uploads.id, db.select({ id: reportPhotos.uploadId }).from(reportPhotos).where(inArray(reportPhotos.reportId, expired))),
          ownPhotos,
        ),
      ),
    db.update(reports).set({ reporterId: ERASED_USER_ID }).where(expiredWhere(cutoff)),
  ]);
  return count;
}
