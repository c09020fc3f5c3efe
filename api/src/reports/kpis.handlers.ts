import { addCityDays, categoryGroupName, cityClock, cityDayStart, computeKpis, type KpiCase } from "@civic/shared";
import { and, eq, gte, isNotNull, lt } from "drizzle-orm";
import { reportCategories, reports } from "../db/schema";
import { badRequest } from "../platform/errors";
import type { AppRouteHandler } from "../platform/router";
import { districtGroup } from "./districts";
import type * as routes from "./moderation.routes";

/*
 * The bureau's KPIs over cases accepted (立案) in a period of city dates, overall and by category or
 * district, plus a daily series for the trend chart. The maths is shared/reports/kpis.ts.
 */
const MAX_DAYS = 366;

export const kpisHandler: AppRouteHandler<typeof routes.kpis> = async (c) => {
  const deps = c.get("deps");
  const q = c.req.valid("query");
  const zone = deps.config.cityZone;
  const today = cityClock(deps.clock(), zone).date;
  const to = q.to ?? today;
  const from = q.from ?? addCityDays(to, -29);
  if (from > to) throw badRequest("from must not be after to");
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  if (days > MAX_DAYS) throw badRequest(`a period of at most ${MAX_DAYS} days`);
  const start = cityDayStart(from, zone).toISOString();
  const end = cityDayStart(addCityDays(to, 1), zone).toISOString();

  const rows = await deps.db
    .select({
      acceptedAt: reports.acceptedAt,
      closedAt: reports.closedAt,
      slaDueAt: reports.slaDueAt,
      rating: reports.rating,
      everResolved: reports.everResolved,
      reopenCount: reports.reopenCount,
      categoryCode: reports.categoryCode,
      categoryName: reportCategories.name,
      groupCode: reportCategories.groupCode,
      district: reports.district,
      districtCode: reports.districtCode,
    })
    .from(reports)
    .innerJoin(reportCategories, eq(reportCategories.code, reports.categoryCode))
    .where(and(isNotNull(reports.acceptedAt), gte(reports.acceptedAt, start), lt(reports.acceptedAt, end)));

  const cases = rows.map((r) => ({ ...r, acceptedAt: r.acceptedAt as string }) satisfies KpiCase & Record<string, unknown>);
  const groups = new Map<string, { label: string; cases: KpiCase[] }>();
  if (q.groupBy !== "none") {
    for (const r of cases) {
      const { key, label } =
        q.groupBy === "category"
          ? { key: r.categoryCode, label: `${r.categoryName}（${categoryGroupName(r.groupCode)}）` }
          : districtGroup(r);
      const g = groups.get(key) ?? { label, cases: [] };
      g.cases.push(r);
      groups.set(key, g);
    }
  }
  const daily = Array.from({ length: days }, (_, i) => ({ date: addCityDays(from, i), cases: 0, closed: 0 }));
  const dayIndex = new Map(daily.map((d, i) => [d.date, i]));
  for (const r of cases) {
    const acceptedDay = dayIndex.get(cityClock(new Date(r.acceptedAt), zone).date);
    if (acceptedDay !== undefined) daily[acceptedDay]!.cases++;
    const closedDay = r.closedAt ? dayIndex.get(cityClock(new Date(r.closedAt), zone).date) : undefined;
    if (closedDay !== undefined) daily[closedDay]!.closed++;
  }
  return c.json(
    {
      from,
      to,
      groupBy: q.groupBy,
      overall: computeKpis(cases),
      groups: [...groups.entries()]
        .map(([key, g]) => ({ key, label: g.label, figures: computeKpis(g.cases) }))
        .sort((a, b) => b.figures.cases - a.figures.cases || a.key.localeCompare(b.key)),
      daily,
    },
    200,
  );
};
