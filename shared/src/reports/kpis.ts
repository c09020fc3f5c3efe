import type { KpiFigures } from "./moderation";

/** One accepted case as the KPI needs it. */
export interface KpiCase {
  acceptedAt: string;
  closedAt: string | null;
  slaDueAt: string | null;
  rating: number | null;
  everResolved: boolean;
  reopenCount: number;
}

/** How 重开率 is computed, in the words the KPI page and docs/api.md use (computeKpis below). */
export const REOPEN_RATE_BASIS = "重开率 = 重开过的案件 ÷ 处理过（有处理反馈）的案件，均为本期立案的案件";

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The bureau's figures over a set of cases: 结案率 (closed/cases), 按期结案率 (closed by the SLA due time /
 * closed), median hours from 立案 to 结案, 回访满意率 (ratings 4-5 / ratings), 重开率 (cases reopened at least once / cases resolved at least once).
 */
export function computeKpis(cases: readonly KpiCase[]): KpiFigures {
  let closed = 0;
  let closedOnTime = 0;
  let rated = 0;
  let satisfied = 0;
  let resolved = 0;
  let reopened = 0;
  const hours: number[] = [];
  for (const c of cases) {
    if (c.closedAt) {
      closed++;
      if (c.slaDueAt && c.closedAt <= c.slaDueAt) closedOnTime++;
      hours.push((Date.parse(c.closedAt) - Date.parse(c.acceptedAt)) / 3_600_000);
    }
    if (c.rating !== null) {
      rated++;
      if (c.rating >= 4) satisfied++;
    }
    if (c.everResolved) resolved++;
    if (c.reopenCount > 0) reopened++;
  }
  const med = median(hours);
  return {
    cases: cases.length,
    closed,
    closureRate: ratio(closed, cases.length),
    closedOnTime,
    onTimeRate: ratio(closedOnTime, closed),
    medianHoursToClose: med === null ? null : Math.round(med * 10) / 10,
    rated,
    satisfactionRate: ratio(satisfied, rated),
    resolved,
    reopened,
    reopenRate: ratio(reopened, resolved),
  };
}
