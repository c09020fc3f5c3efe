import { addCityDays } from "@civic/shared";

/* The KPI page's periods (city dates, inclusive) and how its figures read. */
export type PeriodPreset = "7d" | "30d" | "month" | "custom";
export type GroupBy = "none" | "category" | "district";

export const PERIOD_LABELS: Record<PeriodPreset, string> = { "7d": "近7天", "30d": "近30天", month: "本月", custom: "自定义" };
export const GROUP_LABELS: Record<GroupBy, string> = { none: "不分组", category: "按分类", district: "按区域" };

export function presetRange(preset: Exclude<PeriodPreset, "custom">, today: string): { from: string; to: string } {
  if (preset === "7d") return { from: addCityDays(today, -6), to: today };
  if (preset === "30d") return { from: addCityDays(today, -29), to: today };
  return { from: `${today.slice(0, 8)}01`, to: today };
}

export const hoursText = (hours: number | null): string => (hours === null ? "—" : `${hours} 小时`);

/** A bar's length as a CSS percentage of the largest value (a thin sliver for non-zero values). */
export function barPercent(value: number, max: number): string {
  if (max <= 0 || value <= 0) return "0%";
  return `${Math.max(2, Math.round((value / max) * 1000) / 10)}%`;
}
