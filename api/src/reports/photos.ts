import { and, eq, inArray, type SQL } from "drizzle-orm";
import { reportPhotos } from "../db/schema";
import type { AppDb } from "../db/types";
import type { AtomicQuery } from "../deps";
import { guardedInsert } from "../platform/guarded-insert";
import { attachStatements, whenUploadsRisky } from "../platform/uploads/attach";

/** What reports are called in platform mechanisms: uploads.attached_type, notification subjects. */
export const REPORT_TYPE = "report";

/**
 * A report's photos in one atomic() group: each upload attached to the report (platform) and its row in
 * report_photos (order, kind, hidden), all under the group's guard. Check the uploads first
 * (checkUploadsUsable).
 */
export function reportPhotoStatements(
  db: AppDb,
  p: { reportId: string; kind: "report" | "resolution"; uploadIds: readonly string[]; userId: string | null; guard: SQL },
): AtomicQuery[] {
  return [
    ...attachStatements(db, { ownerType: REPORT_TYPE, ownerId: p.reportId, uploadIds: p.uploadIds, userId: p.userId, guard: p.guard }),
    ...p.uploadIds.map((uploadId, position) =>
      guardedInsert(db, reportPhotos, { uploadId, reportId: p.reportId, kind: p.kind, position, hidden: false }, p.guard),
    ),
  ];
}

/** A photo WeChat found risky is hidden from the public wherever it is on a report (staff still see it). */
export function hideRiskyReportPhotos() {
  whenUploadsRisky(REPORT_TYPE, async (db, found) => {
    const ids = found.map((f) => f.uploadId);
    await db
      .update(reportPhotos)
      .set({ hidden: true })
      .where(and(inArray(reportPhotos.uploadId, ids), eq(reportPhotos.hidden, false)));
  });
}
