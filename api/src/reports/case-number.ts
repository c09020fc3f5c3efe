import { caseDayOf, cityClock } from "@civic/shared";
import { type SQL, sql } from "drizzle-orm";
import { reports } from "../db/schema";

/*
 * Assigning case numbers (shared/src/reports/caseNumber.ts). The sequence is a subquery inside the report's
 * own guarded INSERT, so reading the day's highest number and writing the next one are one statement: SQLite
 * (better-sqlite3 and D1 alike) runs one writer at a time, so 20 parallel filings get 20 consecutive numbers,
 * and the UNIQUE(case_day, case_seq) index refuses any pair that ever collided instead of storing it.
 */

export function caseNumberColumns(filedAt: Date, zone: string): { caseDay: string; caseSeq: SQL } {
  const caseDay = caseDayOf(filedAt, zone);
  return {
    caseDay,
    caseSeq: sql`(select coalesce(max(${reports.caseSeq}), 0) + 1 from ${reports} where ${reports.caseDay} = ${caseDay})`,
  };
}

/** The zone's UTC offset in minutes at an instant (SQLite's strftime knows only fixed offsets). */
function offsetMinutes(at: Date, zone: string): number {
  const c = cityClock(at, zone);
  const wall = Date.parse(`${c.date}T00:00:00Z`) + c.minutes * 60_000;
  return Math.round((wall - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * One statement that numbers every report still without a number (rows filed before numbers existed, demo
 * seed rows): per city day in order of filing, after any number that day already has. The zone's offset is
 * taken at `now`; for a zone without daylight saving (Asia/Shanghai) that is exact. Idempotent. The demo
 * seed runs it; for a deployed database the same statement belongs at the end of the migration that adds
 * the columns (with the offset written out, '480 minutes' for Asia/Shanghai).
 */
export function backfillCaseNumbers(now: Date, zone: string) {
  const shift = `${offsetMinutes(now, zone)} minutes`;
  // Ranked in a window-function subquery, which SQLite materialises before the UPDATE writes: a correlated
  // count in SET would see the rows this same UPDATE has already numbered.
  return sql`update reports set case_day = numbered.day, case_seq = numbered.seq
    from (
      select u.id, u.day,
        coalesce((select max(n.case_seq) from reports n where n.case_day = u.day), 0)
          + row_number() over (partition by u.day order by u.created_at, u.id) as seq
      from (select id, created_at, strftime('%Y%m%d', created_at, ${shift}) as day from reports where case_day is null) u
    ) as numbered
    where reports.id = numbered.id`;
}
