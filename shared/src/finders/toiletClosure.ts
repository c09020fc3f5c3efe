import { z } from "zod";

/*
 * A toilet closed for a while (works, a burst pipe): until the last city day it stays closed, inclusive.
 * Stored as two columns; shown only while `until` is today or later in the city, so an expired closure
 * needs no job to clear it.
 */

export const TemporaryClosure = z
  .object({
    /** The last city day (YYYY-MM-DD) the toilet is closed, inclusive. */
    until: z.iso.date(),
    reason: z.string(),
  })
  .meta({ id: "TemporaryClosure" });
export type TemporaryClosure = z.infer<typeof TemporaryClosure>;

/** The closure in force on `today` (a city date), or null when there is none or it has ended. */
export function activeClosure(closedUntil: string | null, reason: string | null, today: string): TemporaryClosure | null {
  if (!closedUntil || closedUntil < today) return null;
  return { until: closedUntil, reason: reason ?? "" };
}

/** "12月10日" for 2026-12-10: how residents read a city date. */
export function monthDayZh(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** The finder's badge: "暂停开放 · 至12月10日". */
export function closureBadge(closure: TemporaryClosure): string {
  return `暂停开放 · 至${monthDayZh(closure.until)}`;
}
