import { cityClock, type HourlyRate, type LiveStatus, liveText, type OccupancyBucket } from "@civic/shared";

/*
 * How parking reads on screen. The fresh/unknown decision and the band are the API's (`fresh`, `band`);
 * only the age ("3 分钟前") is worked out here, against the device's clock, by shared's liveText. The marker
 * colours per band are the one mapping 附近 uses too (miniapp/src/parking/colours.ts).
 */

/** "剩余 23 个 · 3 分钟前", or "余位未知 · 最后上报 2 小时前": never a stale number. */
export const liveLine = (live: LiveStatus, now: Date = new Date()): string => liveText(live, now);

const yuan = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)} 元`;

/** The structured tariff in words, e.g. "15 分钟内免费 · 首小时 5 元 · 之后每小时 3 元 · 每日最高 40 元". */
export function rateText(rate: HourlyRate | null): string | null {
  if (!rate) return null;
  const parts: string[] = [];
  if (rate.freeMinutes > 0) parts.push(`${rate.freeMinutes} 分钟内免费`);
  parts.push(`首小时 ${yuan(rate.firstHourYuan)}`);
  parts.push(`之后每小时 ${yuan(rate.perHourYuan)}`);
  if (rate.dailyCapYuan !== null) parts.push(`每日最高 ${yuan(rate.dailyCapYuan)}`);
  return parts.join(" · ");
}

export interface ChartBar {
  hourStart: string;
  /** The hour of day in the city, 0..23. */
  hour: number;
  /** Occupied share in percent, or null for an hour without observations (drawn as a gap). */
  percent: number | null;
  /** What the bar says when read out or tapped. */
  title: string;
}

/** The 24-hour chart's bars, oldest first, each hour in the city's time. */
export function chartBars(series: readonly OccupancyBucket[], zone?: string): ChartBar[] {
  return series.map((b) => {
    const hour = Math.floor(cityClock(new Date(b.hourStart), zone).minutes / 60);
    const percent = b.occupancy === null ? null : Math.round(b.occupancy * 100);
    const free = b.meanFree === null ? "" : `，平均剩余 ${Math.round(b.meanFree)} 个`;
    return { hourStart: b.hourStart, hour, percent, title: percent === null ? `${hour}时：无数据` : `${hour}时：占用 ${percent}%${free}` };
  });
}
