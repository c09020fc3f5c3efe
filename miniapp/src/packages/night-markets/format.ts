import { WEEKDAY_NAMES_ZH, weekdayOf, type ZoneSeason } from "@civic/shared";

/* How the night-market pages write dates and seasons. */

/** "12月5日（周六）" for 2026-12-05. */
export function dateLabel(date: string): string {
  const [, m, d] = date.split("-").map(Number);
  return `${m}月${d}日（${WEEKDAY_NAMES_ZH[weekdayOf(date)]}）`;
}

const monthDay = (md: string) => {
  const [m, d] = md.split("-").map(Number);
  return `${m}月${d}日`;
};

/** "全年" or "每年 4月1日 至 10月31日" (a season ending before it starts runs over the new year: "至次年"). */
export function seasonsText(seasons: readonly ZoneSeason[]): string {
  if (seasons.length === 0) return "全年";
  return seasons.map((s) => `每年 ${monthDay(s.start)} 至${s.end < s.start ? "次年" : ""} ${monthDay(s.end)}`).join("；");
}
