import { cityClock, DEFAULT_CITY_ZONE } from "../time/cityTime";

/*
 * The case number (案件编号) a resident reads over the phone: the city day of filing and that day's
 * sequence, `YYYYMMDD-NNNN` (a fifth digit appears only past 9999 cases a day). The API assigns the
 * sequence in the same statement that inserts the report (api/src/reports/case-number.ts), so it is
 * unique and gap-free per day without a read between awaits. The UUID stays the id in URLs and Open311.
 */

export const CASE_NUMBER_PATTERN = /^\d{8}-\d{4,}$/;

/** The city day an instant belongs to, as the case number's prefix (YYYYMMDD). */
export function caseDayOf(instant: Date, zone: string = DEFAULT_CITY_ZONE): string {
  return cityClock(instant, zone).date.replace(/-/g, "");
}

export function formatCaseNumber(day: string, seq: number): string {
  return `${day}-${String(seq).padStart(4, "0")}`;
}

/** A report's number, or null for a row filed before numbers existed and not yet backfilled. */
export function caseNumberOf(row: { caseDay: string | null; caseSeq: number | null }): string | null {
  return row.caseDay && row.caseSeq ? formatCaseNumber(row.caseDay, row.caseSeq) : null;
}

/** How a case is named to people: its number, or a short id for an unnumbered old row. */
export function caseLabel(c: { id: string; caseNumber?: string | null }): string {
  return c.caseNumber ?? `#${c.id.slice(-8)}`;
}

/**
 * The first response the bureau owes a new report: 立案 (or a reasoned rejection) within the category's
 * SLA hours from filing. 立案 then restarts the clock for closure (api moderation accept).
 */
export function firstResponseDueAt(filedAt: Date, slaHours: number): Date {
  return new Date(filedAt.getTime() + slaHours * 3_600_000);
}

/** What happens after filing, with the typical time of each step, for the receipt. */
export const CASE_STEPS = [
  { key: "accept", label: "立案", typical: "受理时限内审核立案" },
  { key: "dispatch", label: "派遣", typical: "立案后通常 2 小时内派遣至责任部门" },
  { key: "resolve", label: "处理", typical: "按类别时限处置，常见 4–72 小时" },
  { key: "close", label: "核查结案", typical: "处理后 1 个工作日内核查结案，您可评价或在 7 天内申请重办" },
] as const;
