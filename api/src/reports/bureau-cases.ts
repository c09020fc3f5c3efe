import { CategoryInput, caseNumberOf } from "@civic/shared";
import { eq, inArray, type SQL, sql } from "drizzle-orm";
import { reportCategories, reports } from "../db/schema";
import type { AppDb } from "../db/types";
import { guardedInsert } from "../platform/guarded-insert";
import { categoriesRepo, categoryValues } from "./categories.repo";
import { type ReportFiling, reportFilingStatements } from "./reports.service";

/*
 * Cases other domains open to the bureau inside their own atomic() group (pickups' "not collected"), filed
 * through the same statements as a resident's report. Their categories are the system's own: each group
 * also writes its category if it is missing (an admin may have created it first, or changed its SLA and
 * department; those are kept), so a fresh database needs no seeding for the case to be filed. A category an
 * admin retired still takes these cases: retiring hides it from residents, it does not stop the bureau's
 * own channel.
 */

/** 大件垃圾未收运: a booked bulky-waste collection nobody came for. */
export const PICKUP_MISSED_CATEGORY: CategoryInput = {
  code: "pickup_missed",
  name: "大件垃圾未收运",
  group: "city_appearance",
  department: "环境卫生管理处",
  slaHours: 24,
  keywords: ["大件垃圾", "预约", "未收运"],
};

export const SYSTEM_CATEGORIES: readonly CategoryInput[] = [PICKUP_MISSED_CATEGORY];

export type BureauCase = Omit<ReportFiling, "category" | "open311KeyId" | "attributes" | "locationSource">;

/**
 * The statements that open case `c` in `category` (its row written first if missing), each only while
 * `guard` holds. Reads the category's SLA as it stands (the admin's, or the default).
 */
export async function bureauCaseStatements(db: AppDb, category: CategoryInput, c: BureauCase, now: Date, zone: string, guard: SQL) {
  const current = await categoriesRepo(db).byCode(category.code);
  const values = categoryValues(CategoryInput.parse(category), now.toISOString());
  return [
    guardedInsert(
      db,
      reportCategories,
      values,
      sql`${guard} and not exists (select 1 from ${reportCategories} where ${reportCategories.code} = ${category.code})`,
    ),
    ...reportFilingStatements(
      db,
      {
        ...c,
        open311KeyId: null,
        category: current ?? { code: category.code, slaHours: category.slaHours },
        attributes: {},
        locationSource: "map",
      },
      now,
      zone,
      guard,
    ),
  ];
}

/** Case numbers of reports by id (a report not numbered yet, or gone, is absent). */
export async function caseNumbersOf(db: AppDb, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: reports.id, caseDay: reports.caseDay, caseSeq: reports.caseSeq })
    .from(reports)
    .where(ids.length === 1 ? eq(reports.id, ids[0]!) : inArray(reports.id, [...ids]));
  const out = new Map<string, string>();
  for (const r of rows) {
    const n = caseNumberOf(r);
    if (n) out.set(r.id, n);
  }
  return out;
}
