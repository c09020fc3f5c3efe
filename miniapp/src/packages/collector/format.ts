import { addCityDays, type CollectorJob, PICKUP_WINDOWS, type PickupWindow } from "@civic/shared";
import { cityToday } from "../../ui/periods";

/* How the collector pages write dates, windows, streets, items and distances. */

/** Today (ui/periods) and tomorrow in city time (the date switcher of the day page). */
export { cityToday };
export const cityTomorrow = (now: Date = new Date()): string => addCityDays(cityToday(now), 1);

export const windowLabel = (w: PickupWindow): string => PICKUP_WINDOWS[w].label;

/** "320508:观前街道" → "观前街道" (a street code is "<district code>:<street name>"). */
export const streetName = (code: string): string => code.slice(code.indexOf(":") + 1) || code;

/** "2026-12-02" → "12月2日". */
export function monthDay(date: string): string {
  const [, m, d] = date.split("-");
  return `${Number(m)}月${Number(d)}日`;
}

/** "12月2日", with 今天 or 明天 before it when it is one of those. */
export function dateLabel(date: string, now: Date = new Date()): string {
  const plain = monthDay(date);
  if (date === cityToday(now)) return `今天 ${plain}`;
  if (date === cityTomorrow(now)) return `明天 ${plain}`;
  return plain;
}

export const itemsText = (job: Pick<CollectorJob, "items">): string => job.items.map((i) => `${i.name}×${i.qty}`).join("、");

export function metersText(m: number): string {
  if (m < 1000) return `${m} 米`;
  return `${(m / 1000).toFixed(1)} 公里`;
}

/** A YYYY-MM-DD date from a page parameter, or null. */
export const dateParam = (value: string | undefined): string | null => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);
