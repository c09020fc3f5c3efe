import { cityClock } from "@civic/shared";

/* City-date periods typed by hand and rates as text: used by the moderation KPIs and the bureau's pickups pages. */

export const cityToday = (now: Date = new Date()): string => cityClock(now).date;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isCityDate = (s: string) =>
  DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** A period (inclusive city dates) typed by hand, or the problem with it. */
export function checkDateRange(from: string, to: string): { ok: true; from: string; to: string } | { ok: false; message: string } {
  const f = from.trim();
  const t = to.trim();
  if (!isCityDate(f) || !isCityDate(t)) return { ok: false, message: "请按 2026-11-01 的格式填写起止日期" };
  if (f > t) return { ok: false, message: "开始日期不能晚于结束日期" };
  return { ok: true, from: f, to: t };
}

/** 0.756 → "75.6%", 1 → "100%"; "—" when there is nothing to divide. */
export function percent(rate: number | null): string {
  if (rate === null) return "—";
  const value = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}
