import {
  bandsCovering,
  boundingBox,
  COARSE_MAX_SHIFT_M,
  coarsen,
  distanceMetres,
  isPhotoPublic,
  OPEN_STATUSES,
  PUBLIC_STATUSES,
  publicDistanceM,
} from "@civic/shared";
import { and, asc, desc, eq, gte, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import { reportCategories, reportFollowers, reportHistory, reportPhotos, reports, uploads, users } from "../db/schema";
import type { AppDb } from "../db/types";

export type ReportRow = typeof reports.$inferSelect;
export type HistoryRow = typeof reportHistory.$inferSelect;
export interface PhotoRow {
  uploadId: string;
  kind: string;
  position: number;
  hidden: boolean;
  contentCheck: string;
  reviewedAt: string | null;
}

/**
 * Held for a moderator (the SQL of shared/src/reports/review.ts): text or a resident's photo whose check did
 * not pass and that no moderator has passed, redacted or hidden yet.
 */
export const heldSql = sql<number>`((${reports.textCheck} <> 'pass' and ${reports.textReviewedAt} is null) or exists (
  select 1 from ${reportPhotos} p join ${uploads} u on u.id = p.upload_id
  where p.report_id = ${reports.id} and p.kind = 'report' and u.content_check <> 'pass' and p.reviewed_at is null and p.hidden = 0))`;

const openList = sql.join(
  OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/** Rows of reports within `radiusM` of a point, using the lat-band index, exact distance after. */
function nearWhere(lat: number, lng: number, radiusM: number): SQL {
  const box = boundingBox({ lat, lng }, radiusM);
  return and(
    inArray(reports.latBand, bandsCovering(box.minLat, box.maxLat)),
    gte(reports.lng, box.minLng),
    lte(reports.lng, box.maxLng),
    gte(reports.lat, box.minLat),
    lte(reports.lat, box.maxLat),
  ) as SQL;
}

export function reportsRepo(db: AppDb) {
  return {
    async byId(id: string): Promise<ReportRow | undefined> {
      return (await db.select().from(reports).where(eq(reports.id, id)).limit(1))[0];
    },
    async photosOf(reportId: string): Promise<PhotoRow[]> {
      return db
        .select({
          uploadId: reportPhotos.uploadId,
          kind: reportPhotos.kind,
          position: reportPhotos.position,
          hidden: reportPhotos.hidden,
          contentCheck: uploads.contentCheck,
          reviewedAt: reportPhotos.reviewedAt,
        })
        .from(reportPhotos)
        .innerJoin(uploads, eq(uploads.id, reportPhotos.uploadId))
        .where(eq(reportPhotos.reportId, reportId))
        .orderBy(asc(reportPhotos.kind), asc(reportPhotos.position));
    },
    async historyOf(reportId: string): Promise<HistoryRow[]> {
      return db.select().from(reportHistory).where(eq(reportHistory.reportId, reportId)).orderBy(asc(reportHistory.seq));
    },
    async isFollower(reportId: string, userId: string): Promise<boolean> {
      const rows = await db
        .select({ one: sql`1` })
        .from(reportFollowers)
        .where(and(eq(reportFollowers.reportId, reportId), eq(reportFollowers.userId, userId)))
        .limit(1);
      return rows.length > 0;
    },
    async followerIds(reportId: string): Promise<string[]> {
      const rows = await db.select({ userId: reportFollowers.userId }).from(reportFollowers).where(eq(reportFollowers.reportId, reportId));
      return rows.map((r) => r.userId);
    },
    async reporterOf(userId: string) {
      return (
        await db.select({ id: users.id, nickname: users.nickname, openid: users.openid }).from(users).where(eq(users.id, userId)).limit(1)
      )[0];
    },
    /** Reports the user filed or follows, newest first. */
    async mine(userId: string, limit = 100) {
      const followed = db.select({ id: reportFollowers.reportId }).from(reportFollowers).where(eq(reportFollowers.userId, userId));
      return db
        .select({ report: reports, categoryName: reportCategories.name })
        .from(reports)
        .innerJoin(reportCategories, eq(reportCategories.code, reports.categoryCode))
        .where(or(eq(reports.reporterId, userId), inArray(reports.id, followed)))
        .orderBy(desc(reports.createdAt))
        .limit(limit);
    },
    /** First photo of each report (for thumbnails), public ones only (neither hidden nor held) unless `includeHidden`. */
    async thumbnails(reportIds: string[], includeHidden: boolean): Promise<Map<string, string>> {
      if (reportIds.length === 0) return new Map();
      const rows = await db
        .select({
          reportId: reportPhotos.reportId,
          uploadId: reportPhotos.uploadId,
          kind: reportPhotos.kind,
          hidden: reportPhotos.hidden,
          reviewedAt: reportPhotos.reviewedAt,
          contentCheck: uploads.contentCheck,
        })
        .from(reportPhotos)
        .innerJoin(uploads, eq(uploads.id, reportPhotos.uploadId))
        .where(and(inArray(reportPhotos.reportId, reportIds), eq(reportPhotos.kind, "report")))
        .orderBy(asc(reportPhotos.position));
      const out = new Map<string, string>();
      for (const r of rows) if ((includeHidden || isPhotoPublic(r)) && !out.has(r.reportId)) out.set(r.reportId, r.uploadId);
      return out;
    },
    /**
     * Open reports of a category near a point since a time, with both distances: `exactM` (for the caller's
     * own reports and staff) and `coarseM`, from the coarsened point (for everyone else). The box reaches
     * far enough that every report whose coarse point lies within `radiusM + COARSE_MAX_SHIFT_M` is in it.
     */
    async openNear(categoryCode: string, lat: number, lng: number, radiusM: number, sinceIso: string) {
      const rows = await db
        .select({ report: reports, categoryName: reportCategories.name })
        .from(reports)
        .innerJoin(reportCategories, eq(reportCategories.code, reports.categoryCode))
        .where(
          and(
            nearWhere(lat, lng, radiusM + 2 * COARSE_MAX_SHIFT_M),
            eq(reports.categoryCode, categoryCode),
            sql`${reports.status} in (${openList})`,
            gte(reports.createdAt, sinceIso),
          ),
        );
      return rows.map((r) => ({ ...r, exactM: distanceMetres({ lat, lng }, r.report), coarseM: publicDistanceM({ lat, lng }, r.report) }));
    },
    /**
     * Accepted (public) reports near a point, nearest first. Both the radius and the order use the coarsened
     * point, the only place the public sees: a radius cut on the exact point would let a caller find it by
     * narrowing the radius.
     */
    async publicNear(lat: number, lng: number, radiusM: number, limit: number) {
      const rows = await db
        .select({ report: reports, categoryName: reportCategories.name })
        .from(reports)
        .innerJoin(reportCategories, eq(reportCategories.code, reports.categoryCode))
        .where(and(nearWhere(lat, lng, radiusM + COARSE_MAX_SHIFT_M), inArray(reports.status, [...PUBLIC_STATUSES])));
      return rows
        .map((r) => ({ ...r, distanceM: distanceMetres({ lat, lng }, coarsen(r.report)) }))
        .filter((r) => r.distanceM <= radiusM)
        .sort((a, b) => a.distanceM - b.distanceM || (a.report.id < b.report.id ? -1 : 1))
        .slice(0, limit);
    },
    /** Public photos of reports: neither hidden nor held (shared isPhotoPublic). */
    async publicPhotoIds(reportIds: string[]): Promise<Map<string, string[]>> {
      const out = new Map<string, string[]>();
      if (reportIds.length === 0) return out;
      const rows = await db
        .select({
          reportId: reportPhotos.reportId,
          uploadId: reportPhotos.uploadId,
          kind: reportPhotos.kind,
          hidden: reportPhotos.hidden,
          reviewedAt: reportPhotos.reviewedAt,
          contentCheck: uploads.contentCheck,
        })
        .from(reportPhotos)
        .innerJoin(uploads, eq(uploads.id, reportPhotos.uploadId))
        .where(and(inArray(reportPhotos.reportId, reportIds), eq(reportPhotos.hidden, false)))
        .orderBy(asc(reportPhotos.kind), asc(reportPhotos.position));
      for (const r of rows) if (isPhotoPublic(r)) out.set(r.reportId, [...(out.get(r.reportId) ?? []), r.uploadId]);
      return out;
    },
  };
}
