import { cityClock, DEFAULT_CITY_ZONE } from "./cityTime";

/* City months (YYYY-MM): the period of monthly figures such as 星级小区 ratings. */

export const CITY_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The city month an instant falls in. */
export function cityMonthOf(instant: Date, zone: string = DEFAULT_CITY_ZONE): string {
  return cityClock(instant, zone).date.slice(0, 7);
}

/** The month `delta` months after `month` (negative: before). */
export function addCityMonths(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** True once the whole month lies in the past in the city (its last day has ended). */
export function cityMonthEnded(month: string, instant: Date, zone: string = DEFAULT_CITY_ZONE): boolean {
  return month < cityMonthOf(instant, zone);
}
