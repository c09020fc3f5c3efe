import { PUBLIC_STATUSES, type ReportStatus } from "@civic/shared";
import { and, desc, eq, gte, inArray, isNotNull, lte, max, notInArray, or, type SQL } from "drizzle-orm";
import { reportCategories, reportHistory, reports } from "../db/schema";
import type { AppDb } from "../db/types";

/** Statuses Open311 calls closed (see open311Status in shared). */
const CLOSED_STATUSES: ReportStatus[] = ["closed", "rejected"];
const STATUS_CHANGES = ["accept", "reject", "merge", "dispatch", "resolve", "close", "reopen"];
/** D1 binds at most 100 parameters a statement: long id lists go in slices. */
const SLICE = 50;

export function slices<T>(items: readonly T[], size = SLICE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface RequestFilter {
  /** Given ids override every other filter but visibility (the spec's rule). */
  ids?: string[];
  serviceCodes?: string[];
  /** requested_datetime window, ISO UTC. */
  from?: string;
  to?: string;
  state?: "open" | "closed";
  /** The api_key presented: its own requests are visible at once. */
  keyId: string | null;
  limit: number;
}

export function georeportRepo(db: AppDb) {
  const visible = (keyId: string | null) =>
    keyId
      ? or(inArray(reports.status, [...PUBLIC_STATUSES]), eq(reports.open311KeyId, keyId))
      : inArray(reports.status, [...PUBLIC_STATUSES]);

  const select = (where: SQL | undefined, limit: number) =>
    db
      .select({ report: reports, serviceName: reportCategories.name, defaultDepartment: reportCategories.department })
      .from(reports)
      .innerJoin(reportCategories, eq(reportCategories.code, reports.categoryCode))
      .where(where)
      .orderBy(desc(reports.createdAt), desc(reports.id))
      .limit(limit);

  return {
    /** Service requests the caller may see, newest first. */
    async requests(f: RequestFilter) {
      if (f.ids) {
        const found = await Promise.all(slices(f.ids).map((ids) => select(and(visible(f.keyId), inArray(reports.id, ids)), f.limit)));
        return found
          .flat()
          .sort((a, b) => b.report.createdAt.localeCompare(a.report.createdAt))
          .slice(0, f.limit);
      }
      const conditions: (SQL | undefined)[] = [visible(f.keyId)];
      if (f.serviceCodes) conditions.push(inArray(reports.categoryCode, f.serviceCodes));
      if (f.from) conditions.push(gte(reports.createdAt, f.from));
      if (f.to) conditions.push(lte(reports.createdAt, f.to));
      if (f.state === "closed") conditions.push(inArray(reports.status, CLOSED_STATUSES));
      if (f.state === "open") conditions.push(notInArray(reports.status, CLOSED_STATUSES));
      return select(and(...conditions), f.limit);
    },
    /** The latest public reply (答复市民) of a status change of each report (shown to the key that filed it). */
    async latestNotes(reportIds: string[]): Promise<Map<string, string>> {
      const out = new Map<string, string>();
      for (const ids of slices(reportIds)) {
        const rows = await db
          .select({ reportId: reportHistory.reportId, note: reportHistory.reply, seq: reportHistory.seq })
          .from(reportHistory)
          .where(and(inArray(reportHistory.reportId, ids), inArray(reportHistory.action, STATUS_CHANGES), isNotNull(reportHistory.reply)))
          .orderBy(desc(reportHistory.seq));
        for (const r of rows) if (r.note && !out.has(r.reportId)) out.set(r.reportId, r.note);
      }
      return out;
    },
    /** When the service list last changed (discovery's changeset). */
    async servicesChangedAt(): Promise<string | null> {
      const rows = await db.select({ at: max(reportCategories.updatedAt) }).from(reportCategories);
      return rows[0]?.at ?? null;
    },
  };
}
