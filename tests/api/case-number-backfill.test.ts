import { openSqlite } from "@civic/api/hosts/node/sqlite";
import { backfillCaseNumbers } from "@civic/api/reports/case-number";
import { seedCategoriesIfEmpty } from "@civic/api/seed/demo";
import { seedDemoReportsIfEmpty } from "@civic/api/seed/demo-reports";
import { caseDayOf, formatCaseNumber } from "@civic/shared";
import { describe, expect, it } from "vitest";

/* Rows filed before case numbers existed (and the demo seed's rows) are numbered per city day, in filing order. */

interface Row {
  id: string;
  created_at: string;
  case_day: string | null;
  case_seq: number | null;
}

describe("case-number backfill", () => {
  it("every demo case gets a number of its city day, 0001 upwards in order of filing", async () => {
    const { sqlite, db, atomic } = openSqlite(":memory:");
    await seedCategoriesIfEmpty(db, atomic);
    await seedDemoReportsIfEmpty(db, atomic, new Date("2026-11-27T04:00:00.000Z"));
    const rows = sqlite.prepare("select id, created_at, case_day, case_seq from reports order by created_at, id").all() as Row[];
    const perDay = new Map<string, number>();
    for (const r of rows) {
      const day = caseDayOf(new Date(r.created_at));
      const next = (perDay.get(day) ?? 0) + 1;
      perDay.set(day, next);
      expect(formatCaseNumber(r.case_day ?? "", r.case_seq ?? 0)).toBe(formatCaseNumber(day, next));
    }
  });

  it("numbers old rows after the ones a day already has, and a second run changes nothing", async () => {
    const { sqlite, db, atomic } = openSqlite(":memory:");
    await seedCategoriesIfEmpty(db, atomic);
    const now = new Date("2026-11-27T04:00:00.000Z");
    await seedDemoReportsIfEmpty(db, atomic, now);
    const target = sqlite.prepare("select case_day from reports group by case_day having count(*) >= 2 limit 1").get() as {
      case_day: string;
    };
    // Forget the numbers of all but the first case of that day, as if they were filed before numbering.
    sqlite.prepare("update reports set case_day = null, case_seq = null where case_day = ? and case_seq > 1").run(target.case_day);
    await db.run(backfillCaseNumbers(now, "Asia/Shanghai"));
    const seqs = (sqlite.prepare("select case_seq from reports where case_day = ? order by case_seq").all(target.case_day) as Row[]).map(
      (r) => r.case_seq,
    );
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const before = sqlite.prepare("select id, case_day, case_seq from reports order by id").all();
    await db.run(backfillCaseNumbers(now, "Asia/Shanghai"));
    expect(sqlite.prepare("select id, case_day, case_seq from reports order by id").all()).toEqual(before);
  });
});
