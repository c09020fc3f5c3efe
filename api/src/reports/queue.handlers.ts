import { caseNumberOf, OPEN_STATUSES, type QueueItem, type ReportStatus } from "@civic/shared";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { reportCategories, reports } from "../db/schema";
import type { AppRouteHandler } from "../platform/router";
import { signedPhotoUrl } from "../platform/uploads/photo-urls";
import { inDistrict } from "./districts";
import type * as routes from "./moderation.routes";
import { heldSql, reportsRepo } from "./reports.repo";

/* The moderation queue: what needs the bureau, held and overdue cases first, filtered and paged. */

const NEEDS_ACTION: ReportStatus[] = ["submitted", "accepted", "dispatched", "reopened", "resolved"];
const openList = sql.join(
  OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

export const queueHandler: AppRouteHandler<typeof routes.queue> = async (c) => {
  const deps = c.get("deps");
  const q = c.req.valid("query");
  const now = deps.clock().toISOString();
  const overdueSql = sql`(${reports.slaDueAt} < ${now} and ${reports.status} in (${openList}))`;
  const conds: SQL[] = [q.status ? eq(reports.status, q.status) : inArray(reports.status, NEEDS_ACTION)];
  if (q.category) conds.push(eq(reports.categoryCode, q.category));
  const district = q.district ? inDistrict(q.district) : undefined;
  if (district) conds.push(district);
  if (q.overdue) conds.push(overdueSql);
  if (q.held) conds.push(sql`${heldSql}`);
  if (q.vendingZone) conds.push(eq(reports.vendingZone, q.vendingZone === "within" ? "within_open_zone" : "near_open_zone"));
  const where = and(...conds);
  const [rows, counted] = await Promise.all([
    deps.db
      .select({ report: reports, categoryName: reportCategories.name, held: heldSql, overdue: sql<number>`${overdueSql}` })
      .from(reports)
      .innerJoin(reportCategories, eq(reportCategories.code, reports.categoryCode))
      .where(where)
      // As the queue's subtitle promises: overdue cases, then held ones (content awaiting review), then by
      // due time (a case without one last; SQLite sorts nulls first), oldest first; the id keeps pages stable.
      .orderBy(
        sql`${overdueSql} desc`,
        sql`${heldSql} desc`,
        sql`${reports.slaDueAt} is null`,
        asc(reports.slaDueAt),
        asc(reports.createdAt),
        asc(reports.id),
      )
      .limit(q.limit)
      .offset(q.offset),
    deps.db.select({ n: sql<number>`count(*)` }).from(reports).where(where),
  ]);
  const thumbs = await reportsRepo(deps.db).thumbnails(
    rows.map((r) => r.report.id),
    true,
  );
  const clock = deps.clock();
  const items: QueueItem[] = await Promise.all(
    rows.map(async ({ report, categoryName, held, overdue }) => {
      const thumb = thumbs.get(report.id);
      return {
        id: report.id,
        caseNumber: caseNumberOf(report),
        categoryCode: report.categoryCode,
        categoryName,
        status: report.status,
        description: report.publicDescription ?? report.description,
        address: report.address,
        district: report.district,
        department: report.department,
        held: Boolean(held),
        overdue: Boolean(overdue),
        slaDueAt: report.slaDueAt,
        followers: report.followers,
        thumbnailUrl: thumb ? await signedPhotoUrl(deps.config.media, thumb, clock) : null,
        createdAt: report.createdAt,
        version: report.version,
        vendingZone: (report.vendingZone as QueueItem["vendingZone"]) ?? null,
      };
    }),
  );
  return c.json({ reports: items, total: Number(counted[0]?.n ?? 0) }, 200);
};
