import { addCityDays, cityClock } from "@civic/shared";

/* The KPI page's periods (city dates, inclusive) and how its figures read. */
export type PeriodPreset = "7d" | "30d" | "month" | "custom";
export type GroupBy = "none" | "category" | "district";

export const PERIOD_LABELS: Record<PeriodPreset, string> = { "7d": "近7天", "30d": "近30天", month: "本月", custom: "自定义" };
export const GROUP_LABELS: Record<GroupBy, string> = { none: "不分组", category: "按分类", district: "按区域" };

export const cityToday = (now: Date = new Date()): string => cityClock(now).date;

export function presetRange(preset: Exclude<PeriodPreset, "custom">, today: string): { from: string; to: string } {
  if (preset === "7d") return { from: addCityDays(today, -6), to: today };
  if (preset === "30d") return { from: addCityDays(today, -29), to: today };
  return { from: `${today.slice(0, 8)}01`, to: today };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) =>
  DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** A custom period typed by hand, or the problem with it. */
export function checkCustomRange(from: string, to: string): { ok: true; from: string; to: string } | { ok: false; message: string } {
  const f = from.trim();
  const t = to.trim();
  if (!isDate(f) || !isDate(t)) return { ok: false, message: "请按 2026-11-01 的格式填写起止日期" };
  if (f > t) return { ok: false, message: "开始日期不能晚于结束日期" };
  return { ok: true, from: f, to: t };
}

/** 0.756 → "75.6%", 1 → "100%"; "—" when there is nothing to divide. */
export function percent(rate: number | null): string {
  if (rate === null) return "—";
  const value = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}

export const hoursText = (hours: number | null): string => (hours === null ? "—" : `${hours} 小时`);

/** A bar's length as a CSS percentage of the largest value (a thin sliver for non-zero values). */
export function barPercent(value: number, max: number): string {
  if (max <= 0 || value <= 0) return "0%";
  return `${Math.max(2, Math.round((value / max) * 1000) / 10)}%`;
}
